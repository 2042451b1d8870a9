// consortia-sim: runs a simulated consortium chain from one seed and checks it.
// Exit status: 0 all checks passed, 1 a check failed, 2 bad input.
#include <cstdio>
#include <iostream>

#include "sim/simulation.h"

int main(int argc, char** argv) {
  using namespace consortia::sim;
  auto opts = parse_command_line(argc, argv);
  if (!opts) {
    std::cerr << "consortia-sim: " << opts.error().detail << "\n\n" << usage();
    return 2;
  }
  if (opts->help) {
    std::cout << usage();
    return 0;
  }
  const Scenario& sc = opts->scenario;
  Simulation sim(sc);
  auto report = sim.run();
  if (!report) {
    std::cerr << "consortia-sim: " << report.error().to_string() << "\n";
    return 2;
  }
  if (opts->json)
    std::cout << report->to_json() << "\n";
  else if (!opts->quiet)
    std::cout << report->to_text();
  if (!report->passed(sc)) {
    std::cerr << "consortia-sim: check failed with seed " << sc.seed;
    if (!report->safety_violations.empty()) {
      const auto& v = report->safety_violations.front();
      std::cerr << ": first violation " << v.kind << " at height " << v.height << ": "
                << v.detail;
    } else {
      std::cerr << ": " << report->liveness_detail;
    }
    std::cerr << "\n  replay: consortia-sim " << "--seed " << sc.seed << " (with the same options)\n";
    return 1;
  }
  return 0;
}
