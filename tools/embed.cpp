// embed: turns a data file into a C++ source holding its bytes, so the tools need no data
// files at run time. usage: embed SYMBOL ORIGIN INPUT OUTPUT
// The output defines `const std::string_view zhreport::embedded::SYMBOL`.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: embed SYMBOL ORIGIN INPUT OUTPUT\n");
    return 2;
  }
  std::ifstream in(argv[3], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "embed: cannot read %s\n", argv[3]);
    return 2;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::FILE* out = std::fopen(argv[4], "wb");
  if (!out) {
    std::fprintf(stderr, "embed: cannot write %s\n", argv[4]);
    return 2;
  }
  std::fprintf(out, "// generated from %s by tools/embed; do not edit\n", argv[2]);
  std::fprintf(out, "#include <string_view>\nnamespace zhreport::embedded {\nnamespace {\n");
  std::fprintf(out, "constexpr char kBytes[] = {");
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::fprintf(out, "%s%d,", i % 24 == 0 ? "\n" : "", static_cast<signed char>(bytes[i]));
  }
  std::fprintf(out, "0};\n}  // namespace\n");
  std::fprintf(out, "extern const std::string_view %s;\n", argv[1]);
  std::fprintf(out, "const std::string_view %s(kBytes, %zu);\n}  // namespace zhreport::embedded\n",
               argv[1], bytes.size());
  return std::fclose(out) == 0 ? 0 : 2;
}
