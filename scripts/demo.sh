#!/usr/bin/env bash
# The main job: quantize a language model with GPTQ and show what it costs.
# Builds Quench, compiles the float model, calibrates it (sequential GPTQ
# Hessians), quantizes and compiles it (float activations, and int8
# activations: --activations=int8), evaluates them on held-out tokens, times
# one generation step (one token, the weights read once) and prints FP32 vs
# quantized perplexity, size, compile time per phase and run time side by
# side.
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

echo "== [1/6] Build (installs Debian packages on first use)"
if [ "$BUILD" = 1 ]; then
  bash scripts/build.sh quench-compile quench-calibrate quench-run | tail -n 1
else
  echo "   skipped (--no-build): tools in $BIN"
fi

echo
echo "== [2/6] FP32: quench-compile $MODEL"
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
  echo "== [3/6] Calibrate for $RECIPE (sequential): quench-calibrate --tokens $CALIB"
  start=$(now)
  "$BIN/quench-calibrate" "$MODEL" "${shape_args[@]}" --tokens "$CALIB" \
    --windows "$CALIB_WINDOWS" --recipe="$RECIPE" --threads "$THREADS" \
    -o "$tmp/calibrated.mlirbc" 2> "$tmp/calib.log" || { cat "$tmp/calib.log" >&2; exit 1; }
  calib_time=$(since "$start")
  grep -E 'layer +1 of|layer +[0-9]+ of [0-9]+ .*ETA 0 s$|compile [0-9]+ segments|GPTQ of the layers|run the segments|observers,' \
    "$tmp/calib.log" | sed 's/^quench-calibrate: /      /'
  echo "   $calib_time s"
  quantized_input=$tmp/calibrated.mlirbc
  shape_args=()
else
  echo "== [3/6] Calibrate: not needed for $RECIPE"
fi

echo
echo "== [4/6] Quantize and compile: quench-compile --recipe=$RECIPE"
start=$(now)
"$BIN/quench-compile" "$quantized_input" "${shape_args[@]}" --recipe="$RECIPE" --timings \
  -o "$tmp/quantized.qz" 2> "$tmp/quantized.log" || { cat "$tmp/quantized.log" >&2; exit 1; }
quantized_compile=$(since "$start")
phases "$tmp/quantized.log"
# What the recipe did: layers quantized and left in float, bits per weight.
sed -n "s/^quench-compile: $RECIPE: /   /p" "$tmp/quantized.log"
echo "   $quantized_compile s, artifact $(mb "$tmp/quantized.qz")"
echo "   and with int8 activations: quench-compile --recipe=$RECIPE --activations=int8"
start=$(now)
"$BIN/quench-compile" "$quantized_input" "${shape_args[@]}" --recipe="$RECIPE" --activations=int8 \
  -o "$tmp/quantized8.qz" 2> "$tmp/quantized8.log" || { cat "$tmp/quantized8.log" >&2; exit 1; }
quantized8_compile=$(since "$start")
echo "   $quantized8_compile s, artifact $(mb "$tmp/quantized8.qz")"

echo
echo "== [5/6] Perplexity on $EVAL (quench-run --ppl)"
evaluate() { # artifact label -> "ppl seconds windows"
  "$BIN/quench-run" "$1" --ppl "$EVAL" --windows "$WINDOWS" --threads "$THREADS" > "$tmp/$2.ppl" ||
    { cat "$tmp/$2.ppl" >&2; exit 1; }
  sed 's/^/      /' "$tmp/$2.ppl" >&2
  sed -n 's/^perplexity \([0-9.]*\) .* over \([0-9]*\) windows .* \([0-9.]*\) s, [0-9]* tokens\/s$/\1 \3 \2/p' "$tmp/$2.ppl"
}
read -r fp32_ppl fp32_run windows < <(evaluate "$tmp/fp32.qz" fp32)
read -r q_ppl q_run _ < <(evaluate "$tmp/quantized.qz" quantized)
read -r q8_ppl q8_run _ < <(evaluate "$tmp/quantized8.qz" quantized8)

# One generation step: the model compiled for one token ([1, 1] ids), where
# every weight is read once per token. The quantized weights for this step
# come from RTN with the recipe's bits and groups (a GPTQ calibration is made
# for the evaluation shape; the speed does not depend on the values).
echo
step_recipe=$(echo "$RECIPE" | sed 's/-gptq.*$/-rtn/; s/-rtn-mse$/-rtn/')
input_name=${SHAPE%%=*}
step_fp32=- step_q=- step_q8=-
if [ -n "$SHAPE" ] && "$BIN/quench-compile" "$MODEL" --input-shape "$input_name=1x1" \
     -o "$tmp/step_fp32.qz" 2> "$tmp/step.log"; then
  echo "== [6/6] One token at a time: $input_name=1x1, FP32 vs $step_recipe (quench-run --bench)"
  "$BIN/quench-compile" "$MODEL" --input-shape "$input_name=1x1" --recipe="$step_recipe" \
    -o "$tmp/step_q.qz" 2>> "$tmp/step.log" || { cat "$tmp/step.log" >&2; exit 1; }
  "$BIN/quench-compile" "$MODEL" --input-shape "$input_name=1x1" --recipe="$step_recipe" \
    --activations=int8 -o "$tmp/step_q8.qz" 2>> "$tmp/step.log" || { cat "$tmp/step.log" >&2; exit 1; }
  # A .npy file of one int64 token id (1).
  { printf '\x93NUMPY\x01\x00\x76\x00'
    printf "%-117s\n" "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1), }"
    printf '\x01\x00\x00\x00\x00\x00\x00\x00'; } > "$tmp/token.npy"
  step() { # artifact -> median ms
    "$BIN/quench-run" "$1" -i "$input_name=$tmp/token.npy" --bench --warmup 5 --reps 31 \
      --threads "$THREADS" | tee -a "$tmp/step.log" | sed -n 's/^quench: median \([0-9.]*\) ms.*/\1/p'
  }
  step_fp32="$(step "$tmp/step_fp32.qz") ms"
  step_q="$(step "$tmp/step_q.qz") ms"
  step_q8="$(step "$tmp/step_q8.qz") ms"
  sed 's/^/      /' "$tmp/step.log" | grep 'quench: median'
else
  echo "== [6/6] One token at a time: skipped (the model does not take --input-shape ${input_name:-<input>}=1x1)"
fi

echo
echo "== $MODEL: FP32 vs $RECIPE (float / int8 activations)"
row() { printf '   %-26s %16s %16s %16s\n' "$@"; }
row "" "FP32" "$RECIPE" "+ int8 act."
row "perplexity" "$fp32_ppl" "$q_ppl" "$q8_ppl"
row "artifact size" "$(mb "$tmp/fp32.qz")" "$(mb "$tmp/quantized.qz")" "$(mb "$tmp/quantized8.qz")"
row "calibrate" "-" "$calib_time s" "$calib_time s"
row "compile" "$fp32_compile s" "$quantized_compile s" "$quantized8_compile s"
per_window() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.1f ms", 1000 * s / n }'; }
row "run, per window" "$(per_window "$fp32_run" "$windows")" "$(per_window "$q_run" "$windows")" \
  "$(per_window "$q8_run" "$windows")"
row "one token (1x1), per step" "$step_fp32" "$step_q" "$step_q8"
awk -v a="$fp32_ppl" -v b="$q_ppl" 'BEGIN { printf "   perplexity +%.2f%% for %s\n", 100 * (b / a - 1), "'"$RECIPE"'" }'
awk -v a="$fp32_ppl" -v b="$q8_ppl" 'BEGIN { printf "   perplexity +%.2f%% for %s with int8 activations\n", 100 * (b / a - 1), "'"$RECIPE"'" }'
speedup() { awk -v a="${1% ms}" -v b="${2% ms}" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }'; }
if [ "$step_fp32" != - ]; then
  echo "   one token: $step_recipe $(speedup "$step_fp32" "$step_q") faster than FP32," \
    "$(speedup "$step_fp32" "$step_q8") with int8 activations"
fi
