#include "http/static_files.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace guild::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSecret = "TOP-SECRET-OUTSIDE-ROOT";

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "guild_static_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    base_ = pattern;
    fs::create_directories(base_ / "dist/assets");
    Write("dist/index.html", "<html>app</html>");
    Write("dist/assets/app-1234.js", "console.log(1)");
    Write("dist/favicon.svg", "<svg/>");
    Write("secret.txt", kSecret);
    fs::create_symlink(base_ / "secret.txt", base_ / "dist/assets/link.txt");
    auto files = StaticFiles::Open({.root = (base_ / "dist").string()});
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_ = std::move(*files);
  }
  void TearDown() override { fs::remove_all(base_); }
  void Write(const std::string& relative, std::string_view text) {
    std::ofstream(base_ / relative) << text;
  }
  Response Get(std::string path) const {
    Request request;
    request.path = std::move(path);
    return files_->Serve(request);
  }

  fs::path base_;
  std::unique_ptr<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  Response js = Get("/assets/app-1234.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.cache_control, "public, max-age=31536000, immutable");
  EXPECT_EQ(js.etag, StrongEtag(js.body));
  Response svg = Get("/favicon.svg");
  EXPECT_EQ(svg.content_type, "image/svg+xml");
  EXPECT_EQ(svg.cache_control, "no-cache");
}

TEST_F(StaticFilesTest, SpaRoutesGetIndex) {
  for (const char* path : {"/", "/teams/t1", "/people"}) {
    Response response = Get(path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.body, "<html>app</html>") << path;
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  }
  EXPECT_EQ(Get("/missing.js").status, 404);
}

TEST_F(StaticFilesTest, ReloadsChangedFiles) {
  EXPECT_EQ(Get("/favicon.svg").body, "<svg/>");
  Write("dist/favicon.svg", "<svg>changed</svg>");
  EXPECT_EQ(Get("/favicon.svg").body, "<svg>changed</svg>");
}

TEST_F(StaticFilesTest, NeverServesOutsideTheRoot) {
  const char* attacks[] = {
      "/../secret.txt",     "/assets/../../secret.txt",    "/./index.html", "//secret.txt",
      "/assets/link.txt",   "/assets\\..\\..\\secret.txt", "/..",           "/assets/",
      "/a/../../secret.txt"};
  for (const char* path : attacks) {
    Response response = Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.body.find(kSecret), std::string::npos) << path;
  }
  Request absolute;
  absolute.path = (base_ / "secret.txt").string();  // "/tmp/.../secret.txt"
  EXPECT_EQ(files_->Serve(absolute).body.find(kSecret), std::string::npos);
}

TEST_F(StaticFilesTest, OpenFailsForMissingRoot) {
  EXPECT_EQ(StaticFiles::Open({.root = (base_ / "nope").string()}).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace guild::http
