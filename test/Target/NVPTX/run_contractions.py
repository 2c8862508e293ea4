#!/usr/bin/env python3
"""Tiled GPU contraction kernels against numpy, on shapes that stress them.

  run_contractions.py stage DIR QUENCH_COMPILE   compile every case for the GPU
  run_contractions.py run DIR QUENCH_RUN          run them, compare, print PASS/FAIL

The two steps are separate because the GPU machine has no compiler: stage
where Quench is built, copy DIR, run where the GPU is (the lit test does both
on a machine with both). Each case is a small ONNX model whose matmuls
become tiled kernels (quench-nvptx-tile-contractions): sizes no tile
divides (clamped, zero-filled staging and guarded stores), batches and
broadcast batches, a transposed weight (staged k-fastest), attention with the
softmax fused into the second product, a gated MLP with SiLU fused into the
down projection, each tile size, and a one-row matmul that keeps the
split-reduction mapping. `run` exits 1 when any case fails.
"""
import os
import subprocess
import sys

import numpy as np

mode, work, tool = sys.argv[1:4]


def f32(rng, *shape):
    return rng.standard_normal(shape).astype(np.float32)


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def silu(x):
    return x / (1 + np.exp(-x))


def cases():
    """(name, nodes, inputs, initializers, reference, quench-compile flags)"""
    from onnx import helper

    rng = np.random.default_rng(11)
    node = helper.make_node
    out = []

    a, w = f32(rng, 100, 37), f32(rng, 37, 70)
    out.append(("odd_weight", [node("MatMul", ["a", "w"], ["out"])], [("a", a)], [("w", w)],
                a.astype(np.float64) @ w, []))
    a, b = f32(rng, 64, 48), f32(rng, 48, 40)
    out.append(("two_inputs", [node("MatMul", ["a", "b"], ["out"])], [("a", a), ("b", b)], [],
                a.astype(np.float64) @ b, []))
    a, b = f32(rng, 3, 50, 33), f32(rng, 3, 33, 47)
    out.append(("batched", [node("MatMul", ["a", "b"], ["out"])], [("a", a), ("b", b)], [],
                a.astype(np.float64) @ b, []))
    a, b = f32(rng, 2, 1, 40, 24), f32(rng, 3, 24, 36)
    out.append(("broadcast_batch", [node("MatMul", ["a", "b"], ["out"])], [("a", a), ("b", b)],
                [], a.astype(np.float64) @ b, []))
    a, wt, bias = f32(rng, 70, 45), f32(rng, 30, 45), f32(rng, 30)
    out.append(("gemm_trans_b", [node("Gemm", ["a", "wt", "bias"], ["out"], transB=1)],
                [("a", a)], [("wt", wt), ("bias", bias)],
                a.astype(np.float64) @ wt.T.astype(np.float64) + bias, []))
    q, k, v = f32(rng, 2, 4, 64, 32), f32(rng, 2, 4, 64, 32), f32(rng, 2, 4, 64, 32)
    scale = np.array(8.0, dtype=np.float32)
    out.append(("attention",
                [node("Transpose", ["k"], ["kt"], perm=[0, 1, 3, 2]),
                 node("MatMul", ["q", "kt"], ["s"]), node("Div", ["s", "scale"], ["sd"]),
                 node("Softmax", ["sd"], ["p"], axis=-1), node("MatMul", ["p", "v"], ["out"])],
                [("q", q), ("k", k), ("v", v)], [("scale", scale)],
                softmax((q.astype(np.float64) @ np.swapaxes(k, -1, -2)) / 8.0) @ v, []))
    x, wg, wu, wd = f32(rng, 33, 40), f32(rng, 40, 72), f32(rng, 40, 72), f32(rng, 72, 50)
    x64 = x.astype(np.float64)
    out.append(("gated_mlp",
                [node("MatMul", ["x", "wg"], ["g"]), node("Sigmoid", ["g"], ["sg"]),
                 node("Mul", ["g", "sg"], ["silu"]), node("MatMul", ["x", "wu"], ["u"]),
                 node("Mul", ["silu", "u"], ["h"]), node("MatMul", ["h", "wd"], ["out"])],
                [("x", x)], [("wg", wg), ("wu", wu), ("wd", wd)],
                (silu(x64 @ wg) * (x64 @ wu)) @ wd, []))
    a, w = f32(rng, 256, 200), f32(rng, 200, 300)
    for blocks in (1, 8, 32, 128):  # 128x128, 64x64, 32x64, 32x32 tiles
        out.append((f"tiles_min_blocks{blocks}", [node("MatMul", ["a", "w"], ["out"])],
                    [("a", a)], [("w", w)], a.astype(np.float64) @ w,
                    [f"--gpu-min-blocks={blocks}"]))
    a, w = f32(rng, 1, 384), f32(rng, 384, 512)
    out.append(("one_row", [node("MatMul", ["a", "w"], ["out"])], [("a", a)], [("w", w)],
                a.astype(np.float64) @ w, []))
    return out


def stage():
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    os.makedirs(work, exist_ok=True)
    failures = 0
    for name, nodes, inputs, inits, ref, flags in cases():
        ref = ref.astype(np.float32)
        graph = helper.make_graph(
            nodes, name,
            [helper.make_tensor_value_info(n, TensorProto.FLOAT, list(a.shape)) for n, a in inputs],
            [helper.make_tensor_value_info("out", TensorProto.FLOAT, list(ref.shape))],
            initializer=[numpy_helper.from_array(a, n) for n, a in inits])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
        base = os.path.join(work, name)
        onnx.save(model, base + ".onnx")
        for n, a in inputs:
            np.save(f"{base}.in.{n}.npy", a)
        with open(base + ".inputs", "w") as f:
            f.write(" ".join(n for n, _ in inputs))
        np.save(base + ".ref.npy", ref)
        r = subprocess.run([tool, base + ".onnx", "--target=nvptx", *flags, "-o", base + ".qz"],
                           capture_output=True, text=True)
        if r.returncode:
            print(f"FAIL {name}: compile: {r.stderr.strip()}")
            failures += 1
    return failures


def run():
    failures = 0
    names = sorted(f[:-3] for f in os.listdir(work) if f.endswith(".qz"))
    for name in names:
        base = os.path.join(work, name)
        with open(base + ".inputs") as f:
            inputs = [x for n in f.read().split() for x in ("-i", f"{n}={base}.in.{n}.npy")]
        r = subprocess.run([tool, base + ".qz", *inputs,
                            "--rtol", "1e-4", "--atol", "1e-4", "--expect",
                            f"out={base}.ref.npy"], capture_output=True, text=True)
        ok = r.returncode == 0
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name}: {r.stdout.strip()} {r.stderr.strip()}")
    print(f"{len(names) - failures} passed, {failures} failed")
    return failures


sys.exit(1 if (stage() if mode == "stage" else run()) else 0)
