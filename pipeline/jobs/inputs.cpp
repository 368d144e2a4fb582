#include "pipeline/jobs/inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace redact::jobs {

namespace fs = std::filesystem;

namespace {

bool IsPdfName(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".pdf";
}

bool StartsLikePdf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head.find("%PDF-") != std::string::npos;
}

bool Hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

}  // namespace

StatusOr<std::vector<JobInput>> CollectInputs(const std::vector<std::string>& arguments) {
  std::vector<JobInput> inputs;
  for (const std::string& arg : arguments) {
    std::error_code ec;
    const fs::path p(arg);
    if (fs::is_directory(p, ec)) {
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) return Error(StatusCode::kIo, arg + ": cannot read the folder");
      for (; it != end; it.increment(ec)) {
        if (ec) return Error(StatusCode::kIo, arg + ": cannot read the folder");
        if (Hidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_symlink(ec) || !it->is_regular_file(ec) || !IsPdfName(it->path())) continue;
        inputs.push_back({it->path().string(), fs::relative(it->path(), p, ec).generic_string()});
      }
    } else if (fs::is_regular_file(p, ec)) {
      if (IsPdfName(p) || StartsLikePdf(p)) {
        inputs.push_back({arg, p.filename().string()});
        continue;
      }
      std::ifstream in(p);
      std::string line;
      int number = 0;
      while (std::getline(in, line)) {
        ++number;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const fs::path listed(line.substr(first));
        const fs::path resolved = listed.is_absolute() ? listed : p.parent_path() / listed;
        if (!fs::is_regular_file(resolved, ec)) {
          return Error(StatusCode::kNotFound, arg + ":" + std::to_string(number) + ": no such file");
        }
        bool up = false;
        for (const fs::path& part : listed) up |= part == "..";
        const std::string relative =
            listed.is_absolute() || up ? listed.filename().string() : listed.lexically_normal().generic_string();
        inputs.push_back({resolved.string(), relative});
      }
    } else {
      return Error(StatusCode::kNotFound, arg + ": no such file or folder");
    }
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const JobInput& a, const JobInput& b) { return a.relative < b.relative; });
  std::vector<JobInput> unique;
  for (JobInput& in : inputs) {
    if (!unique.empty() && unique.back().relative == in.relative) {
      std::error_code ec;
      if (fs::equivalent(unique.back().path, in.path, ec)) continue;  // listed twice
      return Error(StatusCode::kInvalidArgument,
                   "two inputs would write the same output " + in.relative + ": " + unique.back().path +
                       " and " + in.path);
    }
    unique.push_back(std::move(in));
  }
  return unique;
}

}  // namespace redact::jobs
