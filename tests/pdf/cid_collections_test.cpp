// Adobe's CJK collections from poppler-data (pdf/cid_collections.h): the
// predefined CMaps (with usecmap), the CID → Unicode tables, and fonts
// decoded through them — or left undecodable, with the reason, when the
// tables are missing. Needs Debian's poppler-data (tools/setup/deps.sh).
#include "pdf/cid_collections.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tests/testing/cjk_pdfs.h"
#include "tests/testing/extract_helper.h"

namespace redact {
namespace {

using pdf::CidToUnicode;
using pdf::CollectionCidToUnicode;
using pdf::PredefinedCMap;

// 山 U+5C71: Adobe-Japan1 CID 2177, Shift-JIS 8E52.
const std::string kYama = "\xE5\xB1\xB1";

// Points REDACT_POPPLER_DATA at `dir` for the life of the object.
class ScopedPopplerData {
 public:
  explicit ScopedPopplerData(const std::string& dir) {
    setenv("REDACT_POPPLER_DATA", dir.c_str(), 1);
  }
  ~ScopedPopplerData() { unsetenv("REDACT_POPPLER_DATA"); }
};

#define REQUIRE_POPPLER_DATA()                                                      \
  if (!pdf::PopplerDataFound()) {                                                   \
    if (std::getenv("CI")) FAIL() << "poppler-data is not installed";               \
    GTEST_SKIP() << "poppler-data is not installed (Debian package: poppler-data)"; \
  }

TEST(CidCollections, CidToUnicodeReadsOneCodePointPerLineAndZeroIsNothing) {
  const CidToUnicode t = CidToUnicode::Parse("0000\n0020\r\n5c71\nzz\n\n1F600\n");
  EXPECT_EQ(t.size(), 6u);
  EXPECT_FALSE(t.Lookup(0).has_value());  // 0: no text
  EXPECT_EQ(t.Lookup(1), " ");
  EXPECT_EQ(t.Lookup(2), kYama);          // CRLF and lower case
  EXPECT_FALSE(t.Lookup(3).has_value());  // not hexadecimal
  EXPECT_FALSE(t.Lookup(4).has_value());  // empty line
  EXPECT_EQ(t.Lookup(5), "\xF0\x9F\x98\x80");
  EXPECT_FALSE(t.Lookup(6).has_value());  // past the end
}

TEST(CidCollections, KnownOrderingsAreAdobesFourCjkOnes) {
  EXPECT_EQ(pdf::KnownCjkOrdering("Adobe", "Japan1"), "Japan1");
  EXPECT_EQ(pdf::KnownCjkOrdering("Adobe", "Korea1"), "Korea1");
  EXPECT_EQ(pdf::KnownCjkOrdering("Adobe", "Identity"), "");
  EXPECT_EQ(pdf::KnownCjkOrdering("Other", "Japan1"), "");
}

TEST(CidCollections, PredefinedCMapMapsShiftJisToCids) {
  REQUIRE_POPPLER_DATA();
  auto cmap = PredefinedCMap("Japan1", "90ms-RKSJ-H");
  ASSERT_NE(cmap, nullptr);
  const pdf::CMap::Code two = cmap->NextCode("\x8E\x52", false);
  EXPECT_EQ(two.length, 2);
  EXPECT_EQ(cmap->LookupCid(two.value), 2177u);
  EXPECT_EQ(cmap->NextCode("A", false).length, 1);  // one-byte codes too
  EXPECT_EQ(cmap->LookupCid('A'), 264u);
  EXPECT_EQ(PredefinedCMap("Japan1", "90ms-RKSJ-H"), cmap) << "loaded once";
}

TEST(CidCollections, UseCMapChainsAreResolved) {
  REQUIRE_POPPLER_DATA();
  // 90ms-RKSJ-V declares only its vertical forms and uses 90ms-RKSJ-H.
  auto cmap = PredefinedCMap("Japan1", "90ms-RKSJ-V");
  ASSERT_NE(cmap, nullptr);
  EXPECT_TRUE(cmap->vertical());
  EXPECT_EQ(cmap->NextCode("\x8E\x52", false).length, 2);  // the used CMap's codespace
  EXPECT_EQ(cmap->LookupCid(0x8E52), 2177u);               // from 90ms-RKSJ-H
  EXPECT_EQ(cmap->LookupCid(0x8141), 7887u);               // its own vertical comma
}

TEST(CidCollections, CollectionTableGivesUnicodeOfCids) {
  REQUIRE_POPPLER_DATA();
  auto table = CollectionCidToUnicode("Japan1");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->Lookup(2177), kYama);
  EXPECT_EQ(table->Lookup(34), "A");
  EXPECT_FALSE(table->Lookup(0).has_value());
  EXPECT_NE(CollectionCidToUnicode("GB1"), nullptr);
  EXPECT_NE(CollectionCidToUnicode("CNS1"), nullptr);
  EXPECT_NE(CollectionCidToUnicode("Korea1"), nullptr);
  EXPECT_EQ(CollectionCidToUnicode("Identity"), nullptr);
}

TEST(CidCollections, NamesThatAreNotPlainCMapNamesAreNotOpened) {
  REQUIRE_POPPLER_DATA();
  EXPECT_EQ(PredefinedCMap("Japan1", "../Adobe-GB1/GBK-EUC-H"), nullptr);
  EXPECT_EQ(PredefinedCMap("Japan1", "/etc/passwd"), nullptr);
  EXPECT_EQ(PredefinedCMap("Japan1", "NoSuchCMap-H"), nullptr);
  EXPECT_EQ(PredefinedCMap("Identity", "90ms-RKSJ-H"), nullptr);
}

TEST(CidCollections, MissingTablesAreNothing) {
  const std::string empty =
      (std::filesystem::temp_directory_path() / "redact_no_poppler_data").string();
  std::filesystem::create_directories(empty);
  ScopedPopplerData data(empty);
  EXPECT_FALSE(pdf::PopplerDataFound());
  EXPECT_EQ(PredefinedCMap("Japan1", "90ms-RKSJ-H"), nullptr);
  EXPECT_EQ(CollectionCidToUnicode("Japan1"), nullptr);
}

// The font as a whole: a non-embedded Japanese font without /ToUnicode.
// Before: every glyph undecodable under Identity-H, and 90ms-RKSJ-H an
// unsupported font.
TEST(CidCollections, NonEmbeddedJapaneseFontsDecodeThroughTheCollection) {
  REQUIRE_POPPLER_DATA();
  for (const char* encoding : {"Identity-H", "90ms-RKSJ-H"}) {
    SCOPED_TRACE(encoding);
    auto page = testing::ExtractPage(
        testing::NonEmbeddedJapanesePdf({"山田 太郎", "A201234567"}, encoding));
    ASSERT_TRUE(page.has_value()) << page.error().ToString();
    EXPECT_EQ(page->undecodable_glyph_count(), 0);
    EXPECT_EQ(testing::GlyphText(*page), "山田太郎A201234567");
    EXPECT_NE(page->text.find("山田 太郎"), std::string::npos) << page->text;
    EXPECT_TRUE(page->problems.empty()) << page->problems[0].detail;
  }
}

// Fail closed: without the tables the text stays undecodable, as before,
// and the reason names what is missing.
TEST(CidCollections, WithoutTheTablesTheTextStaysUndecodableAndSaysWhy) {
  const std::string empty =
      (std::filesystem::temp_directory_path() / "redact_no_poppler_data").string();
  std::filesystem::create_directories(empty);
  ScopedPopplerData data(empty);
  for (const char* encoding : {"Identity-H", "90ms-RKSJ-H"}) {
    SCOPED_TRACE(encoding);
    auto page = testing::ExtractPage(testing::NonEmbeddedJapanesePdf({"山田 太郎"}, encoding));
    ASSERT_TRUE(page.has_value()) << page.error().ToString();
    EXPECT_EQ(page->undecodable_glyph_count(), 4);
    bool says_why = false;
    for (const ExtractionProblem& p : page->problems) {
      says_why |= p.detail.find("poppler-data's Adobe-Japan1 tables are missing from " + empty) !=
                  std::string::npos;
    }
    EXPECT_TRUE(says_why);
  }
}

}  // namespace
}  // namespace redact
