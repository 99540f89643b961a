// `guild taxonomy import`: loads the built-in O*NET + ESCO taxonomy into the
// store (an upsert, so running it again changes nothing).
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace guild::cli {

//! The taxonomy folder: `flag` when given, else the first folder of
//! TaxonomySearchPath next to this executable. Shared with `guild demo`.
Result<std::string> ResolveTaxonomyDir(const std::string& flag) {
  if (!flag.empty()) return FindTaxonomyDirectory({flag});
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  auto dir = FindTaxonomyDirectory(TaxonomySearchPath(error ? "" : exe.parent_path().string()));
  if (!dir.ok()) return dir;
  return std::filesystem::path(*dir).lexically_normal().string();
}

namespace {

struct TaxonomyArgs {
  std::string db = "guild.db";
  std::string taxonomy_dir;
};

int CountBy(const FirmData& data, SkillSource source) {
  int n = 0;
  for (const auto& s : data.skills) n += s.source == source;
  return n;
}

int CountBy(const FirmData& data, RoleSource source) {
  int n = 0;
  for (const auto& r : data.roles) n += r.source == source;
  return n;
}

int RunImport(const TaxonomyArgs& args) {
  auto dir = ResolveTaxonomyDir(args.taxonomy_dir);
  if (!dir.ok()) return Fail(dir.status());
  auto taxonomy = LoadTaxonomy(TaxonomyOptions{.directory = *dir});
  if (!taxonomy.ok()) return Fail(taxonomy.status());
  auto store = OpenStore(StoreOptions{.url = args.db});
  if (!store.ok()) return Fail(store.status());
  Status written = (*store)->Upsert(*taxonomy);
  if (!written.ok()) return Fail(written);
  size_t links = 0;
  for (const auto& r : taxonomy->roles) links += r.skills.size();
  std::cout << "Imported the taxonomy from " << *dir << " into " << (*store)->BackendName()
            << " store " << args.db << ":\n"
            << "  skills: " << taxonomy->skills.size() << " (O*NET "
            << CountBy(*taxonomy, SkillSource::kOnet) << ", ESCO "
            << CountBy(*taxonomy, SkillSource::kEsco) << ")\n"
            << "  roles:  " << taxonomy->roles.size() << " (O*NET "
            << CountBy(*taxonomy, RoleSource::kOnet) << ", ESCO "
            << CountBy(*taxonomy, RoleSource::kEsco) << ") with " << links << " role-skill links\n";
  return kExitOk;
}

void RegisterTaxonomy(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TaxonomyArgs>();
  auto* taxonomy = app.add_subcommand("taxonomy", "The built-in O*NET and ESCO skills taxonomy.");
  taxonomy->require_subcommand(1);
  auto* import = taxonomy->add_subcommand(
      "import", "Load the built-in taxonomy (skills and roles) into the store; safe to repeat.");
  AddDbOption(*import, args->db);
  import->add_option("--taxonomy-dir", args->taxonomy_dir,
                     "Folder with the taxonomy TSV files (default: found next to the program)");
  import->callback([args, &exit_code] { exit_code = RunImport(*args);
});
}  // namespace

}  // namespace guild::cli

GUILD_REGISTER_COMMAND(taxonomy, RegisterTaxonomy);

}  // namespace guild::cli
