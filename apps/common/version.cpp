#include "version.h"

#include <fmt/core.h>

namespace zhreport::cli {

std::string version_text(std::string_view tool) {
  std::string text = fmt::format("{} (zhreport) {}\n", tool, version());
  if (!git_revision().empty()) text += fmt::format("git revision {}\n", git_revision());
  text += fmt::format("OpenCC dictionaries {}", opencc_dictionaries());
  return text;
}

void add_version_flag(CLI::App& app) {
  app.set_version_flag("--version", version_text(app.get_name()),
                       "Print the version, git revision and OpenCC dictionaries, and exit");
}

}  // namespace zhreport::cli
