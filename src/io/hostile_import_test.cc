// Hostile files (issue 27 item 7): NUL bytes and other control characters,
// huge cells, manager loops and cells a spreadsheet would run as formulas.
// Each is refused with the line and field named and nothing written, or (for
// formulas) escaped on export and read back to the same value.
#include <gtest/gtest.h>

#include "io/export.h"
#include "io/import.h"
#include "io/internal/values.h"
#include "io/testing/io_test_support.h"

namespace guild::io {
namespace {

using testing::TempStore;

Result<ImportReport> Import(Store& store, EntityKind kind, Format format, std::string_view text) {
  return ImportFile(store, kind, format, "hostile", text);
}

// The report's errors as "line:field".
std::vector<std::string> Errors(const ImportReport& report) {
  std::vector<std::string> out;
  for (const auto& e : report.errors) out.push_back(std::to_string(e.line) + ":" + e.field);
  return out;
}

TEST(HostileImportTest, ControlCharactersAndHugeCellsAreRefused) {
  TempStore db;
  const std::string big(internal::kMaxTextBytes + 1, 'x');
  const std::string csv = std::string("id,name\nc1,Ok\nc2,Nul") + '\0' + "Byte\nc3,Bell\a\nc4," +
                          big + "\nc5,\"Two\nlines\tand a tab\"\n";
  auto report = Import(db.store(), EntityKind::kClients, Format::kCsv, csv);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Errors(*report), (std::vector<std::string>{"3:name", "4:name", "5:name"}));
  EXPECT_NE(report->errors[0].expected.find("control characters"), std::string::npos);
  EXPECT_EQ(db.TotalCount(), 0);  // nothing written

  auto json = Import(db.store(), EntityKind::kPeople, Format::kJson,
                     R"([{"id":"p1","name":"A\u0000B","email":"a@firm.com"},)"
                     R"({"id":"p2","name":"Bo","email":"b@firm.com","tags":["ok","\u0001"]}])");
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_EQ(json->errors.size(), 2u);
  EXPECT_EQ(db.TotalCount(), 0);

  const std::string fits(internal::kMaxTextBytes, 'y');
  auto ok = Import(db.store(), EntityKind::kClients, Format::kCsv,
                   "id,name\nc1," + fits + "\nc5,\"Two\nlines\tand a tab\"\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->errors.empty());
  EXPECT_EQ(db.TotalCount(), 2);
}

TEST(HostileImportTest, ManagerLoopsAreRefused) {
  TempStore db;
  auto loop = Import(db.store(), EntityKind::kPeople, Format::kCsv,
                     "id,name,email,manager_id\n"
                     "a,A,a@firm.com,b\n"
                     "b,B,b@firm.com,a\n"
                     "c,C,c@firm.com,a\n"
                     "d,D,d@firm.com,d\n");
  ASSERT_TRUE(loop.ok()) << loop.status().ToString();
  EXPECT_EQ(Errors(*loop),
            (std::vector<std::string>{"2:manager_id", "3:manager_id", "5:manager_id"}));
  EXPECT_NE(loop->errors[0].expected.find("a -> b -> a"), std::string::npos)
      << loop->errors[0].expected;
  EXPECT_EQ(db.TotalCount(), 0);

  // A loop closed through people already stored.
  auto chain = Import(db.store(), EntityKind::kPeople, Format::kCsv,
                      "id,name,email,manager_id\n"
                      "a,A,a@firm.com,\n"
                      "b,B,b@firm.com,a\n"
                      "c,C,c@firm.com,b\n");
  ASSERT_TRUE(chain.ok());
  ASSERT_TRUE(chain->errors.empty());
  auto closing = Import(db.store(), EntityKind::kPeople, Format::kCsv,
                        "id,name,email,manager_id\na,A,a@firm.com,c\n");
  ASSERT_TRUE(closing.ok());
  EXPECT_EQ(Errors(*closing), (std::vector<std::string>{"2:manager_id"}));
  auto stored = db.store().Load(LoadOptions{{EntityKind::kPeople}});
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->people[0].manager_id, "");  // unchanged
}

TEST(HostileImportTest, FormulaCellsAreEscapedOnExportAndReadBack) {
  TempStore db;
  FirmData firm;
  for (std::string name :
       {"=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3", "@SUM(A1)", "'=already quoted", "plain"}) {
    firm.clients.push_back(Client{"c" + std::to_string(firm.clients.size()), name, ""});
  }
  const std::string csv = ExportEntities(firm, EntityKind::kClients, Format::kCsv);
  EXPECT_NE(csv.find("'=HYPERLINK"), std::string::npos) << csv;
  EXPECT_NE(csv.find("'+1+2"), std::string::npos);
  EXPECT_NE(csv.find("'-3"), std::string::npos);
  EXPECT_NE(csv.find("'@SUM"), std::string::npos);
  for (size_t start = 0; start < csv.size();) {  // no cell starts like a formula
    size_t end = csv.find('\n', start);
    std::string_view line(csv.data() + start, end - start);
    size_t comma = line.find(',');
    std::string_view name = line.substr(comma + 1);
    if (!name.empty() && name[0] == '"') name.remove_prefix(1);
    EXPECT_TRUE(name.empty() || std::string_view("=+-@").find(name[0]) == std::string::npos)
        << line;
    start = end + 1;
  }
  auto report = Import(db.store(), EntityKind::kClients, Format::kCsv, csv);
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->errors.empty()) << report->errors[0].ToString();
  auto stored = db.store().Load(LoadOptions{{EntityKind::kClients}});
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->clients.size(), firm.clients.size());
  for (size_t i = 0; i < firm.clients.size(); ++i) {
    EXPECT_EQ(stored->clients[i].name, firm.clients[i].name);
  }
}

}  // namespace
}  // namespace guild::io
