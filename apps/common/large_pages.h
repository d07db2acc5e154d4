// The library's lookup tables in 2 MB pages, where the kernel grants them on request.
//
//   int main(int argc, char** argv) {
//     zhreport::cli::prefer_large_pages_for_tables();  // before the first document is read
//     …
#pragma once

#include <cstdint>

namespace zhreport::cli {

// Asks the kernel to back the program's zero-initialized static storage with 2 MB pages
// (madvise MADV_HUGEPAGE: Debian's kernels grant them on request). That storage is the
// library's lookup tables (~8 MB: the role words' bitmaps, the scans' tables), filled on first
// use and then read at random, several lookups per character: on 4 KB pages they take more
// entries than the processor's TLB holds. Only whole 2 MB stretches of it qualify. Where the
// system offers no such request, or refuses it, nothing changes: the call never fails.
void prefer_large_pages_for_tables();

// The whole 2 MB stretches of that storage, [first, last): what the call above asks for (empty
// where the system has no such storage bounds to tell).
struct AddressRange {
  uintptr_t first = 0, last = 0;
};
AddressRange large_page_stretches_of_tables();

}  // namespace zhreport::cli
