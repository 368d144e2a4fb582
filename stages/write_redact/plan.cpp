#include "stages/write_redact/plan.h"

namespace redact {

void SideFindings::Add(const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    if (f.channel == kChannelPage) continue;
    by_where_[{f.channel, f.page, f.object}].push_back(findings_.size());
    index_[&f] = findings_.size();
    findings_.push_back(&f);
    done_.push_back(false);
  }
}

const Finding* SideFindings::Find(std::string_view channel, int page, const std::string& object,
                                  std::string_view key) const {
  auto it = by_where_.find({std::string(channel), page, object});
  if (it == by_where_.end()) return nullptr;
  for (size_t i : it->second) {
    if (key.empty() || findings_[i]->key == key) return findings_[i];
  }
  return nullptr;
}

void SideFindings::Done(std::string_view channel, int page, const std::string& object, std::string_view key) {
  auto it = by_where_.find({std::string(channel), page, object});
  if (it == by_where_.end()) return;
  for (size_t i : it->second) {
    if (key.empty() || findings_[i]->key == key) done_[i] = true;
  }
}

std::vector<const Finding*> SideFindings::MarkedContent(int page) const {
  std::vector<const Finding*> out;
  for (const Finding* f : findings_) {
    if (f->channel == kChannelMarkedContent && f->page == page) out.push_back(f);
  }
  return out;
}

void SideFindings::Done(const Finding* f) {
  if (auto it = index_.find(f); it != index_.end()) done_[it->second] = true;
}

const Finding* SideFindings::FirstPending() const {
  for (size_t i = 0; i < findings_.size(); ++i) {
    if (!done_[i]) return findings_[i];
  }
  return nullptr;
}

}  // namespace redact
