// Qualifier: how exact a reported number is (spec: ../shared/spec/facts.md).
#pragma once

#include <optional>
#include <string_view>

namespace zhreport {

enum class Qualifier {
  exact,      // 538台次, and 达 (reached)
  more_than,  // 余 多 逾 超过 以上: the value is a lower bound
  nearly,     // 近 将近 接近: the value is an upper bound
  about,      // 约 大约 左右 上下
  at_least,   // 不少于 至少
  at_most,    // 不到 不足
  vague,      // 数百 几十: value..value_max
};

std::string_view qualifier_name(Qualifier q);
std::optional<Qualifier> parse_qualifier(std::string_view name);

}  // namespace zhreport
