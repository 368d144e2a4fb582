#include "core/policy.h"

#include <algorithm>

#include <toml++/toml.h>

namespace redact {

StatusOr<Policy> Policy::Load(const std::string& path) {
  toml::table doc;
  try {
    doc = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Error(StatusCode::kInvalidArgument, path + ":" + std::to_string(e.source().begin.line) +
                                                   ": " + std::string(e.description()));
  }
  auto where = [&](const toml::node& n) {
    return path + ":" + std::to_string(n.source().begin.line) + ": ";
  };
  Policy p;
  for (auto&& [key, node] : doc) {
    const std::string section(key.str());
    if (section == "categories" || section == "labels") {
      const toml::table* t = node.as_table();
      if (!t) return Error(StatusCode::kInvalidArgument, where(node) + section + " must be a table");
      for (auto&& [k, v] : *t) {
        if (!v.is_string()) {
          return Error(StatusCode::kInvalidArgument, where(v) + std::string(k.str()) +
                                                         " must be a string");
        }
        const std::string value = v.as_string()->get();
        if (section == "labels") {
          p.labels[std::string(k.str())] = value;
        } else if (value == "redact") {
          p.actions[std::string(k.str())] = PolicyAction::kRedact;
        } else if (value == "keep") {
          p.actions[std::string(k.str())] = PolicyAction::kKeep;
        } else {
          return Error(StatusCode::kInvalidArgument,
                       where(v) + std::string(k.str()) + ": expected \"redact\" or \"keep\"");
        }
      }
    } else if (section == "detection") {
      const toml::table* t = node.as_table();
      if (!t) return Error(StatusCode::kInvalidArgument, where(node) + "detection must be a table");
      for (auto&& [k, v] : *t) {
        if (k.str() == "min_confidence") {
          auto d = v.value<double>();
          if (!d || *d < 0 || *d > 1) {
            return Error(StatusCode::kInvalidArgument, where(v) + "min_confidence must be 0..1");
          }
          p.min_confidence = *d;
        } else {
          return Error(StatusCode::kInvalidArgument,
                       where(v) + "unknown key '" + std::string(k.str()) + "'");
        }
      }
    } else if (section == "pseudonyms") {
      const toml::table* t = node.as_table();
      if (!t) return Error(StatusCode::kInvalidArgument, where(node) + "pseudonyms must be a table");
      for (auto&& [k, v] : *t) {
        const std::string value = v.value<std::string>().value_or("");
        const std::string key(k.str());
        if (key == "name" && (value == "label" || value == "initials" || value == "doe" ||
                              value == "token")) {
          p.pseudonym_name = value;
        } else if (key == "name_label" && !value.empty() &&
                   std::all_of(value.begin(), value.end(),
                               [](char c) { return c >= 0x20 && c < 0x7F; })) {
          p.pseudonym_name_label = value;
        } else if (key == "a_number" && (value == "pattern" || value == "reference")) {
          p.pseudonym_a_number = value;
        } else {
          return Error(StatusCode::kInvalidArgument,
                       where(v) + "pseudonyms: name = label|initials|doe|token, name_label = "
                                  "ASCII text, a_number = pattern|reference");
        }
      }
    } else if (section == "undecodable") {
      const toml::table* t = node.as_table();
      if (!t) return Error(StatusCode::kInvalidArgument, where(node) + "undecodable must be a table");
      for (auto&& [k, v] : *t) {
        const std::string value = v.value<std::string>().value_or("");
        if (k.str() == "scope" && (value == "pages-with-findings" || value == "everywhere")) {
          p.undecodable_everywhere = value == "everywhere";
        } else if (k.str() == "action" && (value == "remove" || value == "fail")) {
          p.undecodable_fail = value == "fail";
        } else {
          return Error(StatusCode::kInvalidArgument,
                       where(v) + "undecodable: expected scope = \"pages-with-findings\" | "
                                  "\"everywhere\", action = \"remove\" | \"fail\"");
        }
      }
    } else if (section == "limits") {
      const toml::table* t = node.as_table();
      if (!t) return Error(StatusCode::kInvalidArgument, where(node) + "limits must be a table");
      for (auto&& [k, v] : *t) {
        const std::optional<int64_t> n = v.value<int64_t>();
        const std::string key(k.str());
        auto in = [&](int64_t lo, int64_t hi) { return n && *n >= lo && *n <= hi; };
        ResourceLimits& l = p.limits;
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
          return Error(StatusCode::kInvalidArgument,
                       where(v) + "limits: expected max_file_mb (1..1048576), max_pages "
                                  "(1..10000000), max_stream_mb (1..16384), max_form_depth (1..256), "
                                  "max_image_megapixels (1..100000), max_glyphs_per_page "
                                  "(1..100000000), each a whole number");
        }
      }
    } else if (section == "vector_text") {
      const toml::table* t = node.as_table();
      if (!t) return Error(StatusCode::kInvalidArgument, where(node) + "vector_text must be a table");
      for (auto&& [k, v] : *t) {
        const std::string value = v.value<std::string>().value_or("");
        const std::optional<int64_t> number = v.value<int64_t>();
        if (k.str() == "action" && (value == "fail" || value == "keep")) {
          p.vector_text_keep = value == "keep";
        } else if (k.str() == "min_shapes" && number && *number >= 1 && *number <= 1000000) {
          p.vector_text_min_shapes = static_cast<int>(*number);
        } else {
          return Error(StatusCode::kInvalidArgument,
                       where(v) + "vector_text: expected action = \"fail\" | \"keep\", "
                                  "min_shapes = a whole number from 1");
        }
      }
    } else if (section != "meta") {
      return Error(StatusCode::kInvalidArgument, where(node) + "unknown section '" + section + "'");
    }
  }
  return p;
}

}  // namespace redact
