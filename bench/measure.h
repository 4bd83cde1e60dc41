#pragma once
// Measuring helpers for the benchmark: wall time, child processes' peak memory, medians.

#include <functional>
#include <string>
#include <vector>

namespace kiosk::bench {

double median(std::vector<double> values);
// Seconds one call of `fn` takes, median of `runs`.
double median_seconds(int runs, const std::function<void()>& fn);

struct ChildRun {
  int exit_code = -1;
  double seconds = 0;
  long max_rss_kb = 0;
};

// Runs a command (argv) to completion, stdout and stderr discarded.
ChildRun run_child(const std::vector<std::string>& argv);

}  // namespace kiosk::bench
