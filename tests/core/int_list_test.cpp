#include "core/int_list.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "core/model.h"

namespace redact {
namespace {

TEST(IntList, EmptyHoldsNothingAndIsAnEmptyRange) {
  IntList l;
  EXPECT_TRUE(l.empty());
  EXPECT_EQ(l.size(), 0u);
  EXPECT_EQ(l.begin(), l.end());
  EXPECT_FALSE(std::binary_search(l.begin(), l.end(), 3));
  l.insert(l.end(), l.begin(), l.end());  // nothing to insert: still nothing held
  EXPECT_TRUE(l.empty());
  EXPECT_EQ(sizeof(IntList), sizeof(void*));
}

TEST(IntList, ReadsLikeAVector) {
  IntList l;
  l.push_back(5);
  l.push_back(1);
  const std::vector<int> more{9, 7};
  l.insert(l.end(), more.begin(), more.end());
  const std::vector<int> front{0};
  l.insert(l.begin(), front.begin(), front.end());
  EXPECT_EQ(l, (std::vector<int>{0, 5, 1, 9, 7}));
  std::sort(l.begin(), l.end());
  EXPECT_EQ(l, (std::vector<int>{0, 1, 5, 7, 9}));
  EXPECT_EQ(l.size(), 5u);
  EXPECT_EQ(l[2], 5);
  std::vector<int> out;
  for (int v : l) out.push_back(v);
  EXPECT_EQ(out, (std::vector<int>{0, 1, 5, 7, 9}));
}

TEST(IntList, CopiesAreDeepAndMovesEmptyTheSource) {
  IntList a{1, 2};
  IntList b = a;
  b.push_back(3);
  EXPECT_EQ(a, (std::vector<int>{1, 2}));
  EXPECT_EQ(b, (std::vector<int>{1, 2, 3}));
  IntList c = std::move(b);
  EXPECT_EQ(c, (std::vector<int>{1, 2, 3}));
  EXPECT_TRUE(b.empty());  // NOLINT: moved-from is empty by contract of unique_ptr
  a = c;
  EXPECT_EQ(a, c);
  a.clear();
  EXPECT_TRUE(a.empty());
}

// A long document holds every page's words at once (twice, while detection
// reads the pages as they will be once the findings are gone): a word was
// 168 bytes, now 104.
TEST(IntList, KeepsAWordSmall) { EXPECT_LE(sizeof(Word), 104u); }

}  // namespace
}  // namespace redact
