// Table-like listings: a line of column names (受援医院 帮扶医院 派驻专家 完成手术) over lines of
// as many cells parted by blanks or `|` (化德县医院 北京市朝阳医院 18名 640台). A count alone in
// its cell says what it counts only through its column's name.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "zhreport/document.h"
#include "zhreport/fact.h"
#include "zhreport/numbers.h"

namespace zhreport::facts_detail {

struct Cell {
  size_t start = 0, end = 0;  // bytes of the text
};

// The cells of s[begin, end): parted by `|` when the line has one (| 桦南县 | 14 | 186 |, an empty
// cell kept), else by blanks (space, tab, U+00A0, U+3000).
std::vector<Cell> cells_of(std::string_view s, size_t begin, size_t end);

// For each block of `document`, the cells of the column names above it when it is a row of a
// table-like listing, else none. Column names: a countable line of three or more short cells
// without a digit or a clause mark; its rows: the countable lines right after it (past a rule
// |---|) with as many cells and a digit. `with_cell_breaks`: the countable blocks that hold a
// blank or | (Reading::blocks_with_cell_breaks), in order; no other line has cells to split.
std::vector<std::vector<Cell>> table_headers(std::string_view s, const Document& document,
                                             const std::vector<size_t>& with_cell_breaks);

// A number alone in a cell of a table row (嵩县  18  624 under 县名  派驻人数  开展手术), with no
// classifier of its own: the count its column's name reads with it (派驻人数18人), spanning the
// cell (its unit only when the name writes one: 帮扶资金(万元)); none when the column names
// nothing countable (序号, 县名).
std::optional<Fact> count_in_cell(std::string_view s, const NumberMatch& n, size_t begin,
                                  size_t end, const std::vector<Cell>& header);

}  // namespace zhreport::facts_detail
