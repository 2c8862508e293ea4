#!/usr/bin/env python3
"""x86 benchmark: Quench's compiled code against ONNX Runtime and the peak.

Prints, on this machine and with the same thread count for both sides:
  1. the measured fp32 FMA peak (quench-bench-peak);
  2. each matmul shape of tinyllama-15m at 512 tokens, compiled alone with
     quench-compile and run with quench-run --bench, against ONNX Runtime
     (scripts/ort/ort-run.mjs) on the same ONNX MatMul: GFLOP/s, fraction of
     the peak and time ratio;
  3. the whole tinyllama-15m forward (1 x 512 tokens), when ../shared has it.
Each figure is the median of --reps runs after --warmup; Quench and ONNX
Runtime alternate for --rounds rounds and the median of the rounds' medians
is reported with the spread of the rounds. A benchmark, not a test.

    python3 scripts/bench-x86.py [--bin build/bin] [--threads 2] [--rounds 3]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHAPES = [  # (M, K, N, what)
    (512, 384, 384, "q/k/v/o projections"),
    (512, 384, 1024, "gate/up projections"),
    (512, 1024, 384, "down projection"),
    (512, 384, 4096, "lm_head"),
]


def sh(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench-x86: {' '.join(cmd)} failed:\n{result.stderr}")
    return result.stdout + result.stderr


def median_ms(line):
    m = re.search(r"median ([0-9.]+) ms", line)
    if not m:
        sys.exit(f"bench-x86: no median in: {line}")
    return float(m.group(1))


def alternate(quench_cmd, ort_cmd, rounds):
    q, o = [], []
    for _ in range(rounds):
        q.append(median_ms(sh(quench_cmd)))
        if ort_cmd:
            o.append(median_ms(sh(ort_cmd)))
    return q, o


def spread(values):
    return f"{statistics.median(values):.2f} ms ({min(values):.2f}-{max(values):.2f})"


def matmul_onnx(path, m, k, n, weight):
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])], "matmul",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, m, k])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, m, n])],
        [numpy_helper.from_array(weight, "w")])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    p.add_argument("--no-ort", action="store_true", help="skip ONNX Runtime")
    p.add_argument("--no-model", action="store_true", help="skip the whole-model figure")
    args = p.parse_args()
    tool = lambda name: os.path.join(args.bin, name)
    ort = None if args.no_ort else ["node", os.path.join(ROOT, "scripts", "ort", "ort-run.mjs")]
    bench = ["--threads", str(args.threads), "--bench", "--warmup", str(args.warmup),
             "--reps", str(args.reps)]

    peak_lines = sh([tool("quench-bench-peak"), "--threads", str(args.threads)]).splitlines()
    print("\n".join(peak_lines))
    peak = float(re.search(r"([0-9.]+) GFLOP/s", peak_lines[-1]).group(1))

    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"\nmatmuls, {args.threads} threads, median of {args.rounds} rounds x "
              f"{args.reps} runs")
        print(f"{'M x K x N':<18}{'what':<22}{'Quench':>26}{'GFLOP/s':>9}{'of peak':>9}"
              f"{'ORT':>26}{'ratio':>7}")
        for m, k, n, what in SHAPES:
            weight = (rng.standard_normal((k, n)) / np.sqrt(k)).astype(np.float32)
            model = os.path.join(tmp, f"mm{m}x{k}x{n}.onnx")
            matmul_onnx(model, m, k, n, weight)
            artifact = model[:-5] + ".qz"
            sh([tool("quench-compile"), model, "-o", artifact])
            x = os.path.join(tmp, "x.npy")
            np.save(x, rng.standard_normal((1, m, k)).astype(np.float32))
            q, o = alternate([tool("quench-run"), artifact, "-i", f"x={x}"] + bench,
                             ort and ort + [model, "-i", f"x={x}"] + bench, args.rounds)
            gflops = 2.0 * m * k * n / (statistics.median(q) * 1e-3) * 1e-9
            ort_cell = spread(o) if o else "-"
            ratio = f"{statistics.median(q) / statistics.median(o):.2f}" if o else "-"
            print(f"{f'{m}x{k}x{n}':<18}{what:<22}{spread(q):>26}{gflops:>9.1f}"
                  f"{100 * gflops / peak:>8.0f}%{ort_cell:>26}{ratio:>7}")

        model = os.path.join(args.shared, "models", "tinyllama-15m", "model_static512.onnx")
        if args.no_model or not os.path.isfile(model):
            print("\n(no whole-model figure: --no-model, or tinyllama-15m not found)")
            return 0
        artifact = os.path.join(tmp, "tinyllama.qz")
        timings = sh([tool("quench-compile"), model, "-o", artifact, "--timings"])
        tokens = np.fromfile(os.path.join(os.path.dirname(model), "wikitext2_test.tok.u16"),
                             dtype="<u2")[:512].astype(np.int64).reshape(1, 512)
        ids = os.path.join(tmp, "ids.npy")
        np.save(ids, tokens)
        q, o = alternate([tool("quench-run"), artifact, "-i", f"input_ids={ids}"] + bench,
                         ort and ort + [model, "-i", f"input_ids={ids}"] + bench, args.rounds)
        print(f"\ntinyllama-15m forward, 1 x 512 tokens, {args.threads} threads")
        print(f"  Quench        {spread(q)}")
        if o:
            print(f"  ONNX Runtime  {spread(o)}")
            print(f"  ratio Quench / ONNX Runtime: {statistics.median(q) / statistics.median(o):.2f}")
        compile_total = re.search(r"total\s+([0-9.]+) s", timings)
        if compile_total:
            print(f"  compile time: {compile_total.group(1)} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
