#!/usr/bin/env python3
"""Compares logits [1, T, V] (.npy) with a reference run (ONNX Runtime's).

The measure is relative to the logits' scale: max |got - want| / max |want|
over every logit (near-zero logits make element-wise relative error
meaningless), with the relative L2 error and the argmax agreement per position
printed beside it. Exits 1 when the relative max error exceeds --rtol or an
argmax differs (positions where the reference's top two logits tie within
the tolerance are not counted).

    compare_logits.py got.npy want.npy [--rtol 1e-4]
"""
import argparse
import sys

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("got")
    p.add_argument("want")
    p.add_argument("--rtol", type=float, default=1e-4)
    args = p.parse_args()
    got = np.load(args.got).astype(np.float64)
    want = np.load(args.want).astype(np.float64)
    if got.shape != want.shape:
        print(f"compare_logits: shapes differ: {got.shape} vs {want.shape}")
        return 1
    scale = np.abs(want).max()
    rel_max = np.abs(got - want).max() / scale
    rel_l2 = np.linalg.norm(got - want) / np.linalg.norm(want)
    rows_got = got.reshape(-1, got.shape[-1])
    rows_want = want.reshape(-1, want.shape[-1])
    top2 = np.sort(rows_want, axis=-1)[:, -2:]
    decided = (top2[:, 1] - top2[:, 0]) > args.rtol * scale
    agree = rows_got.argmax(-1) == rows_want.argmax(-1)
    bad = int((~agree & decided).sum())
    print(f"{want.size} logits: max |diff| / max |ref| {rel_max:.2e}, relative L2 {rel_l2:.2e}")
    print(f"argmax agrees on {int(agree.sum())} of {len(agree)} positions"
          f" ({bad} decided positions differ)")
    ok = rel_max <= args.rtol and bad == 0
    print(f"within {args.rtol:g} relative" if ok else f"NOT within {args.rtol:g} relative")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
