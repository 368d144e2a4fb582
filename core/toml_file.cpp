#include "core/toml_file.h"

namespace redact {

StatusOr<toml::table> ParseTomlFile(const std::string& path) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Error(StatusCode::kInvalidArgument,
                 path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
}

std::string TomlWhere(const std::string& path, const toml::node& n) {
  return path + ":" + std::to_string(n.source().begin.line) + ": ";
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace redact
