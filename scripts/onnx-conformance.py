#!/usr/bin/env python3
"""ONNX backend node-test conformance of Quench's importer and lowering.

Runs every node test of Debian's libonnx-testdata (one model.onnx per
folder) whose ops all belong to the in-scope list: imports it with
quench-import-onnx and lowers it with `quench-opt --convert-onnx-to-linalg`.
A test passes when both succeed. With --execute (the default when
quench-compile and quench-run are in --bin), each lowered test is then
compiled to an artifact for the host CPU and run on its test_data_set_0 with
quench-run, whose outputs must match the expected outputs (quench-run's
tolerance: |got - want| <= 1e-5 + 1e-3 |want|); the table's "ran" column
counts the tests that did.

With --target nvptx the tests are compiled for an NVIDIA GPU. A machine
with a GPU but no compiler runs them in two steps: --stage DIR (here)
compiles each test and copies it with its data set into DIR; --run-staged
DIR --bin FOLDER_WITH_QUENCH_RUN (there, with only the runtime built by
scripts/build-runtime.sh) runs them and prints the same table.

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
import shutil
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


def input_names(mlir_text):
    """The ONNX names of @main's arguments, by argument index."""
    signature = mlir_text.split("func.func @main(", 1)[-1].split(") ->", 1)[0]
    return {int(i): n for i, n in
            re.findall(r'%arg(\d+): [^{,]*\{onnx\.name = "([^"]*)"', signature)}


def execute(model, test_dir, text, frozen, bin_dir, tmp, timeout, target="x86", stage=None):
    """Compiles the model and runs it on test_data_set_0; returns (ok, reason).

    With `stage`, copies the artifact and its data set there instead of
    running (ok = compiled)."""
    artifact = os.path.join(tmp, "model.qz")
    code, err = run([os.path.join(bin_dir, "quench-compile"), model, "-o", artifact,
                     f"--target={target}"] + frozen, timeout)
    if code != 0:
        return False, "compile: " + first_error(err)
    data = os.path.join(test_dir, "test_data_set_0")
    frozen_names = {f.split("=", 1)[1].split("=", 1)[0] for f in frozen}
    inputs = []
    for index, name in sorted(input_names(text).items()):
        pb = os.path.join(data, f"input_{index}.pb")
        if name not in frozen_names and os.path.isfile(pb):
            inputs += ["-i", f"{name}={pb}"]
    if stage:
        name = os.path.basename(test_dir)
        into = os.path.join(stage, name)
        shutil.rmtree(into, ignore_errors=True)
        shutil.copytree(data, os.path.join(into, "data"))
        shutil.copy(artifact, os.path.join(into, "model.qz"))
        staged = [a.replace(data, "data") for a in inputs]
        with open(os.path.join(into, "inputs.txt"), "w") as f:
            f.write("\n".join(staged) + "\n")
        return True, "staged"
    return run_artifact(bin_dir, artifact, data, inputs, timeout)


def run_artifact(bin_dir, artifact, data, inputs, timeout):
    """Runs an artifact on a data set with quench-run; returns (ok, reason)."""
    try:
        result = subprocess.run([os.path.join(bin_dir, "quench-run"), artifact,
                                 "--data-set", data] + inputs,
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"run: timed out after {timeout} s"
    if result.returncode != 0:
        mismatches = [l for l in result.stdout.splitlines() if l.startswith("FAIL")]
        return False, "run: " + ("; ".join(mismatches) or first_error(result.stderr))
    return True, ""


def run_staged(stage, bin_dir, timeout, jobs):
    """Runs what --stage wrote; prints one row per op and the total."""
    with open(os.path.join(stage, "tests.tsv")) as f:
        tests = [line.rstrip("\n").split("\t") for line in f if line.strip()]

    def one(entry):
        name, op = entry
        into = os.path.join(stage, name)
        with open(os.path.join(into, "inputs.txt")) as f:
            inputs = [a if a == "-i" else a.replace("=data", "=" + os.path.join(into, "data"), 1)
                      for a in f.read().split()]
        return op, name, run_artifact(bin_dir, os.path.join(into, "model.qz"),
                                      os.path.join(into, "data"), inputs, timeout)

    rows, failures = {}, []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for op, name, (ok, reason) in pool.map(one, tests):
            row = rows.setdefault(op, [0, 0])
            row[0 if ok else 1] += 1
            if not ok:
                failures.append((op, name, reason))
    print(f"{'op':<24}{'tests':>7}{'ran':>7}{'fail':>7}")
    for op in sorted(rows):
        print(f"{op:<24}{sum(rows[op]):>7}{rows[op][0]:>7}{rows[op][1]:>7}")
    passed = sum(r[0] for r in rows.values())
    print(f"{'total':<24}{len(tests):>7}{passed:>7}{len(tests) - passed:>7}")
    for op, name, reason in sorted(failures):
        print(f"FAILED {op}\t{name}\t{reason}")
    return 0 if passed == len(tests) else 1


def check(test_dir, bin_dir, timeout, run_tests, target="x86", stage=None):
    """Returns (ops, status, reason, ran); status is None when out of scope.

    ran is None when not executed, else (ok, reason)."""
    model = os.path.join(test_dir, "model.onnx")
    importer = os.path.join(bin_dir, "quench-import-onnx")
    opt = os.path.join(bin_dir, "quench-opt")
    with tempfile.TemporaryDirectory() as tmp:
        imported = os.path.join(tmp, "model.mlir")
        code, err = run([importer, model, "-o", imported], timeout)
        if code != 0:
            return None, "import", first_error(err), None
        with open(imported) as f:
            text = f.read()
        ops = sorted(set(NODE_RE.findall(text)))
        if not ops or any(op not in IN_SCOPE for op in ops):
            return ops, None, "", None
        lower = [opt, imported, "--convert-onnx-to-linalg", "-o", os.devnull]
        status, used = None, []
        code, err = run(lower, timeout)
        if code == 0:
            status = "pass"
        else:
            frozen = freezable_inputs(text, test_dir)
            if ("must be a constant" in err or "must be constants" in err) and frozen:
                code, err2 = run([importer, model, "-o", imported] + frozen, timeout)
                if code == 0:
                    code, err2 = run(lower, timeout)
                    if code == 0:
                        status, used = "frozen", frozen
                err = err2
        if status is None:
            return ops, "lower", first_error(err), None
        ran = (execute(model, test_dir, text, used, bin_dir, tmp, timeout, target, stage)
               if run_tests else None)
        return ops, status, "", ran


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
    parser.add_argument("--execute", action=argparse.BooleanOptionalAction, default=None,
                        help="compile and run each lowered test on its data set "
                             "(default: when quench-compile and quench-run exist)")
    parser.add_argument("--min-run-rate", type=float, default=0.0,
                        help="fraction of the in-scope tests that must run and match")
    parser.add_argument("--target", default="x86", choices=["x86", "nvptx"],
                        help="what the executed tests are compiled for")
    parser.add_argument("--stage", help="compile and copy the tests into this folder "
                                        "instead of running them")
    parser.add_argument("--run-staged", help="run the tests a --stage wrote (needs only "
                                             "quench-run in --bin)")
    args = parser.parse_args()
    if args.run_staged:
        return run_staged(args.run_staged, args.bin, args.timeout, args.jobs)
    if args.stage:
        os.makedirs(args.stage, exist_ok=True)
    if args.execute is None:
        args.execute = all(os.path.isfile(os.path.join(args.bin, t))
                           for t in ("quench-compile", "quench-run"))

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
    staged = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {pool.submit(check, os.path.join(args.testdata, t), args.bin,
                               args.timeout, args.execute, args.target, args.stage): t
                   for t in tests}
        for future in concurrent.futures.as_completed(futures):
            name = futures[future]
            ops, status, reason, ran = future.result()
            if status == "import":
                import_errors.append((name, reason))
                continue
            if status is None:
                continue
            op = primary_op(name, ops)
            row = rows.setdefault(op, [0, 0, 0])
            if status == "frozen":
                frozen_count += 1
            if status in ("pass", "frozen"):
                row[0] += 1
                if ran and ran[0]:
                    row[2] += 1
                    if args.stage:
                        staged.append((name, op))
                elif ran:
                    failures.append((op, name, ran[1]))
            else:
                row[1] += 1
                failures.append((op, name, reason))

    if args.stage:
        with open(os.path.join(args.stage, "tests.tsv"), "w") as f:
            for name, op in sorted(staged):
                f.write(f"{name}\t{op}\n")
    ran_header = f"{'ran':>7}" if args.execute else ""
    print(f"{'op':<24}{'tests':>7}{'pass':>7}{'fail':>7}{ran_header}")
    passed = failed = ran_count = 0
    for op in sorted(rows):
        p, f, r = rows[op]
        passed, failed, ran_count = passed + p, failed + f, ran_count + r
        ran_cell = f"{r:>7}" if args.execute else ""
        print(f"{op:<24}{p + f:>7}{p:>7}{f:>7}{ran_cell}")
    total = passed + failed
    rate = passed / total if total else 0.0
    run_rate = ran_count / total if total else 0.0
    ran_cell = f"{ran_count:>7}" if args.execute else ""
    print(f"{'total':<24}{total:>7}{passed:>7}{failed:>7}{ran_cell}   {100 * rate:.1f}% pass"
          + (f", {100 * run_rate:.1f}% ran and matched" if args.execute else ""))
    print(f"({len(tests)} node tests; {len(import_errors)} failed to import; "
          f"{len(tests) - total - len(import_errors)} out of scope; "
          f"{frozen_count} passed with shape inputs frozen)")
    if args.failures:
        with open(args.failures, "w") as f:
            for op, name, reason in sorted(failures):
                f.write(f"{op}\t{name}\t{reason}\n")
            for name, reason in sorted(import_errors):
                f.write(f"(import)\t{name}\t{reason}\n")
    if rate < args.min_pass_rate:
        return 1
    return 0 if not args.execute or run_rate >= args.min_run_rate else 1


if __name__ == "__main__":
    sys.exit(main())
