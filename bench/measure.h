#pragma once
// Measuring helpers for the benchmark: wall time, child processes' peak memory, medians,
// and long-running children watched through their stderr and /proc.

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
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

// A running child process with stderr piped to us (stdout discarded). Its lines are read
// as they come; the destructor kills (SIGKILL) and reaps it if it still runs.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  bool ok() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  // Seconds since just before the spawn.
  double elapsed() const;
  // Reads stderr until a line starting with `prefix` that has not been returned yet arrives,
  // or the timeout passes, or stderr closes.
  std::optional<std::string> wait_line(const std::string& prefix, double timeout_seconds);
  // Reads stderr (so the child never blocks on it) until `elapsed()` reaches `seconds`.
  void pump_until(double seconds);
  bool signal(int sig) const;
  // SIGTERM, then waits up to `timeout_seconds` (SIGKILL after); the exit code, -1 if killed.
  int terminate(double timeout_seconds = 5);
  // Every stderr line read so far.
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  bool read_some(int timeout_ms);

  pid_t pid_ = -1;
  int fd_ = -1;
  std::chrono::steady_clock::time_point start_;
  std::string partial_;
  std::vector<std::string> lines_;
  size_t consumed_ = 0;  // lines before this index were already looked through by wait_line
};

// Proportional set size in MB (the Pss: line of /proc/PID/smaps_rollup), -1 if unreadable.
double pss_mb(pid_t pid);
// The largest resident set size the process has had, in kB (VmHWM in /proc/PID/status), -1 if unreadable.
long peak_rss_kb(pid_t pid);
// User plus system CPU seconds of the whole process, all threads (/proc/PID/stat), -1 if unreadable.
double cpu_seconds(pid_t pid);

}  // namespace kiosk::bench
