#!/usr/bin/env python3
"""Runs a lowered ONNX LLaMA on one window of tokens and checks its logits.

Reads the output of `quench-opt --convert-onnx-to-linalg` (a module whose
@main takes input_ids [1, T] int64 and returns logits [1, T, V]), adds an
entry function that calls it on the first T tokens of a uint16 token file,
compiles it with quench-reference-to-llvm, runs it with mlir-runner and
compares with the ONNX Runtime fingerprint stored in a results.json
(checks.onnx_fingerprint_window0: logits[0, :4, :6], the sum of all logits,
the argmax of the first 64 positions). Prints the comparison; exits 1 when a
figure is off by more than the tolerance.
"""
import argparse
import json
import re
import struct
import subprocess
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("lowered")
    p.add_argument("--tokens", required=True)
    p.add_argument("--count", type=int, default=512)
    p.add_argument("--results", required=True)
    p.add_argument("--quench-opt", required=True)
    p.add_argument("--mlir-runner", required=True)
    p.add_argument("--shared-libs", required=True)
    p.add_argument("--atol", type=float, default=2e-4)
    args = p.parse_args()

    with open(args.tokens, "rb") as f:
        data = f.read(2 * args.count)
    tokens = struct.unpack(f"<{args.count}H", data)
    text = open(args.lowered).read()
    m = re.search(r"func\.func @main\(%arg0: tensor<1x(\d+)xi64>[^)]*\) -> \(?tensor<1x\d+x(\d+)xf32>", text)
    if not m or int(m.group(1)) != args.count:
        print("check_logits: the lowered module's @main is not input_ids[1, %d] -> logits" % args.count)
        return 1
    vocab = int(m.group(2))
    ids_type = f"tensor<1x{args.count}xi64>"
    logits_type = f"tensor<1x{args.count}x{vocab}xf32>"
    entry = f"""
  func.func @entry() {{
    %ids = arith.constant dense<[[{", ".join(map(str, tokens))}]]> : {ids_type}
    %logits = call @main(%ids) : ({ids_type}) -> {logits_type}
    %print = tensor.cast %logits : {logits_type} to tensor<*xf32>
    call @printMemrefF32(%print) : (tensor<*xf32>) -> ()
    return
  }}
  func.func private @printMemrefF32(tensor<*xf32>)
"""
    resources = text.find("{-#")
    end = text.rfind("}", 0, resources if resources >= 0 else len(text))
    program = text[:end] + entry + text[end:]

    llvm = subprocess.run([args.quench_opt, "--quench-reference-to-llvm"], input=program,
                          capture_output=True, text=True)
    if llvm.returncode:
        print(llvm.stderr[:2000])
        return 1
    run = subprocess.run([args.mlir_runner, "-e", "entry", "-entry-point-result=void",
                          f"-shared-libs={args.shared_libs}"], input=llvm.stdout,
                         capture_output=True, text=True)
    if run.returncode:
        print(run.stderr[:2000])
        return 1
    body = run.stdout.split("data =", 1)[1]
    values = [float(v) for v in re.findall(r"[-+]?(?:\d+\.?\d*(?:e[-+]?\d+)?|inf|nan)", body)]
    if len(values) != args.count * vocab:
        print(f"check_logits: read {len(values)} logits, expected {args.count * vocab}")
        return 1

    ref = json.load(open(args.results))["checks"]["onnx_fingerprint_window0"]
    at = lambda t, v: values[t * vocab + v]
    corner = max(abs(at(t, v) - ref["logits_0_4x6"][t][v]) for t in range(4) for v in range(6))
    total = sum(values)
    rel_sum = abs(total - ref["sum"]) / abs(ref["sum"])
    argmax = [max(range(vocab), key=lambda v: at(t, v)) for t in range(64)]
    agree = sum(a == b for a, b in zip(argmax, ref["argmax_first64"]))
    print(f"logits[0, :4, :6] max |diff| vs ONNX Runtime: {corner:.2e} (tolerance {args.atol:g})")
    print(f"sum of logits: {total:.6f} vs {ref['sum']:.6f} (relative {rel_sum:.1e})")
    print(f"argmax agrees on {agree} of 64 positions")
    ok = corner <= args.atol and rel_sum <= 1e-5 and agree == 64
    print("logits match" if ok else "logits DIFFER")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
