// Mojibake detection: the re-encoding test and the rare-character test (see validate.h).
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <bitset>
#include <memory>
#include <vector>

#include "validate_text.h"
#include "zhreport/convert.h"
#include "zhreport/decode.h"
#include "zhreport/validate.h"

namespace zhreport {

namespace {

// One code point of valid UTF-8 at `i` (decode() output is valid); advances `i`.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (i + length > s.size()) {
    i = s.size();
    return 0xFFFD;
  }
  char32_t code = length == 1 ? lead : lead & (0xFF >> (length + 1));
  for (size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
  i += length;
  return code;
}

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool is_private_use(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

// The 3755 characters of GB2312 level 1 (rows 0xB0-0xD7): the common ones.
const std::bitset<0x10000>& common_han() {
  static const auto table = [] {
    auto set = std::make_unique<std::bitset<0x10000>>();
    std::string pairs;
    for (int row = 0xB0; row <= 0xD7; ++row) {
      for (int cell = 0xA1; cell <= 0xFE; ++cell) {
        if (row == 0xD7 && cell > 0xF9) break;
        pairs += static_cast<char>(row);
        pairs += static_cast<char>(cell);
      }
    }
    const auto text = decode(pairs, {.from = Encoding::gb18030});
    if (text) {
      for (size_t i = 0; i < text->text.size();) {
        const char32_t c = next_code_point(text->text, i);
        if (c < 0x10000) set->set(c);
      }
    }
    return set;
  }();
  return *table;
}

bool is_rare(char32_t c) {
  return is_private_use(c) || (is_han(c) && (c >= 0x10000 || !common_han().test(c)));
}

// `utf8` in another encoding (ICU converter name); unencodable characters become substitutes.
std::string encoded(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "utf-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<size_t>(n));
  return out;
}

struct HanCount {
  size_t han = 0;     // Han and private-use characters
  size_t common = 0;  // of them, in GB2312 level 1 once converted to Simplified
  double ratio() const {
    return han ? static_cast<double>(common) / static_cast<double>(han) : 1.0;
  }
};

HanCount count_han(std::string_view utf8) {
  HanCount count;
  const std::string simplified = Converter::get(Config::t2s).convert(utf8);
  for (size_t i = 0; i < simplified.size();) {
    const char32_t c = next_code_point(simplified, i);
    if (!is_han(c) && !is_private_use(c)) continue;
    ++count.han;
    count.common += !is_rare(c);
  }
  return count;
}

// A run of non-ASCII text reads far better once its bytes are taken back and decoded the way
// its writer meant: UTF-8 read as GBK, GBK read as Big5 or the reverse, or GBK pairs
// misaligned by one lost byte.
bool misdecoded(std::string_view run, std::string* meant_text = nullptr) {
  const HanCount seen = count_han(run);
  if (seen.han < 3 || seen.ratio() >= 0.9) return false;
  const std::string gb = encoded(run, "gb18030");
  const std::string big5 = encoded(run, "big5");
  const std::pair<std::string_view, Encoding> candidates[] = {
      {gb, Encoding::utf8},
      {std::string_view(gb).substr(std::min<size_t>(1, gb.size())), Encoding::gb18030},
      {big5, Encoding::gb18030},
      {gb, Encoding::big5},
  };
  for (const auto& [bytes, encoding] : candidates) {
    const auto text = decode(bytes, {.from = encoding});
    if (!text || text->invalid.size() > 1) continue;
    const HanCount meant = count_han(text->text);
    if (meant.han >= 3 && meant.ratio() >= 0.85 && meant.ratio() >= seen.ratio() + 0.15) {
      if (meant_text) *meant_text = text->text;
      return true;
    }
  }
  return false;
}

}  // namespace

namespace validate_text {

bool has_han(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    if (is_han(next_code_point(utf8, i))) return true;
  }
  return false;
}

std::string excerpt(std::string_view utf8, size_t max_chars) {
  size_t i = 0;
  for (size_t n = 0; n < max_chars && i < utf8.size(); ++n) next_code_point(utf8, i);
  std::string text(utf8.substr(0, i));
  if (i < utf8.size()) text += "…";
  return text;
}

}  // namespace validate_text

std::optional<size_t> find_mojibake(std::string_view line) {
  // Runs of non-ASCII characters; ASCII and U+FFFD (a byte already lost) end a run.
  size_t run_start = 0;
  bool in_run = false;
  for (size_t i = 0; i <= line.size();) {
    const size_t at = i;
    const char32_t c = i == line.size() ? 0 : next_code_point(line, i);
    const bool breaks = c < 0x80 || c == 0xFFFD;
    if (breaks && in_run && misdecoded(line.substr(run_start, at - run_start))) return run_start;
    if (breaks) {
      in_run = false;
      if (i == at) ++i;
    } else if (!in_run) {
      in_run = true;
      run_start = at;
    }
  }
  return std::nullopt;
}

std::optional<std::string> repair_mojibake(std::string_view line) {
  std::string out;
  size_t copied = 0, run_start = 0, repaired = 0;
  bool in_run = false;
  for (size_t i = 0; i <= line.size();) {
    const size_t at = i;
    const char32_t c = i == line.size() ? 0 : next_code_point(line, i);
    const bool breaks = c < 0x80 || c == 0xFFFD;
    if (breaks && in_run) {
      std::string_view run = line.substr(run_start, at - run_start);
      const HanCount seen = count_han(run);
      std::string meant;
      if (seen.han >= 3 && seen.ratio() < 0.9 && misdecoded(run, &meant)) {
        out.append(line.substr(copied, run_start - copied));
        out += meant;
        copied = at;
        ++repaired;
      }
    }
    if (breaks) {
      in_run = false;
      if (i == at) ++i;
    } else if (!in_run) {
      in_run = true;
      run_start = at;
    }
  }
  if (repaired == 0) return std::nullopt;
  out.append(line.substr(std::min(copied, line.size())));
  return out;
}

}  // namespace zhreport
