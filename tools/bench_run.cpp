// bench_run: scripts/bench's timer. Runs a command (stdin and stdout inherited) pinned to the
// given CPUs and writes "WALL CPU USER SYS PEAK_RSS_KB" (seconds to the microsecond, KB) to
// FILE; exits with the command's status (128 + signal when killed).
//   usage: zhreport_bench_run FILE CPUS COMMAND [ARG...]    (CPUS: "0", "0,1", "0-3", "" = any)
//
// Why not GNU time: it prints CPU seconds with two decimals (10 ms: a 50 ms run is ±20%), and
// `taskset` before the command would add its own start-up to every run. CPU time here is the
// child's rusage from wait4 (user + sys, to the microsecond, the child and whatever it waited
// for). The child is forked from this small process rather than spawned from a script
// interpreter, so its peak RSS is its own (a fork copies the parent's peak into ru_maxrss).
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace {

// "0,2-3" → the set; false on anything else.
bool parse_cpus(const char* text, cpu_set_t& set) {
  CPU_ZERO(&set);
  const char* p = text;
  while (*p) {
    char* end = nullptr;
    const long first = std::strtol(p, &end, 10);
    if (end == p || first < 0 || first >= CPU_SETSIZE) return false;
    long last = first;
    p = end;
    if (*p == '-') {
      last = std::strtol(p + 1, &end, 10);
      if (end == p + 1 || last < first || last >= CPU_SETSIZE) return false;
      p = end;
    }
    for (long cpu = first; cpu <= last; ++cpu) CPU_SET(cpu, &set);
    if (*p == ',')
      ++p;
    else if (*p)
      return false;
  }
  return true;
}

double seconds(const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: zhreport_bench_run FILE CPUS COMMAND [ARG...]\n");
    return 125;
  }
  if (argv[2][0]) {
    cpu_set_t set;
    if (!parse_cpus(argv[2], set)) {
      std::fprintf(stderr, "zhreport_bench_run: bad CPU list '%s'\n", argv[2]);
      return 125;
    }
    if (sched_setaffinity(0, sizeof set, &set) != 0) {  // inherited by the command
      std::fprintf(stderr, "zhreport_bench_run: sched_setaffinity: %s\n", std::strerror(errno));
      return 125;
    }
  }
  timespec start{}, end{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  const pid_t pid = fork();
  if (pid < 0) {
    std::fprintf(stderr, "zhreport_bench_run: fork: %s\n", std::strerror(errno));
    return 125;
  }
  if (pid == 0) {
    execvp(argv[3], argv + 3);
    std::fprintf(stderr, "zhreport_bench_run: %s: %s\n", argv[3], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "zhreport_bench_run: wait4: %s\n", std::strerror(errno));
      return 125;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  const double wall = double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
  const double user = seconds(usage.ru_utime), sys = seconds(usage.ru_stime);
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out) {
    std::fprintf(stderr, "zhreport_bench_run: cannot write %s\n", argv[1]);
    return 125;
  }
  std::fprintf(out, "%.6f %.6f %.6f %.6f %ld\n", wall, user + sys, user, sys, usage.ru_maxrss);
  std::fclose(out);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
