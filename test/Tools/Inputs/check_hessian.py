"""Checks the statistics quench-calibrate attached against numpy.

usage: check_hessian.py calibrated.mlir inputs.npy observer
H = 2 X^T X / n over the rows of every sample (float64), and the per-channel
absmax / min / max, for the observer watching the model input directly.
"""
import re
import sys

import numpy as np

text = open(sys.argv[1]).read()
x = np.load(sys.argv[2]).astype(np.float64)
name = sys.argv[3]
rows = x.reshape(-1, x.shape[-1])
blob = re.search(r'hessian_%s: "0x([0-9A-Fa-f]+)"' % name, text).group(1)
# A dense_resource blob: 4 bytes of alignment, then the raw little-endian data.
hessian = np.frombuffer(bytes.fromhex(blob)[4:], dtype="<f8").reshape(rows.shape[1], -1)
expected = 2.0 * rows.T @ rows / rows.shape[0]
assert np.array_equal(hessian, expected), (hessian, expected)
samples = int(re.search(r'name = "%s".*quench.samples = (\d+)' % name, text).group(1))
assert samples == rows.shape[0], samples
print("hessian %s: %dx%d, H[0,0] = %.6f, %d rows: ok"
      % (name, hessian.shape[0], hessian.shape[1], hessian[0, 0], samples))
