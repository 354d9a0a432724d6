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
