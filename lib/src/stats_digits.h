// Decimal digits of a 128-bit integer (fmt 9 does not format __int128 portably).
#pragma once

#include <string>

namespace zhreport {

inline void append_int128_digits(std::string& out, __int128 value) {
  if (value < 0) out += '-';
  char digits[48];
  size_t n = 0;
  do {
    const int digit = static_cast<int>(value % 10);
    digits[n++] = static_cast<char>('0' + (digit < 0 ? -digit : digit));
    value /= 10;
  } while (value != 0);
  while (n) out += digits[--n];
}

}  // namespace zhreport
