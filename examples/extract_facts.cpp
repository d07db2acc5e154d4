// The facts of one report, with the installed library: extract_facts FILE
//   c++ -std=c++20 extract_facts.cpp $(pkg-config --cflags --libs zhreport)   # or CMakeLists.txt
#include <zhreport/output.h>
#include <zhreport/pipeline.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) return std::fprintf(stderr, "usage: extract_facts FILE\n"), 2;
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) return std::fprintf(stderr, "extract_facts: %s: cannot open\n", argv[1]), 2;
  std::stringstream bytes;
  bytes << in.rdbuf();
  zhreport::Extraction x = zhreport::extract_document(argv[1], bytes.str());
  std::string out;
  for (const zhreport::Fact& fact : x.facts) zhreport::append_jsonl(out, fact);
  std::cout << out;
  return x.record.error.empty() ? 0 : 1;
}
