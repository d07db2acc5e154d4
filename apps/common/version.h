// --version for every tool: the project version (one place: project() in CMakeLists.txt), the
// git revision when built from a checkout, and the OpenCC dictionaries compiled in.
//
//   CLI::App app(description, "zhconv");
//   zhreport::cli::add_version_flag(app);   // zhconv --version
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace zhreport::cli {

// "0.1.0"
std::string_view version();
// "40a5892b1c3d-dirty", or empty when not built from a git checkout.
std::string_view git_revision();
// "1.1.6 (Debian libopencc1.1)": where the conversion dictionaries came from.
std::string_view opencc_dictionaries();

// "zhconv (zhreport) 0.1.0" and the lines after it (revision, dictionaries).
std::string version_text(std::string_view tool);
// --version: prints version_text(app's name) on stdout and exits 0.
void add_version_flag(CLI::App& app);

}  // namespace zhreport::cli
