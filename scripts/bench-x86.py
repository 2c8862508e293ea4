#!/usr/bin/env python3
"""x86 benchmark: Quench's compiled code against ONNX Runtime and the machine's limits.

Prints, on this machine and with the same thread count for both sides:
  1. the measured ceilings (quench-bench-peak): fp32 FMA and int8 vpdpbusd
     peaks, and the DRAM read bandwidth of a read-only sweep;
  2. (--suite matmul) each matmul shape of tinyllama-15m at 512 tokens,
     compiled alone with quench-compile and run with quench-run --bench,
     against ONNX Runtime (scripts/ort/ort-run.mjs) on the same ONNX MatMul:
     GFLOP/s, fraction of the peak and time ratio;
  3. (--suite decode) decode-like chains of quantized matmuls whose weights
     exceed the L3 cache, written as ONNX files with MatMulNBits and run from
     the same file by Quench (fp32 and int8 activations) and by ONNX Runtime
     (accuracy_level 0 and 4, set in the file), on 1 and 2 threads: time, GB/s
     of weight bytes read, fraction of the measured bandwidth, and the ratio
     of the faster ONNX Runtime mode's time to the faster Quench mode's
     (above 1: Quench is faster); M = 16 and 512 rows; fp32 MatMul as the
     baseline;
  4. (--suite model) the whole tinyllama-15m forward (1 x 512 and 1 x 1
     tokens) in FP32 against ONNX Runtime, and W4 g128 (RTN) in both modes,
     when ../shared has it.
Each figure is the median of --reps runs after --warmup; the programs
alternate for --rounds rounds and the median of the rounds' medians is
reported with the spread of the rounds. A benchmark, not a test.

    python3 scripts/bench-x86.py [--bin build/bin] [--threads 2] [--rounds 3]
        [--suite matmul,decode,model]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError as e:
    sys.exit(f"{os.path.basename(__file__)}: needs numpy ({e}); Debian's /usr/bin/python3 "
             "has it (apt install python3-numpy)")

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


def parse_peaks(text, threads):
    """fp32 GFLOP/s, int8 GOP/s (or None) and read GB/s on `threads` threads."""
    def last(pattern):
        found = [float(m.group(1)) for m in re.finditer(pattern, text)]
        return found[min(threads, len(found)) - 1] if found else None
    return (last(r"peak fp32 FMA .*? ([0-9.]+) GFLOP/s"),
            last(r"peak int8 vpdpbusd .*? ([0-9.]+) GOP/s"),
            last(r"read bandwidth .*? ([0-9.]+) GB/s"))


def matmul_nbits_chain(path, shapes, m, bits, block, symmetric, accuracy_level, rng):
    """An ONNX chain of MatMulNBits layers [m, k] -> [m, n] for (k, n) in
    `shapes`; returns the bytes of weights (codes, scales, zero points)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    nodes, inits, current, weight_bytes = [], [], "x", 0
    for i, (k, n) in enumerate(shapes):
        blocks = (k + block - 1) // block
        codes = rng.integers(0, 256, size=(n, blocks, block * bits // 8), dtype=np.uint8)
        scales = rng.uniform(0.001, 0.01, size=(n * blocks,)).astype(np.float32)
        inits += [numpy_helper.from_array(codes, f"B{i}"), numpy_helper.from_array(scales, f"S{i}")]
        inputs = [current, f"B{i}", f"S{i}"]
        weight_bytes += codes.nbytes + scales.nbytes
        if not symmetric:
            zeros = rng.integers(0, 256, size=(n * ((blocks * bits + 7) // 8),), dtype=np.uint8)
            inits.append(numpy_helper.from_array(zeros, f"Z{i}"))
            inputs.append(f"Z{i}")
            weight_bytes += zeros.nbytes
        output = "y" if i == len(shapes) - 1 else f"h{i}"
        nodes.append(helper.make_node("MatMulNBits", inputs, [output], domain="com.microsoft",
                                      K=k, N=n, bits=bits, block_size=block,
                                      accuracy_level=accuracy_level))
        current = output
    graph = helper.make_graph(
        nodes, "chain", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [m, shapes[0][0]])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [m, shapes[-1][1]])], inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17),
                                                      helper.make_opsetid("com.microsoft", 1)]),
              path)
    return weight_bytes


def matmul_chain(path, shapes, m, rng):
    """An ONNX chain of fp32 MatMul layers; returns the bytes of weights."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    nodes, inits, current = [], [], "x"
    for i, (k, n) in enumerate(shapes):
        inits.append(numpy_helper.from_array(
            (rng.standard_normal((k, n)) / np.sqrt(k)).astype(np.float32), f"W{i}"))
        output = "y" if i == len(shapes) - 1 else f"h{i}"
        nodes.append(helper.make_node("MatMul", [current, f"W{i}"], [output]))
        current = output
    graph = helper.make_graph(
        nodes, "chain", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [m, shapes[0][0]])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [m, shapes[-1][1]])], inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)
    return sum(k * n * 4 for k, n in shapes)


DECODE = [  # (name, shapes, rows, bits, block, symmetric)
    ("8 x 4096x4096 W4 b128 asym", [(4096, 4096)] * 8, 1, 4, 128, False),
    ("8 x 4096x4096 W4 b32 sym", [(4096, 4096)] * 8, 1, 4, 32, True),
    ("8 x 4096x4096 W8 b128", [(4096, 4096)] * 8, 1, 8, 128, False),
    ("8 x 4096x4096 W3 b128", [(4096, 4096)] * 8, 1, 3, 128, False),
    ("8 x 4096x4096 W2 b128", [(4096, 4096)] * 8, 1, 2, 128, False),
    ("2 x 4096>11008>4096 W4", [(4096, 11008), (11008, 4096)] * 2, 1, 4, 128, False),
    ("2 x 4096>14336>4096 W4", [(4096, 14336), (14336, 4096)] * 2, 1, 4, 128, False),
    ("8 x 4096x4096 W4, M=16", [(4096, 4096)] * 8, 16, 4, 128, False),
    ("2 x 4096x4096 W4, M=512", [(4096, 4096)] * 2, 512, 4, 128, False),
]


def decode_suite(args, tool, ort, bench, tmp, peaks_by_threads):
    rng = np.random.default_rng(1)
    print(f"\ndecode chains (MatMulNBits; median of {args.rounds} rounds x {args.reps} runs): "
          "Quench fp32 / int8 activations, ONNX Runtime accuracy_level 0 / 4")
    print(f"{'chain':<28}{'thr':>4}{'MB':>7}{'Q fp32':>9}{'Q int8':>9}{'ORT 0':>9}{'ORT 4':>9}"
          f"{'GB/s':>7}{'of BW':>7}{'ORT/Q':>7}")
    cases = [(name, shapes, rows, bits, block, sym, True) for name, shapes, rows, bits, block, sym
             in DECODE]
    cases.append(("2 x 4096x4096 fp32 MatMul", [(4096, 4096)] * 2, 1, 32, 0, False, False))
    for name, shapes, rows, bits, block, symmetric, quantized in cases:
        if args.cases and not re.search(args.cases, name):
            continue
        base = os.path.join(tmp, re.sub(r"[^A-Za-z0-9]+", "_", name))
        x = base + "_x.npy"
        np.save(x, rng.standard_normal((rows, shapes[0][0])).astype(np.float32))
        commands = {}
        if quantized:
            weight_bytes = matmul_nbits_chain(base + "_a0.onnx", shapes, rows, bits, block,
                                              symmetric, 0, rng)
            matmul_nbits_chain(base + "_a4.onnx", shapes, rows, bits, block, symmetric, 4,
                               np.random.default_rng(2))
            for mode in ("fp32", "int8"):
                sh([tool("quench-compile"), base + "_a0.onnx", f"--activations={mode}",
                    "-o", f"{base}_{mode}.qz"])
                commands[f"Q {mode}"] = [tool("quench-run"), f"{base}_{mode}.qz", "-i", f"x={x}"]
            if ort:
                commands["ORT 0"] = ort + [base + "_a0.onnx", "-i", f"x={x}"]
                commands["ORT 4"] = ort + [base + "_a4.onnx", "-i", f"x={x}"]
        else:
            weight_bytes = matmul_chain(base + ".onnx", shapes, rows, rng)
            sh([tool("quench-compile"), base + ".onnx", "-o", base + ".qz"])
            commands["Q fp32"] = [tool("quench-run"), base + ".qz", "-i", f"x={x}"]
            if ort:
                commands["ORT 0"] = ort + [base + ".onnx", "-i", f"x={x}"]
        for threads in sorted({1, args.threads}):
            flags = ["--threads", str(threads)] + bench
            times = {key: [] for key in commands}
            for _ in range(args.rounds):
                for key, command in commands.items():
                    result = subprocess.run(command + flags, capture_output=True, text=True)
                    if result.returncode == 0:
                        times[key].append(median_ms(result.stdout + result.stderr))
            med = {k: statistics.median(v) for k, v in times.items() if v}
            cell = lambda k: f"{med[k]:9.2f}" if k in med else f"{'-':>9}"
            quench = min((med[k] for k in med if k.startswith("Q")), default=None)
            peer = min((med[k] for k in med if k.startswith("ORT")), default=None)
            bandwidth = peaks_by_threads[threads][2]
            gbs = weight_bytes / (quench * 1e-3) * 1e-9 if quench else 0
            ratio = f"{peer / quench:7.2f}" if quench and peer else f"{'-':>7}"
            share = f"{100 * gbs / bandwidth:6.0f}%" if bandwidth else f"{'-':>7}"
            print(f"{name:<28}{threads:>4}{weight_bytes / 1e6:7.1f}{cell('Q fp32')}{cell('Q int8')}"
                  f"{cell('ORT 0')}{cell('ORT 4')}{gbs:7.1f}{share}{ratio}")


def model_suite(args, tool, ort, bench, tmp):
    shared = os.path.join(args.shared, "models", "tinyllama-15m")
    if not os.path.isfile(os.path.join(shared, "model.onnx")):
        print("\n(no whole-model figures: tinyllama-15m not found)")
        return
    tokens = np.fromfile(os.path.join(shared, "wikitext2_test.tok.u16"), dtype="<u2")
    print(f"\ntinyllama-15m forward, {args.threads} threads (median of {args.rounds} rounds)")
    for seq, model, shape in ((512, "model_static512.onnx", []),
                              (1, "model.onnx", ["--input-shape", "input_ids=1x1"])):
        onnx_file = os.path.join(shared, model)
        ids = os.path.join(tmp, f"ids{seq}.npy")
        np.save(ids, tokens[:seq].astype(np.int64).reshape(1, seq))
        commands = {}
        for name, flags in (("FP32", []), ("W4 g128 fp32", ["--recipe=w4g128-rtn"]),
                            ("W4 g128 int8", ["--recipe=w4g128-rtn", "--activations=int8"])):
            artifact = os.path.join(tmp, f"tl{seq}_{len(commands)}.qz")
            sh([tool("quench-compile"), onnx_file, *shape, *flags, "-o", artifact])
            commands[name] = [tool("quench-run"), artifact, "-i", f"input_ids={ids}"]
        if ort and seq == 512:
            commands["ORT FP32"] = ort + [onnx_file, "-i", f"input_ids={ids}"]
        elif ort:
            # ORT runs the dynamic model on the same ids.
            commands["ORT FP32"] = ort + [onnx_file, "-i", f"input_ids={ids}"]
        flags = ["--threads", str(args.threads)] + bench
        times = {key: [] for key in commands}
        for _ in range(args.rounds):
            for key, command in commands.items():
                times[key].append(median_ms(sh(command + flags)))
        fp32 = statistics.median(times["FP32"])
        for key, values in times.items():
            print(f"  1 x {seq:<4} {key:<14} {spread(values):>26}  "
                  f"{statistics.median(values) / fp32:5.2f}x FP32")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--suite", default="matmul,decode,model",
                   help="comma-separated: matmul, decode, model")
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    p.add_argument("--cases", default="",
                   help="decode suite: only the chains whose name matches this regular "
                        "expression (e.g. 'M=' for the 16- and 512-row ones)")
    p.add_argument("--no-ort", action="store_true", help="skip ONNX Runtime")
    p.add_argument("--no-model", action="store_true", help="skip the whole-model figures")
    args = p.parse_args()
    suites = set(args.suite.split(","))
    if args.no_model:
        suites.discard("model")
    tool = lambda name: os.path.join(args.bin, name)
    ort = None if args.no_ort else ["node", os.path.join(ROOT, "scripts", "ort", "ort-run.mjs")]
    bench = ["--bench", "--warmup", str(args.warmup), "--reps", str(args.reps)]

    peak_text = sh([tool("quench-bench-peak"), "--threads", str(args.threads), "--seconds", "0.5"])
    print(peak_text.strip())
    peaks = {t: parse_peaks(peak_text, t) for t in range(1, args.threads + 1)}
    peak = peaks[args.threads][0]

    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        if "matmul" in suites:
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
                flags = ["--threads", str(args.threads)] + bench
                q, o = alternate([tool("quench-run"), artifact, "-i", f"x={x}"] + flags,
                                 ort and ort + [model, "-i", f"x={x}"] + flags, args.rounds)
                gflops = 2.0 * m * k * n / (statistics.median(q) * 1e-3) * 1e-9
                ort_cell = spread(o) if o else "-"
                ratio = f"{statistics.median(q) / statistics.median(o):.2f}" if o else "-"
                print(f"{f'{m}x{k}x{n}':<18}{what:<22}{spread(q):>26}{gflops:>9.1f}"
                      f"{100 * gflops / peak:>8.0f}%{ort_cell:>26}{ratio:>7}")
        if "decode" in suites:
            decode_suite(args, tool, ort, bench, tmp, peaks)
        if "model" in suites:
            model_suite(args, tool, ort, bench, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
