#!/usr/bin/env bash
# Installs the Debian 12 packages Quench builds and tests with. Idempotent: packages that
# are already installed are skipped, so a second run costs one dpkg query.
set -euo pipefail

PACKAGES=(
  # Toolchain and build.
  cmake ninja-build ccache g++ git python3
  # LLVM/MLIR 22 (bookworm-security): libraries, mlir-tblgen, FileCheck, lit, not.
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools clang-22
  # Tests and benchmarks.
  libgtest-dev libgmock-dev libbenchmark-dev
  # Numerics.
  libeigen3-dev
  # ONNX front end; the ONNX node conformance tests; python3-onnx writes
  # small test models at test time.
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata python3-onnx
  # Linking dependencies of Debian's MLIR/LLVM CMake exports.
  zlib1g-dev libzstd-dev libxml2-dev libedit-dev libffi-dev libcurl4-openssl-dev
  # Test scripts compare arrays.
  python3-numpy
)
# The correctness oracle, ONNX Runtime's CPU library from npm, is driven by
# node; a node that is already there (with its npm) is used as it is.
if ! command -v npm >/dev/null; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

install_ort() {
  # ONNX Runtime (npm onnxruntime-node, CPU library included in the package;
  # ONNXRUNTIME_NODE_INSTALL=skip skips its optional GPU download) into a
  # cache outside the tree: scripts/ort/ort-run.mjs finds it there.
  local version=1.30.0
  local dir=${QUENCH_ORT_DIR:-$HOME/.cache/quench/onnxruntime-node-$version}
  if [ -f "$dir/node_modules/onnxruntime-node/package.json" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null; then
    echo "install-deps: npm is missing; ONNX Runtime tests will be skipped" >&2
    return 0
  fi
  echo "install-deps: installing onnxruntime-node@$version into $dir"
  mkdir -p "$dir"
  if ! ONNXRUNTIME_NODE_INSTALL=skip npm install --no-save --no-audit --no-fund \
      --loglevel=error --prefix "$dir" "onnxruntime-node@$version" >/dev/null; then
    echo "install-deps: npm could not install onnxruntime-node; ONNX Runtime tests" \
         "will be skipped" >&2
    rm -rf "$dir"
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  install_ort
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_ort
echo "install-deps: done"
