#include "core/config_file.h"

#include <toml++/toml.h>

#include "core/toml_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace redact {
namespace {

// A path value, made relative to the config file's folder.
std::string Resolve(const std::filesystem::path& base, const std::string& value) {
  const std::filesystem::path p(value);
  return p.is_absolute() || value.empty() ? value : (base / p).lexically_normal().string();
}

Status WrongType(const std::string& path, const std::string& key, const toml::node& n,
                 const char* want) {
  return Status(StatusCode::kInvalidArgument, TomlWhere(path, n) + "'" + key + "' must be " + want);
}

}  // namespace

const std::vector<std::string>& ConfigFileKeys() {
  static const std::vector<std::string> keys = {
      "names",      "policy",          "patterns",        "ocr",    "lang",
      "recipients", "recipients-file", "passphrase-file", "job-key"};
  return keys;
}

StatusOr<ConfigFile> LoadConfigFile(const std::string& path) {
  if (!std::ifstream(path))
    return Error(StatusCode::kNotFound, path + ": cannot open the config file");
  StatusOr<toml::table> parsed = ParseTomlFile(path);
  if (!parsed) return Error(parsed.error());
  const toml::table& doc = *parsed;
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  ConfigFile config;
  const std::vector<std::string>& known = ConfigFileKeys();
  for (auto&& [k, node] : doc) {
    const std::string key(k.str());
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return Error(StatusCode::kInvalidArgument, TomlWhere(path, node) + "unknown key '" + key +
                                                     "' — known keys: " + JoinWords(known) +
                                                     " (a misspelled key would have no effect)");
    }
    if (key == "recipients") {
      const toml::array* list = node.as_array();
      if (!list) return Error(WrongType(path, key, node, "a list of strings"));
      std::vector<std::string> values;
      for (const toml::node& item : *list) {
        if (!item.is_string()) return Error(WrongType(path, key, item, "a list of strings"));
        values.push_back(std::string(*item.value<std::string_view>()));
      }
      config.recipients = std::move(values);
      continue;
    }
    if (!node.is_string()) return Error(WrongType(path, key, node, "a string"));
    const std::string value(*node.value<std::string_view>());
    if (key == "names") config.names = Resolve(base, value);
    if (key == "policy") config.policy = Resolve(base, value);
    if (key == "patterns") config.patterns = Resolve(base, value);
    if (key == "ocr") config.ocr = value;
    if (key == "lang") config.lang = value;
    if (key == "recipients-file") config.recipients_file = Resolve(base, value);
    if (key == "passphrase-file") config.passphrase_file = Resolve(base, value);
    if (key == "job-key") config.job_key = Resolve(base, value);
  }
  return config;
}

}  // namespace redact
