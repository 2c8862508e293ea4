#!/usr/bin/env python3
"""Writes a small ONNX model and its test data into a folder:

  mlp.onnx   y = softmax(relu(x @ W1 + b1) @ W2), x: float32 [4, 64], y: [4, 10]
  x.npy      an input
  y.npy      numpy's answer for it (float64 arithmetic, stored as float32)

    python3 examples/mlp.py OUTDIR
"""
import os
import sys

try:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper
except ImportError as e:
    sys.exit(f"{os.path.basename(__file__)}: needs numpy and onnx ({e}); Debian's "
             "/usr/bin/python3 has them (apt install python3-numpy python3-onnx)")

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(2026)
w1 = (rng.standard_normal((64, 128)) / 8).astype(np.float32)
b1 = (rng.standard_normal(128) / 10).astype(np.float32)
w2 = (rng.standard_normal((128, 10)) / 11).astype(np.float32)
x = rng.standard_normal((4, 64)).astype(np.float32)

nodes = [
    helper.make_node("MatMul", ["x", "w1"], ["h0"]),
    helper.make_node("Add", ["h0", "b1"], ["h1"]),
    helper.make_node("Relu", ["h1"], ["h2"]),
    helper.make_node("MatMul", ["h2", "w2"], ["logits"]),
    helper.make_node("Softmax", ["logits"], ["y"], axis=-1),
]
graph = helper.make_graph(
    nodes, "mlp", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 64])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4, 10])],
    [numpy_helper.from_array(w1, "w1"), numpy_helper.from_array(b1, "b1"),
     numpy_helper.from_array(w2, "w2")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
onnx.checker.check_model(model)
onnx.save(model, os.path.join(out, "mlp.onnx"))

h = np.maximum(x.astype(np.float64) @ w1 + b1, 0)
logits = h @ w2
e = np.exp(logits - logits.max(-1, keepdims=True))
np.save(os.path.join(out, "x.npy"), x)
np.save(os.path.join(out, "y.npy"), (e / e.sum(-1, keepdims=True)).astype(np.float32))
