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

# Builds the web client into web/dist (served by agora under /web) when any
# of its sources is newer than the last build.
build_web_client() {
  if [ -f web/dist/index.html ] && [ -z "$(find web/src web/index.html web/package-lock.json web/vite.config.ts web/tsconfig.json -newer web/dist/index.html -print -quit)" ]; then
    return 0
  fi
  echo "Building the web client (npm run build in web/)"
  (cd web && npm run build --silent)
}
