#include "large_pages.h"

#if defined(__linux__)
#include <sys/mman.h>

// The bounds of .bss, as the GNU and LLVM linkers define them.
extern "C" char __bss_start[], _end[];
#endif

namespace zhreport::cli {

AddressRange large_page_stretches_of_tables() {
#if defined(__linux__)
  constexpr uintptr_t kLargePage = uintptr_t{2} << 20;
  const uintptr_t first =
      (reinterpret_cast<uintptr_t>(__bss_start) + kLargePage - 1) & ~(kLargePage - 1);
  const uintptr_t last = reinterpret_cast<uintptr_t>(_end) & ~(kLargePage - 1);
  return last > first ? AddressRange{first, last} : AddressRange{};
#else
  return {};
#endif
}

void prefer_large_pages_for_tables() {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const AddressRange stretches = large_page_stretches_of_tables();
  // (its result is not checked: refused, the tables stay on small pages, as without the call)
  if (stretches.last > stretches.first) {
    madvise(reinterpret_cast<void*>(stretches.first), stretches.last - stretches.first,
            MADV_HUGEPAGE);
  }
#endif
}

}  // namespace zhreport::cli
