// Identifiers hidden in the places a deny-list of side channels forgets:
// named destinations, page labels, layer names, associated files, remote
// and launch actions, a URI action's /Next, widgets outside the AcroForm,
// additional actions, JPEG metadata behind a filter array or in an inline
// image, forms left in resources, a tiling pattern's form, private keys,
// the trailer, unreferenced objects. Each crafted PDF goes through
// `redact apply` and is judged by the shared oracles (tests/testing/
// oracles.h): nothing readable, and the report says what was dropped, by
// kind. The last tests check that ordinary public content survives.
// The protected person is "Maria Hernandez-Nunez" (A201234567).
#include <gtest/gtest.h>
#include <zlib.h>

#include <leptonica/allheaders.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/oracles.h"
#include "tests/testing/pdf_builder.h"
#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::Deflate;
using testing::PdfBuilder;
using testing::RunCommand;

const std::string kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                          "/Encoding /WinAnsiEncoding >>";
const std::string kName = "Maria Hernandez-Nunez";

std::string R(int n) { return std::to_string(n) + " 0 R"; }

// A one-page document whose page and page-tree numbers are known before
// it is built (annotations and destinations point at the page).
struct OnePage {
  PdfBuilder b;
  int pages = b.Reserve();
  int page = b.Reserve();

  std::string Build(const std::string& content, const std::string& resources_extra = "",
                    const std::string& page_extra = "", const std::string& catalog_extra = "") {
    const int contents = b.AddStream("", content);
    b.Set(page, "<< /Type /Page /Parent " + R(pages) + " /MediaBox [0 0 612 792] /Resources << /Font << /F1 " +
                    kFont + " >> " + resources_extra + " >> /Contents " + R(contents) + " " + page_extra + " >>");
    b.Set(pages, "<< /Type /Pages /Kids [" + R(page) + "] /Count 1 >>");
    return b.Build(b.Add("<< /Type /Catalog /Pages " + R(pages) + " " + catalog_extra + " >>"));
  }
};

struct Outcome {
  int exit_code = -1;
  std::string err;
  testing::OracleReading reading;
  nlohmann::json report;
  std::string report_text;
};

Outcome Apply(const std::string& name, const std::string& pdf, bool ocr = false) {
  const fs::path dir = fs::temp_directory_path() / ("redact_hostile_side_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "out");
  const fs::path in = dir / (name + ".pdf");
  std::ofstream(in, std::ios::binary) << pdf;
  std::ofstream(dir / "names.csv") << "id,name,a_number\nP1," << kName << ",A201234567\n";
  auto r = RunCommand({REDACT_BINARY, "apply", "--names", (dir / "names.csv").string(), "--out",
                       (dir / "out").string(), in.string()});
  Outcome o;
  o.exit_code = r.exit_code;
  o.err = r.err;
  const fs::path out = dir / "out" / (name + ".pdf");
  if (r.exit_code != 0 || !fs::exists(out)) return o;
  o.reading = testing::ReadWithOracles(out.string(), (dir / "oracles").string(), ocr);
  std::ifstream rep(dir / "out" / (name + ".report.json"));
  o.report_text.assign(std::istreambuf_iterator<char>(rep), {});
  o.report = nlohmann::json::parse(o.report_text);
  return o;
}

#define REQUIRE_ORACLES()            \
  REDACT_REQUIRE_TOOL("pdftotext");  \
  REDACT_REQUIRE_TOOL("mutool");     \
  REDACT_REQUIRE_TOOL("qpdf")

// Nothing of the person is readable in any oracle's reading, and nothing
// of them is in the report or on stderr.
void ExpectNothingReadable(const Outcome& o) {
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(o.reading.problems.empty()) << o.reading.problems.front();
  for (const char* value : {"Hernandez", "201234567"}) {
    const std::vector<std::string> readers = testing::ReadersShowing(o.reading, value);
    EXPECT_TRUE(readers.empty()) << value << " readable by " << readers.front();
    EXPECT_EQ(testing::FoldForReading(o.report_text).find(testing::FoldForReading(value)), std::string::npos)
        << "the report holds " << value;
    EXPECT_EQ(testing::FoldForReading(o.err).find(testing::FoldForReading(value)), std::string::npos);
  }
}

int Dropped(const Outcome& o, const std::string& kind) {
  if (!o.report.is_object() || !o.report.contains("dropped")) return 0;
  return o.report["dropped"].value(kind, 0);
}

bool Shows(const Outcome& o, const std::string& reader_text, const std::string& value) {
  return testing::FoldForReading(reader_text).find(testing::FoldForReading(value)) != std::string::npos;
}

TEST(HostileSideChannels, NamedDestinationsKeyedByTheName) {
  REQUIRE_ORACLES();
  OnePage d;
  const int link = d.b.Add("<< /Type /Annot /Subtype /Link /Rect [72 600 200 620] /Dest (" + kName + ") >>");
  const int tree = d.b.Add("<< /Names [(" + kName + ") [" + R(d.page) + " /XYZ 0 792 0] (A201234567) [" +
                           R(d.page) + " /Fit]] >>");
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Exhibit list) Tj ET", "", "/Annots [" + R(link) + "]",
                                  "/Dests << /MariaHernandezNunez [" + R(d.page) + " /Fit] >> /Names << /Dests " +
                                      R(tree) + " >>");
  Outcome o = Apply("named_dests", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "named_destinations"), 3);
  // The link still goes to its page, by an explicit destination.
  EXPECT_NE(o.reading.qpdf_bytes.find("/Subtype /Link"), std::string::npos);
  EXPECT_NE(o.reading.qpdf_bytes.find("/XYZ"), std::string::npos);
}

TEST(HostileSideChannels, PageLabelPrefixes) {
  REQUIRE_ORACLES();
  OnePage d;
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Page body) Tj ET", "", "",
                                  "/PageLabels << /Nums [0 << /S /D /St 3 /P (Hernandez-Nunez A201234567 p.) >>] >>");
  Outcome o = Apply("page_labels", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "page_labels_prefix"), 1);
  EXPECT_NE(o.reading.qpdf_bytes.find("/St 3"), std::string::npos) << "numbering lost";
}

TEST(HostileSideChannels, OptionalContentGroupNamesAndOrderLabels) {
  REQUIRE_ORACLES();
  OnePage d;
  const int ocg = d.b.Add("<< /Type /OCG /Name (Notes on " + kName + ") >>");
  const std::string pdf = d.Build("/OC /oc1 BDC BT /F1 12 Tf 72 700 Td (Public layer text) Tj ET EMC",
                                  "/Properties << /oc1 " + R(ocg) + " >>", "",
                                  "/OCProperties << /OCGs [" + R(ocg) + "] /D << /Name (A201234567) /Order [(" +
                                      kName + ") [" + R(ocg) + "]] >> >>");
  Outcome o = Apply("ocgs", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "ocg_names_replaced"), 1);
  EXPECT_EQ(Dropped(o, "ocg_order_labels"), 1);
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Public layer text"));
  EXPECT_NE(o.reading.qpdf_bytes.find("(Layer 1)"), std::string::npos);
}

TEST(HostileSideChannels, AssociatedFilesOnCatalogPageAnnotationAndImage) {
  REQUIRE_ORACLES();
  OnePage d;
  const int ef = d.b.AddStream("/Type /EmbeddedFile", "Declaration of " + kName + ", A201234567");
  const std::string spec = "<< /Type /Filespec /F (hernandez-nunez.txt) /UF (hernandez-nunez.txt) /EF << /F " +
                           R(ef) + " >> /AFRelationship /Source >>";
  const int fs_obj = d.b.Add(spec);
  const int image = d.b.AddStream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                                  "/BitsPerComponent 8 /AF [" + R(fs_obj) + "]",
                                  std::string("\x10\x20\x30\x40", 4));
  const int note = d.b.Add("<< /Type /Annot /Subtype /Square /Rect [300 300 320 320] /AF [" + R(fs_obj) + "] >>");
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Exhibit 9) Tj ET q 20 0 0 20 400 100 cm /Im1 Do Q",
                                  "/XObject << /Im1 " + R(image) + " >>",
                                  "/AF [" + R(fs_obj) + "] /Annots [" + R(note) + "]",
                                  "/AF [" + R(fs_obj) + "]");
  Outcome o = Apply("associated_files", pdf);
  ExpectNothingReadable(o);
  EXPECT_GE(Dropped(o, "key:/AF"), 4);
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Exhibit 9"));
}

TEST(HostileSideChannels, RemoteGoToAndLaunchActionFileSpecifications) {
  REQUIRE_ORACLES();
  OnePage d;
  const int gotor = d.b.Add("<< /Type /Annot /Subtype /Link /Rect [72 600 200 620] /A << /S /GoToR /F "
                            "(/cases/Hernandez-Nunez/A201234567.pdf) /D [0 /Fit] >> >>");
  const int launch = d.b.Add("<< /Type /Annot /Subtype /Link /Rect [72 560 200 580] /A << /S /Launch /F << "
                             "/Type /Filespec /F (hernandez-nunez.exe) >> /Win << /F (hernandez.bat) >> >> >>");
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (See attached) Tj ET", "",
                                  "/Annots [" + R(gotor) + " " + R(launch) + "]");
  Outcome o = Apply("gotor_launch", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "action:GoToR"), 1);
  EXPECT_EQ(Dropped(o, "action:Launch"), 1);
}

TEST(HostileSideChannels, UriActionNextChain) {
  REQUIRE_ORACLES();
  OnePage d;
  const int link = d.b.Add("<< /Type /Annot /Subtype /Link /Rect [72 600 200 620] /A << /S /URI /URI "
                           "(https://www.justice.gov/eoir) /Next << /S /URI /URI "
                           "(https://example.org/maria-hernandez-nunez/a201234567) >> >> >>");
  Outcome o = Apply("uri_next", d.Build("BT /F1 12 Tf 72 700 Td (Court website) Tj ET", "",
                                        "/Annots [" + R(link) + "]"));
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "key:/Next"), 1);
  // The public URI itself stays.
  EXPECT_NE(o.reading.qpdf_bytes.find("https://www.justice.gov/eoir"), std::string::npos);
}

TEST(HostileSideChannels, WidgetMissingFromAcroFormFields) {
  REQUIRE_ORACLES();
  OnePage d;
  const int orphan = d.b.Add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (x) /V (" + kName +
                             " A201234567) /Rect [72 500 272 520] >>");
  const int field = d.b.Add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (office) /V (Public Defender Office) "
                            "/Rect [72 600 272 620] >>");
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Form page) Tj ET", "",
                                  "/Annots [" + R(orphan) + " " + R(field) + "]",
                                  "/AcroForm << /Fields [" + R(field) + "] >>");
  Outcome o = Apply("orphan_widget", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "annotation:Widget(not in AcroForm)"), 1);
  EXPECT_NE(o.reading.qpdf_bytes.find("Public Defender Office"), std::string::npos) << "public field lost";
}

TEST(HostileSideChannels, CheckBoxWhoseStateIsNamedAfterThePerson) {
  // A check box's export value (and so its /AS state and /AP keys) is a
  // name: clearing /V and /AP left the state name behind.
  REQUIRE_ORACLES();
  OnePage d;
  const int box = d.b.Add("<< /Type /Annot /Subtype /Widget /FT /Btn /T (who) /V /Maria#20Hernandez-Nunez "
                          "/AS /Maria#20Hernandez-Nunez /Rect [72 600 90 618] >>");
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Check box page) Tj ET", "", "/Annots [" + R(box) + "]",
                                  "/AcroForm << /Fields [" + R(box) + "] >>");
  Outcome o = Apply("checkbox_state", pdf);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(testing::ReadersShowing(o.reading, "Hernandez-Nunez"), std::vector<std::string>{});
}

TEST(HostileSideChannels, AGivenNameAloneInAStickyNoteAfterTheFullNameInTheText) {
  // Issue 16: side-channel strings are detected with the document's
  // context. The page names Maria Hernandez-Nunez; a note saying only
  // "Maria" is her. A note about the clerk stays.
  REQUIRE_ORACLES();
  OnePage d;
  const int note = d.b.Add("<< /Type /Annot /Subtype /Text /Rect [72 600 90 618] "
                           "/Contents (Call Maria back about the hearing) >>");
  const int other = d.b.Add("<< /Type /Annot /Subtype /Text /Rect [72 500 90 518] "
                            "/Contents (Ask the clerk for the docket) >>");
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Declaration of " + kName + ") Tj ET", "",
                                  "/Annots [" + R(note) + " " + R(other) + "]");
  Outcome o = Apply("sticky_note_given_name", pdf);
  ExpectNothingReadable(o);
  EXPECT_FALSE(Shows(o, o.reading.qpdf_bytes, "Call Maria")) << "the note still names her";
  EXPECT_TRUE(Shows(o, o.reading.qpdf_bytes, "Ask the clerk for the docket")) << "a public note was lost";
}

TEST(HostileSideChannels, ANameAloneInAStickyNoteOfSomeoneTheListLacks) {
  // Issue 16's context for everyone the page names in full, not only the
  // listed: a cue finds her husband, Teodoro Quispe Mamani, who is on no
  // list; notes saying "Teodoro" and "Quispe" are him. Before, only
  // listed people's names alone were read in side channels: both notes
  // stayed. Lower-case words and other people's notes stay.
  REQUIRE_ORACLES();
  OnePage d;
  const int given = d.b.Add("<< /Type /Annot /Subtype /Text /Rect [72 600 90 618] "
                            "/Contents (Call Teodoro about the hearing) >>");
  const int surname = d.b.Add("<< /Type /Annot /Subtype /Text /Rect [72 560 90 578] /T (Quispe) "
                              "/Contents (Exhibit list) >>");
  const int other = d.b.Add("<< /Type /Annot /Subtype /Text /Rect [72 500 90 518] "
                            "/Contents (Ask the clerk about mamani and the docket) >>");
  const std::string pdf =
      d.Build("BT /F1 12 Tf 72 700 Td (My husband, Teodoro Quispe Mamani, stayed in Bolivia.) Tj ET", "",
              "/Annots [" + R(given) + " " + R(surname) + " " + R(other) + "]");
  Outcome o = Apply("sticky_note_unlisted_person", pdf);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  for (const char* value : {"Teodoro", "Quispe"}) {
    EXPECT_EQ(testing::ReadersShowing(o.reading, value), std::vector<std::string>{}) << value;
  }
  EXPECT_TRUE(Shows(o, o.reading.qpdf_bytes, "Ask the clerk about mamani and the docket"))
      << "a note that names no one was lost";
}

TEST(HostileSideChannels, AdditionalActionsOnPageAnnotationAndField) {
  REQUIRE_ORACLES();
  OnePage d;
  const int field = d.b.Add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (office) /V (Clerk) /Rect [72 600 272 620] "
                            "/AA << /K << /S /JavaScript /JS (event.value='" + kName + "') >> >> >>");
  const int link = d.b.Add("<< /Type /Annot /Subtype /Link /Rect [72 500 200 520] /A << /S /URI /URI "
                           "(https://www.uscourts.gov) >> /AA << /E << /S /URI /URI "
                           "(https://example.org/hernandez-nunez) >> >> >>");
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Actions page) Tj ET", "",
                                  "/Annots [" + R(field) + " " + R(link) + "] /AA << /O << /S /URI /URI "
                                  "(https://example.org/A201234567) >> >>",
                                  "/AcroForm << /Fields [" + R(field) + "] >>");
  Outcome o = Apply("additional_actions", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "key:/AA"), 3);
}

// A grey JPEG made with Leptonica, with a comment segment holding `comment`
// right after SOI.
std::string JpegWithComment(const std::string& comment) {
  PIX* pix = pixCreate(40, 20, 8);
  pixSetAllArbitrary(pix, 128);
  l_uint8* jpeg = nullptr;
  size_t size = 0;
  pixWriteMemJpeg(&jpeg, &size, pix, 90, 0);
  pixDestroy(&pix);
  std::string bytes(reinterpret_cast<char*>(jpeg), size);
  lept_free(jpeg);
  const size_t len = comment.size() + 2;
  std::string com = "\xFF\xFE";
  com += static_cast<char>(len >> 8);
  com += static_cast<char>(len & 0xFF);
  bytes.insert(2, com + comment);
  return bytes;
}


// The JPEG bytes of every image in `pdf` as poppler's `pdfimages -j`
// writes them (the DCT data itself, filters before it decoded): the other
// oracles decode JPEGs to pixels and never see their segments.
// (`-all` writes DCT data as .jpg, as the file holds it after its other
// filters.)
std::string ExtractedJpegs(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("redact_hostile_side_" + name);
  fs::create_directories(dir / "jpegs");
  RunCommand({"pdfimages", "-all", (dir / "out" / (name + ".pdf")).string(), (dir / "jpegs" / "img").string()});
  std::string all;
  for (const auto& entry : fs::directory_iterator(dir / "jpegs")) {
    std::ifstream in(entry.path(), std::ios::binary);
    all.append(std::istreambuf_iterator<char>(in), {});
  }
  return all;
}

TEST(HostileSideChannels, JpegCommentBehindAFilterArray) {
  REQUIRE_ORACLES();
  REDACT_REQUIRE_TOOL("tesseract");
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("pdfimages");
  OnePage d;
  const int image = d.b.AddStream("/Type /XObject /Subtype /Image /Width 40 /Height 20 /ColorSpace /DeviceGray "
                                  "/BitsPerComponent 8 /Filter [/FlateDecode /DCTDecode]",
                                  Deflate(JpegWithComment("Scanned for " + kName + " A201234567")));
  Outcome o = Apply("jpeg_filter_array", d.Build("q 80 0 0 40 300 100 cm /Im1 Do Q BT /F1 12 Tf 72 700 Td "
                                                 "(Scan attached) Tj ET",
                                                 "/XObject << /Im1 " + R(image) + " >>"),
                    /*ocr=*/true);
  ExpectNothingReadable(o);
  const std::string jpegs = ExtractedJpegs("jpeg_filter_array");
  EXPECT_FALSE(jpegs.empty());
  EXPECT_EQ(jpegs.find("Hernandez"), std::string::npos) << "the JPEG's comment survives";
  EXPECT_EQ(Dropped(o, "jpeg_metadata_segments"), 1);
  const std::string list = RunCommand({"pdfimages", "-list", (fs::temp_directory_path() /
                                       "redact_hostile_side_jpeg_filter_array" / "out" /
                                       "jpeg_filter_array.pdf").string()}).out;
  EXPECT_NE(list.find("jpeg"), std::string::npos) << "the image itself was lost: " << list;
}

TEST(HostileSideChannels, JpegCommentInAnInlineImage) {
  REQUIRE_ORACLES();
  REDACT_REQUIRE_TOOL("tesseract");
  REDACT_REQUIRE_TOOL("pdftoppm");
  REDACT_REQUIRE_TOOL("pdfimages");
  OnePage d;
  const std::string content = "BT /F1 12 Tf 72 700 Td (Inline scan) Tj ET q 80 0 0 40 300 100 cm "
                              "BI /W 40 /H 20 /CS /G /BPC 8 /F /DCT ID " +
                              JpegWithComment("Scanned for " + kName + " A201234567") + "\nEI Q";
  Outcome o = Apply("jpeg_inline", d.Build(content), /*ocr=*/true);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "jpeg_metadata_segments"), 1);
  EXPECT_NE(o.reading.qpdf_bytes.find("/F /DCT"), std::string::npos) << "the inline image was lost";
  const std::string jpegs = ExtractedJpegs("jpeg_inline");
  EXPECT_EQ(jpegs.find("Hernandez"), std::string::npos) << "the JPEG's comment survives";
}

TEST(HostileSideChannels, FormXObjectInResourcesNeverPainted) {
  REQUIRE_ORACLES();
  OnePage d;
  const int form = d.b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 " +
                                     kFont + " >> >>",
                                 "BT /F1 10 Tf 72 750 Td (" + kName + " A201234567) Tj ET");
  Outcome o = Apply("unpainted_form", d.Build("BT /F1 12 Tf 72 700 Td (Nothing to find here) Tj ET",
                                              "/XObject << /Fm0 " + R(form) + " >>"));
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "unused_resource:XObject"), 1);
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Nothing to find here"));
}

TEST(HostileSideChannels, TilingPatternCellPaintingAForm) {
  REQUIRE_ORACLES();
  OnePage d;
  const int form = d.b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 " +
                                     kFont + " >> >>",
                                 "BT /F1 8 Tf 2 50 Td (" + kName + " A201234567) Tj ET");
  const int pattern = d.b.AddStream("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 100 100] "
                                    "/XStep 100 /YStep 100 /Resources << /XObject << /Fm1 " + R(form) + " >> >>",
                                    "/Fm1 Do");
  Outcome o = Apply("tiling_form", d.Build("BT /F1 12 Tf 72 700 Td (Patterned page) Tj ET "
                                           "/Pattern cs /P1 scn 0 0 300 300 re f",
                                           "/Pattern << /P1 " + R(pattern) + " >>"));
  ExpectNothingReadable(o);
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Patterned page"));
}

TEST(HostileSideChannels, PrivateKeysInEveryKindOfDictionary) {
  REQUIRE_ORACLES();
  OnePage d;
  const std::string secret = "/Foo (" + kName + ") /PrivA (A201234567)";
  const int image = d.b.AddStream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                                  "/BitsPerComponent 8 " + secret, std::string("\x10\x20\x30\x40", 4));
  const int font = d.b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " +
                           secret + " >>");
  const int link = d.b.Add("<< /Type /Annot /Subtype /Link /Rect [72 600 200 620] /Dest [" + R(d.page) +
                           " /Fit] " + secret + " >>");
  const std::string pdf = d.Build("BT /F2 12 Tf 72 700 Td (Private keys) Tj ET q 20 0 0 20 400 100 cm /Im1 Do Q",
                                  "/F2Holder 1 /XObject << /Im1 " + R(image) + " >> /Font << /F2 " + R(font) + " >>",
                                  secret + " /Annots [" + R(link) + "]", secret);
  Outcome o = Apply("private_keys", pdf);
  ExpectNothingReadable(o);
  EXPECT_GE(Dropped(o, "unknown_keys"), 10);  // two on each of five dictionaries
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Private keys"));
  EXPECT_NE(o.reading.qpdf_bytes.find("/Subtype /Link"), std::string::npos) << "the internal link was lost";
}

TEST(HostileSideChannels, InfoLikeStringsInTheTrailer) {
  REQUIRE_ORACLES();
  OnePage d;
  const int info2 = d.b.Add("<< /Author (" + kName + ") /Subject (A201234567) >>");
  std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Trailer test) Tj ET");
  pdf.replace(pdf.find("/Root"), 5, "/Info2 " + R(info2) + " /Note (" + kName + ") /Root");
  Outcome o = Apply("trailer", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "trailer:other_keys"), 2);
}

TEST(HostileSideChannels, UnreferencedObjectsVanish) {
  REQUIRE_ORACLES();
  OnePage d;
  d.b.Add("<< /Author (" + kName + ") >>");
  d.b.AddStream("", "BT /F1 12 Tf 72 700 Td (" + kName + " A201234567) Tj ET");
  Outcome o = Apply("unreferenced", d.Build("BT /F1 12 Tf 72 700 Td (Reachable text) Tj ET"));
  ExpectNothingReadable(o);
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Reachable text"));
}

// Precision: an internal link, an outline entry with a public title, a
// plain public line, a form field with a public value and a public URI
// link all survive, and nothing of them is reported dropped.
// A font named after the person (its /BaseFont and its descriptor's
// /FontName): no page shows a font's name, but the file holds it. The
// name is replaced; the text drawn in that font reads as before.
TEST(HostileSideChannels, FontNamedAfterThePerson) {
  REQUIRE_ORACLES();
  OnePage d;
  const int descriptor = d.b.Add(
      "<< /Type /FontDescriptor /FontName /ABCDEF+MariaHernandezNunez /Flags 32 /FontBBox [0 -200 1000 900] "
      "/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>");
  const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+MariaHernandezNunez "
                           "/Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" +
                           [] {
                             std::string w;
                             for (int c = 32; c <= 126; ++c) w += "556 ";
                             return w;
                           }() + "] /FontDescriptor " + R(descriptor) + " >>";
  const std::string pdf = d.Build("BT /F1 12 Tf 72 700 Td (Exhibit list) Tj ET BT /F2 12 Tf 72 680 Td "
                                  "(Declaration of counsel) Tj ET",
                                  "/Font << /F1 " + kFont + " /F2 " + font + " >>");
  Outcome o = Apply("font_name", pdf);
  ExpectNothingReadable(o);
  EXPECT_EQ(Dropped(o, "font_name_replaced"), 2);
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Declaration of counsel"));
}

// A ToUnicode CMap that maps one code to the person's whole name: the page
// shows that glyph, detection reads the name in it and removes it, but the
// map, kept as it was, would still spell the name. It is written anew
// without that entry; the font's other codes read as before.
TEST(HostileSideChannels, ToUnicodeMappingOneCodeToTheName) {
  REQUIRE_ORACLES();
  OnePage d;
  std::string utf16;
  for (char c : kName) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned char>(c));
    utf16 += hex;
  }
  const int cmap = d.b.AddStream("",
                                 "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                                 "/CMapName /Private def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
                                 "2 beginbfchar\n<95> <" + utf16 + ">\n<45> <0045>\nendbfchar\n"
                                 "endcmap CMapName currentdict /CMap defineresource pop end end\n");
  const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                           "/ToUnicode " + R(cmap) + " >>";
  const std::string pdf = d.Build("BT /F2 12 Tf 72 700 Td (Exhibit list for ) Tj (\\225) Tj ET",
                                  "/Font << /F1 " + kFont + " /F2 " + font + " >>");
  Outcome o = Apply("tounicode_name", pdf);
  ExpectNothingReadable(o);
  // "Hern" in UTF-16BE hex, as a CMap writes it.
  EXPECT_EQ(testing::FoldForReading(o.reading.qpdf_bytes).find(testing::FoldForReading("004800650072006E")),
            std::string::npos)
      << "the output's ToUnicode still spells the name";
  EXPECT_GE(Dropped(o, "tounicode_entries_not_glyph_text"), 1);
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Exhibit list for"));
}

TEST(HostileSideChannels, OrdinaryPublicContentSurvives) {
  REQUIRE_ORACLES();
  PdfBuilder b;
  const int pages = b.Reserve();
  const int p1 = b.Reserve();
  const int p2 = b.Reserve();
  const int outlines = b.Reserve();
  const int goto_link = b.Add("<< /Type /Annot /Subtype /Link /Rect [72 600 200 620] /Border [0 0 0] /A << /S /GoTo "
                              "/D [" + R(p2) + " /Fit] >> >>");
  const int uri_link = b.Add("<< /Type /Annot /Subtype /Link /Rect [72 560 200 580] /A << /S /URI /URI "
                             "(https://www.justice.gov/eoir) >> >>");
  const int field = b.Add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (court) /V (Immigration Court, Houston) "
                          "/Rect [72 500 272 520] /P " + R(p1) + " >>");
  const int item = b.Add("<< /Title (Exhibit A - Country Conditions) /Parent " + R(outlines) + " /Dest [" + R(p2) +
                         " /Fit] >>");
  b.Set(outlines, "<< /Type /Outlines /First " + R(item) + " /Last " + R(item) + " /Count 1 >>");
  const std::string res = "<< /Font << /F1 " + kFont + " >> >>";
  const int c1 = b.AddStream("", "BT /F1 12 Tf 72 700 Td (Respondent's counsel: Jane Public, Esq.) Tj ET");
  const int c2 = b.AddStream("", "BT /F1 12 Tf 72 700 Td (Country conditions report) Tj ET");
  b.Set(p1, "<< /Type /Page /Parent " + R(pages) + " /MediaBox [0 0 612 792] /Resources " + res + " /Contents " +
                R(c1) + " /Annots [" + R(goto_link) + " " + R(uri_link) + " " + R(field) + "] >>");
  b.Set(p2, "<< /Type /Page /Parent " + R(pages) + " /MediaBox [0 0 612 792] /Resources " + res + " /Contents " +
                R(c2) + " >>");
  b.Set(pages, "<< /Type /Pages /Kids [" + R(p1) + " " + R(p2) + "] /Count 2 >>");
  const int root = b.Add("<< /Type /Catalog /Pages " + R(pages) + " /Outlines " + R(outlines) +
                         " /AcroForm << /Fields [" + R(field) + "] >> >>");
  Outcome o = Apply("public_content", b.Build(root));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(Shows(o, o.reading.pdftotext, "Jane Public, Esq."));
  EXPECT_TRUE(Shows(o, o.reading.mutool, "Country conditions report"));
  const std::string& bytes = o.reading.qpdf_bytes;
  EXPECT_NE(bytes.find("(Exhibit A - Country Conditions)"), std::string::npos) << "outline title lost";
  EXPECT_NE(bytes.find("/S /GoTo"), std::string::npos) << "internal link lost";
  EXPECT_NE(bytes.find("https://www.justice.gov/eoir"), std::string::npos) << "public link lost";
  EXPECT_NE(bytes.find("(Immigration Court, Houston)"), std::string::npos) << "public field value lost";
  for (const auto& [kind, n] : o.report["dropped"].items()) {
    EXPECT_EQ(kind.rfind("annotation:", 0), std::string::npos) << kind;
    EXPECT_EQ(kind.rfind("action:", 0), std::string::npos) << kind;
    EXPECT_NE(kind, "destination:unresolved");
  }
}

}  // namespace
}  // namespace redact
