"""Writes If chains nested 10 and 40 deep (then-branch only) into argv[1]."""
import os
import sys

import onnx
from onnx import TensorProto, helper


def nested(depth):
    out = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])
    leaf = helper.make_graph([helper.make_node("Identity", ["x"], ["y"])], "leaf", [], [out])
    body = leaf
    for i in range(depth):
        node = helper.make_node("If", ["c"], ["y"], then_branch=body, else_branch=leaf)
        body = helper.make_graph([node], f"level{i}", [], [out])
    inputs = [helper.make_tensor_value_info("c", TensorProto.BOOL, []),
              helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])]
    graph = helper.make_graph(body.node, "main", inputs, [out])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


os.makedirs(sys.argv[1], exist_ok=True)
for depth in (10, 40):
    onnx.save(nested(depth), os.path.join(sys.argv[1], f"nest{depth}.onnx"))
