#include "large_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>

// The bounds of .bss, as the GNU and LLVM linkers define them.
extern "C" char __bss_start[], _end[];
#endif

namespace zhreport::cli {

void prefer_large_pages_for_tables() {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kLargePage = uintptr_t{2} << 20;
  const uintptr_t first =
      (reinterpret_cast<uintptr_t>(__bss_start) + kLargePage - 1) & ~(kLargePage - 1);
  const uintptr_t last = reinterpret_cast<uintptr_t>(_end) & ~(kLargePage - 1);
  // (its result is not checked: refused, the tables stay on small pages, as without the call)
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

}  // namespace zhreport::cli
