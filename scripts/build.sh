#!/usr/bin/env bash
# Installs what Quench needs (Debian 12 packages), configures once, and builds
# with Ninja. Rebuilds are incremental; ccache makes a fresh clone cheap after
# the first build. BUILD_DIR (default: build) and JOBS (default: 2) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

BUILD_DIR=${BUILD_DIR:-build}
# Cache hits across clones in different folders.
export CCACHE_BASEDIR="$PWD"
JOBS=${JOBS:-2}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -G Ninja -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
start=$(date +%s)
ninja -C "$BUILD_DIR" -j"$JOBS" "$@"
echo "build: done in $(( $(date +%s) - start )) s"
