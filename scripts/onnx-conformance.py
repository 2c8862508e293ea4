#!/usr/bin/env python3
"""ONNX backend node-test conformance of Quench's importer and lowering.

Runs every node test of Debian's libonnx-testdata (one model.onnx per
folder) whose ops all belong to the in-scope list: imports it with
quench-import-onnx and lowers it with `quench-opt --convert-onnx-to-linalg`.
A test passes when both succeed. (Executing the lowered model and comparing
with the expected outputs comes with the x86 runtime.)

Quench compiles for static shapes. Many node tests pass a shape, axes or
starts as a runtime graph input; when lowering says such an input must be a
constant, the test is retried with its integer and scalar inputs frozen from
test_data_set_0 (quench-import-onnx --freeze-input), as a user would freeze
them, and counted as "frozen".

Prints one row per op (tests in scope, passed, failed), the total, and with
--failures FILE writes every failure with its first error line.
Exits non-zero when the pass rate is below --min-pass-rate.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

IN_SCOPE = """
MatMul Gemm Add Sub Mul Div Pow Sqrt Reciprocal Neg Abs Exp Log Tanh Sigmoid Relu
LeakyRelu Gelu Erf Softmax LogSoftmax ReduceMean ReduceSum ReduceMax ReduceMin
LayerNormalization Transpose Reshape Flatten Squeeze Unsqueeze Concat Split Slice
Gather Expand Tile Where Equal Less Greater Not And Cast Shape ConstantOfShape
Range Trilu Cos Sin Constant Identity Conv MaxPool AveragePool GlobalAveragePool
BatchNormalization Clip QuantizeLinear DequantizeLinear DynamicQuantizeLinear
MatMulInteger QLinearMatMul
""".split()

NODE_RE = re.compile(r'onnx\.node "([A-Za-z0-9_]+)"')
# A function argument: `%argN: tensor<...xT>`.
ARG_RE = re.compile(r"%arg(\d+): tensor<([^>]*)>")


def run(cmd, timeout):
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return result.returncode, result.stderr
    except subprocess.TimeoutExpired:
        return 124, f"timed out after {timeout} s"


def first_error(stderr):
    for line in stderr.splitlines():
        if "error" in line:
            return re.sub(r"^.*?error: ", "", line).strip()
    return stderr.strip().splitlines()[0] if stderr.strip() else "failed"


def freezable_inputs(mlir_text, test_dir):
    """--freeze-input flags for the integer and rank-0 arguments of @main."""
    signature = mlir_text.split("func.func @main(", 1)[-1].split(")", 1)[0]
    flags = []
    for index, shape in ARG_RE.findall(signature):
        element = shape.split("x")[-1]
        if element.startswith(("i", "ui")) or "x" not in shape:
            pb = os.path.join(test_dir, "test_data_set_0", f"input_{index}.pb")
            name = re.search(r'%arg' + index + r': [^{]*\{onnx\.name = "([^"]*)"', signature)
            if name and os.path.isfile(pb):
                flags.append(f"--freeze-input={name.group(1)}={pb}")
    return flags


def check(test_dir, bin_dir, timeout):
    """Returns (ops, status, reason); status is None when out of scope."""
    model = os.path.join(test_dir, "model.onnx")
    importer = os.path.join(bin_dir, "quench-import-onnx")
    opt = os.path.join(bin_dir, "quench-opt")
    with tempfile.TemporaryDirectory() as tmp:
        imported = os.path.join(tmp, "model.mlir")
        code, err = run([importer, model, "-o", imported], timeout)
        if code != 0:
            return None, "import", first_error(err)
        with open(imported) as f:
            text = f.read()
        ops = sorted(set(NODE_RE.findall(text)))
        if not ops or any(op not in IN_SCOPE for op in ops):
            return ops, None, ""
        lower = [opt, imported, "--convert-onnx-to-linalg", "-o", os.devnull]
        code, err = run(lower, timeout)
        if code == 0:
            return ops, "pass", ""
        frozen = freezable_inputs(text, test_dir)
        if "must be a constant" in err or "must be constants" in err:
            if frozen:
                code, err2 = run([importer, model, "-o", imported] + frozen, timeout)
                if code == 0:
                    code, err2 = run(lower, timeout)
                    if code == 0:
                        return ops, "frozen", ""
                err = err2
        return ops, "lower", first_error(err)


def primary_op(name, ops):
    """The op a test is about: the in-scope op named by its folder, else its first op."""
    key = name[len("test_"):].replace("_", "").lower()
    for op in sorted(ops, key=len, reverse=True):
        if key.startswith(op.lower()):
            return op
    return ops[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="build/bin", help="folder with the tools")
    parser.add_argument("--testdata", default="/usr/share/libonnx-testdata/data/node")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--filter", default="", help="only tests whose name contains this")
    parser.add_argument("--failures", help="write failures to this file")
    parser.add_argument("--min-pass-rate", type=float, default=0.0)
    args = parser.parse_args()

    if not os.path.isdir(args.testdata):
        print(f"no ONNX node tests at {args.testdata} (Debian package libonnx-testdata)")
        return 2
    tests = sorted(d for d in os.listdir(args.testdata)
                   if args.filter in d and
                   os.path.isfile(os.path.join(args.testdata, d, "model.onnx")))
    rows = {}
    failures = []
    import_errors = []
    frozen_count = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {pool.submit(check, os.path.join(args.testdata, t), args.bin,
                               args.timeout): t for t in tests}
        for future in concurrent.futures.as_completed(futures):
            name = futures[future]
            ops, status, reason = future.result()
            if status == "import":
                import_errors.append((name, reason))
                continue
            if status is None:
                continue
            op = primary_op(name, ops)
            row = rows.setdefault(op, [0, 0])
            if status == "frozen":
                frozen_count += 1
            if status in ("pass", "frozen"):
                row[0] += 1
            else:
                row[1] += 1
                failures.append((op, name, reason))

    print(f"{'op':<24}{'tests':>7}{'pass':>7}{'fail':>7}")
    passed = failed = 0
    for op in sorted(rows):
        p, f = rows[op]
        passed, failed = passed + p, failed + f
        print(f"{op:<24}{p + f:>7}{p:>7}{f:>7}")
    total = passed + failed
    rate = passed / total if total else 0.0
    print(f"{'total':<24}{total:>7}{passed:>7}{failed:>7}   {100 * rate:.1f}% pass")
    print(f"({len(tests)} node tests; {len(import_errors)} failed to import; "
          f"{len(tests) - total - len(import_errors)} out of scope; "
          f"{frozen_count} passed with shape inputs frozen)")
    if args.failures:
        with open(args.failures, "w") as f:
            for op, name, reason in sorted(failures):
                f.write(f"{op}\t{name}\t{reason}\n")
            for name, reason in sorted(import_errors):
                f.write(f"(import)\t{name}\t{reason}\n")
    return 0 if rate >= args.min_pass_rate else 1


if __name__ == "__main__":
    sys.exit(main())
