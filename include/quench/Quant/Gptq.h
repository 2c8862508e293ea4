//===- Gptq.h - Round-to-nearest and GPTQ weight quantization ---*- C++ -*-===//
//
// Part of Quench. Pure C++17 (Eigen for the linear algebra), no LLVM/MLIR
// dependency.
//
//===----------------------------------------------------------------------===//
//
// Weight-only quantization of one linear layer W [rows = outputs, cols =
// inputs] (PyTorch's [out, in] layout), as in the GPTQ paper (Frantar et al.,
// 2022) and its reference implementation (IST-DASLab/gptq, gptq.py and
// quant.py), whose semantics these functions reproduce:
//
//   grid:  q = clamp(round(w / s) + z, 0, 2^bits - 1),  w' = s * (q - z)
//          per row (groupSize 0) or per group of groupSize consecutive
//          columns; asymmetric: s = (max - min) / maxq, z = round(-min / s),
//          with min <= 0 <= max; symmetric: max = max(|min|, max),
//          min = -max, z = (maxq + 1) / 2. round is half-to-even.
//   mse:   optionally, per row (or group), the shrink p in {1, 0.99, ...,
//          0.21} of [min, max] minimizing sum |w' - w|^2.4 (the reference's
//          norm, grid 100, maxshrink 0.8).
//   RTN:   every weight on its grid.
//   GPTQ:  columns are quantized one at a time; the error of each is spread
//          over the columns not yet quantized through the inverse Hessian,
//          using the upper Cholesky factor U of H^-1 (H = 2 X^T X / n plus
//          dampening * mean(diag H) on the diagonal):
//            err = (w_j - q_j) / U_jj,   w_k -= err * U_jk  (k > j),
//          lazily in blocks of blockSize columns. Columns with H_jj = 0 are
//          dead: zeroed, and H_jj set to 1. With actOrder, columns go in
//          order of decreasing H_jj; group parameters are then computed
//          when the pass reaches each group (of the permuted order), unless
//          staticGroups computes them up front from the original columns.
//
// Everything is computed in double and deterministic. Bad arguments throw
// std::invalid_argument naming the function and the problem.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_QUANT_GPTQ_H
#define QUENCH_QUANT_GPTQ_H

#include <cstdint>
#include <vector>

namespace quench::quant {

struct GridOptions {
  unsigned bits = 4;     ///< 2..8
  int64_t groupSize = 0; ///< 0: one group per row; else it must divide cols
  bool symmetric = false;
  bool mseClip = false; ///< grid search of the clipping range (see above)
  /// One grid for the whole matrix (the reference Quantizer's
  /// perchannel=False); stored per row, every row the same. No group size.
  bool perTensor = false;
};

/// A quantized layer: codes with per-(row, group) scales and zero points.
struct QuantizedWeight {
  int64_t rows = 0, cols = 0;
  unsigned bits = 0;
  int64_t numGroups = 0;           ///< groups per row
  std::vector<uint8_t> codes;      ///< rows * cols, row-major, 0 .. 2^bits - 1
  std::vector<float> scales;       ///< rows * numGroups
  std::vector<float> zeros;        ///< rows * numGroups, integral values
  std::vector<int32_t> groupIndex; ///< cols: the group of each column

  /// w'[r, c] = scale[r, g] * (code[r, c] - zero[r, g]), g = groupIndex[c].
  std::vector<float> dequantize() const;
};

/// Round-to-nearest of every weight on its group's grid.
QuantizedWeight quantizeRtn(const float *weight, int64_t rows, int64_t cols,
                            const GridOptions &options);

struct GptqOptions {
  GridOptions grid;
  double dampening = 0.01; ///< fraction of mean(diag H) added to the diagonal
  int64_t blockSize = 128; ///< columns per lazy batch update
  bool actOrder = false;
  bool staticGroups = false;
  /// Threads sharing the rows (0: one per hardware thread). The result is
  /// the same for any count.
  unsigned threads = 0;
};

struct GptqResult {
  QuantizedWeight weight;
  /// The reference's reported error: sum over columns of
  /// (w_j - q_j)^2 / (2 U_jj^2), with w_j the error-compensated column.
  double loss = 0;
};

/// GPTQ of one layer with its Hessian H (cols x cols, row-major, symmetric).
GptqResult quantizeGptq(const float *weight, int64_t rows, int64_t cols,
                        const double *hessian, const GptqOptions &options);

/// The layer objective ||X W^T - X W'^T||^2 / n written with
/// H = 2 X^T X / n: trace((W - W') H (W - W')^T) / 2.
double layerObjective(const float *weight, const float *quantized, int64_t rows,
                      int64_t cols, const double *hessian);

/// Accumulates H = 2 X^T X / n over batches of input rows X [n, cols], in
/// double (each product summed in double; batches combine as weighted means
/// as in the reference's add_batch).
class HessianAccumulator {
public:
  explicit HessianAccumulator(int64_t cols);
  void add(const float *x, int64_t n);
  int64_t samples() const { return count; }
  int64_t cols() const { return size; }
  /// cols x cols, row-major.
  const std::vector<double> &hessian() const { return h; }

private:
  int64_t size, count = 0;
  std::vector<double> h;
};

} // namespace quench::quant

#endif // QUENCH_QUANT_GPTQ_H
