#!/usr/bin/env bash
# The main job: quantize a language model with GPTQ and show what it costs.
# Builds Quench, compiles the float model, calibrates it (sequential GPTQ
# Hessians), quantizes and compiles it, evaluates both on held-out tokens and
# prints FP32 vs quantized perplexity, size, compile time per phase and run
# time side by side.
#
#   scripts/demo.sh                      the embedded default, models/tinyllama-5m
#   scripts/demo.sh model.onnx --calib calib.u16 --eval eval.u16 [options]
#
# Options:
#   --recipe R          w<bits>[g<group>]-<gptq|gptq-act|rtn>[-mse] (default w4g128-gptq)
#   --calib FILE        calibration token ids, uint16 little-endian
#   --eval FILE         evaluation token ids, uint16 little-endian
#   --input-shape S     fix the model's dynamic input, e.g. input_ids=1x512
#                       (default for the embedded model: input_ids=1x512)
#   --calib-windows N   calibration windows (default: all)
#   --windows N         evaluation windows (default: all)
#   --threads N         threads running the model (default: all cores)
#   --no-build          use the tools already built (in $BUILD_DIR/bin, or --bin DIR)
#   --bin DIR           where the tools are (default: $BUILD_DIR/bin)
# The model must take int64 token ids [1, T] and return logits [1, T, V].
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT=models/tinyllama-5m
MODEL=
RECIPE=w4g128-gptq
CALIB=
EVAL=
SHAPE=
CALIB_WINDOWS=0
WINDOWS=0
THREADS=0
BUILD=1
BUILD_DIR=${BUILD_DIR:-build}
BIN=$BUILD_DIR/bin
usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --recipe) RECIPE=${2:?}; shift 2 ;;
    --calib) CALIB=${2:?}; shift 2 ;;
    --eval) EVAL=${2:?}; shift 2 ;;
    --input-shape) SHAPE=${2:?}; shift 2 ;;
    --calib-windows) CALIB_WINDOWS=${2:?}; shift 2 ;;
    --windows) WINDOWS=${2:?}; shift 2 ;;
    --threads) THREADS=${2:?}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --bin) BIN=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "demo: unknown option $1" >&2; usage ;;
    *) [ -z "$MODEL" ] || { echo "demo: one model only (got $MODEL and $1)" >&2; exit 2; }
       MODEL=$1; shift ;;
  esac
done
if [ -z "$MODEL" ]; then
  MODEL=$DEFAULT/model.onnx
  CALIB=${CALIB:-$DEFAULT/calib_128x512.tok.u16}
  EVAL=${EVAL:-$DEFAULT/val_indomain.tok.u16}
  SHAPE=${SHAPE:-input_ids=1x512}
fi
for f in "$MODEL" "$CALIB" "$EVAL"; do
  [ -n "$f" ] || { echo "demo: a model of your own needs --calib and --eval token files" >&2; exit 2; }
  [ -f "$f" ] || { echo "demo: no such file: $f" >&2; exit 2; }
done
case "$RECIPE" in
  *-gptq|*-gptq-act|*-gptq-mse|*-gptq-act-mse) CALIBRATE=1 ;;
  *-rtn|*-rtn-mse) CALIBRATE=0 ;;
  *) echo "demo: --recipe $RECIPE: expected w<bits>[g<group>]-<gptq|gptq-act|rtn>[-mse]" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shape_args=()
[ -z "$SHAPE" ] || shape_args=(--input-shape "$SHAPE")
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
# The phase lines of quench-compile --timings, indented.
phases() { sed -n 's/^  \([a-zA-Z].*[0-9] s\)$/      \1/p' "$1"; }

echo "== [1/5] Build (installs Debian packages on first use)"
if [ "$BUILD" = 1 ]; then
  bash scripts/build.sh quench-compile quench-calibrate quench-run | tail -n 1
else
  echo "   skipped (--no-build): tools in $BIN"
fi

echo
echo "== [2/5] FP32: quench-compile $MODEL"
start=$(now)
"$BIN/quench-compile" "$MODEL" "${shape_args[@]}" --timings -o "$tmp/fp32.qz" 2> "$tmp/fp32.log" ||
  { cat "$tmp/fp32.log" >&2; exit 1; }
fp32_compile=$(since "$start")
phases "$tmp/fp32.log"
echo "   $fp32_compile s, artifact $(mb "$tmp/fp32.qz")"

echo
quantized_input=$MODEL
calib_time=0
if [ "$CALIBRATE" = 1 ]; then
  echo "== [3/5] Calibrate for $RECIPE (sequential): quench-calibrate --tokens $CALIB"
  start=$(now)
  "$BIN/quench-calibrate" "$MODEL" "${shape_args[@]}" --tokens "$CALIB" \
    --windows "$CALIB_WINDOWS" --recipe="$RECIPE" --calibration-threads "$THREADS" \
    -o "$tmp/calibrated.mlirbc" 2> "$tmp/calib.log" || { cat "$tmp/calib.log" >&2; exit 1; }
  calib_time=$(since "$start")
  grep -E 'layer +1 of|layer +[0-9]+ of [0-9]+ .*ETA 0 s$|compile [0-9]+ segments|GPTQ of the layers|run the segments|observers,' \
    "$tmp/calib.log" | sed 's/^quench-calibrate: /      /'
  echo "   $calib_time s"
  quantized_input=$tmp/calibrated.mlirbc
  shape_args=()
else
  echo "== [3/5] Calibrate: not needed for $RECIPE"
fi

echo
echo "== [4/5] Quantize and compile: quench-compile --recipe=$RECIPE"
start=$(now)
"$BIN/quench-compile" "$quantized_input" "${shape_args[@]}" --recipe="$RECIPE" --timings \
  -o "$tmp/quantized.qz" 2> "$tmp/quantized.log" || { cat "$tmp/quantized.log" >&2; exit 1; }
quantized_compile=$(since "$start")
phases "$tmp/quantized.log"
echo "   $quantized_compile s, artifact $(mb "$tmp/quantized.qz")"

echo
echo "== [5/5] Perplexity on $EVAL (quench-run --ppl)"
evaluate() { # artifact label -> "ppl seconds windows"
  "$BIN/quench-run" "$1" --ppl "$EVAL" --windows "$WINDOWS" --threads "$THREADS" > "$tmp/$2.ppl" ||
    { cat "$tmp/$2.ppl" >&2; exit 1; }
  sed 's/^/      /' "$tmp/$2.ppl" >&2
  sed -n 's/^perplexity \([0-9.]*\) .* over \([0-9]*\) windows .* \([0-9.]*\) s$/\1 \3 \2/p' "$tmp/$2.ppl"
}
read -r fp32_ppl fp32_run windows < <(evaluate "$tmp/fp32.qz" fp32)
read -r q_ppl q_run _ < <(evaluate "$tmp/quantized.qz" quantized)

echo
echo "== $MODEL: FP32 vs $RECIPE"
printf '   %-22s %18s %18s\n' "" "FP32" "$RECIPE"
printf '   %-22s %18s %18s\n' "perplexity" "$fp32_ppl" "$q_ppl"
printf '   %-22s %18s %18s\n' "artifact size" "$(mb "$tmp/fp32.qz")" "$(mb "$tmp/quantized.qz")"
printf '   %-22s %18s %18s\n' "calibrate" "-" "$calib_time s"
printf '   %-22s %18s %18s\n' "compile" "$fp32_compile s" "$quantized_compile s"
per_window() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.1f ms", 1000 * s / n }'; }
printf '   %-22s %18s %18s\n' "run, per window" "$(per_window "$fp32_run" "$windows")" \
  "$(per_window "$q_run" "$windows")"
awk -v a="$fp32_ppl" -v b="$q_ppl" 'BEGIN { printf "   perplexity +%.2f%% for %s\n", 100 * (b / a - 1), "'"$RECIPE"'" }'
