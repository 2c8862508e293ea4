"""Writes add.onnx (z = x + y, float32 [2, 3]) and inputs x.npy, y.npy into a folder."""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
graph = helper.make_graph(
    [helper.make_node("Add", ["x", "y"], ["z"])], "add",
    [helper.make_tensor_value_info(n, TensorProto.FLOAT, [2, 3]) for n in ("x", "y")],
    [helper.make_tensor_value_info("z", TensorProto.FLOAT, [2, 3])])
onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
          os.path.join(out, "add.onnx"))
np.save(os.path.join(out, "x.npy"), np.arange(6, dtype=np.float32).reshape(2, 3))
np.save(os.path.join(out, "y.npy"), np.full((2, 3), 0.5, dtype=np.float32))
np.save(os.path.join(out, "ids.npy"), np.zeros((2, 3), dtype=np.int64))
