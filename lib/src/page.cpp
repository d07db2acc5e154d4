// read_page: parses a page with gumbo (its memory an arena per thread) and runs the reader's
// passes in order: the element table and the body (page_tree.cpp), the lines (page_lines.cpp),
// the title (page_title.cpp), the page's text, the date (page_date.cpp).
#include <fmt/core.h>
#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

#include "page_reader.h"

namespace zhreport {

namespace page_detail {

Page Reader::read(const GumboNode* root) {
  index(root);
  decide_chrome();
  score();
  int body = best_body();
  body_ = body;
  write_lines();
  Page page;
  page.body = name_of(body);
  page.address = address();
  choose_title(page);
  assemble(page, body);
  choose_date(page, body);
  choose_credits(page, body);
  return page;
}

}  // namespace page_detail

namespace {

// The parser's memory: one growing arena per thread, reset for each page. gumbo allocates and
// frees a small block for every node, token and string buffer; with the arena, frees are free
// and the tree is dropped at once instead of walked (a fifth of a page's reading time).
class Arena {
 public:
  void reset() {
    if (blocks_.size() > 1) {  // keep the largest block for the next page
      blocks_.erase(blocks_.begin(), blocks_.end() - 1);
    }
    used_ = 0;
  }
  void* allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (blocks_.empty() || used_ + size > capacity_) {
      capacity_ = std::max(size, std::max(kMinBlock, capacity_ * 2));
      blocks_.push_back(std::make_unique<std::byte[]>(capacity_));
      used_ = 0;
    }
    void* at = blocks_.back().get() + used_;
    used_ += size;
    return at;
  }
  // A page bigger than this leaves the arena at the size it grew to; release it.
  void trim() {
    if (capacity_ > kKeepAtMost) {
      blocks_.clear();
      capacity_ = used_ = 0;
    }
  }

 private:
  static constexpr size_t kMinBlock = size_t{1} << 20;
  static constexpr size_t kKeepAtMost = size_t{64} << 20;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  size_t capacity_ = 0, used_ = 0;
};

void* arena_allocate(void* arena, size_t size) {
  return static_cast<Arena*>(arena)->allocate(size);
}
void arena_free(void*, void*) {}

}  // namespace

Result<Page> read_page(std::string_view html) {
  static constexpr size_t kMaxDepth = 10000;
  if (size_t depth = html_detail::estimated_depth(html); depth > kMaxDepth) {
    return Error{ErrorCode::too_large,
                 fmt::format("HTML nests about {} elements deep, more than the {} this reader "
                             "parses",
                             depth, kMaxDepth)};
  }
  thread_local Arena arena;
  arena.reset();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena;
  const page_detail::Skeleton skeleton(html);
  std::string_view parsed = skeleton.parsed();
  const GumboOutput* output = gumbo_parse_with_options(&options, parsed.data(), parsed.size());
  page_detail::Reader reader(html, skeleton);
  Page page = reader.read(output->document);
  arena.reset();
  arena.trim();
  page.text = std::move(reader.text_);
  const auto end = static_cast<uint32_t>(html.size());
  for (uint32_t source : reader.sources_) page.offsets.append_copied(std::min(source, end), 1);
  page.offsets.append_repeated(end, 1);
  return page;
}

}  // namespace zhreport
