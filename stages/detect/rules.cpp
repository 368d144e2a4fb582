#include "stages/detect/rules.h"

#include <algorithm>
#include <thread>
#include <atomic>
#include <fstream>
#include <sstream>
#include <filesystem>
#include <set>
#include <toml++/toml.h>

#include "stages/detect/group_search.h"
#include "stages/detect/normalize.h"

namespace redact {
namespace {

namespace fs = std::filesystem;

// A capitalized name word (with initials, hyphens, apostrophes), and the
// lower-case particles allowed inside a name.
// An initial keeps its period ("G."), and so does the "St." of a surname
// ("Guerda St. Fleur", "ST. LOUIS"); any other word ends before one, so a
// sentence's last word does not run into the next sentence.
constexpr char kNameWord[] =
    R"((?:S[Tt][Ee]?\.|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}'’\-\x{2010}-\x{2015}\x{2212}]*))";
constexpr char kParticle[] =
    R"((?i:de|del|la|las|los|da|das|do|dos|di|du|van|von|der|den|ter|y|e|bin|ibn|al|el|le))";

// Words of a name may continue on the next line ("her son, Kevin\nHernández").
std::string NamePattern() {
  const std::string sep = R"((?:[ \t]+|[ \t]*\n[ \t]*))";
  return std::string("(") + kNameWord + "(?:" + sep + "(?:" + kParticle + sep + "){0,3}" +
         kNameWord + "){0,5})";
}

class Loader {
 public:
  explicit Loader(RuleSet* out) : out_(out) {}

  Status LoadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(StatusCode::kIo, path + ": cannot read the rule file");
    std::ostringstream text;
    text << in.rdbuf();
    return LoadText(text.str(), path);
  }

  Status LoadText(std::string_view text, const std::string& path) {
    toml::table doc;
    try {
      doc = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
      return Status(StatusCode::kInvalidArgument,
                    path + ":" + std::to_string(e.source().begin.line) + ": " +
                        std::string(e.description()));
    }
    path_ = path;
    out_->files.push_back(path);
    for (auto&& [key, node] : doc) {
      const std::string k(key.str());
      if (k == "context" || k == "rule" || k == "lexicon" || k == "name_cue") {
        const toml::array* arr = node.as_array();
        if (!arr) return Bad(node, "'" + k + "' must be an array of tables ([[" + k + "]])");
        for (auto&& item : *arr) {
          const toml::table* t = item.as_table();
          if (!t) return Bad(item, "'" + k + "' entries must be tables");
          Status s = k == "context"   ? Context(*t)
                     : k == "rule"    ? Rule(*t)
                     : k == "lexicon" ? Lexicon(*t)
                                      : Cue(*t);
          if (!s.ok()) return s;
        }
      } else if (k == "public") {
        const toml::table* t = node.as_table();
        if (!t) return Bad(node, "'public' must be a table");
        Status s = Public(*t);
        if (!s.ok()) return s;
      } else if (k == "meta") {
        // Free-form description of the file.
      } else {
        return Bad(node, "unknown section '" + k + "'");
      }
    }
    return CompileCues();
  }

  // RuleSet::prefilter: the rules' patterns, compiled with the options each
  // rule has (Compile: case-insensitive), in one RE2::Set; cue_prefilter:
  // the cues' own patterns, case-sensitive as CompileCues. A set RE2 cannot
  // build leaves it null: every rule (or cue) then runs, as before.
  void BuildPrefilter() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const PatternRule& rule : out_->rules) {
      if (set->Add(rule.re->pattern(), nullptr) < 0) return;
    }
    for (const std::unique_ptr<ContextPattern>& c : out_->contexts) {
      const std::optional<std::string> relaxed = PatternWithoutAssertions(c->re->pattern());
      if (relaxed) c->prefilter_index = set->Add(*relaxed, nullptr);  // -1: not there
    }
    if (set->Compile()) {
      out_->prefilter = std::move(set);
    } else {
      for (const std::unique_ptr<ContextPattern>& c : out_->contexts) c->prefilter_index = -1;
    }
    options.set_case_sensitive(true);  // as CompileCues
    auto cues = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const NameCue& cue : out_->name_cues) {
      if (cues->Add("(?:" + cue.cue + ")", nullptr) < 0) return;
    }
    if (cues->Compile()) out_->cue_prefilter = std::move(cues);
  }

  Status Finish() {
    // Contexts may be defined in any file; resolve references at the end.
    for (auto& [rule_index, names, where] : pending_contexts_) {
      for (const std::string& name : names) {
        auto it = std::find_if(out_->contexts.begin(), out_->contexts.end(),
                               [&](const auto& c) { return c->name == name; });
        if (it == out_->contexts.end()) {
          return Status(StatusCode::kInvalidArgument,
                        where + ": rule \"" + out_->rules[rule_index].id +
                            "\": unknown context '" + name + "'");
        }
        out_->rules[rule_index].contexts.push_back(it->get());
      }
    }
    BuildPrefilter();
    return Status::Ok();
  }

 private:
  std::string Where(const toml::node& n) const {
    return path_ + ":" + std::to_string(n.source().begin.line);
  }
  Status Bad(const toml::node& n, const std::string& what) const {
    return Status(StatusCode::kInvalidArgument, Where(n) + ": " + what);
  }

  // Checks that `t` has only `allowed` keys and all `required` ones.
  Status Keys(const toml::table& t, const std::string& what,
              std::initializer_list<const char*> allowed,
              std::initializer_list<const char*> required) const {
    for (auto&& [key, node] : t) {
      bool ok = false;
      for (const char* a : allowed) ok |= key.str() == a;
      if (!ok) return Bad(node, what + ": unknown key '" + std::string(key.str()) + "'");
    }
    for (const char* r : required) {
      if (!t.contains(r)) return Bad(t, what + ": missing '" + std::string(r) + "'");
    }
    return Status::Ok();
  }

  Status String(const toml::table& t, const char* key, const std::string& what,
                std::string* out) const {
    const toml::node* n = t.get(key);
    if (!n) return Status::Ok();
    if (!n->is_string()) return Bad(*n, what + ": '" + key + "' must be a string");
    *out = n->as_string()->get();
    return Status::Ok();
  }

  Status Strings(const toml::table& t, const char* key, const std::string& what,
                 std::vector<std::string>* out) const {
    const toml::node* n = t.get(key);
    if (!n) return Status::Ok();
    const toml::array* arr = n->as_array();
    if (!arr) return Bad(*n, what + ": '" + key + "' must be an array of strings");
    for (auto&& item : *arr) {
      if (!item.is_string()) return Bad(item, what + ": '" + key + "' must hold strings");
      out->push_back(item.as_string()->get());
    }
    return Status::Ok();
  }

  Status Number(const toml::table& t, const char* key, const std::string& what, double lo,
                double hi, double* out) const {
    const toml::node* n = t.get(key);
    if (!n) return Status::Ok();
    std::optional<double> v = n->value<double>();
    if (!v || *v < lo || *v > hi) {
      return Bad(*n, what + ": '" + key + "' must be a number from " + std::to_string(lo) +
                         " to " + std::to_string(hi));
    }
    *out = *v;
    return Status::Ok();
  }

  StatusOr<std::unique_ptr<RE2>> Compile(const toml::node& n, const std::string& what,
                                         const std::string& pattern, bool case_sensitive) const {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(case_sensitive);
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) return Error(Bad(n, what + ": pattern: " + re->error()));
    return re;
  }

  Status Context(const toml::table& t) {
    if (Status s = Keys(t, "context", {"name", "pattern", "before", "after", "description"},
                        {"name", "pattern"});
        !s.ok()) {
      return s;
    }
    auto c = std::make_unique<ContextPattern>();
    std::string pattern;
    double before = 80, after = 0;
    const std::string what = "context";
    if (Status s = String(t, "name", what, &c->name); !s.ok()) return s;
    if (Status s = String(t, "pattern", what, &pattern); !s.ok()) return s;
    if (Status s = Number(t, "before", what, 0, 2000, &before); !s.ok()) return s;
    if (Status s = Number(t, "after", what, 0, 2000, &after); !s.ok()) return s;
    auto re = Compile(*t.get("pattern"), what + " \"" + c->name + "\"", pattern, false);
    if (!re) return re.error();
    c->re = std::move(*re);
    c->before = static_cast<int>(before);
    c->after = static_cast<int>(after);
    out_->contexts.push_back(std::move(c));
    return Status::Ok();
  }

  Status Common(const toml::table& t, const std::string& what, PatternRule* r) {
    if (Status s = String(t, "id", what, &r->id); !s.ok()) return s;
    if (Status s = String(t, "category", what, &r->category); !s.ok()) return s;
    if (Status s = String(t, "description", what, &r->description); !s.ok()) return s;
    if (Status s = Number(t, "confidence", what, 0, 1, &r->confidence); !s.ok()) return s;
    if (Status s = Strings(t, "examples", what, &r->examples); !s.ok()) return s;
    if (Status s = Strings(t, "near_misses", what, &r->near_misses); !s.ok()) return s;
    if (!ids_.insert(r->id).second) return Bad(t, what + ": duplicate id \"" + r->id + "\"");
    r->where = Where(t);
    return Status::Ok();
  }

  Status Rule(const toml::table& t) {
    if (Status s = Keys(t, "rule",
                        {"id", "category", "pattern", "group", "value", "validate", "confidence",
                         "context", "exclude_before", "description", "examples", "near_misses",
                         "ocr_only", "length"},
                        {"id", "category", "pattern"});
        !s.ok()) {
      return s;
    }
    PatternRule r;
    if (Status s = Common(t, "rule", &r); !s.ok()) return s;
    const std::string what = "rule \"" + r.id + "\"";
    std::string pattern, exclude;
    double group = 0;
    if (Status s = String(t, "pattern", what, &pattern); !s.ok()) return s;
    if (Status s = Number(t, "group", what, 0, 9, &group); !s.ok()) return s;
    if (Status s = String(t, "value", what, &r.value_kind); !s.ok()) return s;
    if (Status s = String(t, "validate", what, &r.validator); !s.ok()) return s;
    if (Status s = String(t, "exclude_before", what, &exclude); !s.ok()) return s;
    if (const toml::node* n = t.get("ocr_only")) {
      if (!n->is_boolean()) return Bad(*n, what + ": ocr_only must be true or false");
      r.ocr_only = n->as_boolean()->get();
    }
    if (const toml::node* n = t.get("length")) {
      const toml::array* a = n->as_array();
      const auto bound = [&](size_t i) { return a && a->size() == 2 ? (*a)[i].value<int64_t>() : std::nullopt; };
      if (!bound(0) || !bound(1) || *bound(0) < 1 || *bound(1) < *bound(0)) {
        return Bad(*n, what + ": length must be [shortest, longest], 1 or more");
      }
      r.min_length = static_cast<size_t>(*bound(0));
      r.max_length = static_cast<size_t>(*bound(1));
    }
    static const std::set<std::string> kValues = {"text", "digits", "digits9", "upper",
                                                  "ocr_digits"};
    static const std::set<std::string> kValidators = {"", "ssn", "a_number", "has_digits",
                                                      "date", "ocr_digits", "proper_name"};
    if (!kValues.count(r.value_kind)) return Bad(*t.get("value"), what + ": unknown value kind");
    if (!kValidators.count(r.validator)) {
      return Bad(*t.get("validate"), what + ": unknown validator '" + r.validator + "'");
    }
    auto re = Compile(*t.get("pattern"), what, pattern, false);
    if (!re) return re.error();
    r.group = static_cast<int>(group);
    r.group_is_whole = GroupIsWholeMatch(pattern, r.group, (*re)->options());
    r.re = std::move(*re);
    if (r.group > r.re->NumberOfCapturingGroups()) {
      return Bad(*t.get("group"), what + ": group " + std::to_string(r.group) +
                                      " but the pattern has " +
                                      std::to_string(r.re->NumberOfCapturingGroups()));
    }
    if (!exclude.empty()) {
      auto ex = Compile(*t.get("exclude_before"), what + " exclude_before", exclude + "$", false);
      if (!ex) return ex.error();
      r.exclude_before = std::move(*ex);
    }
    std::vector<std::string> contexts;
    if (const toml::node* n = t.get("context")) {
      if (n->is_string()) {
        contexts.push_back(n->as_string()->get());
      } else if (Status s = Strings(t, "context", what, &contexts); !s.ok()) {
        return s;
      }
    }
    pending_contexts_.push_back({out_->rules.size(), contexts, r.where});
    out_->rules.push_back(std::move(r));
    return Status::Ok();
  }

  Status Lexicon(const toml::table& t) {
    if (Status s = Keys(t, "lexicon",
                        {"id", "category", "confidence", "phrases", "description", "examples",
                         "near_misses", "public_as_proper_name"},
                        {"id", "category", "phrases"});
        !s.ok()) {
      return s;
    }
    PatternRule r;
    if (Status s = Common(t, "lexicon", &r); !s.ok()) return s;
    const std::string what = "lexicon \"" + r.id + "\"";
    if (const toml::node* n = t.get("public_as_proper_name")) {
      if (!n->is_boolean()) return Bad(*n, what + ": public_as_proper_name must be true or false");
      r.public_as_proper_name = n->as_boolean()->get();
    }
    std::vector<std::string> phrases;
    if (Status s = Strings(t, "phrases", what, &phrases); !s.ok()) return s;
    if (phrases.empty()) return Bad(t, what + ": no phrases");
    // Longest first, so the alternation prefers the fullest phrase.
    std::vector<std::string> patterns;
    for (const std::string& p : phrases) {
      std::string pat = PhraseToPattern(p);
      if (pat.empty()) return Bad(*t.get("phrases"), what + ": empty phrase");
      patterns.push_back(pat);
    }
    std::stable_sort(patterns.begin(), patterns.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string all = "\\b(?:";
    for (size_t i = 0; i < patterns.size(); ++i) all += (i ? "|" : "") + patterns[i];
    all += ")\\b";
    auto re = Compile(*t.get("phrases"), what, all, false);
    if (!re) return re.error();
    r.re = std::move(*re);
    out_->rules.push_back(std::move(r));
    return Status::Ok();
  }

  Status Cue(const toml::table& t) {
    if (Status s = Keys(t, "name_cue",
                        {"id", "pattern", "position", "confidence", "description", "examples",
                         "near_misses"},
                        {"id", "pattern"});
        !s.ok()) {
      return s;
    }
    NameCue c;
    std::string pattern, position = "before", description;
    const std::string what = "name_cue";
    if (Status s = String(t, "id", what, &c.id); !s.ok()) return s;
    if (Status s = String(t, "pattern", what, &pattern); !s.ok()) return s;
    if (Status s = String(t, "position", what, &position); !s.ok()) return s;
    if (Status s = Number(t, "confidence", what, 0, 1, &c.confidence); !s.ok()) return s;
    if (Status s = Strings(t, "examples", what, &c.examples); !s.ok()) return s;
    if (Status s = Strings(t, "near_misses", what, &c.near_misses); !s.ok()) return s;
    if (position != "before" && position != "after") {
      return Bad(*t.get("position"), what + " \"" + c.id + "\": position must be before|after");
    }
    if (!ids_.insert(c.id).second) return Bad(t, what + ": duplicate id \"" + c.id + "\"");
    c.after = position == "after";
    c.cue = pattern;
    // The cue is wrapped so the name is always capture group 1.
    const std::string full = c.after ? NamePattern() + "(?:" + pattern + ")"
                                     : "(?:" + pattern + ")" + NamePattern();
    // Compiled with the file's other cues, at once (CompileCues).
    pending_cues_.push_back({out_->name_cues.size(), full, Where(*t.get("pattern")), what + " \"" + c.id + "\""});
    c.where = Where(t);
    out_->name_cues.push_back(std::move(c));
    return Status::Ok();
  }

  // Each name cue wraps the name pattern (six words of any script), which
  // RE2 takes 5-15 ms to compile: every process paid ~70 ms for them at
  // start, one after another. They compile on every core at once.
  // Each cue's own pattern compiles too (NameCue::cue_re), and the name
  // pattern once (RuleSet::name_re), the last of the list.
  Status CompileCues() {
    const size_t n = pending_cues_.size();
    std::vector<std::unique_ptr<RE2>> compiled(n), alone(n);
    std::unique_ptr<RE2> name;
    const size_t jobs = n + (n > 0 && !out_->name_re ? 1 : 0);
    std::atomic<size_t> next{0};
    auto work = [&] {
      RE2::Options options;
      options.set_log_errors(false);
      options.set_case_sensitive(true);
      for (size_t k; (k = next++) < jobs;) {
        if (k == n) {
          name = std::make_unique<RE2>(NamePattern(), options);
          continue;
        }
        compiled[k] = std::make_unique<RE2>(pending_cues_[k].pattern, options);
        alone[k] = std::make_unique<RE2>("(?:" + out_->name_cues[pending_cues_[k].index].cue + ")", options);
      }
    };
    const size_t threads = std::min<size_t>(jobs, std::max(1U, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (size_t i = 1; i < threads; ++i) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    for (size_t k = 0; k < pending_cues_.size(); ++k) {
      const PendingCue& p = pending_cues_[k];
      if (!compiled[k]->ok()) {
        return Status(StatusCode::kInvalidArgument, p.where + ": " + p.what + ": pattern: " + compiled[k]->error());
      }
      // The name is capture group 1: a group of the cue's own before it
      // would be taken for the name (and the name never found).
      if (alone[k]->ok() && alone[k]->NumberOfCapturingGroups() > 0) {
        return Status(StatusCode::kInvalidArgument,
                      p.where + ": " + p.what + ": pattern: a cue's own groups must not capture; write (?:…)");
      }
      out_->name_cues[p.index].re = std::move(compiled[k]);
      // (Without it a cue's name is found by RE2's submatch search.)
      if (alone[k]->ok()) out_->name_cues[p.index].cue_re = std::move(alone[k]);
    }
    if (name && name->ok()) out_->name_re = std::move(name);
    pending_cues_.clear();
    return Status::Ok();
  }

  Status Public(const toml::table& t) {
    if (Status s = Keys(t, "public", {"roles_before", "roles_after", "names", "not_names",
                                      "organisations", "description"},
                        {});
        !s.ok()) {
      return s;
    }
    std::string before, after;
    std::vector<std::string> names, not_names, organisations;
    const std::string what = "public";
    if (Status s = String(t, "roles_before", what, &before); !s.ok()) return s;
    if (Status s = String(t, "roles_after", what, &after); !s.ok()) return s;
    if (Status s = Strings(t, "names", what, &names); !s.ok()) return s;
    if (Status s = Strings(t, "not_names", what, &not_names); !s.ok()) return s;
    if (Status s = Strings(t, "organisations", what, &organisations); !s.ok()) return s;
    if (!before.empty()) {
      auto re = Compile(*t.get("roles_before"), "public roles_before", "(?:" + before + ")\\s*$",
                        true);
      if (!re) return re.error();
      out_->public_roles_before = std::move(*re);
    }
    if (!after.empty()) {
      auto re = Compile(*t.get("roles_after"), "public roles_after", "^\\s*(?:" + after + ")",
                        true);
      if (!re) return re.error();
      out_->public_roles_after = std::move(*re);
    }
    for (const std::string& n : names) out_->public_names.insert(NormalizeString(n));
    for (const std::string& n : not_names) out_->not_names.insert(NormalizeString(n));
    for (const std::string& n : organisations) out_->organisations.insert(NormalizeString(n));
    return Status::Ok();
  }

  RuleSet* out_;
  std::string path_;
  std::set<std::string> ids_;
  struct Pending {
    size_t rule;
    std::vector<std::string> names;
    std::string where;
  };
  struct PendingCue {
    size_t index;         // in out_->name_cues
    std::string pattern;  // the cue wrapped round the name pattern
    std::string where;    // file:line of its pattern
    std::string what;
  };
  std::vector<PendingCue> pending_cues_;
  std::vector<Pending> pending_contexts_;
};

}  // namespace

std::optional<std::string> PatternWithoutAssertions(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return std::nullopt;
      const char next = pattern[i + 1];
      if (next == 'Q') return std::nullopt;
      if (next != 'b' && next != 'B' && next != 'A' && next != 'z') out.append(pattern, i, 2);
      i += 2;
    } else if (c == '[') {
      // A class, copied whole: "[", an optional "^", a "]" first is a
      // member, "[:alpha:]" inside, escapes, up to the closing "]".
      const size_t start = i++;
      if (i < pattern.size() && pattern[i] == '^') ++i;
      if (i < pattern.size() && pattern[i] == ']') ++i;
      while (i < pattern.size() && pattern[i] != ']') {
        if (pattern[i] == '\\') {
          i += 2;
        } else if (pattern.compare(i, 2, "[:") == 0) {
          const size_t close = pattern.find(":]", i + 2);
          if (close == std::string_view::npos) return std::nullopt;
          i = close + 2;
        } else {
          ++i;
        }
      }
      if (i >= pattern.size()) return std::nullopt;
      out.append(pattern, start, ++i - start);
    } else {
      if (c != '^' && c != '$') out.push_back(c);
      ++i;
    }
  }
  return out;
}

std::string PhraseToPattern(const std::string& phrase) {
  // Tokens of the normalized phrase; between tokens any run of spaces or
  // hyphens (or none, next to a single letter or a number: "I-589" = "I589").
  const std::string norm = NormalizeString(phrase);
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : norm) {
    if (c == ' ' || c == '-' || c == '\n') {
      if (!cur.empty()) tokens.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  auto is_short = [](const std::string& t) {
    return t.size() == 1 || std::all_of(t.begin(), t.end(), [](char c) {
             return (c >= '0' && c <= '9') || c == '.';
           });
  };
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) out += (is_short(tokens[i - 1]) || is_short(tokens[i])) ? "[\\s-]*" : "[\\s-]+";
    out += RE2::QuoteMeta(tokens[i]);
  }
  return out;
}

StatusOr<RuleSet> LoadRuleFiles(const std::vector<std::string>& files) {
  RuleSet set;
  Loader loader(&set);
  for (const std::string& f : files) {
    Status s = loader.LoadFile(f);
    if (!s.ok()) return Error(s);
  }
  Status s = loader.Finish();
  if (!s.ok()) return Error(s);
  return set;
}

StatusOr<RuleSet> LoadRulesText(std::string_view toml_text, const std::string& name) {
  RuleSet set;
  Loader loader(&set);
  Status s = loader.LoadText(toml_text, name);
  if (s.ok()) s = loader.Finish();
  if (!s.ok()) return Error(s);
  return set;
}

StatusOr<RuleSet> LoadRulesDirectory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error(StatusCode::kNotFound, dir + ": rules folder not found");
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".toml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) return Error(StatusCode::kNotFound, dir + ": no *.toml rule files");
  return LoadRuleFiles(files);
}

}  // namespace redact
