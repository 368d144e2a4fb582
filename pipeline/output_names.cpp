#include "pipeline/output_names.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace redact {
namespace {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string::npos ? path.size() : slash;
    if (end > start) parts.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

// The extension of a file name (".pdf"), or "" when it has none.
std::string Extension(const std::string& name) {
  const size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? "" : name.substr(dot);
}

// A pseudonym as a file-name piece: letters, digits, '-' and '.', spaces as
// '-' ("Applicant 3" → "Applicant-3", "[dob]" → "dob").
std::string FileSafe(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.';
    if (keep) {
      out += c;
    } else if ((c == ' ' || c == '_') && !out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  while (!out.empty() && (out.front() == '-' || out.front() == '.')) out.erase(out.begin());
  return out.empty() ? "redacted" : out;
}

// `name` with `suffix` before its extension ("a.pdf", "-2" → "a-2.pdf").
std::string WithSuffix(const std::string& name, const std::string& suffix) {
  const size_t slash = name.rfind('/');
  const std::string ext = Extension(name.substr(slash == std::string::npos ? 0 : slash + 1));
  return name.substr(0, name.size() - ext.size()) + suffix + ext;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

StatusOr<OutputNaming> ParseOutputNaming(std::string_view text) {
  if (text == "pseudonym") return OutputNaming::kPseudonym;
  if (text == "sequence") return OutputNaming::kSequence;
  if (text == "keep") return OutputNaming::kKeep;
  return Error(StatusCode::kInvalidArgument,
               "--output-names " + std::string(text) + ": expected pseudonym, sequence or keep");
}

std::string PathComponentText(std::string_view component, bool is_file) {
  std::string text(component);
  if (is_file) text.resize(text.size() - Extension(text).size());
  for (char& c : text) {
    if (c == '_' || c == '.' || c == '+') c = ' ';
  }
  return text;
}

Status OutputNameProblem(const NamedOutput& named, const std::string& shown) {
  if (!named.still_identifies) return Status::Ok();
  return Status(StatusCode::kUnsupported,
                shown + ": its output name would still name someone, so it was not written; "
                        "name the outputs with --output-names sequence");
}

bool PathHoldsIdentifier(const std::string& path, const Detector& detector) {
  const std::vector<std::string> parts = SplitPath(path);
  std::string text;
  for (size_t k = 0; k < parts.size(); ++k) text += PathComponentText(parts[k], k + 1 == parts.size()) + "\n";
  return !detector.DetectPathText(text).empty();
}

std::vector<NamedOutput> NameOutputs(const std::vector<std::string>& inputs, OutputNaming naming,
                                     const Detector& detector, const Pseudonymizer& pseudonyms) {
  std::vector<NamedOutput> named;
  named.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    NamedOutput n;
    n.input = inputs[i];
    const std::vector<std::string> parts = SplitPath(inputs[i]);
    // One line per component, searched together: a name in a folder lets
    // the surname alone count in the file name below it.
    std::string text;
    std::vector<size_t> starts;
    for (size_t k = 0; k < parts.size(); ++k) {
      starts.push_back(text.size());
      text += PathComponentText(parts[k], k + 1 == parts.size());
      text += '\n';
    }
    std::vector<Finding> found = detector.DetectPathText(text);
    pseudonyms.Assign(&found);
    // Per component, its findings (component-relative offsets). A finding
    // that runs over the line break (given name in the folder, surname in
    // the file: overlapping matches merge into one span) is cut into one
    // piece per component, so no component keeps its part of the name.
    std::vector<std::vector<Finding>> per(parts.size());
    for (const Finding& whole : found) {
      for (size_t k = 0; k < parts.size(); ++k) {
        const size_t lo = std::max(whole.begin, starts[k]), hi = std::min(whole.end, starts[k] + parts[k].size());
        if (lo >= hi) continue;
        Finding f = whole;
        f.page = static_cast<int>(k) + 1;
        f.begin = lo - starts[k];
        f.end = hi - starts[k];
        per[k].push_back(f);
        n.findings.push_back(f);
      }
    }
    std::string out;
    if (naming == OutputNaming::kSequence) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "doc-%06zu", i + 1);
      out = buf + Lower(Extension(parts.empty() ? "" : parts.back()));
    } else {
      for (size_t k = 0; k < parts.size(); ++k) {
        std::string part = parts[k];
        if (naming == OutputNaming::kPseudonym && !per[k].empty()) {
          std::sort(per[k].begin(), per[k].end(),
                    [](const Finding& a, const Finding& b) { return a.begin > b.begin; });
          size_t last_begin = part.size();
          for (const Finding& f : per[k]) {
            if (f.end > last_begin) continue;  // overlaps one already replaced
            part.replace(f.begin, f.end - f.begin, FileSafe(f.replacement));
            last_begin = f.begin;
          }
        }
        out += (k ? "/" : "") + part;
      }
    }
    n.output = out;
    named.push_back(std::move(n));
  }
  // Every output path is read again: a component that still names someone
  // (a form of the name the rewrite missed, or a kept name) is marked, and
  // the document fails rather than appear under it.
  for (NamedOutput& n : named) n.still_identifies = PathHoldsIdentifier(n.output, detector);
  // Collisions, case-insensitively (some file systems fold case).
  std::set<std::string> taken;
  for (NamedOutput& n : named) {
    std::string candidate = n.output;
    for (int k = 2; taken.count(Lower(candidate)); ++k) candidate = WithSuffix(n.output, "-" + std::to_string(k));
    taken.insert(Lower(candidate));
    n.output = candidate;
  }
  return named;
}

}  // namespace redact
