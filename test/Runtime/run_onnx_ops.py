#!/usr/bin/env python3
"""End-to-end checks of quench-compile + quench-run on small ONNX models.

Each case is written with onnx.helper, compiled to an artifact, run on random
inputs and compared with numpy's result of the op's definition in the ONNX
spec (quench-run --expect). Prints one PASS/FAIL line per case and exits 1
when any fails. Covers what a transformer needs: matmuls (tiled, threaded,
vectorized), softmax, reductions, transposes, broadcasting, boolean masks
(i1 buffers), gathers and integer inputs; and quantized weights (ORT's
MatMulNBits with and without zero points, QDQ int8 and blocked int4 weights),
which take the fused quantized kernels (fp32 and int8 activations) where they
apply and the qnt reference lowering elsewhere.
"""
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import TensorProto as T
from onnx import helper, numpy_helper

work, compile_tool, run_tool = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
rng = np.random.default_rng(7)
failures = 0

NP_TO_ONNX = {np.float32: T.FLOAT, np.int64: T.INT64, np.bool_: T.BOOL}


def case(name, nodes, inputs, out_ref, inits=(), threads=2, opset=18, flags=(), rtol="1e-4",
         atol="1e-5"):
    global failures
    g = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, NP_TO_ONNX[a.dtype.type], list(a.shape)) for n, a in inputs],
        [helper.make_tensor_value_info("out", NP_TO_ONNX[out_ref.dtype.type], list(out_ref.shape))],
        initializer=list(inits))
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset),
                                                helper.make_opsetid("com.microsoft", 1)])
    if opset >= 21:
        model.ir_version = max(model.ir_version, 10)
    base = os.path.join(work, name)
    onnx.save(model, base + ".onnx")
    files = []
    for n, a in inputs:
        np.save(f"{base}_{n}.npy", a)
        files.append(f"{base}_{n}.npy")
    np.save(base + "_ref.npy", out_ref)
    r = subprocess.run([compile_tool, base + ".onnx", *flags, "-o", base + ".qz"],
                       capture_output=True, text=True)
    if r.returncode:
        print(f"FAIL {name}: compile: {r.stderr.strip()}")
        failures += 1
        return
    r = subprocess.run([run_tool, base + ".qz", *files, "--threads", str(threads),
                        "--rtol", rtol, "--atol", atol, "--expect", f"out={base}_ref.npy"],
                       capture_output=True, text=True)
    status = "PASS" if r.returncode == 0 else "FAIL"
    failures += r.returncode != 0
    print(f"{status} {name}: {r.stdout.strip()} {r.stderr.strip()}")


f32 = lambda *s: rng.standard_normal(s).astype(np.float32)
x, w = f32(1, 96, 64), f32(64, 160)
case("matmul", [helper.make_node("MatMul", ["x", "w"], ["out"])], [("x", x), ("w", w)],
     (x.astype(np.float64) @ w).astype(np.float32))
wc = f32(64, 160)
case("matmul_weight_threads1", [helper.make_node("MatMul", ["x", "w"], ["out"])], [("x", x)],
     (x.astype(np.float64) @ wc).astype(np.float32), inits=[numpy_helper.from_array(wc, "w")],
     threads=1)
q, k = f32(1, 2, 64, 32), f32(1, 2, 32, 64)
case("batch_matmul_softmax",
     [helper.make_node("MatMul", ["q", "k"], ["s"]), helper.make_node("Softmax", ["s"], ["out"], axis=-1)],
     [("q", q), ("k", k)],
     (lambda s: (np.exp(s - s.max(-1, keepdims=True)) /
                 np.exp(s - s.max(-1, keepdims=True)).sum(-1, keepdims=True)))(
         q.astype(np.float64) @ k).astype(np.float32))
t = f32(1, 64, 4, 32)
case("transpose", [helper.make_node("Transpose", ["t"], ["out"], perm=[0, 2, 1, 3])], [("t", t)],
     t.transpose(0, 2, 1, 3).copy())
axes = numpy_helper.from_array(np.array([2], dtype=np.int64), "axes")
r = f32(1, 128, 96)
case("rmsnorm", [helper.make_node("Mul", ["r", "r"], ["sq"]),
                 helper.make_node("ReduceMean", ["sq", "axes"], ["m"], keepdims=1),
                 helper.make_node("Sqrt", ["m"], ["s"]), helper.make_node("Div", ["r", "s"], ["out"])],
     [("r", r)], (r / np.sqrt((r.astype(np.float64) ** 2).mean(2, keepdims=True))).astype(np.float32),
     inits=[axes])
a, b = rng.random((64, 64)) > 0.5, rng.random((64, 64)) > 0.3
y, z = f32(64, 64), f32(64, 64)
case("bool_mask_where", [helper.make_node("And", ["a", "b"], ["m"]),
                         helper.make_node("Where", ["m", "y", "z"], ["out"])],
     [("a", a), ("b", b), ("y", y), ("z", z)], np.where(a & b, y, z))
table = f32(50, 48)
ids = rng.integers(0, 50, (1, 40)).astype(np.int64)
case("gather", [helper.make_node("Gather", ["table", "ids"], ["out"])], [("ids", ids)],
     table[ids], inits=[numpy_helper.from_array(table, "table")])
s = f32(1, 32, 256)
case("silu", [helper.make_node("Sigmoid", ["s"], ["g"]), helper.make_node("Mul", ["s", "g"], ["out"])],
     [("s", s)], (s / (1 + np.exp(-s.astype(np.float64)))).astype(np.float32))

# com.microsoft MatMulNBits, 4-bit, block 32, no zero points (8 implied): codes
# packed two per byte, low nibble first; W[n, k] = (code - 8) * scale[n, k / 32].
M, K, N, BLOCK = 24, 128, 96, 32
codes = rng.integers(0, 16, size=(N, K)).astype(np.uint8)
scales = (rng.random((N, K // BLOCK)) * 0.1 + 0.01).astype(np.float32)
packed = (codes[:, 0::2] | (codes[:, 1::2] << 4)).reshape(N, K // BLOCK, BLOCK // 2)
dequant = (codes.astype(np.float64) - 8) * np.repeat(scales, BLOCK, axis=1)
a = f32(M, K)
case("matmulnbits_q4",
     [helper.make_node("MatMulNBits", ["a", "b", "scales"], ["out"], domain="com.microsoft",
                       K=K, N=N, bits=4, block_size=BLOCK)],
     [("a", a)], (a.astype(np.float64) @ dequant.T).astype(np.float32),
     inits=[numpy_helper.from_array(packed, "b"),
            numpy_helper.from_array(scales.reshape(-1), "scales")])

# QDQ: an int8 weight with one scale per output column, dequantized, then a
# MatMul.
wq = rng.integers(-127, 128, size=(64, 48)).astype(np.int8)
wscale = (rng.random(48) * 0.02 + 0.001).astype(np.float32)
xq = f32(16, 64)
case("qdq_int8_weight",
     [helper.make_node("DequantizeLinear", ["wq", "wscale"], ["w"], axis=1),
      helper.make_node("MatMul", ["x", "w"], ["out"])],
     [("x", xq)], (xq.astype(np.float64) @ (wq.astype(np.float64) * wscale)).astype(np.float32),
     inits=[numpy_helper.from_array(wq, "wq"), numpy_helper.from_array(wscale, "wscale")])

# MatMulNBits with packed zero points, one row (token generation: the fused
# kernel, fp32 and int8 activations; int8 within its quantization error).
M1, K1, N1, B1 = 1, 256, 64, 32
codes1 = rng.integers(0, 16, size=(N1, K1)).astype(np.uint8)
scales1 = (rng.random((N1, K1 // B1)) * 0.1 + 0.01).astype(np.float32)
zeros1 = rng.integers(0, 16, size=(N1, K1 // B1)).astype(np.uint8)
dequant1 = (codes1.astype(np.float64) - np.repeat(zeros1, B1, axis=1)) * np.repeat(scales1, B1, axis=1)
a1 = f32(1, M1, K1)
nbits_zp = dict(
    nodes=[helper.make_node("MatMulNBits", ["a", "b", "scales", "zp"], ["out"],
                            domain="com.microsoft", K=K1, N=N1, bits=4, block_size=B1)],
    inputs=[("a", a1)], out_ref=(a1.astype(np.float64) @ dequant1.T).astype(np.float32),
    inits=[numpy_helper.from_array(
               (codes1[:, 0::2] | (codes1[:, 1::2] << 4)).reshape(N1, K1 // B1, B1 // 2), "b"),
           numpy_helper.from_array(scales1.reshape(-1), "scales"),
           numpy_helper.from_array((zeros1[:, 0::2] | (zeros1[:, 1::2] << 4)).reshape(-1), "zp")])
case("matmulnbits_q4_zp_m1", **nbits_zp)
case("matmulnbits_q4_zp_m1_int8", **nbits_zp, flags=["--activations=int8"], rtol="0.05",
     atol="0.05")


def int4_tensor(name, values):
    """A TensorProto of ONNX int4 (type 22, two per byte, low nibble first)."""
    t = onnx.TensorProto()
    t.name, t.data_type = name, 22
    t.dims.extend(values.shape)
    flat = (values.reshape(-1).astype(np.int64) & 0xF).astype(np.uint8)
    flat = np.append(flat, np.zeros(flat.size % 2, np.uint8))
    t.raw_data = (flat[0::2] | (flat[1::2] << 4)).tobytes()
    return t


# The blocked int4 QDQ weight ONNX Runtime's quantizer writes (opset 21
# DequantizeLinear with block_size along K, int4 zero points), then a MatMul.
K4, N4, B4 = 64, 32, 16
w4 = rng.integers(-8, 8, size=(K4, N4))
z4 = rng.integers(-2, 2, size=(K4 // B4, N4))
s4 = (rng.random((K4 // B4, N4)) * 0.1 + 0.01).astype(np.float32)
x4 = f32(1, 3, K4)
w4f = (w4 - np.repeat(z4, B4, axis=0)) * np.repeat(s4.astype(np.float64), B4, axis=0)
case("qdq_int4_blocked",
     [helper.make_node("DequantizeLinear", ["wq", "ws", "wz"], ["w"], axis=0, block_size=B4),
      helper.make_node("MatMul", ["x", "w"], ["out"])],
     [("x", x4)], (x4.astype(np.float64) @ w4f).astype(np.float32),
     inits=[int4_tensor("wq", w4), numpy_helper.from_array(s4, "ws"), int4_tensor("wz", z4)],
     opset=21)
sys.exit(1 if failures else 0)
