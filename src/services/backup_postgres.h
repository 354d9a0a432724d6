// pg_dump and pg_restore as bounded subprocesses: an argument vector (no
// shell), the connection from PG* environment variables (so no password is
// on a command line), killed at a deadline.
#pragma once
#include <chrono>
#include <filesystem>
#include <string>

namespace agora::services::backup {

// A consistent snapshot (pg_dump's one transaction) in pg_dump's custom format.
void dump_postgres(const std::string& url, const std::filesystem::path& file, std::chrono::seconds timeout);
// Loads a custom-format dump in one transaction (all or nothing); `clean`
// drops what the dump holds first.
void restore_postgres(const std::string& url, const std::filesystem::path& file, bool clean,
                      std::chrono::seconds timeout);

}  // namespace agora::services::backup
