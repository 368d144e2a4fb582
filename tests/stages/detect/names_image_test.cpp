// The compiled names index (names_image.h): an index mapped back from its
// image matches exactly as the one built from the CSV, and an image that is
// damaged, cut short, of another format version or rules, or bound to
// another CSV is refused, never read.
#include "stages/detect/names_image.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "stages/detect/names.h"

namespace redact {
namespace {

const char kList[] =
    "id,first,middle,last,a_number,aliases,dob\n"
    "CM-1,María,Guadalupe,García-López,A-012-345-678,Lupita García,03/14/1987\n"
    "CM-2,Jean-Baptiste,,Joseph,,,\n"
    "CM-3,Ana,,de la Cruz,,,\n"
    "CM-4,Oksana,,Petrenko,A201234567,,\n";

const names_image::Source kSource{std::string(64, 'a'), 4242};

using Matches = std::vector<std::tuple<uint32_t, uint32_t, int, int>>;

Matches FindAll(const NamesIndex& index, const std::string& raw, bool ocr) {
  const std::string text = NormalizeString(raw);
  std::vector<TextToken> tokens = TokenizeForNames(text);
  for (TextToken& t : tokens) t.ocr = ocr;
  std::vector<int> everyone;
  for (size_t e = 0; e < index.entities().size(); ++e) everyone.push_back(static_cast<int>(e));
  std::vector<NamesIndex::Match> found;
  index.Find(text, tokens, everyone, &found);
  Matches out;
  for (const auto& m : found) out.emplace_back(m.first_token, m.token_count, m.entity, static_cast<int>(m.kind));
  return out;
}

// An image as a file mapping would hand it over: 8-byte aligned.
std::shared_ptr<std::string> Image(const std::string& csv = kList) {
  auto image = NamesIndex::CompileCsvText(csv, "names.csv", kSource);
  EXPECT_TRUE(image.has_value()) << image.error().ToString();
  return std::make_shared<std::string>(*image);
}

StatusOr<NamesIndex> Open(const std::shared_ptr<std::string>& image, const names_image::Source& source = kSource) {
  const std::string_view bytes = *image;
  return NamesIndex::FromImage(image, bytes, source, "names.csv", "cache/abc.index");
}

TEST(NamesImage, MappedIndexMatchesAsTheBuiltOne) {
  auto built = NamesIndex::FromCsvText(kList, "names.csv");
  ASSERT_TRUE(built.has_value());
  auto mapped = Open(Image());
  ASSERT_TRUE(mapped.has_value()) << mapped.error().ToString();
  const std::string text =
      "GARCÍA-LÓPEZ, María Guadalupe and Lupita García met Jean Baptiste Joseph, Ana de la Cruz, "
      "A. Petrenko, Petrenko, Oksana and Mrs. Garcia; Rernandez, Pefia, Petrenk0 and Jooseph.";
  for (bool ocr : {false, true}) {
    const Matches expected = FindAll(*built, text, ocr);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(FindAll(*mapped, text, ocr), expected) << "ocr " << ocr;
  }
  ASSERT_EQ(mapped->entities().size(), 4u);
  EXPECT_EQ(mapped->entities()[0].id, "CM-1");
  EXPECT_EQ(mapped->entities()[0].a_number, "A012345678");
  EXPECT_EQ(mapped->entities()[0].dob, "03/14/1987");
  EXPECT_EQ(mapped->EntityForANumber("A201234567"), 3);
  EXPECT_EQ(mapped->EntityForANumber("A999999999"), -1);
  EXPECT_EQ(mapped->EntityForId("CM-2"), 1);
  EXPECT_EQ(mapped->EntityForId("CM-9"), -1);
}

// A variant several rows share is one entry: found once, for the first
// row, naming all of them.
TEST(NamesImage, RowsSharingAVariantShareOneEntry) {
  auto index = NamesIndex::FromCsvText("first,last\nAna,Ruiz\nLuis,Paz\nAna,Ruiz\nAna,Ruiz Paz\n", "names.csv");
  ASSERT_TRUE(index.has_value());
  const std::string text = NormalizeString("Ana Ruiz");
  std::vector<NamesIndex::Match> found;
  index->Find(text, TokenizeForNames(text), std::vector<int>{}, &found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].entity, 0);
  const std::span<const int32_t> named = index->EntitiesOf(found[0].variant);
  EXPECT_EQ(std::vector<int32_t>(named.begin(), named.end()), (std::vector<int32_t>{0, 2, 3}));
}

TEST(NamesImage, WarningsNameTheListAsItIsOpenedNow) {
  auto image = Image("first,last,favourite colour\nAna,Ruiz,blue\n");
  const std::string_view bytes = *image;
  auto index = NamesIndex::FromImage(image, bytes, kSource, "/elsewhere/list.csv", "cache/x.index");
  ASSERT_TRUE(index.has_value());
  ASSERT_EQ(index->warnings().size(), 1u);
  EXPECT_TRUE(index->warnings()[0].starts_with("/elsewhere/list.csv:1: column 'favourite colour'"))
      << index->warnings()[0];
}

TEST(NamesImage, AnotherListIsRefused) {
  names_image::Source other = kSource;
  other.sha256_hex[10] = 'b';
  auto index = Open(Image(), other);
  ASSERT_FALSE(index.has_value());
  EXPECT_EQ(index.error().code(), StatusCode::kIo);
  EXPECT_NE(index.error().message().find("another version of the names list"), std::string::npos);
  other = kSource;
  other.size += 1;
  EXPECT_FALSE(Open(Image(), other).has_value());
}

TEST(NamesImage, EveryDamagedByteIsRefused) {
  const auto good = Image();
  // Every byte after the header, and a sample of the header's own, flipped
  // one at a time: each refused (checksum, bounds, version or binding).
  for (size_t at = 0; at < good->size(); at += (at < sizeof(names_image::Header) ? 1 : 7)) {
    auto bad = std::make_shared<std::string>(*good);
    (*bad)[at] = static_cast<char>((*bad)[at] ^ 0x5A);
    EXPECT_FALSE(Open(bad).has_value()) << "byte " << at;
  }
  for (size_t size : {size_t{0}, size_t{7}, sizeof(names_image::Header), good->size() - 8}) {
    EXPECT_FALSE(Open(std::make_shared<std::string>(good->substr(0, size))).has_value()) << size;
  }
}

TEST(NamesImage, AnotherVersionOrOtherRulesAreRefused) {
  auto image = Image();
  names_image::Header h;
  std::memcpy(&h, image->data(), sizeof h);
  h.version += 1;
  std::memcpy(image->data(), &h, sizeof h);
  auto index = Open(image);
  ASSERT_FALSE(index.has_value());
  EXPECT_NE(index.error().message().find("another version of redact"), std::string::npos);
  image = Image();
  std::memcpy(&h, image->data(), sizeof h);
  h.rules_hash ^= 1;
  std::memcpy(image->data(), &h, sizeof h);
  index = Open(image);
  ASSERT_FALSE(index.has_value());
  EXPECT_NE(index.error().message().find("other names rules"), std::string::npos);
}

TEST(NamesImage, MessagesHoldNoValueFromTheList) {
  auto bad = Image();
  (*bad)[bad->size() - 9] ^= 1;
  auto index = Open(bad);
  ASSERT_FALSE(index.has_value());
  for (const char* value : {"Garc", "Petrenko", "CM-1", "A012345678"}) {
    EXPECT_EQ(index.error().message().find(value), std::string::npos) << value;
  }
}

TEST(NamesImage, EmptyIndexFindsNothing) {
  NamesIndex empty;
  EXPECT_TRUE(empty.entities().empty());
  EXPECT_TRUE(FindAll(empty, "Maria Garcia", true).empty());
  EXPECT_EQ(empty.EntityForId("row-2"), -1);
}

}  // namespace
}  // namespace redact
