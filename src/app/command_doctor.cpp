// agora doctor: prints what is unsafe in the configuration; exit status 1 if anything is.
#include <cstdio>

#include "app/cli.h"
#include "app/doctor.h"

namespace agora::app {

int command_doctor(const Args& args) {
  if (!args.positional.empty()) throw UsageError("usage: agora doctor");
  std::optional<std::filesystem::path> file;
  if (auto f = args.get("--config")) file = *f;
  Config config = load_config(gather_settings(file));
  auto findings = examine(config, file);
  for (const auto& f : findings) std::printf("warning: %s: %s\n", f.setting.c_str(), f.advice.c_str());
  if (findings.empty()) std::printf("No problems found.\n");
  return findings.empty() ? 0 : 1;
}

}  // namespace agora::app
