// Detection benchmarks: names-list build time and scan throughput (MB/s of
// page text) with 1k and 100k names. Names are generated deterministically
// from given names × surnames, so the lists are realistic in shape (shared
// surnames, compound surnames, particles) without being anyone's data.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <re2/re2.h>

#include "stages/detect/detector.h"
#include "stages/detect/normalize.h"

namespace redact {
namespace {

const char* const kGiven[] = {"Maria", "José", "Ana", "Luis", "Carmen", "Juan", "Rosa", "Carlos",
                              "Fatima", "Omar", "Thanh", "Oksana", "Jean", "Daniel", "Yesenia",
                              "Wilmer", "Khadija", "Samuel", "Lucía", "Edwin", "Brenda", "Kevin",
                              "Valentina", "Gustavo", "Marisol", "Camila", "Ahmed", "Elena",
                              "Pedro", "Sofía", "Mateo", "Ximena"};
const char* const kSurname[] = {"Hernández", "García", "López", "Peña", "Ortiz", "de la Cruz",
                                "Ramírez", "Joseph", "Nguyen", "Petrenko", "El Idrissi", "Bekele",
                                "Castillo", "Reyes", "Morales", "Tzul", "Bah", "Mbeki", "Ayala",
                                "Haddad", "Rivas", "Paz", "Flores", "Mejía", "Torres", "Ventura",
                                "Díaz", "Cruz", "Vásquez", "Santos", "Ruiz", "Navarro", "Aguilar",
                                "Chávez", "Domínguez", "Herrera", "Medina", "Romero", "Silva",
                                "Soto", "Vargas", "Castro", "Ortega", "Delgado", "Guzmán",
                                "Salazar", "Fuentes", "Cabrera", "Campos", "Rojas"};

std::string NamesCsv(int n) {
  std::ostringstream csv;
  csv << "id,first,middle,last,a_number\n";
  const int g = std::size(kGiven), s = std::size(kSurname);
  for (int i = 0; i < n; ++i) {
    csv << "E" << i << "," << kGiven[i % g] << "," << kGiven[(i / g) % g] << ","
        << kSurname[(i / 7) % s] << "-" << kSurname[(i / 3 + i / 11) % s] << i / (g * s) << ","
        << 200000000 + i << "\n";
  }
  return csv.str();
}

// The evaluation order as it reads on a page: its labels ("[[name|Maria
// …]]") taken off, so the bench reads what a document holds.
// REDACT_BENCH_TEXT names another text to read instead (e.g. pdftotext of
// bench/peers.sh's generated filing).
std::string PageText() {
  if (const char* other = std::getenv("REDACT_BENCH_TEXT")) {
    std::ifstream in(other);
    std::string t((std::istreambuf_iterator<char>(in)), {});
    std::replace(t.begin(), t.end(), '\f', '\n');
    return t;
  }
  std::ifstream in(std::string(REDACT_SOURCE_DIR) + "/tests/data/detect/eval/order.txt");
  std::string marked((std::istreambuf_iterator<char>(in)), {});
  std::string t;
  for (size_t i = 0; i < marked.size();) {
    if (marked.compare(i, 2, "[[") == 0) {
      const size_t bar = marked.find('|', i);
      if (bar != std::string::npos) {
        i = bar + 1;
        continue;
      }
    }
    if (marked.compare(i, 2, "]]") == 0) {
      i += 2;
      continue;
    }
    t += marked[i++];
  }
  std::string out;
  while (out.size() < 256 * 1024) out += t;  // a long document's worth
  return out;
}

void BM_BuildNamesIndex(benchmark::State& state) {
  const std::string csv = NamesCsv(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto index = NamesIndex::FromCsvText(csv, "bench.csv");
    benchmark::DoNotOptimize(index);
  }
  state.counters["names"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_BuildNamesIndex)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// What every process pays for the rules at start (patterns, cues, the
// prefilters).
void BM_LoadRules(benchmark::State& state) {
  for (auto _ : state) {
    auto rules = LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns");
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(BM_LoadRules)->Unit(benchmark::kMillisecond)->UseRealTime();

// The shipped rules, with a generated list of `names` rows (none for 0).
Detector ShippedDetector(int names) {
  auto rules = LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns");
  std::optional<NamesIndex> list;
  if (names > 0) list = *NamesIndex::FromCsvText(NamesCsv(names), "b");
  return Detector(std::move(*rules), std::move(list), Policy{});
}

void BM_DetectText(benchmark::State& state) {
  const Detector detector = ShippedDetector(static_cast<int>(state.range(0)));
  const std::string text = PageText();
  size_t findings = 0;
  for (auto _ : state) findings = detector.DetectText(text).size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_DetectText)->Arg(0)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The same text as a document reads: pages of about 3 KB (a dense page of
// legal prose), cut at line ends, detected together as apply does.
void BM_DetectDocument(benchmark::State& state) {
  const Detector detector = ShippedDetector(static_cast<int>(state.range(0)));
  const std::string text = PageText();
  std::vector<redact::PageText> pages;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', std::min(text.size(), at + 3000));
    end = end == std::string::npos ? text.size() : end + 1;
    redact::PageText& page = pages.emplace_back();
    page.number = static_cast<int>(pages.size());
    page.text = text.substr(at, end - at);
    page.text_glyph.assign(page.text.size(), -1);
    at = end;
  }
  size_t findings = 0;
  for (auto _ : state) findings = detector.DetectDocument(pages).size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["pages"] = static_cast<double>(pages.size());
}
BENCHMARK(BM_DetectDocument)->Arg(0)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Each pattern rule and name cue alone over the text (which one costs what):
// the rule's id is the label.
void BM_OneRegex(benchmark::State& state) {
  static const RuleSet* rules = new RuleSet(*LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns"));
  const size_t i = static_cast<size_t>(state.range(0));
  const size_t n = rules->rules.size();
  if (i >= n + rules->name_cues.size()) {
    state.SkipWithError("no such rule");
    return;
  }
  const RE2& re = i < n ? *rules->rules[i].re : *rules->name_cues[i - n].re;
  state.SetLabel(i < n ? rules->rules[i].id : rules->name_cues[i - n].id);
  // Pattern rules read normalized text (detect/normalize.h); cues the original.
  const std::string text = i < n ? NormalizeForMatching(PageText()).text : PageText();
  re2::StringPiece m[4];
  const int groups = std::min(4, re.NumberOfCapturingGroups() + 1);
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t pos = 0; pos < text.size();) {
      if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, m, groups)) break;
      pos = std::max(static_cast<size_t>(m[0].data() - text.data()) + m[0].size(), pos + 1);
      ++found;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["matches"] = static_cast<double>(found);
}
BENCHMARK(BM_OneRegex)->DenseRange(0, 40)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace redact

BENCHMARK_MAIN();
