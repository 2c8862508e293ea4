//===- Gptq.cpp - Round-to-nearest and GPTQ weight quantization -----------===//
//
// See Gptq.h for the formulas; the comments here point to the reference
// implementation's steps (gptq.py: GPTQ.fasterquant, quant.py: Quantizer).
//
//===----------------------------------------------------------------------===//

#include "quench/Quant/Gptq.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>

namespace quench::quant {

namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

[[noreturn]] void invalid(const char *function, const std::string &message) {
  throw std::invalid_argument(std::string(function) + ": " + message);
}

void checkLayer(const char *function, const void *weight, int64_t rows, int64_t cols,
                const GridOptions &grid) {
  if (!weight)
    invalid(function, "no weight data");
  if (rows <= 0 || cols <= 0)
    invalid(function, "the weight must have at least one row and one column, got " +
                          std::to_string(rows) + " x " + std::to_string(cols));
  if (grid.bits < 2 || grid.bits > 8)
    invalid(function, "bits must be 2 to 8, got " + std::to_string(grid.bits));
  if (grid.groupSize < 0 || (grid.groupSize > 0 && cols % grid.groupSize != 0))
    invalid(function, "group size " + std::to_string(grid.groupSize) +
                          " does not divide the " + std::to_string(cols) + " columns");
  if (grid.perTensor && grid.groupSize)
    invalid(function, "a per-tensor grid takes no group size, got " +
                          std::to_string(grid.groupSize));
}

/// One group's grid: scale and (integral) zero point, the scale rounded to
/// float as it is stored, so codes and stored parameters agree.
struct Grid {
  float scale = 1;
  double zero = 0;
};

double maxCode(unsigned bits) { return std::ldexp(1.0, static_cast<int>(bits)) - 1; }

double quantizeOne(double w, const Grid &g, double maxq) {
  double q = std::nearbyint(w / g.scale) + g.zero; // half to even
  return std::clamp(q, 0.0, maxq);
}

Grid gridFor(double lo, double hi, double maxq, bool symmetric) {
  // Quantizer.find_params: the range always contains 0.
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (symmetric) {
    hi = std::max(std::fabs(lo), hi);
    if (lo < 0)
      lo = -hi;
  }
  if (lo == 0 && hi == 0) {
    lo = -1;
    hi = 1;
  }
  Grid g;
  g.scale = static_cast<float>((hi - lo) / maxq);
  g.zero = symmetric ? (maxq + 1) / 2 : std::nearbyint(-lo / g.scale) + 0.0; // no -0
  return g;
}

/// The grid of values v[0 .. n) (strided), as Quantizer.find_params, with
/// the optional clipping search.
Grid findGrid(const double *v, int64_t n, int64_t stride, const GridOptions &options) {
  double maxq = maxCode(options.bits);
  double lo = 0, hi = 0;
  for (int64_t i = 0; i < n; ++i) {
    lo = std::min(lo, v[i * stride]);
    hi = std::max(hi, v[i * stride]);
  }
  Grid best = gridFor(lo, hi, maxq, options.symmetric);
  if (!options.mseClip)
    return best;
  // The reference: norm 2.4, grid 100, maxshrink 0.8; the full range first,
  // a shrink replaces it only when strictly better.
  constexpr double kNorm = 2.4;
  constexpr int kGrid = 100;
  constexpr double kMaxShrink = 0.8;
  double bestError = INFINITY;
  for (int i = 0; i < static_cast<int>(kMaxShrink * kGrid); ++i) {
    double p = 1 - static_cast<double>(i) / kGrid;
    Grid g = gridFor(p * lo, p * hi, maxq, options.symmetric);
    if (options.symmetric)
      g.zero = best.zero;
    // Only the argmin matters: a candidate is abandoned once its partial
    // sum reaches the best (the terms are >= 0 and only a strictly smaller
    // error replaces the best), which leaves the choice unchanged.
    double error = 0;
    for (int64_t k = 0; k < n && error < bestError; ++k) {
      double w = v[k * stride];
      double deq = g.scale * (quantizeOne(w, g, maxq) - g.zero);
      error += std::pow(std::fabs(deq - w), kNorm);
    }
    if (error < bestError) {
      bestError = error;
      best = g;
    }
  }
  return best;
}

QuantizedWeight emptyResult(int64_t rows, int64_t cols, const GridOptions &options) {
  QuantizedWeight q;
  q.rows = rows;
  q.cols = cols;
  q.bits = options.bits;
  q.numGroups = options.groupSize ? cols / options.groupSize : 1;
  q.codes.assign(rows * cols, 0);
  q.scales.assign(rows * q.numGroups, 0);
  q.zeros.assign(rows * q.numGroups, 0);
  q.groupIndex.assign(cols, 0);
  for (int64_t c = 0; c < cols; ++c)
    q.groupIndex[c] = static_cast<int32_t>(options.groupSize ? c / options.groupSize : 0);
  return q;
}

void storeGrid(QuantizedWeight &q, int64_t row, int64_t group, const Grid &g) {
  q.scales[row * q.numGroups + group] = g.scale;
  q.zeros[row * q.numGroups + group] = static_cast<float>(g.zero);
}

} // namespace

std::vector<float> QuantizedWeight::dequantize() const {
  std::vector<float> out(rows * cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) {
      int64_t g = r * numGroups + groupIndex[c];
      out[r * cols + c] = scales[g] * (static_cast<float>(codes[r * cols + c]) - zeros[g]);
    }
  return out;
}

QuantizedWeight quantizeRtn(const float *weight, int64_t rows, int64_t cols,
                            const GridOptions &options) {
  checkLayer("quantizeRtn", weight, rows, cols, options);
  QuantizedWeight q = emptyResult(rows, cols, options);
  double maxq = maxCode(options.bits);
  if (options.perTensor) {
    std::vector<double> values(weight, weight + rows * cols);
    Grid grid = findGrid(values.data(), rows * cols, 1, options);
    for (int64_t r = 0; r < rows; ++r) {
      storeGrid(q, r, 0, grid);
      for (int64_t c = 0; c < cols; ++c)
        q.codes[r * cols + c] = static_cast<uint8_t>(quantizeOne(values[r * cols + c], grid, maxq));
    }
    return q;
  }
  int64_t group = options.groupSize ? options.groupSize : cols;
  std::vector<double> values(group);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t g = 0; g < q.numGroups; ++g) {
      for (int64_t c = 0; c < group; ++c)
        values[c] = weight[r * cols + g * group + c];
      Grid grid = findGrid(values.data(), group, 1, options);
      storeGrid(q, r, g, grid);
      for (int64_t c = 0; c < group; ++c)
        q.codes[r * cols + g * group + c] =
            static_cast<uint8_t>(quantizeOne(values[c], grid, maxq));
    }
  return q;
}

GptqResult quantizeGptq(const float *weight, int64_t rows, int64_t cols,
                        const double *hessian, const GptqOptions &options) {
  const char *fn = "quantizeGptq";
  const GridOptions &gridOptions = options.grid;
  checkLayer(fn, weight, rows, cols, gridOptions);
  if (!hessian)
    invalid(fn, "no Hessian");
  if (options.blockSize <= 0)
    invalid(fn, "block size must be positive, got " + std::to_string(options.blockSize));
  if (!(options.dampening >= 0))
    invalid(fn, "dampening must be >= 0");
  if (options.staticGroups && !gridOptions.groupSize)
    invalid(fn, "static groups need a group size");

  double maxq = maxCode(gridOptions.bits);
  int64_t groupSize = gridOptions.groupSize;
  Matrix W = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic,
                                            Eigen::RowMajor>>(weight, rows, cols)
                 .cast<double>();
  Matrix H = Eigen::Map<const Matrix>(hessian, cols, cols);
  if (!H.allFinite())
    invalid(fn, "the Hessian has NaN or infinite entries");
  {
    Eigen::Index i = 0, j = 0;
    double asymmetry = (H - H.transpose()).cwiseAbs().maxCoeff(&i, &j);
    if (asymmetry > 1e-9 * H.cwiseAbs().maxCoeff())
      invalid(fn, "the Hessian is not symmetric (H[" + std::to_string(i) + "][" +
                      std::to_string(j) + "] != H[" + std::to_string(j) + "][" +
                      std::to_string(i) + "])");
  }

  QuantizedWeight q = emptyResult(rows, cols, gridOptions);

  // Without groups, one grid per row (or one for the matrix) from the
  // original weights.
  std::vector<Grid> rowGrids(rows);
  if (!groupSize) {
    Grid tensorGrid;
    if (gridOptions.perTensor)
      tensorGrid = findGrid(W.data(), rows * cols, 1, gridOptions);
    for (int64_t r = 0; r < rows; ++r) {
      rowGrids[r] = gridOptions.perTensor ? tensorGrid
                                          : findGrid(W.data() + r * cols, cols, 1, gridOptions);
      storeGrid(q, r, 0, rowGrids[r]);
    }
  }

  // Dead inputs: never active, so their weights cannot matter.
  for (int64_t c = 0; c < cols; ++c)
    if (H(c, c) == 0) {
      H(c, c) = 1;
      W.col(c).setZero();
    }

  // Static groups: every group's grid from the (dead-zeroed) original columns.
  std::vector<Grid> staticGrids;
  if (options.staticGroups) {
    staticGrids.resize(rows * q.numGroups);
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t g = 0; g < q.numGroups; ++g) {
        staticGrids[r * q.numGroups + g] =
            findGrid(W.data() + r * cols + g * groupSize, groupSize, 1, gridOptions);
        storeGrid(q, r, g, staticGrids[r * q.numGroups + g]);
      }
  }

  // Act-order: columns by decreasing H_jj (a stable order for determinism).
  std::vector<int64_t> perm(cols);
  std::iota(perm.begin(), perm.end(), 0);
  if (options.actOrder) {
    std::stable_sort(perm.begin(), perm.end(),
                     [&](int64_t a, int64_t b) { return H(a, a) > H(b, b); });
    Matrix Wp(rows, cols), Hp(cols, cols);
    for (int64_t j = 0; j < cols; ++j) {
      Wp.col(j) = W.col(perm[j]);
      for (int64_t i = 0; i < cols; ++i)
        Hp(i, j) = H(perm[i], perm[j]);
    }
    W.swap(Wp);
    H.swap(Hp);
  }

  // Dampening, then U = the upper Cholesky factor of H^-1 (H^-1 = U^T U),
  // without forming H^-1: with P the reversal permutation and
  // P H P = L L^T, H^-1 = P L^-T L^-1 P = U^T U for U = P L^-1 P, which is
  // upper triangular.
  double damp = options.dampening * H.diagonal().mean();
  H.diagonal().array() += damp;
  Eigen::LLT<Matrix> llt(H.reverse());
  if (llt.info() != Eigen::Success)
    invalid(fn, "the dampened Hessian is not positive definite (raise the dampening)");
  Matrix U = Matrix::Identity(cols, cols);
  llt.matrixL().solveInPlace(U);
  U = U.reverse().eval();

  // Once U is known the rows are independent: each row's columns are
  // quantized and its errors pushed onto its own later columns. The rows go
  // in fixed chunks of kRowChunk, each chunk exactly as a matrix of those
  // rows alone; the chunks share the work of `threads` threads, and their
  // losses add up in chunk order, so the result does not depend on the
  // thread count.
  constexpr int64_t kRowChunk = 32;
  int64_t numChunks = (rows + kRowChunk - 1) / kRowChunk;
  std::vector<double> chunkLoss(numChunks, 0.0);
  auto quantizeRows = [&](int64_t chunk) {
    int64_t r0 = chunk * kRowChunk, n = std::min(kRowChunk, rows - r0);
    auto Wr = W.middleRows(r0, n);
    std::vector<Grid> current(n);
    double loss = 0;
    for (int64_t i1 = 0; i1 < cols; i1 += options.blockSize) {
      int64_t i2 = std::min(i1 + options.blockSize, cols), count = i2 - i1;
      Matrix W1 = Wr.middleCols(i1, count);
      Matrix Err1(n, count);
      for (int64_t i = 0; i < count; ++i) {
        int64_t column = i1 + i; // in processing order
        if (groupSize && !options.staticGroups && column % groupSize == 0) {
          // The reference reads the group's columns from W, where the
          // current block's own updates are not yet applied.
          int64_t group = column / groupSize;
          for (int64_t r = 0; r < n; ++r) {
            current[r] = findGrid(W.data() + (r0 + r) * cols + column, groupSize, 1, gridOptions);
            storeGrid(q, r0 + r, group, current[r]);
          }
        }
        double d = U(column, column);
        for (int64_t r = 0; r < n; ++r) {
          const Grid &g = !groupSize ? rowGrids[r0 + r]
                          : options.staticGroups
                              ? staticGrids[(r0 + r) * q.numGroups + perm[column] / groupSize]
                              : current[r];
          double w = W1(r, i);
          double code = quantizeOne(w, g, maxq);
          double deq = static_cast<double>(g.scale) * (code - g.zero);
          q.codes[(r0 + r) * cols + perm[column]] = static_cast<uint8_t>(code);
          loss += (w - deq) * (w - deq) / (d * d) / 2;
          Err1(r, i) = (w - deq) / d;
        }
        W1.rightCols(count - i - 1).noalias() -=
            Err1.col(i) * U.block(column, column + 1, 1, count - i - 1);
      }
      Wr.rightCols(cols - i2).noalias() -= Err1 * U.block(i1, i2, count, cols - i2);
    }
    chunkLoss[chunk] = loss;
  };
  unsigned threads = options.threads ? options.threads
                                     : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<int64_t>(threads, numChunks));
  std::atomic<int64_t> next{0};
  auto worker = [&] {
    for (int64_t chunk = next++; chunk < numChunks; chunk = next++)
      quantizeRows(chunk);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();
  for (std::thread &t : pool)
    t.join();
  double loss = 0;
  for (double l : chunkLoss)
    loss += l;

  // Each original column's group.
  for (int64_t j = 0; j < cols; ++j)
    q.groupIndex[perm[j]] = static_cast<int32_t>(
        !groupSize ? 0 : options.staticGroups ? perm[j] / groupSize : j / groupSize);
  return {std::move(q), loss};
}

double layerObjective(const float *weight, const float *quantized, int64_t rows,
                      int64_t cols, const double *hessian) {
  if (!weight || !quantized || !hessian || rows <= 0 || cols <= 0)
    invalid("layerObjective", "needs a weight, its quantized form and a Hessian");
  using FloatMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Matrix delta = (Eigen::Map<const FloatMatrix>(weight, rows, cols).cast<double>() -
                  Eigen::Map<const FloatMatrix>(quantized, rows, cols).cast<double>());
  Eigen::Map<const Matrix> H(hessian, cols, cols);
  return (delta * H).cwiseProduct(delta).sum() / 2;
}

HessianAccumulator::HessianAccumulator(int64_t cols) : size(cols) {
  if (cols <= 0)
    invalid("HessianAccumulator", "needs at least one column");
  h.assign(cols * cols, 0.0);
}

void HessianAccumulator::add(const float *x, int64_t n) {
  if (n <= 0)
    return;
  if (!x)
    invalid("HessianAccumulator::add", "no data");
  using FloatMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Matrix X = Eigen::Map<const FloatMatrix>(x, n, size).cast<double>();
  Eigen::Map<Matrix> H(h.data(), size, size);
  // H = (count H + 2 X^T X) / (count + n): the running mean of 2 x x^T.
  H *= static_cast<double>(count) / static_cast<double>(count + n);
  count += n;
  H.noalias() += (2.0 / static_cast<double>(count)) * (X.transpose() * X);
}

} // namespace quench::quant
