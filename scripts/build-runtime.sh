#!/usr/bin/env bash
# Builds the runtime and quench-run alone, with no MLIR, LLVM or CMake
# configure step: what a GPU machine needs to run artifacts compiled
# elsewhere (quench-compile --target=nvptx). The CUDA driver is opened at run
# time, so nothing CUDA is needed to build.
#
#   scripts/build-runtime.sh [OUT_DIR]     (default: build-runtime)
#
# Produces OUT_DIR/quench-run and OUT_DIR/libquench_runtime.so.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build-runtime}
mkdir -p "$out"
cxx=${CXX:-c++}
version=$(sed -n 's/^set(QUENCH_VERSION \(.*\))$/\1/p' CMakeLists.txt)
flags=(-std=c++17 -O2 -Wall -Wextra -Wno-unused-parameter -Iruntime/include -Iruntime/src
       "-DQUENCH_VERSION=\"$version\"")
sources=(runtime/src/Runtime.cpp runtime/src/Cuda.cpp runtime/src/ThreadPool.cpp
         runtime/src/Json.cpp runtime/src/ArtifactWriter.cpp)
"$cxx" "${flags[@]}" -fPIC -shared -fvisibility=hidden "${sources[@]}" \
  -o "$out/libquench_runtime.so" -ldl -lpthread
"$cxx" "${flags[@]}" "${sources[@]}" tools/quench-run/quench-run.cpp \
  tools/quench-run/Perplexity.cpp tools/quench-run/TensorFile.cpp \
  -o "$out/quench-run" -ldl -lpthread
echo "built $out/quench-run and $out/libquench_runtime.so"
