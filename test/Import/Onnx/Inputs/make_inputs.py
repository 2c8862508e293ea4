#!/usr/bin/python3
"""Writes the small ONNX models the quench-import-onnx tests read.

    make_inputs.py [DIR]            the checked-in models (default: this folder)
    make_inputs.py --external DIR   external-data cases, written by the tests

Uses Debian's python3-onnx (1.12). Data types newer than that (float8, int4,
...) are written as their TensorProto codes. Output is deterministic: run it
again and `git diff` stays empty.
"""

import os
import random
import struct
import sys
import warnings

import onnx
from onnx import TensorProto, helper

# TensorProto.DataType codes newer than onnx 1.12.
FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ = 17, 18, 19, 20
UINT4, INT4, FLOAT4E2M1 = 21, 22, 23


def save(model, folder, name):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(model.SerializeToString())


def make_model(graph, opsets=(("", 17),), ir_version=8):
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid(d, v) for d, v in opsets],
        producer_name="make_inputs.py")
    model.ir_version = ir_version
    return model


def raw_tensor(name, data_type, dims, raw):
    t = TensorProto()
    t.name = name
    t.data_type = data_type
    t.dims.extend(dims)
    t.raw_data = raw
    return t


def floats(values):
    return struct.pack("<%df" % len(values), *values)


def pack_nibbles(values):
    """Two 4-bit values per byte, the first in the low nibble."""
    out = bytearray()
    for i in range(0, len(values), 2):
        low = values[i] & 0xF
        high = (values[i + 1] & 0xF) if i + 1 < len(values) else 0
        out.append(low | (high << 4))
    return bytes(out)


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


# -- Well-formed models --------------------------------------------------------

def matmul_add():
    w = raw_tensor("W", TensorProto.FLOAT, [16, 8],
                   floats([i / 8 for i in range(128)]))
    b = helper.make_tensor("b", TensorProto.FLOAT, [8],
                           [0.5 * i for i in range(8)])
    nodes = [
        helper.make_node("MatMul", ["x", "W"], ["mm"], name="/MatMul"),
        helper.make_node("Add", ["mm", "b"], ["y"]),  # unnamed: Add_1
    ]
    graph = helper.make_graph(
        nodes, "matmul_add",
        [vi("x", TensorProto.FLOAT, [1, "seq", 16])],
        [vi("y", TensorProto.FLOAT, [1, "seq", 8])],
        initializer=[w, b],
        value_info=[vi("mm", TensorProto.FLOAT, [1, "seq", 8])])
    return make_model(graph)


def attributes():
    small = helper.make_tensor("", TensorProto.INT64, [3], [4, 5, 6])
    big = raw_tensor("", TensorProto.FLOAT, [100], floats([1.0] * 100))
    t0 = helper.make_tensor("t0", TensorProto.INT32, [2], [1, 2])
    t1 = helper.make_tensor("t1", TensorProto.FLOAT, [], [3.0])
    body = helper.make_graph(
        [helper.make_node("Identity", ["x"], ["g_out"], name="inner")],
        "body", [], [vi("g_out", TensorProto.FLOAT, [2])])
    branch0 = helper.make_graph(
        [helper.make_node("Neg", ["x"], ["b0_out"], name="neg")],
        "branch0", [], [vi("b0_out", TensorProto.FLOAT, [2])])
    branch1 = helper.make_graph(
        [helper.make_node("Abs", ["x"], ["b1_out"], name="abs")],
        "branch1", [], [vi("b1_out", TensorProto.FLOAT, [2])])
    sparse = helper.make_sparse_tensor(
        helper.make_tensor("sv", TensorProto.FLOAT, [1], [1.0]),
        helper.make_tensor("si", TensorProto.INT64, [1], [0]), [4])
    type_proto = helper.make_tensor_type_proto(TensorProto.FLOAT, [2])

    node = helper.make_node("AllKinds", ["x"], ["y"], name="all_kinds",
                            domain="test.attrs")
    A = onnx.AttributeProto
    node.attribute.extend([
        helper.make_attribute("i", 7),
        helper.make_attribute("f", 0.5),
        helper.make_attribute("s", "hello"),
        helper.make_attribute("t", small),
        helper.make_attribute("big", big),
        helper.make_attribute("ints", [1, -2, 3]),
        helper.make_attribute("floats", [1.5, -2.25]),
        helper.make_attribute("strings", ["a", "b"]),
        helper.make_attribute("tensors", [t0, t1]),
        helper.make_attribute("g", body),
        helper.make_attribute("graphs", [branch0, branch1]),
        helper.make_attribute("sparse", sparse),
    ])
    tp = A(name="tp", type=A.TYPE_PROTO)
    tp.tp.CopyFrom(type_proto)
    tps = A(name="tps", type=A.TYPE_PROTOS)
    tps.type_protos.extend([type_proto])
    sparses = A(name="sparses", type=A.SPARSE_TENSORS)
    sparses.sparse_tensors.extend([sparse])
    empty = A(name="empty_ints", type=A.INTS)
    legacy = A(name="legacy", i=3)  # IR version 1 style: no type field
    node.attribute.extend([tp, tps, sparses, empty, legacy])

    graph = helper.make_graph(
        [node], "attributes", [vi("x", TensorProto.FLOAT, [2])],
        [vi("y", TensorProto.FLOAT, [2])])
    return make_model(graph, opsets=(("", 17), ("test.attrs", 1)))


def data_types():
    t = []
    t.append(raw_tensor("f32_raw", TensorProto.FLOAT, [2], floats([1.5, -2.0])))
    t.append(helper.make_tensor("f32_typed", TensorProto.FLOAT, [2], [0.25, 4.0]))
    t.append(helper.make_tensor("f32_scalar", TensorProto.FLOAT, [], [7.0]))
    t.append(helper.make_tensor("f32_empty", TensorProto.FLOAT, [0, 3], []))
    t.append(helper.make_tensor("f64_typed", TensorProto.DOUBLE, [2], [0.5, -1.0]))
    t.append(raw_tensor("f64_raw", TensorProto.DOUBLE, [1],
                        struct.pack("<d", 2.5)))
    # float16 / bfloat16 bit patterns in int32_data: 1.0, -2.0 / 1.0, -0.5.
    f16 = TensorProto(name="f16_int32_data", data_type=TensorProto.FLOAT16,
                      dims=[2])
    f16.int32_data.extend([0x3C00, 0xC000])
    t.append(f16)
    t.append(raw_tensor("f16_raw", TensorProto.FLOAT16, [2],
                        struct.pack("<2H", 0x3800, 0x4200)))  # 0.5, 3.0
    bf16 = TensorProto(name="bf16_int32_data", data_type=TensorProto.BFLOAT16,
                       dims=[2])
    bf16.int32_data.extend([0x3F80, 0xBF00])
    t.append(bf16)
    t.append(helper.make_tensor("i8", TensorProto.INT8, [2], [-1, 127]))
    t.append(helper.make_tensor("i16", TensorProto.INT16, [2], [-300, 300]))
    t.append(helper.make_tensor("i32", TensorProto.INT32, [2], [-70000, 70000]))
    t.append(helper.make_tensor("i64", TensorProto.INT64, [2], [-(2**40), 2**40]))
    t.append(helper.make_tensor("u8", TensorProto.UINT8, [2], [255, 0]))
    t.append(helper.make_tensor("u16", TensorProto.UINT16, [1], [65535]))
    t.append(helper.make_tensor("u32", TensorProto.UINT32, [1], [4294967295]))
    t.append(helper.make_tensor("u64", TensorProto.UINT64, [1], [2**64 - 1]))
    t.append(raw_tensor("u8_raw", TensorProto.UINT8, [3], bytes([1, 128, 255])))
    t.append(raw_tensor("bool_raw", TensorProto.BOOL, [3], bytes([1, 0, 2])))
    t.append(helper.make_tensor("bool_typed", TensorProto.BOOL, [2], [False, True]))
    t.append(raw_tensor("bool_big", TensorProto.BOOL, [100], bytes([1]) * 100))
    # int4: -8, 7, -1, 0, 3 (odd count: the last byte's high nibble is padding).
    t.append(raw_tensor("i4_raw", INT4, [5], pack_nibbles([-8, 7, -1, 0, 3])))
    i4 = TensorProto(name="i4_int32_data", data_type=INT4, dims=[3])
    i4.int32_data.extend(pack_nibbles([-2, 5, 6]))
    t.append(i4)
    t.append(raw_tensor("u4_raw", UINT4, [3], pack_nibbles([15, 0, 9])))
    t.append(raw_tensor("i4_big", INT4, [2, 40],
                        pack_nibbles([(i % 16) - 8 for i in range(80)])))
    # float8: 1.0 and -2.0 in each format.
    t.append(raw_tensor("f8e4m3fn", FLOAT8E4M3FN, [2], bytes([0x38, 0xC0])))
    t.append(raw_tensor("f8e4m3fnuz", FLOAT8E4M3FNUZ, [2], bytes([0x40, 0xC8])))
    t.append(raw_tensor("f8e5m2", FLOAT8E5M2, [2], bytes([0x3C, 0xC0])))
    t.append(raw_tensor("f8e5m2fnuz", FLOAT8E5M2FNUZ, [2], bytes([0x40, 0xC4])))
    f8 = TensorProto(name="f8_int32_data", data_type=FLOAT8E4M3FN, dims=[1])
    f8.int32_data.extend([0x38])
    t.append(f8)
    # float4 e2m1: 1.0 (0x2), -1.0 (0xA).
    t.append(raw_tensor("f4e2m1", FLOAT4E2M1, [2], pack_nibbles([0x2, 0xA])))

    # No nodes: every initializer is a graph output.
    graph = helper.make_graph([], "data_types", [], [])
    graph.initializer.extend(t)
    for tensor in t:
        out = graph.output.add()
        out.name = tensor.name
    return make_model(graph)


def if_loop():
    then_branch = helper.make_graph(
        [helper.make_node("Add", ["x", "one"], ["then_out"], name="then_add")],
        "then", [], [vi("then_out", TensorProto.FLOAT, [2])],
        initializer=[helper.make_tensor("one", TensorProto.FLOAT, [], [1.0])])
    else_branch = helper.make_graph(
        [helper.make_node("Clip", ["x", "", "hi"], ["else_out"], name="clip")],
        "else", [], [vi("else_out", TensorProto.FLOAT, [2])])
    body = helper.make_graph(
        [helper.make_node("Identity", ["cond_in"], ["cond_out"], name="keep"),
         helper.make_node("Add", ["acc_in", "x"], ["acc_out"], name="acc")],
        "body",
        [vi("iter", TensorProto.INT64, []), vi("cond_in", TensorProto.BOOL, []),
         helper.make_value_info("acc_in", onnx.TypeProto())],  # untyped
        [vi("cond_out", TensorProto.BOOL, []), vi("acc_out", TensorProto.FLOAT, [2])])
    branch = helper.make_node("If", ["c"], ["r"], name="branch")
    # make_node sorts keyword attributes; keep the then, else order.
    branch.attribute.extend([helper.make_attribute("then_branch", then_branch),
                             helper.make_attribute("else_branch", else_branch)])
    nodes = [
        branch,
        helper.make_node("Loop", ["n", "", "r"], ["final"], name="loop",
                         body=body),
    ]
    graph = helper.make_graph(
        nodes, "if_loop",
        [vi("c", TensorProto.BOOL, []), vi("x", TensorProto.FLOAT, [2]),
         vi("n", TensorProto.INT64, [])],
        [vi("final", TensorProto.FLOAT, [2])],
        initializer=[helper.make_tensor("hi", TensorProto.FLOAT, [], [6.0])])
    return make_model(graph)


def custom_domain():
    nodes = [
        helper.make_node("FancyOp", ["x"], ["a", "b"], name="fancy",
                         domain="com.example", mode="fast", levels=[1, 2]),
        helper.make_node("Relu", ["a"], ["y"], name="relu", domain="ai.onnx"),
    ]
    graph = helper.make_graph(
        nodes, "custom", [vi("x", TensorProto.FLOAT, [4])],
        [vi("y", TensorProto.FLOAT, [4]), vi("b", TensorProto.INT64, [])])
    return make_model(graph, opsets=(("", 17), ("com.example", 3)))


def optional_inputs():
    nodes = [
        helper.make_node("Clip", ["x", "", "hi"], ["c"], name="clip"),
        helper.make_node("Resize", ["c", "", "scales"], ["r"], name="resize"),
        # Dropout's mask output is omitted: an empty output name.
        helper.make_node("Dropout", ["r"], ["y", ""], name="dropout"),
    ]
    graph = helper.make_graph(
        nodes, "optional", [vi("x", TensorProto.FLOAT, [1, 1, 2, 2])],
        [vi("y", TensorProto.FLOAT, [1, 1, 4, 4])],
        initializer=[
            helper.make_tensor("hi", TensorProto.FLOAT, [], [6.0]),
            helper.make_tensor("scales", TensorProto.FLOAT, [4], [1, 1, 2, 2])])
    return make_model(graph)


def input_shape():
    emb = raw_tensor("emb", TensorProto.FLOAT, [16, 8],
                     floats([float(i) for i in range(128)]))
    nodes = [
        helper.make_node("Gather", ["emb", "input_ids"], ["h"], name="gather"),
        helper.make_node("Mul", ["h", "h"], ["sq"], name="square"),
        helper.make_node("Unsqueeze", ["mask", "axes"], ["m4"], name="unsqueeze"),
    ]
    graph = helper.make_graph(
        nodes, "input_shape",
        [vi("input_ids", TensorProto.INT64, ["s72", "s70"]),
         vi("mask", TensorProto.INT64, [1, "s70"])],
        [vi("sq", TensorProto.FLOAT, ["s72", "s70", 8]),
         vi("m4", TensorProto.INT64, [1, 1, "other", "s70"])],
        initializer=[emb, helper.make_tensor("axes", TensorProto.INT64, [1], [1])],
        value_info=[vi("h", TensorProto.FLOAT, ["s72", "s70", 8])])
    return make_model(graph, opsets=(("", 18),), ir_version=10)


def blob_names():
    # Three large initializers whose names sanitize to the same blob key.
    names = ["layer.0/weight", "layer.0_weight", "layer.0:weight"]
    inits = [raw_tensor(n, TensorProto.FLOAT, [65], floats([float(i)] * 65))
             for i, n in enumerate(names)]
    graph = helper.make_graph([], "blob_names", [], [])
    graph.initializer.extend(inits)
    for n in names:
        graph.output.add().name = n
    return make_model(graph)


def unsorted():
    # b consumes a's output but comes first; c is independent.
    nodes = [
        helper.make_node("Neg", ["t"], ["u"], name="b"),
        helper.make_node("Abs", ["x"], ["t"], name="a"),
        helper.make_node("Exp", ["x"], ["v"], name="c"),
        helper.make_node("Add", ["u", "v"], ["y"], name="d"),
    ]
    graph = helper.make_graph(
        nodes, "unsorted", [vi("x", TensorProto.FLOAT, [2])],
        [vi("y", TensorProto.FLOAT, [2])])
    return make_model(graph)


# -- Malformed models -----------------------------------------------------------

def simple_graph(nodes, initializer=(), name="bad", inputs=None, outputs=None):
    return helper.make_graph(
        nodes, name,
        inputs if inputs is not None else [vi("x", TensorProto.FLOAT, [4])],
        outputs if outputs is not None else [vi("y", TensorProto.FLOAT, [4])],
        initializer=list(initializer))


def identity_of(tensor):
    """A model returning `tensor` (an initializer) through an Identity."""
    return make_model(simple_graph(
        [helper.make_node("Identity", [tensor.name], ["y"], name="id")],
        [tensor], inputs=[]))


def malformed(folder):
    missing = onnx.ModelProto(ir_version=8, producer_name="make_inputs.py")
    missing.opset_import.extend([helper.make_opsetid("", 17)])
    save(missing, folder, "missing_graph.onnx")

    save(make_model(simple_graph(
        [helper.make_node("Add", ["x", "nowhere"], ["y"], name="add")])),
        folder, "undefined_input.onnx")

    save(make_model(simple_graph([
        helper.make_node("Add", ["x", "b_out"], ["a_out"], name="A"),
        helper.make_node("Mul", ["a_out", "x"], ["b_out"], name="B"),
        helper.make_node("Relu", ["a_out"], ["y"], name="C"),
    ])), folder, "cycle.onnx")

    save(make_model(simple_graph([
        helper.make_node("Relu", ["x"], ["y"], name="r1"),
        helper.make_node("Abs", ["x"], ["y"], name="r2"),
    ])), folder, "duplicate_output.onnx")

    save(make_model(simple_graph(
        [helper.make_node("Gelu", ["x"], ["y"], name="gelu", domain="com.nowhere")])),
        folder, "unknown_domain.onnx")

    save(identity_of(raw_tensor("neg", TensorProto.FLOAT, [-1, 4], b"")),
         folder, "negative_dims.onnx")
    save(identity_of(raw_tensor("overflow", TensorProto.FLOAT,
                                [2**32, 2**32, 2**32], b"")),
         folder, "overflow_dims.onnx")
    save(identity_of(raw_tensor("huge", TensorProto.FLOAT, [2**21, 2**20], b"")),
         folder, "huge_dims.onnx")
    save(identity_of(raw_tensor("w", TensorProto.FLOAT, [4, 4], b"\0" * 12)),
         folder, "wrong_size.onnx")
    short = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[4])
    short.float_data.extend([1, 2, 3])
    save(identity_of(short), folder, "wrong_count.onnx")
    save(identity_of(helper.make_tensor("names", TensorProto.STRING, [2],
                                        [b"a", b"b"])),
         folder, "string_tensor.onnx")
    save(identity_of(raw_tensor("z", TensorProto.COMPLEX64, [1],
                                floats([1.0, 2.0]))),
         folder, "complex_tensor.onnx")
    save(identity_of(raw_tensor("mystery", 99, [1], b"\0")),
         folder, "unknown_dtype.onnx")

    # Random bytes: the first seeded draw that protobuf rejects outright.
    for seed in range(1000):
        rng = random.Random(seed)
        garbage = bytes(rng.randrange(256) for _ in range(256))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                onnx.ModelProto().ParseFromString(garbage)
        except Exception:
            break
    with open(os.path.join(folder, "random.onnx"), "wb") as f:
        f.write(garbage)


# -- External data ----------------------------------------------------------------

def external_tensor(name, dims, location, offset=None, length=None,
                    data_type=TensorProto.FLOAT):
    t = TensorProto(name=name, data_type=data_type, dims=dims)
    t.data_location = TensorProto.EXTERNAL
    entries = [("location", location)]
    if offset is not None:
        entries.append(("offset", str(offset)))
    if length is not None:
        entries.append(("length", str(length)))
    for key, value in entries:
        e = t.external_data.add()
        e.key, e.value = key, value
    return t


def external_model(tensors):
    out = tensors[0].name
    return make_model(simple_graph(
        [helper.make_node("Identity", [out], ["y"], name="id")], tensors, name="external",
        inputs=[], outputs=[vi("y", TensorProto.FLOAT, None)]))


def external(root):
    def folder(name):
        path = os.path.join(root, name)
        os.makedirs(path, exist_ok=True)
        return path

    # A secret next to the model folders, which no model may reach.
    with open(os.path.join(root, "secret.bin"), "wb") as f:
        f.write(floats([42.0] * 128))

    good = folder("good")
    with open(os.path.join(good, "weights.bin"), "wb") as f:
        f.write(floats([i / 4 for i in range(128)]))  # W: 512 bytes
        f.write(floats([1.0, 2.0, 3.0, 4.0]))         # b: offset 512
    os.makedirs(os.path.join(good, "sub"), exist_ok=True)
    with open(os.path.join(good, "sub", "more.bin"), "wb") as f:
        f.write(struct.pack("<3q", 7, 8, 9))
    save(external_model([
        external_tensor("W", [16, 8], "weights.bin"),
        external_tensor("b", [4], "weights.bin", offset=512, length=16),
        external_tensor("c", [3], "sub/more.bin", data_type=TensorProto.INT64),
    ]), good, "model.onnx")

    save(external_model([external_tensor("W", [4], "../secret.bin")]),
         folder("dotdot"), "model.onnx")
    save(external_model([external_tensor("W", [4], os.path.join(root, "secret.bin"))]),
         folder("absolute"), "model.onnx")
    link_dir = folder("symlink")
    link = os.path.join(link_dir, "link.bin")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.join("..", "secret.bin"), link)
    save(external_model([external_tensor("W", [4], "link.bin")]),
         link_dir, "model.onnx")

    past_end = folder("past_end")
    with open(os.path.join(past_end, "weights.bin"), "wb") as f:
        f.write(floats([0.0] * 16))
    save(external_model([external_tensor("W", [4], "weights.bin", offset=1000)]),
         past_end, "model.onnx")
    save(external_model([external_tensor("W", [4], "weights.bin", length=8)]),
         folder("bad_length"), "model.onnx")
    save(external_model([external_tensor("W", [4], "missing.bin")]),
         folder("missing"), "model.onnx")

    # A tensor 3 GiB into a sparse file: 64-bit offsets, nothing else read.
    huge = folder("huge")
    offset = 3 << 30
    with open(os.path.join(huge, "weights.bin"), "wb") as f:
        f.truncate(offset)
        f.seek(offset)
        f.write(floats([float(i) for i in range(256)]))
    save(external_model([external_tensor("W", [256], "weights.bin",
                                         offset=offset)]),
         huge, "model.onnx")


def main(argv):
    if len(argv) == 3 and argv[1] == "--external":
        external(argv[2])
        return
    folder = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    save(matmul_add(), folder, "matmul_add.onnx")
    save(attributes(), folder, "attributes.onnx")
    save(data_types(), folder, "data_types.onnx")
    save(if_loop(), folder, "if_loop.onnx")
    save(custom_domain(), folder, "custom_domain.onnx")
    save(optional_inputs(), folder, "optional_inputs.onnx")
    save(input_shape(), folder, "input_shape.onnx")
    save(blob_names(), folder, "blob_names.onnx")
    save(unsorted(), folder, "unsorted.onnx")
    malformed(folder)


if __name__ == "__main__":
    main(sys.argv)
