// Detection benchmarks: names-list build time and scan throughput (MB/s of
// page text) with 1k and 100k names. Names are generated deterministically
// from given names × surnames, so the lists are realistic in shape (shared
// surnames, compound surnames, particles) without being anyone's data.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "stages/detect/detector.h"

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

std::string PageText() {
  std::ifstream in(std::string(REDACT_SOURCE_DIR) + "/tests/data/detect/eval/order.txt");
  std::string t((std::istreambuf_iterator<char>(in)), {});
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

void BM_DetectText(benchmark::State& state) {
  auto rules = LoadRulesDirectory(std::string(REDACT_SOURCE_DIR) + "/patterns");
  std::optional<NamesIndex> names;
  if (state.range(0) > 0) names = *NamesIndex::FromCsvText(NamesCsv(static_cast<int>(state.range(0))), "b");
  Detector detector(std::move(*rules), std::move(names), Policy{});
  const std::string text = PageText();
  size_t findings = 0;
  for (auto _ : state) findings = detector.DetectText(text).size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_DetectText)->Arg(0)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace redact

BENCHMARK_MAIN();
