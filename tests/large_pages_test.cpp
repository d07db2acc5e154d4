// apps/common/large_pages.h: the tools' request for large pages under the library's tables.
#include "large_pages.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

extern "C" char __bss_start[], _end[];

namespace {

// The VmFlags of the mapping of this process that holds `address` (/proc/self/smaps), or "".
std::string flags_of_mapping_at(uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t start = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> start >> dash >> end && dash == '-') {
      inside = start <= address && address < end;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

TEST_CASE("prefer_large_pages_for_tables asks for 2 MB pages under the static tables") {
  const zhreport::cli::AddressRange stretches = zhreport::cli::large_page_stretches_of_tables();
  // (the test binary holds the library's tables: megabytes of .bss, whole large pages of it)
  REQUIRE(stretches.last - stretches.first >= uintptr_t{2} << 20);
  CHECK(reinterpret_cast<uintptr_t>(__bss_start) <= stretches.first);
  CHECK(stretches.last <= reinterpret_cast<uintptr_t>(_end));
  CHECK(stretches.first % (uintptr_t{2} << 20) == 0);
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  if (!std::getline(mode, modes) || modes.find("[never]") != std::string::npos) {
    MESSAGE("this kernel grants no large pages on request: nothing to check");
    return;
  }
  zhreport::cli::prefer_large_pages_for_tables();
  CHECK(flags_of_mapping_at(stretches.first).find(" hg") != std::string::npos);
}

}  // namespace
