#!/usr/bin/env python3
"""Compares logits [1, T, V] (.npy) with the ONNX Runtime fingerprint of a
results.json (checks.onnx_fingerprint_window0: logits[0, :4, :6], the sum of
all logits, the argmax of the first 64 positions). Exits 1 when off."""
import json
import sys

import numpy as np

logits = np.load(sys.argv[1])
fp = json.load(open(sys.argv[2]))["checks"]["onnx_fingerprint_window0"]
ref = np.array(fp["logits_0_4x6"])
diff = np.abs(logits[0, :4, :6] - ref).max()
total = logits.astype(np.float64).sum()
rel = abs(total - fp["sum"]) / abs(fp["sum"])
argmax = int((logits[0, :64].argmax(-1) == np.array(fp["argmax_first64"])).sum())
print(f"logits[0,:4,:6] max |diff| {diff:.3g}, sum relative diff {rel:.3g}")
print(f"argmax agrees on {argmax} of 64 positions")
ok = diff <= 2e-4 and rel <= 1e-5 and argmax == 64
print("logits match" if ok else "logits DIFFER")
sys.exit(0 if ok else 1)
