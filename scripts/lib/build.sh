# Configures and builds agora into build/ (sourced by scripts/run and scripts/test).
build_agora() {
  local targets=("$@")
  local jobs
  jobs=$(nproc)
  export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/agora-ccache}"
  if [ ! -f build/build.ninja ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  ninja -C build -j "$jobs" "${targets[@]}"
}

# Configures and builds agora with AddressSanitizer and UndefinedBehaviorSanitizer
# into build-asan/ (g++, -O1: fast enough to run the whole test suite, still
# precise stack traces). NDEBUG as in the release build, so the same code runs.
build_agora_asan() {
  local targets=("$@")
  export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/agora-ccache}"
  if [ ! -f build-asan/build.ninja ]; then
    cmake -S . -B build-asan -G Ninja -DAGORA_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" >/dev/null
  fi
  ninja -C build-asan -j "$(nproc)" "${targets[@]}"
}

# Builds the web client into web/dist (served by agora under /web) when any
# of its sources is newer than the last build.
build_web_client() {
  if [ -f web/dist/index.html ] && [ -z "$(find web/src web/index.html web/package-lock.json web/vite.config.ts web/tsconfig.json -newer web/dist/index.html -print -quit)" ]; then
    return 0
  fi
  echo "Building the web client (npm run build in web/)"
  (cd web && npm run build --silent)
}
