#include "stages/write_redact/font_names.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "pdf/cmap.h"

namespace redact {
namespace {

const std::unordered_set<std::string>& FontWords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> w;
    for (const char* s : {
             // families
             "arial", "helvetica", "helv", "times", "tms", "roman", "rom", "rmn", "new", "courier", "cour",
             "symbol", "zapf", "dingbats", "zapfdingbats", "calibri", "cambria", "candara", "consolas",
             "constantia", "corbel", "georgia", "verdana", "tahoma", "trebuchet", "garamond", "palatino",
             "linotype", "book", "antiqua", "bookman", "century", "schoolbook", "gothic", "lucida", "grande",
             "console", "segoe", "noto", "open", "roboto", "lato", "liberation", "dejavu", "nimbus", "free",
             "freeserif", "freesans", "freemono", "urw", "bitstream", "vera", "droid", "source", "code",
             "mincho", "simsun", "simhei", "song", "kai", "hei", "ming", "batang", "gulim", "dotum", "malgun",
             "meiryo", "hiragino", "kozuka", "minion", "myriad", "frutiger", "futura", "univers", "optima",
             "baskerville", "caslon", "bodoni", "didot", "franklin", "gill", "rockwell", "impact", "comic",
             "wingdings", "webdings", "marlett", "stix", "gyre", "termes", "heros", "cursor", "pagella",
             "schola", "bonum", "chorus", "adventor", "inconsolata", "fira", "ibm", "plex", "andale", "aptos",
             "bahnschrift", "sitka", "ebrima", "nirmala", "gadugi", "leelawadee", "mangal", "kalinga",
             "arabic", "typesetting", "hebrew", "david", "miriam", "thai", "cyrillic", "greek", "avant",
             "garde", "stone", "officina", "meta", "din", "akzidenz", "grotesk", "neue", "haas", "unicode",
             "estrangelo", "modern", "computer", "latin", "math", "tex", "charter", "utopia", "bookantiqua",
             "perpetua", "goudy", "tw", "cen", "berlin", "castellar", "copperplate", "elephant", "harrington",
             "haettenschweiler", "papyrus", "script", "brush", "mistral", "lucidasans", "sylfaen", "gautami",
             "latha", "raavi", "shruti", "tunga", "vrinda", "mv", "boli", "javanese", "myanmar", "mongolian",
             "yi", "baiti", "phags", "pa", "microsoft", "sans", "serif", "mono", "monospace", "monospaced",
             "ocr", "glyphless", "hidden", "horz", "vert", "redact", "font", "fonts", "embedded", "type",
             "true", "truetype", "opentype", "cid", "cidfont", "identity", "adobe", "ucs", "uni", "japan",
             "korea", "gb", "cns", "encoding", "ansi", "win", "mac", "standard", "expert", "dejavusans",
             "libertine", "linux", "biolinum", "crimson", "cochineal", "newpx", "newtx", "txfonts", "pxfonts",
             "mathptmx", "symbolmt", "arialmt", "helveticaneue", "tinos", "arimo", "cousine", "carlito",
             "caladea", "gelasio", "selawik", "ubuntu", "cantarell", "oxygen", "overpass", "montserrat",
             "raleway", "poppins", "merriweather", "playfair", "nunito", "inter", "work", "ptsans", "pt",
             "quattrocento", "alegreya", "cormorant", "eb", "spectral", "vollkorn", "sourcesans",
             "sourceserif", "sourcecode", "xits", "asana", "cambriamath", "euler", "fourier", "kp", "lmroman",
             "lmsans", "lmmono", "cmu", "dutch", "swiss", "zurich", "century", "gothic", "centurygothic",
             // styles
             "regular", "regu", "normal", "plain", "medium", "medi", "bold", "italic", "ital", "oblique",
             "obli", "light", "ligh", "thin", "hairline", "black", "blac", "heavy", "semibold", "demibold",
             "demi", "semi", "extra", "extrabold", "ultra", "ultrabold", "extralight", "ultralight", "book",
             "roman", "upright", "slanted", "condensed", "cond", "narrow", "compressed", "expanded",
             "extended", "wide", "display", "text", "caption", "headline", "subhead", "titling", "small",
             "caps", "smallcaps", "oldstyle", "figures", "poster", "outline", "shadow", "inline", "italics",
             "boldface", "boldit", "bolditalic", "mediumitalic", "lightitalic", "semibolditalic", "ps", "mt",
             "std", "pro", "lt", "com", "ot", "ttf", "otf", "web", "ui", "display", "variable", "mathematical",
             "alphanumeric", "alt", "alternate", "swash", "one", "two", "three", "ten", "twelve", "no",
             // families read in pieces, and TeX's
             "deja", "mon", "san", "roma", "palladio", "bera", "luxi", "kurier", "iwona", "antykwa", "torunska",
             "epigrafica", "artemisia", "gfs", "chaparral", "biolinum", "lin", "design", "symbols", "quot",
             "prop", "extension", "sya", "polt", "ant", "charis", "gentium", "junicode", "fell", "bask",
             "garamondx", "ebgaramond", "tgtermes", "tgheros", "tgcursor", "tgpagella", "accanthis",
             "artifakt", "avenir", "calluna", "dante", "frutiger", "gandhi", "heuristica", "kerkis",
             "lmroman", "mdugm", "mdput", "mdbch", "mdici", "utopia", "pazo", "math", "euro", "wasy",
             "stmary", "bbold", "dsrom", "manfnt", "logo", "arrows", "lasy", "msbm", "msam", "eufm", "eurm",
             "rsfs", "marvosym", "pifont", "ding", "bbding", "fontawesome", "awesome", "icons", "emoji",
             "color", "segoeui", "hack", "jet", "brains", "mono", "cascadia", "menlo", "monaco",
             "sf", "pro", "new", "york", "avenir", "next", "geneva", "chicago", "charcoal", "skia"}) {
      w.insert(s);
    }
    return w;
  }();
  return words;
}

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      flush();
      continue;
    }
    const bool upper = std::isupper(static_cast<unsigned char>(c));
    const char prev = i > 0 ? name[i - 1] : '\0';
    const char next = i + 1 < name.size() ? name[i + 1] : '\0';
    // A capital starts a word after a small letter or a digit
    // ("TimesNew", "No9L"), and the last of a run of capitals starts one
    // when a small letter follows ("PSMTRoman" → "PSMT" "Roman").
    if (upper && !word.empty() &&
        (std::islower(static_cast<unsigned char>(prev)) || std::isdigit(static_cast<unsigned char>(prev)) ||
         (std::isupper(static_cast<unsigned char>(prev)) && std::islower(static_cast<unsigned char>(next))))) {
      flush();
    }
    word.push_back(c);
  }
  flush();
  return out;
}

bool FontWord(const std::string& word) {
  std::string letters;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) letters.push_back(c);
  }
  if (letters.size() <= 2) return true;
  // TeX's font files: a few small letters and a size ("cmr10", "cstt12").
  const bool small = std::all_of(letters.begin(), letters.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  if (small && letters.size() <= 6 && letters.size() < word.size()) return true;
  const bool caps = std::all_of(letters.begin(), letters.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  if (caps && letters.size() <= 5) return true;
  std::string lower = letters;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return FontWords().count(lower) > 0;
}

bool Combining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

}  // namespace

bool IsFontName(std::string_view name) {
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; })) {
    name.remove_prefix(7);
  }
  const std::vector<std::string> words = Words(name);
  return std::all_of(words.begin(), words.end(), FontWord);
}

bool IsGlyphText(std::string_view utf8) {
  const std::vector<char32_t> cps = pdf::CodePointsOfUtf8(utf8);
  if (cps.size() <= 2) return true;
  if (utf8 == "ffi" || utf8 == "ffl") return true;
  return std::all_of(cps.begin() + 1, cps.end(), Combining);
}

}  // namespace redact
