// The options a sanitized build (cmake -DAGORA_SANITIZE=ON, scripts/test's
// build-asan/) runs with, whatever starts it: the first report ends the
// process, so no test can pass over one. Include once per executable.
// ASAN_OPTIONS / UBSAN_OPTIONS in the environment still override them.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
// Leaks are not checked: a server ends by signal with process-lifetime caches
// and third-party singletons (OpenSSL, libcurl, glib/libvips) still allocated,
// which LeakSanitizer would report without telling a bug from a lifetime.
// handle_sigill: undefined behaviour traps (-fsanitize-undefined-trap-on-error),
// and ASan reports the trap with its stack trace.
extern "C" const char* __asan_default_options() {
  return "halt_on_error=1:detect_leaks=0:check_initialization_order=1:handle_sigill=1";
}

extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1";
}
#endif
