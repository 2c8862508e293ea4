#!/usr/bin/env bash
# The main job at this stage of Quench: build, then take a small example
# through quantize -> reference lowering -> native run, printing each step.
#   scripts/demo.sh                 the embedded example (examples/quickstart.mlir)
#   scripts/demo.sh my.mlir         any module with a func.func @main() that prints
set -euo pipefail
cd "$(dirname "$0")/.."

INPUT=${1:-examples/quickstart.mlir}
BUILD_DIR=${BUILD_DIR:-build}
[ -f "$INPUT" ] || { echo "demo: no such file: $INPUT" >&2; exit 2; }

echo "== [1/4] Build (installs Debian packages on first use)"
bash scripts/build.sh quench-opt | tail -n 1

OPT="$BUILD_DIR/bin/quench-opt"
RUNNER=/usr/lib/llvm-22/bin/mlir-runner
LIBS=/usr/lib/llvm-22/lib
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Counts operations (not types or attributes) of a dialect in a printed module.
count_ops() {
  grep -oE "(= |^ *)$1\.[a-z_]+" "$2" | sed -E 's/^(= | *)//' | sort | uniq -c |
    sed 's/^/      /'
}

echo
echo "== [2/4] Input: $INPUT"
"$OPT" "$INPUT" > "$tmp/input.mlir"
echo "   qnt ops in the input:"
count_ops qnt "$tmp/input.mlir"
grep -oE '!qnt\.qtensor<[^>]*>>' "$tmp/input.mlir" | sort -u | sed 's/^/   type: /'

echo
echo "== [3/4] Reference lowering: quench-opt --lower-qnt-to-linalg"
start=$(date +%s%N)
"$OPT" "$INPUT" --lower-qnt-to-linalg > "$tmp/lowered.mlir"
echo "   $(( ($(date +%s%N) - start) / 1000000 )) ms; ops after lowering:"
count_ops linalg "$tmp/lowered.mlir"
echo "      $(grep -c 'qnt\.' "$tmp/lowered.mlir" || true) qnt ops left"

echo
echo "== [4/4] Compile to native code and run (quench-reference-to-llvm + mlir-runner)"
start=$(date +%s%N)
"$OPT" "$INPUT" --quench-reference-to-llvm > "$tmp/llvm.mlir"
"$RUNNER" "$tmp/llvm.mlir" -e main -entry-point-result=void \
  -shared-libs="$LIBS/libmlir_runner_utils.so,$LIBS/libmlir_c_runner_utils.so" \
  > "$tmp/out.txt"
echo "   $(( ($(date +%s%N) - start) / 1000000 )) ms"
if [ "$INPUT" = examples/quickstart.mlir ]; then
  # Label the four tensors the quickstart prints.
  awk 'BEGIN { split("4-bit codes of W;y = x * W^T, quantized weight;y = x * W^T, float weight;max abs(y_quant - y_float)", label, ";") }
       /^Unranked Memref/ { n++; print "   " label[n] ":"; next }
       { print "      " $0 }' "$tmp/out.txt"
else
  sed 's/^/   /' "$tmp/out.txt"
fi
