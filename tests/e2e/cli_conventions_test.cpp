// The conventions people expect of a command-line tool (issue 21):
// --version, --password-file, verify --format json, --config files. Each
// test drives the built redact as a program.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <set>

#include "tests/testing/require_tool.h"
#include "tests/testing/subprocess.h"

namespace redact {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kSource = REDACT_SOURCE_DIR;
const std::string kEncrypted = kSource + "/tests/data/encrypted/aesv2.pdf";

// A fresh folder under the temp directory for one test.
fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("redact_conventions_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

TEST(CliVersion, NamesVersionLibrariesAndRules) {
  auto r = RunCommand({"env", "-u", "REDACT_PATTERNS", REDACT_BINARY, "--version"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("^redact [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nPoDoFo [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nFreeType [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nqpdf [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nTesseract [0-9]+\\.[0-9]+\\.[0-9]+\n")))
      << r.out;
  // In the build tree, the source tree's rules.
  EXPECT_NE(r.out.find("\nrules " + kSource + "/patterns\n"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty());
}

// The poppler-data folder CJK fonts are decoded with, or that it is missing.
TEST(CliVersion, SaysWhichPopplerDataFolderIsUsed) {
  auto r = RunCommand({"env", "REDACT_POPPLER_DATA=/nonexistent/poppler", REDACT_BINARY, "--version"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\npoppler-data missing (/nonexistent/poppler)\n"), std::string::npos) << r.out;
  auto here = RunCommand({"env", "REDACT_POPPLER_DATA=/usr/share/poppler", REDACT_BINARY, "--version"});
  if (fs::is_directory("/usr/share/poppler/cidToUnicode")) {
    EXPECT_NE(here.out.find("\npoppler-data /usr/share/poppler\n"), std::string::npos) << here.out;
  }
}

TEST(CliVersion, RulesFolderFollowsRedactPatterns) {
  const fs::path dir = TempDir("version_rules");
  auto r = RunCommand({"env", "REDACT_PATTERNS=" + dir.string(), REDACT_BINARY, "--version"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nrules " + dir.string() + "\n"), std::string::npos) << r.out;
}

TEST(CliPasswordFile, OpensAnEncryptedPdfWithThePasswordInAFile) {
  const fs::path dir = TempDir("password_file");
  const std::string file = WriteFile(dir / "password.txt", "s3cret\n");
  auto r = RunCommand({REDACT_BINARY, "extract", "--password-file", file, kEncrypted});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Department of Homeland Security"), std::string::npos);
  const std::string crlf = WriteFile(dir / "crlf.txt", "s3cret\r\n");
  EXPECT_EQ(RunCommand({REDACT_BINARY, "extract", "--password-file", crlf, kEncrypted}).exit_code,
            0);
  const std::string wrong = WriteFile(dir / "wrong.txt", "nope\n");
  auto w = RunCommand({REDACT_BINARY, "extract", "--password-file", wrong, kEncrypted});
  EXPECT_EQ(w.exit_code, 5);
  EXPECT_EQ(w.err.find("nope"), std::string::npos) << "the password is never printed";
}

TEST(CliPasswordFile, EveryCommandWithPasswordTakesAFile) {
  for (const char* command : {"extract", "scan", "apply", "verify", "review", "run"}) {
    auto r = RunCommand({REDACT_BINARY, command, "--help"});
    EXPECT_NE(r.out.find("--password-file"), std::string::npos) << command;
  }
}

TEST(CliPasswordFile, MissingFileAndBothFlagsAreUsageErrors) {
  auto missing =
      RunCommand({REDACT_BINARY, "extract", "--password-file", "/nonexistent/pw.txt", kEncrypted});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/pw.txt"), std::string::npos) << missing.err;
  const fs::path dir = TempDir("password_both");
  const std::string file = WriteFile(dir / "password.txt", "s3cret\n");
  auto both = RunCommand(
      {REDACT_BINARY, "extract", "--password", "s3cret", "--password-file", file, kEncrypted});
  EXPECT_EQ(both.exit_code, 2);
}

const std::string kSample = kSource + "/samples/order_libreoffice.pdf";
const std::string kNames = kSource + "/samples/names.csv";

// Every value of the names list longer than three letters (names, A-numbers,
// dates), to prove a message holds none of them.
std::vector<std::string> ListedValues() {
  std::vector<std::string> values;
  std::ifstream in(kNames);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::string field;
    for (char c : line + ",") {
      if (c == ',' || c == ' ') {
        if (field.size() > 3) values.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
  }
  return values;
}

TEST(CliVerifyJson, ReportsEachLeakByPlaceNeverByValue) {
  // An unredacted input leaks by definition.
  auto r = RunCommand(
      {REDACT_BINARY, "verify", "--format", "json", "--ocr", "never", "--names", kNames, kSample});
  EXPECT_EQ(r.exit_code, 7) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["documents"].size(), 1u);
  const nlohmann::json& doc = j["documents"][0];
  EXPECT_EQ(doc["file"], kSample);
  EXPECT_EQ(doc["status"], "leak");
  ASSERT_FALSE(doc["leaks"].empty());
  for (const nlohmann::json& leak : doc["leaks"]) {
    EXPECT_TRUE(leak.contains("channel") && leak.contains("where") && leak.contains("category"))
        << leak;
  }
  EXPECT_GT(doc["pages"].get<int>(), 0);
  EXPECT_EQ(j["leaks"].get<size_t>(), doc["leaks"].size());
  for (const std::string& value : ListedValues()) {
    EXPECT_EQ(r.out.find(value), std::string::npos) << "verify printed a listed value";
    EXPECT_EQ(r.err.find(value), std::string::npos) << "verify printed a listed value";
  }
}

TEST(CliVerifyJson, AnUnreadableOutputIsAnErrorEntry) {
  auto r = RunCommand(
      {REDACT_BINARY, "verify", "--format", "json", "/nonexistent/out.pdf"});
  EXPECT_EQ(r.exit_code, 3);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["documents"][0]["status"], "error");
  EXPECT_EQ(j["failed"], 1);
  EXPECT_NE(r.err.find("/nonexistent/out.pdf"), std::string::npos);
}

// `command` run under a pseudo-terminal (util-linux `script`), so stdout is
// a terminal; `env` entries ("NAME=value") are set for it.
testing::CommandResult OnATerminal(const std::vector<std::string>& env,
                                   const std::string& command) {
  std::vector<std::string> argv = {"env"};
  argv.insert(argv.end(), env.begin(), env.end());
  for (const std::string& e :
       {std::string("script"), std::string("-qec"), command, std::string("/dev/null")}) {
    argv.push_back(e);
  }
  return RunCommand(argv);
}

TEST(CliColour, OnlyOnATerminalAndNeverWithNoColor) {
  REDACT_REQUIRE_TOOL("script");
  const std::string verify =
      std::string(REDACT_BINARY) + " verify --ocr never --names " + kNames + " " + kSample;
  auto terminal = OnATerminal({"-u", "NO_COLOR"}, verify);
  EXPECT_NE(terminal.out.find("\033[1;31mLEAK\033[0m"), std::string::npos) << terminal.out;
  auto no_color = OnATerminal({"NO_COLOR=1"}, verify);
  EXPECT_NE(no_color.out.find("LEAK"), std::string::npos) << no_color.out;
  EXPECT_EQ(no_color.out.find("\033["), std::string::npos);
  auto piped = RunCommand({"env", "-u", "NO_COLOR", REDACT_BINARY, "verify", "--ocr", "never",
                           "--names", kNames, kSample});
  EXPECT_NE(piped.out.find("LEAK"), std::string::npos);
  EXPECT_EQ(piped.out.find("\033["), std::string::npos);
}

// `scan --format json` of the sample with `extra` arguments.
testing::CommandResult Scan(const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {REDACT_BINARY, "scan", "--format", "json", "--ocr", "never"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(kSample);
  return RunCommand(argv);
}

TEST(CliConfig, KeysStandForFlagsWithPathsRelativeToTheFile) {
  const fs::path dir = TempDir("config_keys");
  fs::copy_file(kNames, dir / "names.csv");
  const std::string config =
      WriteFile(dir / "redact.toml", "names = \"names.csv\"\nlang = \"eng\"\nocr = \"never\"\n");
  auto with_flag = Scan({"--names", kNames});
  auto with_config = Scan({"--config", config});
  ASSERT_EQ(with_flag.exit_code, 0) << with_flag.err;
  ASSERT_EQ(with_config.exit_code, 0) << with_config.err;
  EXPECT_EQ(nlohmann::json::parse(with_config.out), nlohmann::json::parse(with_flag.out));
  auto without = Scan({});
  EXPECT_NE(nlohmann::json::parse(without.out), nlohmann::json::parse(with_flag.out))
      << "the list finds more";
}

TEST(CliConfig, CommandLineFlagsWin) {
  const fs::path dir = TempDir("config_override");
  const std::string config = WriteFile(dir / "redact.toml", "names = \"/nonexistent/names.csv\"\n");
  auto used = Scan({"--config", config});
  EXPECT_NE(used.exit_code, 0);
  EXPECT_NE(used.err.find("/nonexistent/names.csv"), std::string::npos) << used.err;
  auto overridden = Scan({"--config", config, "--names", kNames});
  EXPECT_EQ(overridden.exit_code, 0) << overridden.err;
}

TEST(CliConfig, UnknownKeysWrongTypesAndMissingFilesAreUsageErrors) {
  const fs::path dir = TempDir("config_errors");
  const std::string unknown =
      WriteFile(dir / "unknown.toml", "names = \"a.csv\"\nnmaes = \"b.csv\"\n");
  auto u = Scan({"--config", unknown});
  EXPECT_EQ(u.exit_code, 2);
  EXPECT_NE(u.err.find(unknown + ":2: unknown key 'nmaes'"), std::string::npos) << u.err;
  const std::string typed = WriteFile(dir / "typed.toml", "recipients = \"age1x\"\n");
  auto t = Scan({"--config", typed});
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_NE(t.err.find("'recipients' must be a list of strings"), std::string::npos) << t.err;
  const std::string mode = WriteFile(dir / "mode.toml", "ocr = \"sometimes\"\n");
  EXPECT_EQ(Scan({"--config", mode}).exit_code, 2);
  auto missing = Scan({"--config", (dir / "missing.toml").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("missing.toml"), std::string::npos) << missing.err;
}

TEST(CliVerbosity, EveryCommandTakesQuietAndVerbose) {
  for (const char* command :
       {"extract", "scan", "apply", "verify", "review", "keygen", "unseal", "run"}) {
    auto r = RunCommand({REDACT_BINARY, command, "--help"});
    EXPECT_NE(r.out.find("-q,--quiet"), std::string::npos) << command;
    EXPECT_NE(r.out.find("-v,--verbose"), std::string::npos) << command;
  }
  auto both = RunCommand({REDACT_BINARY, "extract", "-q", "-v", kSample});
  EXPECT_EQ(both.exit_code, 2);
}

TEST(CliVerbosity, QuietApplyPrintsOnlyErrors) {
  const fs::path dir = TempDir("quiet_apply");
  auto normal = RunCommand(
      {REDACT_BINARY, "apply", "--ocr", "never", "--out", (dir / "a").string(), kSample});
  ASSERT_EQ(normal.exit_code, 0) << normal.err;
  EXPECT_NE(normal.out.find("finding(s) removed"), std::string::npos);
  EXPECT_NE(normal.err.find("weaker run: no --names list"), std::string::npos);
  auto quiet = RunCommand(
      {REDACT_BINARY, "apply", "-q", "--ocr", "never", "--out", (dir / "b").string(), kSample});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err.find("warning"), std::string::npos) << quiet.err;
  // A weaker run says so even under -q (issue 17); --no-names silences it.
  EXPECT_NE(quiet.err.find("no --names list"), std::string::npos) << quiet.err;
  EXPECT_TRUE(fs::exists(dir / "b" / "order_libreoffice.pdf"));
  auto failing = RunCommand({REDACT_BINARY, "apply", "-q", "--no-names", "--out",
                             (dir / "c").string(), "/nonexistent/in.pdf"});
  EXPECT_EQ(failing.exit_code, 3);
  EXPECT_NE(failing.err.find("/nonexistent/in.pdf"), std::string::npos) << "errors still print";
}

TEST(CliVerbosity, VerboseShowsEachPage) {
  auto r = RunCommand({REDACT_BINARY, "scan", "-v", "--ocr", "never", "--names", kNames, kSample});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(kSample + ": page 1/"), std::string::npos) << r.err;
  auto quiet = RunCommand({REDACT_BINARY, "scan", "--ocr", "never", "--names", kNames, kSample});
  EXPECT_EQ(quiet.err.find(": page 1/"), std::string::npos) << "no progress without -v";
}

TEST(CliStdio, ExtractReadsAPdfFromStandardInput) {
  auto from_file = RunCommand({REDACT_BINARY, "extract", "--ocr", "never", kSample});
  auto from_stdin =
      RunCommand({"sh", "-c", std::string(REDACT_BINARY) + " extract --ocr never - < " + kSample});
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, from_file.out);
  auto not_pdf = RunCommand({"sh", "-c", std::string(REDACT_BINARY) + " extract - < /dev/null"});
  EXPECT_EQ(not_pdf.exit_code, 3);
  EXPECT_NE(not_pdf.err.find("standard input"), std::string::npos) << not_pdf.err;
}

TEST(CliStdio, ApplyReadsStandardInputAndWritesACheckedPdfToStandardOutput) {
  REDACT_REQUIRE_TOOL("pdftotext");
  REDACT_REQUIRE_TOOL("qpdf");
  const fs::path dir = TempDir("apply_stdio");
  fs::create_directories(dir / "tmp");
  const std::string env = "TMPDIR=" + (dir / "tmp").string() + " ";
  const std::string names = kSource + "/samples/names.csv";
  auto r = RunCommand({"sh", "-c", env + REDACT_BINARY + " apply - --out - --names " + names + " --report-out " +
                                       (dir / "r.json").string() + " < " + kSample + " > " +
                                       (dir / "out.pdf").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("standard output: "), std::string::npos) << r.err;
  EXPECT_EQ(RunCommand({"qpdf", "--check", (dir / "out.pdf").string()}).exit_code, 0);
  const std::string text = RunCommand({"pdftotext", (dir / "out.pdf").string(), "-"}).out;
  EXPECT_NE(text.find("DISTRICT COURT"), std::string::npos);
  EXPECT_EQ(text.find("A201234567"), std::string::npos);
  EXPECT_EQ(text.find("Hern"), std::string::npos);
  EXPECT_TRUE(nlohmann::json::parse(testing::ReadFile((dir / "r.json").string())).contains("findings"));
  EXPECT_TRUE(fs::is_empty(dir / "tmp")) << "the staging folder is removed";

  // The same with an output folder: the PDF is named after standard input.
  auto to_dir = RunCommand({"sh", "-c", env + REDACT_BINARY + " apply - --names " + names + " --out " +
                                            (dir / "o").string() + " < " + kSample});
  ASSERT_EQ(to_dir.exit_code, 0) << to_dir.err;
  EXPECT_TRUE(fs::exists(dir / "o" / "stdin.pdf"));

  // A sealed mapping with nowhere durable to go, two inputs, an empty pipe:
  // usage errors, and nothing on standard output.
  auto sealed = RunCommand({"sh", "-c", env + REDACT_BINARY + " apply - --out - --names " + names +
                                            " --recipient age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p < " +
                                            kSample});
  EXPECT_EQ(sealed.exit_code, 2) << sealed.err;
  EXPECT_NE(sealed.err.find("--mapping-out"), std::string::npos) << sealed.err;
  EXPECT_TRUE(sealed.out.empty());
  auto two = RunCommand({REDACT_BINARY, "apply", "--names", names, "--out", "-", kSample, kSample});
  EXPECT_EQ(two.exit_code, 2) << two.err;
  EXPECT_TRUE(two.out.empty());
  auto empty = RunCommand({"sh", "-c", env + REDACT_BINARY + " apply - --out - --names " + names + " < /dev/null"});
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_NE(empty.err.find("standard input"), std::string::npos) << empty.err;
  EXPECT_TRUE(empty.out.empty());
  EXPECT_TRUE(fs::is_empty(dir / "tmp"));
}

// Ends the test unless glibc has the es_ES.UTF-8 locale (tools/setup/deps.sh
// test makes it): skipped locally, failed under CI.
#define REQUIRE_SPANISH_LOCALE()                                                        \
  do {                                                                                  \
    if (RunCommand({"sh", "-c", "locale -a | grep -qix 'es_ES.utf-\\?8'"}).exit_code != 0) { \
      if (testing::UnderCi()) GTEST_FAIL() << "no es_ES.UTF-8 locale (tools/setup/deps.sh test)"; \
      GTEST_SKIP() << "no es_ES.UTF-8 locale (tools/setup/deps.sh test makes it)";     \
    }                                                                                   \
  } while (0)

// `argv` under LANG=es_ES.UTF-8 (and nothing that overrides it).
testing::CommandResult InSpanish(std::vector<std::string> argv) {
  argv.insert(argv.begin(), {"env", "-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=es_ES.UTF-8"});
  return RunCommand(argv);
}

TEST(CliSpanish, HelpAndExitCodesFollowLang) {
  REQUIRE_SPANISH_LOCALE();
  auto es = InSpanish({REDACT_BINARY, "--help"});
  EXPECT_EQ(es.exit_code, 0);
  EXPECT_NE(es.out.find("elimina de los PDF los identificadores"), std::string::npos) << es.out;
  EXPECT_NE(es.out.find("Uso:"), std::string::npos) << es.out;
  EXPECT_NE(es.out.find("Censura muchos documentos"), std::string::npos) << es.out;
  EXPECT_NE(es.out.find("Códigos de salida:"), std::string::npos) << es.out;
  EXPECT_NE(es.out.find("la verificación encontró una fuga"), std::string::npos) << es.out;
  auto apply = InSpanish({REDACT_BINARY, "apply", "--help"});
  EXPECT_NE(apply.out.find("Muestra esta ayuda y termina"), std::string::npos) << apply.out;
  auto en = RunCommand({"env", "-u", "LC_ALL", "-u", "LANGUAGE", "LANG=C.UTF-8", REDACT_BINARY, "--help"});
  EXPECT_NE(en.out.find("Exit codes:"), std::string::npos);
  EXPECT_EQ(en.out.find("Códigos"), std::string::npos);
}

TEST(CliSpanish, TopLevelMessagesFollowLangAndQuietStillDropsWarnings) {
  REQUIRE_SPANISH_LOCALE();
  const fs::path dir = TempDir("spanish");
  auto warned = InSpanish({REDACT_BINARY, "apply", "--ocr", "never", "--out", (dir / "a").string(), kSample});
  EXPECT_EQ(warned.exit_code, 0) << warned.err;
  EXPECT_NE(warned.err.find("redact: ejecución más débil: sin lista --names"), std::string::npos) << warned.err;
  auto quiet = InSpanish({REDACT_BINARY, "apply", "-q", "--ocr", "never", "--out", (dir / "b").string(), kSample});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find("aviso"), std::string::npos) << quiet.err;
  EXPECT_NE(quiet.err.find("sin lista --names"), std::string::npos) << "a weaker run says so: " << quiet.err;
  auto both = InSpanish({REDACT_BINARY, "apply", "--names", kNames, "--no-names", "--out", (dir / "c").string(), kSample});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--names y --no-names se contradicen"), std::string::npos) << both.err;
}

// Every option of every command is described in Spanish too: no line of
// prose in a command's English help stands unchanged in its Spanish help
// (CLI11's type names, "ENUM:value in {...}", are no prose). A help string
// added or changed without its entry in po/make_es_po.py fails here.
TEST(CliSpanish, EveryOptionIsDescribedInSpanish) {
  REQUIRE_SPANISH_LOCALE();
  const std::vector<std::vector<std::string>> commands = {
      {}, {"extract"}, {"scan"}, {"apply"}, {"verify"}, {"review"}, {"keygen"}, {"names"}, {"names", "compile"},
      {"unseal"}, {"run"}};
  const std::regex prose("[a-z]{3,} [a-z]{2,}");
  auto lines = [](const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.insert(line);
    return out;
  };
  for (const std::vector<std::string>& command : commands) {
    std::vector<std::string> argv = {REDACT_BINARY};
    argv.insert(argv.end(), command.begin(), command.end());
    argv.push_back("--help");
    std::vector<std::string> english = {"env", "-u", "LC_ALL", "-u", "LANGUAGE", "LANG=C.UTF-8"};
    english.insert(english.end(), argv.begin(), argv.end());
    const auto en = RunCommand(english);
    const auto es = InSpanish(argv);
    ASSERT_EQ(en.exit_code, 0) << en.err;
    ASSERT_EQ(es.exit_code, 0) << es.err;
    const std::set<std::string> spanish = lines(es.out);
    for (const std::string& line : lines(en.out)) {
      if (line.find("ENUM:value in") != std::string::npos || !std::regex_search(line, prose)) continue;
      EXPECT_FALSE(spanish.count(line)) << "redact " << (command.empty() ? "" : command[0]) << " --help, still English: "
                                        << line;
    }
  }
}

}  // namespace
}  // namespace redact
