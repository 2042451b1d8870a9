// consortia-sim: runs a simulated consortium chain from one seed and checks it.
// Exit status: 0 all checks passed, 1 a check failed, 2 bad input.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "sim/simulation.h"

int main(int argc, char** argv) {
  using namespace consortia::sim;
  auto opts = parse_command_line(argc, argv);
  if (!opts) {
    std::cerr << "consortia-sim: " << opts.error().detail << "\n(consortia-sim --help lists the options)\n";
    return 2;
  }
  if (opts->help) {
    std::cout << usage();
    return 0;
  }
  const Scenario& sc = opts->scenario;
  Simulation sim(sc);
  auto started = std::chrono::steady_clock::now();
  auto report = sim.run();
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!report) {
    std::cerr << "consortia-sim: " << report.error().to_string() << "\n";
    return 2;
  }
  if (!opts->chains_file.empty()) {
    // The console's recording format (app/model/recording.h): each node's
    // chain, and the heights where the simulator's checker saw a fork.
    nlohmann::json j;
    j["format"] = "consortia-recording/1";
    j["note"] = "consortia-sim " + sc.name + " seed " + std::to_string(sc.seed);
    j["nodes"] = nlohmann::json::array();
    j["chains"] = nlohmann::json::object();
    for (const auto& [name, hashes] : report->chains) {
      j["nodes"].push_back({{"name", name}, {"reachable", true}, {"height", hashes.size()}});
      auto& c = j["chains"][name] = nlohmann::json::array();
      for (const auto& h : hashes) c.push_back(h.hex());
    }
    j["fork_heights"] = nlohmann::json::array();
    for (const auto& v : report->safety_violations)
      if (v.kind == "fork") j["fork_heights"].push_back(v.height);
    std::ofstream(opts->chains_file) << j.dump(1) << "\n";
  }
  if (opts->json)
    std::cout << report->to_json() << "\n";
  else if (!opts->quiet)
    std::cout << report->to_text(wall);
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
