#include "core/policy.h"

#include <algorithm>
#include <functional>
#include <optional>

#include <toml++/toml.h>

#include "core/toml_file.h"

namespace redact {
namespace {

std::string Where(const std::string& path, const toml::node& n) { return TomlWhere(path, n); }

Status Invalid(std::string message) { return Status(StatusCode::kInvalidArgument, std::move(message)); }

std::string Join(const std::vector<std::string>& words) { return JoinWords(words); }

Status UnknownKey(const std::string& path, const std::string& table, const std::string& key,
                  const toml::node& n, const std::vector<std::string>& known) {
  return Invalid(Where(path, n) + "[" + table + "] has no key '" + key + "' — known keys: " + Join(known) +
                 " (a misspelled key would have no effect)");
}

// One table's keys: `set` applies a known key or returns why its value is
// wrong; keys not in `known` are errors.
using KeySetter = std::function<Status(const std::string& key, const toml::node& value)>;

Status ForEachKey(const std::string& path, const std::string& table, const toml::table& t,
                  const std::vector<std::string>& known, const KeySetter& set) {
  for (auto&& [k, v] : t) {
    const std::string key(k.str());
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return UnknownKey(path, table, key, v, known);
    }
    if (Status s = set(key, v); !s.ok()) return s;
  }
  return Status::Ok();
}

// A word redact draws (label, pseudonym word, placeholder): printable and
// in WinAnsiEncoding, which the drawing font uses (core/output_words.h).
Status CheckWord(const std::string& path, const std::string& table, const std::string& key, const toml::node& v,
                 bool brackets_allowed) {
  if (!v.is_string()) return Invalid(Where(path, v) + "[" + table + "] " + key + " must be a string");
  const std::string& value = v.as_string()->get();
  if (!brackets_allowed && (value.empty() || value.find_first_of("[]") != std::string::npos)) {
    return Invalid(Where(path, v) + "[" + table + "] " + key + " must be a word without brackets (redact adds them)");
  }
  if (!Utf8ToWinAnsi(value)) {
    return Invalid(Where(path, v) + "[" + table + "] " + key +
                   ": redact draws this text in Helvetica (WinAnsiEncoding), which has no glyph for one of its "
                   "characters; use Latin letters, digits and punctuation (accented letters such as é, ñ, ü are fine)");
  }
  return Status::Ok();
}

// "labels.es" → kSpanish; the table name for errors in `*name`.
StatusOr<DocumentLanguage> LanguageTable(const std::string& path, const std::string& table, const std::string& code,
                                         const toml::node& n) {
  if (std::optional<DocumentLanguage> l = ParseLanguageCode(code)) return *l;
  std::vector<std::string> codes;
  for (DocumentLanguage l : AllLanguages()) codes.emplace_back(LanguageCode(l));
  return Error(Invalid(Where(path, n) + "[" + table + "." + code + "]: no language '" + code +
                       "' — known languages: " + Join(codes) + " (or a string value, keyed by category)"));
}

// [categories], [labels] and [placeholders]: keyed by category; the names
// are checked against the rules later (Policy::CheckCategories). [labels]
// and [placeholders] may hold one table per language ([labels.es]).
Status ParseCategoryTable(const std::string& path, const std::string& table, const toml::table& t, Policy* p,
                          Policy::WordTables* words = nullptr, const std::string& shown = "") {
  const std::string name = shown.empty() ? table : shown;
  for (auto&& [k, v] : t) {
    const std::string key(k.str());
    if (const toml::table* sub = v.as_table(); sub && table != "categories" && !words) {
      StatusOr<DocumentLanguage> l = LanguageTable(path, table, key, v);
      if (!l) return l.error();
      Status s = ParseCategoryTable(path, table, *sub, p, &p->words_by_language[*l], table + "." + key);
      if (!s.ok()) return s;
      continue;
    }
    if (!v.is_string()) return Invalid(Where(path, v) + "[" + name + "] " + key + " must be a string");
    const std::string value = v.as_string()->get();
    p->category_keys.push_back({name, key, Where(path, v)});
    Policy::WordTables& into = words ? *words : p->words;
    if (table == "labels" || table == "placeholders") {
      if (Status s = CheckWord(path, name, key, v, table == "labels"); !s.ok()) return s;
      (table == "labels" ? into.labels : into.placeholders)[key] = value;
    } else if (value == "redact" || value == "keep") {
      p->actions[key] = value == "keep" ? PolicyAction::kKeep : PolicyAction::kRedact;
    } else {
      return Invalid(Where(path, v) + "[categories] " + key + ": expected \"redact\" or \"keep\"");
    }
  }
  return Status::Ok();
}

// [output]: language = "auto" | "en" | "es".
Status ParseOutput(const std::string& path, const toml::table& t, Policy* p) {
  return ForEachKey(path, "output", t, {"language"}, [&](const std::string&, const toml::node& v) {
    const std::string value = v.value<std::string>().value_or("");
    if (value == "auto") {
      p->language.reset();
      return Status::Ok();
    }
    if (std::optional<DocumentLanguage> l = ParseLanguageCode(value)) {
      p->language = *l;
      return Status::Ok();
    }
    return Invalid(Where(path, v) + "output: language must be \"auto\", \"en\" or \"es\"");
  });
}

Status ParseDetection(const std::string& path, const toml::table& t, Policy* p) {
  return ForEachKey(path, "detection", t, {"min_confidence"}, [&](const std::string&, const toml::node& v) {
    const std::optional<double> d = v.value<double>();
    if (!d || *d < 0 || *d > 1) return Invalid(Where(path, v) + "min_confidence must be a number from 0 to 1");
    p->min_confidence = *d;
    return Status::Ok();
  });
}

const std::vector<std::string> kPseudonymWords = {"name_label", "unlisted_label", "person", "a_number_of"};

// [pseudonyms.es]: only the words.
Status ParsePseudonymWords(const std::string& path, const std::string& table, const toml::table& t,
                           Policy::WordTables* into) {
  return ForEachKey(path, table, t, kPseudonymWords, [&](const std::string& key, const toml::node& v) {
    if (Status s = CheckWord(path, table, key, v, false); !s.ok()) return s;
    into->pseudonyms[key] = v.as_string()->get();
    return Status::Ok();
  });
}

Status ParsePseudonyms(const std::string& path, const toml::table& t, Policy* p) {
  std::vector<std::string> known = {"name", "a_number", "min_scale"};
  known.insert(known.end(), kPseudonymWords.begin(), kPseudonymWords.end());
  for (DocumentLanguage l : AllLanguages()) known.emplace_back(LanguageCode(l));
  return ForEachKey(path, "pseudonyms", t, known, [&](const std::string& key, const toml::node& v) {
    const std::string value = v.value<std::string>().value_or("");
    if (const toml::table* sub = v.as_table()) {
      const DocumentLanguage l = *ParseLanguageCode(key);
      return ParsePseudonymWords(path, "pseudonyms." + key, *sub, &p->words_by_language[l]);
    }
    if (std::find(kPseudonymWords.begin(), kPseudonymWords.end(), key) != kPseudonymWords.end()) {
      if (Status s = CheckWord(path, "pseudonyms", key, v, false); !s.ok()) return s;
      p->words.pseudonyms[key] = value;
    } else if (key == "min_scale") {
      const std::optional<double> d = v.value<double>();
      if (!d || *d < 0.5 || *d > 1) return Invalid(Where(path, v) + "pseudonyms: min_scale must be a number from 0.5 to 1");
      p->pseudonym_min_scale = *d;
    } else if (key == "name" && (value == "label" || value == "initials" || value == "doe" || value == "token")) {
      p->pseudonym_name = value;
    } else if (key == "a_number" && (value == "pattern" || value == "reference")) {
      p->pseudonym_a_number = value;
    } else {
      return Invalid(Where(path, v) + "pseudonyms: name = label|initials|doe|token, a_number = pattern|reference, "
                                      "min_scale = 0.5 to 1, a language's words in [pseudonyms.es]");
    }
    return Status::Ok();
  });
}

Status ParseUndecodable(const std::string& path, const toml::table& t, Policy* p) {
  return ForEachKey(path, "undecodable", t, {"scope", "action"}, [&](const std::string& key, const toml::node& v) {
    const std::string value = v.value<std::string>().value_or("");
    if (key == "scope" && (value == "pages-with-findings" || value == "everywhere")) {
      p->undecodable_everywhere = value == "everywhere";
    } else if (key == "action" && (value == "remove" || value == "fail")) {
      p->undecodable_fail = value == "fail";
    } else {
      return Invalid(Where(path, v) + "undecodable: expected scope = \"pages-with-findings\" | "
                                      "\"everywhere\", action = \"remove\" | \"fail\"");
    }
    return Status::Ok();
  });
}

Status ParseLimits(const std::string& path, const toml::table& t, Policy* p) {
  const std::vector<std::string> known = {"max_file_mb",    "max_pages",           "max_stream_mb",
                                          "max_form_depth", "max_image_megapixels", "max_glyphs_per_page"};
  return ForEachKey(path, "limits", t, known, [&](const std::string& key, const toml::node& v) {
    const std::optional<int64_t> n = v.value<int64_t>();
    auto in = [&](int64_t lo, int64_t hi) { return n && *n >= lo && *n <= hi; };
    ResourceLimits& l = p->limits;
    if (key == "max_file_mb" && in(1, 1 << 20)) {
      l.max_file_bytes = static_cast<size_t>(*n) << 20;
    } else if (key == "max_pages" && in(1, 10000000)) {
      l.max_pages = static_cast<int>(*n);
    } else if (key == "max_stream_mb" && in(1, 1 << 14)) {
      l.max_stream_bytes = static_cast<size_t>(*n) << 20;
    } else if (key == "max_form_depth" && in(1, 256)) {
      l.max_form_depth = static_cast<int>(*n);
    } else if (key == "max_image_megapixels" && in(1, 100000)) {
      l.max_image_pixels = *n * 1000000;
    } else if (key == "max_glyphs_per_page" && in(1, 100000000)) {
      l.max_glyphs_per_page = static_cast<size_t>(*n);
    } else {
      return Invalid(Where(path, v) + "limits: expected max_file_mb (1..1048576), max_pages "
                                      "(1..10000000), max_stream_mb (1..16384), max_form_depth (1..256), "
                                      "max_image_megapixels (1..100000), max_glyphs_per_page "
                                      "(1..100000000), each a whole number");
    }
    return Status::Ok();
  });
}

Status ParseVectorText(const std::string& path, const toml::table& t, Policy* p) {
  return ForEachKey(path, "vector_text", t, {"min_shapes", "action"}, [&](const std::string& key, const toml::node& v) {
    const std::string value = v.value<std::string>().value_or("");
    const std::optional<int64_t> number = v.value<int64_t>();
    if (key == "action" && (value == "fail" || value == "keep")) {
      p->vector_text_keep = value == "keep";
    } else if (key == "min_shapes" && number && *number >= 1 && *number <= 1000000) {
      p->vector_text_min_shapes = static_cast<int>(*number);
    } else {
      return Invalid(Where(path, v) + "vector_text: expected action = \"fail\" | \"keep\", "
                                      "min_shapes = a whole number from 1");
    }
    return Status::Ok();
  });
}

const std::vector<std::string> kTables = {"categories",  "labels", "placeholders", "output",     "detection",
                                          "pseudonyms", "undecodable", "limits", "vector_text", "meta"};

}  // namespace

StatusOr<Policy> Policy::Load(const std::string& path) {
  StatusOr<toml::table> parsed = ParseTomlFile(path);
  if (!parsed) return Error(parsed.error());
  const toml::table& doc = *parsed;
  Policy p;
  for (auto&& [key, node] : doc) {
    const std::string section(key.str());
    if (std::find(kTables.begin(), kTables.end(), section) == kTables.end()) {
      return Error(Invalid(Where(path, node) + "unknown table '" + section + "' — known tables: " + Join(kTables)));
    }
    const toml::table* t = node.as_table();
    if (!t) return Error(Invalid(Where(path, node) + section + " must be a table ([" + section + "])"));
    Status s;
    if (section == "categories" || section == "labels" || section == "placeholders") {
      s = ParseCategoryTable(path, section, *t, &p);
    } else if (section == "output") {
      s = ParseOutput(path, *t, &p);
    } else if (section == "detection") {
      s = ParseDetection(path, *t, &p);
    } else if (section == "pseudonyms") {
      s = ParsePseudonyms(path, *t, &p);
    } else if (section == "undecodable") {
      s = ParseUndecodable(path, *t, &p);
    } else if (section == "limits") {
      s = ParseLimits(path, *t, &p);
    } else if (section == "vector_text") {
      s = ParseVectorText(path, *t, &p);
    }  // [meta] is free text for people: nothing reads it
    if (!s.ok()) return Error(s);
  }
  return p;
}

OutputWords Policy::WordsFor(DocumentLanguage language) const {
  OutputWords w = BuiltInWords(language);
  auto overlay = [&w](const WordTables& t) {
    for (const auto& [category, label] : t.labels) w.labels[category] = label;
    for (const auto& [category, word] : t.placeholders) w.placeholders[category] = word;
    for (const auto& [key, word] : t.pseudonyms) {
      std::string& slot = key == "name_label" ? w.name_label
                          : key == "unlisted_label" ? w.unlisted_label
                          : key == "person" ? w.person
                                            : w.a_number_of;
      slot = word;
    }
  };
  overlay(words);
  if (auto it = words_by_language.find(language); it != words_by_language.end()) overlay(it->second);
  return w;
}

Status Policy::CheckCategories(const std::set<std::string>& known) const {
  for (const CategoryKey& k : category_keys) {
    if (known.contains(k.category)) continue;
    std::vector<std::string> names(known.begin(), known.end());
    return Invalid(k.where + "[" + k.table + "] has no category '" + k.category + "' — known categories: " +
                   Join(names) + " (a misspelled category would have no effect)");
  }
  return Status::Ok();
}

}  // namespace redact
