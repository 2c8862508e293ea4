#!/usr/bin/env python3
"""The fused x86 qnt.matmul kernels against the reference lowering.

Each case writes a function with one qnt.matmul over random codes, scales and
zero points (every uniform format the layout rewrite takes: 2..8 bits, signed
or unsigned, zero points or not, integer or float zero points, per-tensor,
per-channel and group-wise, act-order group indices, packed or not, bias,
rank-1/2/3 inputs), compiles it with `--qnt-kernels=fused` and
`--qnt-kernels=reference`, runs both on the same input and compares. Shapes
are chosen so that N, K and M are not multiples of the tiles. A fused
compilation must also not materialize the weight: its linalg output holds no
f32 tensor of the weight's shape. Up to 12 rows (int8 activations: 2) the
cases take the row kernel, above it the panel kernel.

Cases with `act` quantize their activations themselves (`#qnt.act_quant`,
W8A8): they take the int8 kernels in every mode and are compared with
numpy's float64 evaluation of the activations the reference lowering rounds
(relative 1e-5, absolute 1e-5 of the largest output), the reference lowering
itself only having to run.

With `--activations=int8` among the flags, the fused result is compared
instead with numpy's evaluation of the int8 scheme itself (activations
quantized per group of K, symmetric, round-half-even; integer dot products;
one float scaling per group), and with the float reference within the
quantization error; matmuls the int8 kernels do not take (no chunk of 16
code bytes divides the group) keep the reference lowering.

usage: fused_matmul.py WORKDIR QUENCH_COMPILE QUENCH_RUN [extra quench-compile flags]
(quench-opt is taken from QUENCH_COMPILE's folder)
"""
import os
import subprocess
import sys

import numpy as np

work, compile_tool, run_tool = sys.argv[1:4]
opt_tool = os.path.join(os.path.dirname(compile_tool), "quench-opt")
extra = sys.argv[4:]
int8 = "--activations=int8" in extra
# f32 lanes of the target's vectors: the panel kernel's strips of weight rows.
lanes = 8 if "--target-cpu=x86-64-v3" in extra else 16
# The row kernel up to this many rows, the panel kernel above.
row_kernel_rows = 2 if int8 else 12
os.makedirs(work, exist_ok=True)
rng = np.random.default_rng(11)
failures = 0


def hexdense(a):
    return 'dense<"0x' + a.tobytes().hex().upper() + '">'


def pack_lsb(codes, bits):
    """Row-wise LSB-first bit streams (the #qnt.packing<bits = b> default)."""
    n, k = codes.shape
    out = []
    for row in codes:
        acc, nbits, data = 0, 0, []
        for c in row:
            acc |= (int(c) & ((1 << bits) - 1)) << nbits
            nbits += bits
            while nbits >= 8:
                data.append(acc & 0xFF)
                acc >>= 8
                nbits -= 8
        if nbits:
            data.append(acc & 0xFF)
        out.append(data)
    return np.array(out, dtype=np.uint8)


def case(name, m_shape, n, k, bits, signed=False, zp="int", block=None, packed=True,
         act_order=False, bias=False, fused=True, act=None, lut=None):
    global failures
    block = block or [1, k]
    sn, sk = n // block[0], k // block[1]
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    codes = rng.integers(lo, hi + 1, size=(n, k))
    scales = rng.uniform(0.01, 0.1, size=(sn, sk)).astype(np.float32)
    lines = []
    operands, types = [], []
    if packed and bits < 8:
        store = pack_lsb(codes, bits)
        lines.append(f"  %codes = arith.constant {hexdense(store)} : tensor<{n}x{store.shape[1]}xi8>")
        ctype = f"tensor<{n}x{store.shape[1]}xi8>"
        packing = f", packing = <bits = {bits}>"
    else:
        lines.append(f"  %codes = arith.constant {hexdense(codes.astype(np.int8))} : tensor<{n}x{k}xi8>")
        ctype = f"tensor<{n}x{k}xi8>"
        packing = ""
    lines.append(f"  %s = arith.constant {hexdense(scales)} : tensor<{sn}x{sk}xf32>")
    types += [ctype, f"tensor<{sn}x{sk}xf32>"]
    zpart = ""
    if zp == "int":
        z = rng.integers(lo, hi + 1, size=(sn, sk))
        lines.append(f"  %z = arith.constant {hexdense(z.astype(np.int8))} : tensor<{sn}x{sk}xi8>")
        zpart = " zero_points(%z)"
        types.append(f"tensor<{sn}x{sk}xi8>")
    elif zp == "float":
        z = rng.uniform(lo, hi, size=(sn, sk)).astype(np.float32)
        lines.append(f"  %z = arith.constant {hexdense(z)} : tensor<{sn}x{sk}xf32>")
        zpart = " zero_points(%z)"
        types.append(f"tensor<{sn}x{sk}xf32>")
    gpart = ""
    blk = list(block)
    if act_order:
        gsize = block[1]
        gidx = np.repeat(np.arange(k // gsize), gsize)
        rng.shuffle(gidx)
        lines.append(f"  %g = arith.constant {hexdense(gidx.astype(np.int32))} : tensor<{k}xi32>")
        gpart = " group_index(%g)"
        types.append(f"tensor<{k}xi32>")
    sign = "signed" if signed else "unsigned"
    if lut:
        # A lookup-table weight (unsigned codes, no zero points): NF4, FP4 or
        # a custom table of 2^bits entries.
        tpart = ""
        if lut == "custom":
            table = np.sort(rng.uniform(-1, 1, size=1 << bits)).astype(np.float32)
            lines.append(f"  %t = arith.constant {hexdense(table)} : tensor<{1 << bits}xf32>")
            tpart = " table(%t)"
            types.append(f"tensor<{1 << bits}xf32>")
        enc = f"#qnt.lut<bits = {bits}, table = {lut}, block = [{blk[0]}, {blk[1]}]{packing}>"
        qt = f"!qnt.qtensor<{n}x{k}xf32, {enc}>"
        lines.append(f"  %w = qnt.lut %codes scales(%s){tpart} : ({', '.join(types)}) -> {qt}")
    else:
        enc = (f"#qnt.uniform<bits = {bits}, signedness = {sign}, block = [{blk[0]}, {blk[1]}], "
               f"zero_point = {'true' if zp else 'false'}{packing}>")
        qt = f"!qnt.qtensor<{n}x{k}xf32, {enc}>"
        lines.append(f"  %w = qnt.uniform %codes scales(%s){zpart}{gpart} : ({', '.join(types)}) -> {qt}")
    xshape = "x".join(map(str, m_shape + [k]))
    yshape = "x".join(map(str, m_shape + [n]))
    bpart, btype = "", ""
    if bias:
        bvals = rng.standard_normal(n).astype(np.float32)
        lines.append(f"  %b = arith.constant {hexdense(bvals)} : tensor<{n}xf32>")
        bpart, btype = " bias(%b)", f", tensor<{n}xf32>"
    # W8A8: the matmul's own activation quantization (per token, per tensor
    # or a static scale).
    apart, atype, aattr = "", "", ""
    if act == "static":
        lines.append("  %a = arith.constant dense<0.02> : tensor<f32>")
        apart, atype = " input_scale(%a)", ", tensor<f32>"
    if act:
        gran = "" if act == "per_token" else "granularity = per_tensor"
        aattr = f" {{act_quant = #qnt.act_quant<{gran}>}}"
    lines.append(f"  %y = qnt.matmul %x, %w{bpart}{apart}{aattr} : (tensor<{xshape}xf32>, {qt}{btype}{atype}) -> tensor<{yshape}xf32>")
    lines.append(f"  return %y : tensor<{yshape}xf32>")
    src = (f"func.func @main(%x: tensor<{xshape}xf32>) -> tensor<{yshape}xf32> {{\n"
           + "\n".join(lines) + "\n}\n")
    base = os.path.join(work, name)
    with open(base + ".mlir", "w") as f:
        f.write(src)
    x = rng.standard_normal(m_shape + [k]).astype(np.float32)
    np.save(base + "_x.npy", x)
    for kind in ("reference", "fused"):
        flags = [f for f in extra if kind == "fused" or not f.startswith("--activations")]
        r = subprocess.run([compile_tool, base + ".mlir", "--qnt-kernels=" + kind, *flags,
                            "-o", f"{base}_{kind}.qz"], capture_output=True, text=True)
        if r.returncode:
            print(f"FAIL {name}: compile {kind}: {r.stderr.strip()}")
            failures += 1
            return
    r = subprocess.run([run_tool, base + "_reference.qz", base + "_x.npy", "-o", base + "_ref"],
                       capture_output=True, text=True)
    if r.returncode:
        print(f"FAIL {name}: run reference: {r.stderr.strip()}")
        failures += 1
        return
    expect, tol = f"{base}_ref/output_0.npy", "1e-5"
    container = 2 if bits <= 2 else 4 if bits <= 4 else 8
    group = block[1]
    rows = int(np.prod(m_shape))
    per_byte = 8 // container
    # Whether a fused kernel takes the matmul: the row kernel up to 12 (int8
    # activations: 2) rows, the panel kernel (whole strips of rows) above; an
    # int8 matmul the panel kernel cannot take stays with the row kernel.
    if lut:  # the float panel kernel only, in either mode
        takes = rows > 12 and n % lanes == 0 and group % per_byte == 0
    elif int8 or act:
        takes = group % (per_byte * 16) == 0
    elif rows > row_kernel_rows and n % lanes != 0:
        takes = False
    elif rows <= row_kernel_rows:
        takes = group % (per_byte * 4) == 0
    else:
        takes = group % per_byte == 0
    if lut:
        pass  # compared with the reference lowering (1e-5)
    elif act and takes:
        # W8A8 in numpy: the activations rounded as the reference lowering
        # rounds them (f32 scale and division, half-even, clamp), then exact
        # products in float64; the kernel sums in integers, so it is the
        # closer of the two to this.
        xm = x.reshape(-1, k).astype(np.float32)
        if act == "static":
            a = np.full(xm.shape[0], np.float32(0.02))
        elif act == "per_token":
            a = (np.abs(xm).max(axis=1) / np.float32(127)).astype(np.float32)
        else:
            a = np.full(xm.shape[0], np.abs(xm).max() / np.float32(127), dtype=np.float32)
        safe = np.where(a == 0, np.float32(1), a).astype(np.float32)
        q = np.clip(np.rint(xm / safe[:, None]), -127, 127).astype(np.float64)
        zeros = (z.astype(np.float64) if zp else np.zeros((sn, sk)))
        expand = lambda t: np.repeat(np.repeat(t, block[0], 0), block[1], 1)
        w = (codes.astype(np.float64) - expand(zeros)) * expand(scales.astype(np.float64))
        y = (q * a.astype(np.float64)[:, None]) @ w.T
        if bias:
            y += bvals
        expect = base + "_w8a8.npy"
        np.save(expect, y.astype(np.float32).reshape(m_shape + [n]))
        tol = f"{1e-5 * max(np.abs(y).max(), 1e-30):.3g}"
    elif int8 and takes:
        # The int8 scheme in numpy: activation blocks of the group, or of
        # 256 columns in longer groups (the cases here are multiples of 256).
        xblock = group if group <= 256 else 256
        zeros = (z.astype(np.float64) if zp else np.zeros((sn, sk))).repeat(block[0], 0)
        s_rows = scales.astype(np.float64).repeat(block[0], 0)
        q = codes.astype(np.float64)
        xm = x.reshape(-1, k)
        perm = np.argsort(gidx, kind="stable") if act_order else np.arange(k)
        gid = gidx[perm] if act_order else np.arange(k) // group
        xp, qp = xm[:, perm], q[:, perm]
        y = np.zeros((xm.shape[0], n))
        for b in range(k // xblock):
            cols = slice(b * xblock, (b + 1) * xblock)
            g = gid[b * xblock]
            xb = xp[:, cols].astype(np.float32)
            amax = np.abs(xb).max(axis=1)
            xs = amax / np.float32(127)
            inv = np.where(amax > 0, np.float32(127) / np.where(amax > 0, amax, 1), 0).astype(np.float32)
            xq = np.rint(xb * inv[:, None]).astype(np.float64)
            dot = xq @ qp[:, cols].T - np.outer(xq.sum(axis=1), zeros[:, g])
            y += xs[:, None].astype(np.float64) * s_rows[:, g][None, :] * dot
        if bias:
            y += bvals
        y = y.astype(np.float32).reshape(m_shape + [n])
        # Within the quantization error of the float result.
        ref = np.load(f"{base}_ref/output_0.npy").astype(np.float64)
        err = np.linalg.norm(y - ref) / max(np.linalg.norm(ref), 1e-30)
        if err > 0.05:
            print(f"FAIL {name}: the int8 scheme is {err:.3f} (relative L2) off the float result")
            failures += 1
            return
        expect, tol = base + "_int8.npy", "3e-4"
        np.save(expect, y)
    r = subprocess.run([run_tool, base + "_fused.qz", base + "_x.npy",
                        "--rtol", "1e-5" if act else tol, "--atol", tol,
                        "--expect", f"output_0={expect}"],
                       capture_output=True, text=True)
    status = "PASS" if r.returncode == 0 else "FAIL"
    failures += r.returncode != 0
    # The fused lowering keeps no float copy of the weight; a matmul it does
    # not take keeps the reference lowering's.
    if takes != fused:
        print(f"FAIL {name}: the case expects the fused kernel {'' if fused else 'not '}to apply")
        failures += 1
        return
    options = [f"vector-bits={lanes * 32}"] + (["int8-activations=1"] if int8 else [])
    r2 = subprocess.run([opt_tool, base + ".mlir",
                         "--quench-prepare-entry",
                         "--quench-x86-pack-weights=" + " ".join(options),
                         "--lower-qnt-to-x86=" + " ".join(options),
                         "--lower-qnt-to-linalg"], capture_output=True, text=True)
    # The reference lowering's dequantized weight is an op result of the
    # weight's shape (the panel kernel's panels are views of a buffer).
    weight = f"-> tensor<{n}x{k}xf32>" in r2.stdout or f"-> tensor<{k}x{n}xf32>" in r2.stdout
    if r2.returncode or weight != (not fused):
        status = "FAIL"
        failures += 1
        print(f"FAIL {name}: the lowered IR {'holds' if weight else 'lacks'} a float weight "
              f"{r2.stderr.strip()}")
    print(f"{status} {name}: {r.stdout.strip()} {r.stderr.strip()}")


case("u4_g128_m1", [1], 64, 256, 4, block=[1, 128])
case("u4_g32_m3_zpint", [3], 30, 96, 4, block=[1, 32])
# int8 activations need chunks of 16 codes: groups of 40 and 24 keep the reference.
case("s8_perchannel_nozp_m5", [5], 17, 40, 8, signed=True, zp=None, packed=False, fused=not int8)
case("u2_g64_m16", [16], 48, 192, 2, block=[1, 64])
case("u3_g128_m1", [1], 32, 256, 3, block=[1, 128])
case("u4_actorder_m2", [2], 40, 128, 4, block=[1, 32], act_order=True)
case("s8_pertensor_m1", [1], 24, 64, 8, signed=True, zp=None, block=[24, 64], packed=False)
case("u4_floatzp_m4", [4], 36, 128, 4, zp="float", block=[1, 64])
case("s4_bias_rank3_m7", [1, 7], 20, 48, 4, signed=True, zp="int", block=[1, 16], bias=True,
     fused=not int8)
case("u6_g32_rank1", [], 12, 64, 6, block=[1, 32])
case("s5_rows2_m64", [64], 16, 80, 5, signed=True, block=[2, 40], fused=not int8)
case("u4_m65_panel", [65], 16, 64, 4, block=[1, 32])
case("u4_odd_group_24", [2], 8, 72, 4, block=[1, 24], fused=not int8)
# 24 rows are no whole number of 16-row strips: the panel kernel needs 8 lanes.
case("s4_bias_g32_m70", [70], 24, 96, 4, signed=True, zp="int", block=[1, 32], bias=True,
     fused=int8 or lanes == 8)
# The panel kernel (float activations, more than 12 rows): several blocks of
# K (768 = 3 x 256), row blocks per task with a remainder tile (25 = 4 x 6 + 1).
case("u4_g128_m100_k768", [100], 160, 768, 4, block=[1, 128])
# Tiles of one vector of rows (48 is no multiple of 32), five blocks of 64.
case("u3_g64_m40_bias_rank3", [2, 20], 48, 320, 3, block=[1, 64], bias=True)
# One group of 600 columns in three blocks of 200; signed, no zero points.
case("s8_perchannel_m33_k600", [33], 32, 600, 8, signed=True, zp=None, packed=False,
     fused=not int8)
case("u2_floatzp_m20", [20], 64, 256, 2, zp="float", block=[1, 32], fused=not int8)
case("u4_actorder_m24", [24], 32, 128, 4, block=[1, 32], act_order=True)
case("u4_floatzp_m20", [20], 32, 128, 4, zp="float", block=[1, 64])
case("s4_pertensor_m13", [13], 16, 64, 4, signed=True, block=[16, 64])
# W8A8 (qnt.matmul's own activation quantization, whatever the mode): the
# int8 kernels with one scale per row, per tensor or given, the activations
# rounded as the reference lowering rounds them.
case("w8a8_per_token_m1", [1], 64, 256, 8, signed=True, zp=None, packed=False, act="per_token")
case("w8a8_per_token_m40", [40], 48, 256, 8, signed=True, zp=None, packed=False,
     act="per_token")
case("w8a8_per_tensor_rank3_bias", [2, 10], 32, 128, 8, signed=True, zp=None, packed=False,
     bias=True, act="per_tensor")
# A static scale of 0.02 clamps the larger activations at +-127.
case("w8a8_static_m24", [24], 32, 128, 8, signed=True, zp=None, packed=False, act="static")
case("w4a8_per_token_g64_m8", [8], 32, 192, 4, block=[1, 64], act="per_token")
# Lookup-table weights: the float panel kernel (more than 12 rows, float
# activations even in int8 mode) dequantizes through the table; fewer rows
# keep the reference lowering.
case("lut_nf4_g64_m20", [20], 32, 128, 4, zp=None, block=[1, 64], lut="nf4")
case("lut_fp4_perchannel_m16_bias", [16], 16, 96, 4, zp=None, bias=True, lut="fp4_e2m1")
case("lut_custom3_rows2_m24", [24], 48, 64, 3, zp=None, block=[2, 32], packed=True,
     lut="custom")
case("lut_custom8_m14", [14], 32, 80, 8, zp=None, block=[1, 40], packed=False, lut="custom")
case("lut_nf4_m4_reference", [4], 32, 128, 4, zp=None, block=[1, 64], lut="nf4", fused=False)
# One group of 512 columns per row: int8 activations in two blocks of 256.
case("u4_perchannel_k512_m2", [2], 24, 512, 4)
# No kernel chunk (8 codes at least) divides a group of 12: reference lowering.
case("u4_group_12_fallback", [1], 8, 36, 4, block=[1, 12], fused=False)
sys.exit(1 if failures else 0)
