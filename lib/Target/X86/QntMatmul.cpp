//===- QntMatmul.cpp - fused dequantize + matmul kernels for x86 ----------===//
//
// Lowers `qnt.matmul` with a weight in the kernel form (X86Kernels.h) to
// a kernel that never materializes the float weight. Written on tensors
// with scf and vector ops; bufferization, thread outlining and the vector
// lowering of the quench-x86 pipeline take it from there.
//
//   y[m, n] = sum_g s[n, g] * sum_{k in g} x[m, k] * (q[n, k] - z[n, g])
//
// The weight's rows are cut into thread tasks (an scf.forall over blocks of
// N). A task walks its rows R at a time ("rows in flight", all reading the
// same activations) and the activation rows MR at a time, and streams the
// R code rows along K once per MR activation rows: with up to four
// activation rows that is once in all (matrix-vector products, where the
// weights are read at memory speed); beyond, the task's code rows stay in
// L1/L2 between passes. Per chunk of K, one vector load per code row
// yields `c` vectors of L codes by shift and mask; each code vector,
// shifted by its zero point in integers and converted to float (exactly),
// meets the L activations at the same K in one FMA per activation row.
// Group sums are scaled once per group, and each accumulator is reduced
// across lanes once per row.
//
//===----------------------------------------------------------------------===//

#include "KernelForm.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

#include <algorithm>

using namespace mlir;
using namespace quench;
using namespace quench::qnt;

namespace {

Value cIndex(ImplicitLocOpBuilder &b, int64_t v) { return arith::ConstantIndexOp::create(b, v); }
Value cF32(ImplicitLocOpBuilder &b, float v) {
  return arith::ConstantOp::create(b, b.getF32FloatAttr(v));
}

Value splat(ImplicitLocOpBuilder &b, VectorType type, Attribute value) {
  return arith::ConstantOp::create(b, DenseElementsAttr::get(type, ArrayRef<Attribute>{value}));
}

/// Static shape of one kernel instance.
struct KernelShape {
  int64_t rows, n, k;     // M, N, K
  unsigned bits;          // 2, 4 or 8
  int64_t perByte;        // codes per byte, c = 8 / bits
  int64_t lanes;          // L, code bytes per chunk (f32 lanes with float activations)
  int64_t group;          // G, columns sharing a scale
  int64_t block;          // columns between two scalings of the sums (G, or the int8 block)
  int64_t rowsInFlight;   // R
  int64_t taskRows;       // rows of N per thread task
  int64_t activationRows; // MR
  bool floatZeros;
  bool int8;              // int8 activations, integer dot products
  bool vnni;
  unsigned vectorBits;
  /// How the int8 activations are scaled: per row and block (the int8
  /// mode), or as `qnt.matmul`'s activation quantization (W8A8) prescribes,
  /// one scale per row, per tensor or given.
  enum class ActScale { PerBlock, PerRow, PerTensor, Static } actScale = ActScale::PerBlock;
};

/// The activations in int8, per row and block of K: codes `xq [M, K]`,
/// scales `xs [M, K / B]`, and per row and weight group the scaled code sums
/// the zero points meet, `sums [M, K / G] = sum over the group's blocks of
/// xs * sum(xq)`.
struct QuantizedActivations {
  Value codes, scales, sums;
};

/// max |x[m, k]| over `k` in [0, width) from `k0`, as an f32 scalar.
Value absMax(ImplicitLocOpBuilder &b, Value x, Value m, Value k0, int64_t width,
             int64_t floatLanes) {
  auto vf = VectorType::get({floatLanes}, b.getF32Type());
  auto loop = scf::ForOp::create(
      b, cIndex(b, 0), cIndex(b, width), cIndex(b, floatLanes),
      ValueRange{splat(b, vf, b.getF32FloatAttr(0))},
      [&](OpBuilder &jb, Location jloc, Value j, ValueRange acc) {
        ImplicitLocOpBuilder rb(jloc, jb);
        Value k = arith::AddIOp::create(rb, k0, j);
        Value v = math::AbsFOp::create(
            rb, vector::TransferReadOp::create(rb, vf, x, ValueRange{m, k},
                                               /*padding=*/std::nullopt, ArrayRef<bool>{true}));
        scf::YieldOp::create(rb, ValueRange{arith::MaximumFOp::create(rb, v, acc[0])});
      });
  return vector::ReductionOp::create(b, vector::CombiningKind::MAXIMUMF, loop.getResult(0));
}

/// Symmetric int8 activations per row and block of B columns (one thread
/// task per row), and `xs * sum xq` summed per weight group (for the zero
/// points). The int8 mode (PerBlock): `xs = max |x| / 127` over the block,
/// `xq = round_half_even(x * (127 / max |x|))`, as ONNX Runtime and
/// llama.cpp do. W8A8 (`#qnt.act_quant`): one scale `a` per row, per tensor
/// or from `staticScale`, `xq = clamp(round_half_even(x / a), -127, 127)`
/// exactly as the reference lowering computes it, `xs = a` for every block.
QuantizedActivations quantizeActivations(ImplicitLocOpBuilder &b, Value x, const KernelShape &s,
                                         Value staticScale = {}) {
  using ActScale = KernelShape::ActScale;
  int64_t blocks = s.k / s.block, groups = s.k / s.group;
  int64_t floatLanes = std::min<int64_t>(16, s.vectorBits / 32);
  auto vf = VectorType::get({floatLanes}, b.getF32Type());
  auto vi = VectorType::get({floatLanes}, b.getI32Type());
  auto vb = VectorType::get({floatLanes}, b.getI8Type());
  // A scale shared by every row: the static one, or max |x| over the tensor.
  Value sharedScale;
  if (s.actScale == ActScale::Static) {
    sharedScale = tensor::ExtractOp::create(b, staticScale, ValueRange{});
  } else if (s.actScale == ActScale::PerTensor) {
    auto rows = scf::ForOp::create(
        b, cIndex(b, 0), cIndex(b, s.rows), cIndex(b, 1), ValueRange{cF32(b, 0)},
        [&](OpBuilder &nb, Location loc, Value m, ValueRange acc) {
          ImplicitLocOpBuilder rb(loc, nb);
          Value rowMax = absMax(rb, x, m, cIndex(rb, 0), s.k, floatLanes);
          scf::YieldOp::create(rb, ValueRange{arith::MaximumFOp::create(rb, rowMax, acc[0])});
        });
    sharedScale = arith::DivFOp::create(b, rows.getResult(0), cF32(b, 127));
  }
  SmallVector<Value> inits = {
      tensor::EmptyOp::create(b, ArrayRef<int64_t>{s.rows, s.k}, b.getI8Type()),
      tensor::EmptyOp::create(b, ArrayRef<int64_t>{s.rows, blocks}, b.getF32Type()),
      arith::ConstantOp::create(
          b, DenseElementsAttr::get(RankedTensorType::get({s.rows, groups}, b.getF32Type()),
                                    ArrayRef<Attribute>{b.getF32FloatAttr(0)}))};
  auto forall = scf::ForallOp::create(b, ArrayRef<OpFoldResult>{b.getIndexAttr(s.rows)},
                                      inits, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(forall.getTerminator());
  Value m = forall.getInductionVars()[0];
  SmallVector<OpFoldResult> strides = {b.getIndexAttr(1), b.getIndexAttr(1)};
  auto rowSlice = [&](int64_t width) {
    return SmallVector<OpFoldResult>{b.getIndexAttr(1), b.getIndexAttr(width)};
  };
  SmallVector<OpFoldResult> offsets = {m, b.getIndexAttr(0)};
  const int64_t widths[] = {s.k, blocks, groups};
  SmallVector<Value> rowInits;
  for (auto [i, width] : llvm::enumerate(widths))
    rowInits.push_back(tensor::ExtractSliceOp::create(b, forall.getRegionIterArgs()[i], offsets,
                                                      rowSlice(width), strides));
  Value zeroI = splat(b, vi, b.getI32IntegerAttr(0));
  Value c0 = cIndex(b, 0);
  Value rowScale = sharedScale;
  if (s.actScale == ActScale::PerRow)
    rowScale = arith::DivFOp::create(b, absMax(b, x, m, c0, s.k, floatLanes), cF32(b, 127));
  auto blockLoop = scf::ForOp::create(
      b, c0, cIndex(b, blocks), cIndex(b, 1), rowInits,
      [&](OpBuilder &nb, Location loc, Value blk, ValueRange rowArgs) {
        ImplicitLocOpBuilder lb(loc, nb);
        Value k0 = arith::MulIOp::create(lb, blk, cIndex(lb, s.block));
        auto read = [&](ImplicitLocOpBuilder &rb, Value j) {
          Value k = arith::AddIOp::create(rb, k0, j);
          return vector::TransferReadOp::create(rb, vf, x, ValueRange{m, k},
                                                /*padding=*/std::nullopt, ArrayRef<bool>{true})
              .getResult();
        };
        // Per block: x * (127 / max); one scale: clamp(x / a).
        Value scale, factor;
        bool perBlock = s.actScale == ActScale::PerBlock;
        if (perBlock) {
          Value amax = absMax(lb, x, m, k0, s.block, floatLanes);
          scale = arith::DivFOp::create(lb, amax, cF32(lb, 127));
          Value positive =
              arith::CmpFOp::create(lb, arith::CmpFPredicate::OGT, amax, cF32(lb, 0));
          factor = arith::SelectOp::create(
              lb, positive, arith::DivFOp::create(lb, cF32(lb, 127), amax), cF32(lb, 0));
        } else {
          scale = rowScale;
          Value isZero = arith::CmpFOp::create(lb, arith::CmpFPredicate::OEQ, scale, cF32(lb, 0));
          factor = arith::SelectOp::create(lb, isZero, cF32(lb, 1), scale);
        }
        Value factorVec = vector::BroadcastOp::create(lb, vf, factor);
        auto quantLoop = scf::ForOp::create(
            lb, c0, cIndex(lb, s.block), cIndex(lb, floatLanes),
            ValueRange{rowArgs[0], zeroI},
            [&](OpBuilder &jb, Location jloc, Value j, ValueRange acc) {
              ImplicitLocOpBuilder rb(jloc, jb);
              Value v = math::RoundEvenOp::create(
                  rb, perBlock ? arith::MulFOp::create(rb, read(rb, j), factorVec).getResult()
                               : arith::DivFOp::create(rb, read(rb, j), factorVec).getResult());
              if (!perBlock)
                v = arith::MinimumFOp::create(
                    rb, arith::MaximumFOp::create(rb, v, splat(rb, vf, rb.getF32FloatAttr(-127))),
                    splat(rb, vf, rb.getF32FloatAttr(127)));
              Value q = arith::FPToSIOp::create(rb, vi, v);
              Value k = arith::AddIOp::create(rb, k0, j);
              Value row = vector::TransferWriteOp::create(
                              rb, arith::TruncIOp::create(rb, vb, q), acc[0],
                              ValueRange{cIndex(rb, 0), k}, ArrayRef<bool>{true})
                              .getResult();
              scf::YieldOp::create(rb, ValueRange{row, arith::AddIOp::create(rb, acc[1], q)});
            });
        Value sum = vector::ReductionOp::create(lb, vector::CombiningKind::ADD,
                                                quantLoop.getResult(1));
        Value c0l = cIndex(lb, 0);
        Value scalesRow = tensor::InsertOp::create(lb, scale, rowArgs[1], ValueRange{c0l, blk});
        Value g = s.block == s.group
                      ? blk
                      : arith::DivUIOp::create(lb, blk, cIndex(lb, s.group / s.block));
        Value groupSum = arith::AddFOp::create(
            lb, tensor::ExtractOp::create(lb, rowArgs[2], ValueRange{c0l, g}),
            arith::MulFOp::create(lb, scale,
                                  arith::SIToFPOp::create(lb, lb.getF32Type(), sum)));
        Value sumsRow = tensor::InsertOp::create(lb, groupSum, rowArgs[2], ValueRange{c0l, g});
        scf::YieldOp::create(lb, ValueRange{quantLoop.getResult(0), scalesRow, sumsRow});
      });
  b.setInsertionPointToStart(forall.getTerminator().getBody());
  for (auto [i, width] : llvm::enumerate(widths))
    tensor::ParallelInsertSliceOp::create(b, blockLoop.getResult(i),
                                          forall.getRegionIterArgs()[i], offsets,
                                          rowSlice(width), strides);
  return {forall.getResult(0), forall.getResult(1), forall.getResult(2)};
}

/// acc[j] += sum_{b < 4} u8(w[4j + b]) * s8(x[4j + b]): one `vpdpbusd`
/// with VNNI, widening multiplies and a reduction otherwise.
Value dotBytes(ImplicitLocOpBuilder &kb, Value acc, Value w, Value xs, bool vnni) {
  int64_t lanes = cast<VectorType>(w.getType()).getNumElements();
  if (vnni) {
    std::string name = "llvm.x86.avx512.vpdpbusd." + std::to_string(lanes * 8);
    return LLVM::CallIntrinsicOp::create(kb, acc.getType(), kb.getStringAttr(name),
                                         ValueRange{acc, w, xs})
        .getResult(0);
  }
  auto wide = VectorType::get({lanes}, kb.getI32Type());
  Value products = arith::MulIOp::create(kb, arith::ExtUIOp::create(kb, wide, w),
                                         arith::ExtSIOp::create(kb, wide, xs));
  Value quads = vector::ShapeCastOp::create(
      kb, VectorType::get({lanes / 4, 4}, kb.getI32Type()), products);
  return vector::MultiDimReductionOp::create(kb, quads, acc, ArrayRef<bool>{false, true},
                                             vector::CombiningKind::ADD);
}

class KernelEmitter {
public:
  KernelEmitter(ImplicitLocOpBuilder &b, const KernelShape &shape, Value x, Value codes,
                Value scales, Value zeros, Value bias, Value inputScale)
      : b(b), s(shape), x(x), codes(codes), scales(scales), zeros(zeros), bias(bias),
        inputScale(inputScale) {
    f32 = VectorType::get({s.int8 ? s.lanes / 4 : s.lanes}, b.getF32Type());
    i32 = VectorType::get({s.int8 ? s.lanes / 4 : s.lanes}, b.getI32Type());
    zero = splat(b, f32, b.getF32FloatAttr(0));
  }

  /// y = x * W^T as a [M, N] tensor.
  Value emit() {
    if (s.int8)
      xq = quantizeActivations(b, x, s, inputScale);
    Value init = tensor::EmptyOp::create(b, ArrayRef<int64_t>{s.rows, s.n}, b.getF32Type());
    int64_t tasks = s.n / s.taskRows;
    auto forall = scf::ForallOp::create(b, ArrayRef<OpFoldResult>{b.getIndexAttr(tasks)},
                                        ValueRange{init}, std::nullopt);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(forall.getTerminator());
    Value task = forall.getInductionVars()[0];
    Value rowBase = arith::MulIOp::create(b, task, cIndex(b, s.taskRows));
    SmallVector<OpFoldResult> offsets = {b.getIndexAttr(0), rowBase};
    SmallVector<OpFoldResult> sizes = {b.getIndexAttr(s.rows), b.getIndexAttr(s.taskRows)};
    SmallVector<OpFoldResult> strides = {b.getIndexAttr(1), b.getIndexAttr(1)};
    Value block = tensor::ExtractSliceOp::create(b, forall.getRegionIterArgs()[0], offsets,
                                                 sizes, strides);
    auto rowLoop = scf::ForOp::create(
        b, cIndex(b, 0), cIndex(b, s.taskRows), cIndex(b, s.rowsInFlight), ValueRange{block},
        [&](OpBuilder &nb, Location loc, Value rowInTask, ValueRange args) {
          ImplicitLocOpBuilder ib(loc, nb);
          Value row = arith::AddIOp::create(ib, rowBase, rowInTask);
          Value out = emitRowBlock(ib, row, rowInTask, args[0]);
          scf::YieldOp::create(ib, out);
        });
    b.setInsertionPointToStart(forall.getTerminator().getBody());
    tensor::ParallelInsertSliceOp::create(b, rowLoop.getResult(0), forall.getRegionIterArgs()[0],
                                          offsets, sizes, strides);
    return forall.getResult(0);
  }

private:
  /// The R rows from `row` (column `column` of the task's block `out`), for
  /// every activation row: whole MR-row passes, then the remaining rows.
  Value emitRowBlock(ImplicitLocOpBuilder &ib, Value row, Value column, Value out) {
    int64_t full = s.rows / s.activationRows * s.activationRows;
    if (full > 0)
      out = emitActivationLoop(ib, row, column, out, 0, full, s.activationRows);
    if (full < s.rows)
      out = emitActivationLoop(ib, row, column, out, full, s.rows, s.rows - full);
    return out;
  }

  Value emitActivationLoop(ImplicitLocOpBuilder &ib, Value row, Value column, Value out,
                           int64_t begin, int64_t end, int64_t mr) {
    auto loop = scf::ForOp::create(
        ib, cIndex(ib, begin), cIndex(ib, end), cIndex(ib, mr), ValueRange{out},
        [&](OpBuilder &nb, Location loc, Value m0, ValueRange args) {
          ImplicitLocOpBuilder lb(loc, nb);
          SmallVector<Value> results = emitDots(lb, row, m0, mr);
          Value tile = args[0];
          for (int64_t m = 0; m < mr; ++m) {
            Value at = arith::AddIOp::create(lb, m0, cIndex(lb, m));
            tile = vector::TransferWriteOp::create(lb, results[m], tile, ValueRange{at, column},
                                                   ArrayRef<bool>{true})
                       .getResult();
          }
          scf::YieldOp::create(lb, tile);
        });
    return loop.getResult(0);
  }

  /// For activation rows m0 .. m0 + mr - 1, a vector<R> per row: the R
  /// outputs from `row` on. Sums are scaled once per block of K: with float
  /// activations a group, `acc += s * sum x * (q - z)`; with int8
  /// activations an activation block, `acc += s * xs * sum xq * q`, and the
  /// zero points' share is subtracted at the end (zeroPointTerm).
  SmallVector<Value> emitDots(ImplicitLocOpBuilder &lb, Value row, Value m0, int64_t mr) {
    int64_t r = s.rowsInFlight;
    SmallVector<Value> rows, activationRows;
    for (int64_t i = 0; i < r; ++i)
      rows.push_back(arith::AddIOp::create(lb, row, cIndex(lb, i)));
    for (int64_t m = 0; m < mr; ++m)
      activationRows.push_back(arith::AddIOp::create(lb, m0, cIndex(lb, m)));

    SmallVector<Value> init(mr * r, zero);
    Value blocksPerGroup = cIndex(lb, s.group / s.block);
    auto blockLoop = scf::ForOp::create(
        lb, cIndex(lb, 0), cIndex(lb, s.k / s.block), cIndex(lb, 1), init,
        [&](OpBuilder &nb, Location loc, Value blk, ValueRange accs) {
          ImplicitLocOpBuilder gb(loc, nb);
          Value g = s.block == s.group ? blk : arith::DivUIOp::create(gb, blk, blocksPerGroup);
          // Float activations subtract the zero points from the codes; int8
          // activations subtract their share after the loop.
          SmallVector<Value> rowZeros;
          for (Value n : s.int8 ? ArrayRef<Value>() : ArrayRef<Value>(rows)) {
            Value z = tensor::ExtractOp::create(gb, zeros, ValueRange{n, g});
            if (s.floatZeros)
              rowZeros.push_back(vector::BroadcastOp::create(gb, f32, z));
            else
              rowZeros.push_back(vector::BroadcastOp::create(
                  gb, i32, arith::ExtUIOp::create(gb, gb.getI32Type(), z)));
          }
          Value blockStart = arith::MulIOp::create(gb, blk, cIndex(gb, s.block));
          Value sumZero = s.int8 ? splat(gb, i32, gb.getI32IntegerAttr(0)) : zero;
          SmallVector<Value> blockInit(mr * r, sumZero);
          int64_t chunk = s.perByte * s.lanes;
          auto chunkLoop = scf::ForOp::create(
              gb, cIndex(gb, 0), cIndex(gb, s.block), cIndex(gb, chunk), blockInit,
              [&](OpBuilder &cb, Location cloc, Value offset, ValueRange sums) {
                ImplicitLocOpBuilder kb(cloc, cb);
                Value k = arith::AddIOp::create(kb, blockStart, offset);
                SmallVector<Value> next =
                    s.int8 ? emitChunkInt8(kb, rows, activationRows, k, sums)
                           : emitChunk(kb, rows, activationRows, rowZeros, k, sums);
                scf::YieldOp::create(kb, next);
              });
          SmallVector<Value> rowScales;
          for (Value n : rows)
            rowScales.push_back(tensor::ExtractOp::create(gb, scales, ValueRange{n, g}));
          SmallVector<Value> out(mr * r);
          for (int64_t m = 0; m < mr; ++m) {
            Value xs;
            if (s.int8)
              xs = tensor::ExtractOp::create(gb, xq.scales, ValueRange{activationRows[m], blk});
            for (int64_t i = 0; i < r; ++i) {
              int64_t at = m * r + i;
              Value sum = chunkLoop.getResult(at);
              Value scale = rowScales[i];
              if (s.int8) {
                scale = arith::MulFOp::create(gb, scale, xs);
                sum = arith::SIToFPOp::create(gb, f32, sum);
              }
              out[at] = vector::FMAOp::create(gb, sum, vector::BroadcastOp::create(gb, f32, scale),
                                              accs[at]);
            }
          }
          scf::YieldOp::create(gb, out);
        });

    SmallVector<Value> biases;
    if (bias)
      for (Value n : rows)
        biases.push_back(tensor::ExtractOp::create(lb, bias, ValueRange{n}));
    SmallVector<Value> results;
    for (int64_t m = 0; m < mr; ++m) {
      SmallVector<Value> sums;
      for (int64_t i = 0; i < r; ++i) {
        Value sum = vector::ReductionOp::create(lb, vector::CombiningKind::ADD,
                                                blockLoop.getResult(m * r + i));
        if (s.int8)
          sum = arith::SubFOp::create(lb, sum,
                                      zeroPointTerm(lb, rows[i], activationRows[m]));
        if (bias)
          sum = arith::AddFOp::create(lb, sum, biases[i]);
        sums.push_back(sum);
      }
      results.push_back(
          vector::FromElementsOp::create(lb, VectorType::get({r}, lb.getF32Type()), sums));
    }
    return results;
  }

  /// The L code bytes of the chunk at column `k` of row `rows[i]`: with R > 1
  /// rows in flight, R rows are stored chunk by chunk (`tile = [R, c * L]`,
  /// storage [N / R, K / (c * L), R * L]), otherwise row by row ([N, K / c]).
  Value readCodes(ImplicitLocOpBuilder &kb, VectorType bytesType, ArrayRef<Value> rows,
                  int64_t i, Value k) {
    SmallVector<Value> indices;
    int64_t chunk = s.perByte * s.lanes;
    if (s.rowsInFlight > 1)
      indices = {arith::DivUIOp::create(kb, rows[0], cIndex(kb, s.rowsInFlight)),
                 arith::DivUIOp::create(kb, k, cIndex(kb, chunk)), cIndex(kb, i * s.lanes)};
    else
      indices = {rows[i], s.perByte == 1 ? k : arith::DivUIOp::create(kb, k, cIndex(kb, s.perByte))};
    return vector::TransferReadOp::create(kb, bytesType, codes, indices,
                                          /*padding=*/std::nullopt, ArrayRef<bool>{true});
  }

  /// int8 activations: `sum_g s[n, g] * z[n, g] * sums[m, g]`, the zero
  /// points' share of output (m, n), as one dot product along the groups
  /// (vectors of up to 16 groups).
  Value zeroPointTerm(ImplicitLocOpBuilder &lb, Value n, Value m) {
    int64_t groups = s.k / s.group, width = 16;
    while (groups % width != 0)
      width /= 2;
    auto vf = VectorType::get({width}, lb.getF32Type());
    Type zeroElement = cast<ShapedType>(zeros.getType()).getElementType();
    auto read = [&](ImplicitLocOpBuilder &rb, Value tensor, Value row, Value g, Type element) {
      return vector::TransferReadOp::create(rb, VectorType::get({width}, element), tensor,
                                            ValueRange{row, g}, /*padding=*/std::nullopt,
                                            ArrayRef<bool>{true})
          .getResult();
    };
    auto loop = scf::ForOp::create(
        lb, cIndex(lb, 0), cIndex(lb, groups), cIndex(lb, width),
        ValueRange{splat(lb, vf, lb.getF32FloatAttr(0))},
        [&](OpBuilder &nb, Location loc, Value g, ValueRange acc) {
          ImplicitLocOpBuilder rb(loc, nb);
          Value z = read(rb, zeros, n, g, zeroElement);
          if (!s.floatZeros)
            z = arith::UIToFPOp::create(rb, vf, z);
          Value sz = arith::MulFOp::create(rb, read(rb, scales, n, g, rb.getF32Type()), z);
          Value next = vector::FMAOp::create(rb, sz, read(rb, xq.sums, m, g, rb.getF32Type()),
                                             acc[0]);
          scf::YieldOp::create(rb, next);
        });
    return vector::ReductionOp::create(lb, vector::CombiningKind::ADD, loop.getResult(0));
  }

  /// One chunk of c * L codes at column `k` of each row in flight, against
  /// the same columns of each activation row.
  SmallVector<Value> emitChunk(ImplicitLocOpBuilder &kb, ArrayRef<Value> rows,
                               ArrayRef<Value> activationRows, ArrayRef<Value> rowZeros, Value k,
                               ValueRange sums) {
    int64_t r = rows.size();
    auto bytesType = VectorType::get({s.lanes}, kb.getI8Type());
    Value mask = splat(kb, i32, kb.getI32IntegerAttr((1 << s.bits) - 1));
    // weights[i][t]: codes i of the chunk's t-th run of L, as exact floats.
    SmallVector<SmallVector<Value>> weights(r);
    for (int64_t i = 0; i < r; ++i) {
      Value bytes = readCodes(kb, bytesType, rows, i, k);
      Value wide = arith::ExtUIOp::create(kb, i32, bytes);
      for (int64_t t = 0; t < s.perByte; ++t) {
        Value q = wide;
        if (t > 0)
          q = arith::ShRUIOp::create(
              kb, q, splat(kb, i32, kb.getI32IntegerAttr(static_cast<int32_t>(t * s.bits))));
        if (s.perByte > 1)
          q = arith::AndIOp::create(kb, q, mask);
        Value w;
        if (s.floatZeros)
          w = arith::SubFOp::create(kb, arith::UIToFPOp::create(kb, f32, q), rowZeros[i]);
        else
          w = arith::SIToFPOp::create(kb, f32, arith::SubIOp::create(kb, q, rowZeros[i]));
        weights[i].push_back(w);
      }
    }
    return accumulate(kb, activationRows, k, x, f32, weights, sums,
                      [&](Value xs, Value w, Value acc) -> Value {
                        return vector::FMAOp::create(kb, xs, w, acc);
                      });
  }

  /// For every activation row and run t, the L activations at column
  /// `k + t * L` of `activations` (vectors of `type`) meet `weights[i][t]` of
  /// every row in flight: `sums[m * R + i] = combine(xs, w, sums[m * R + i])`.
  SmallVector<Value> accumulate(ImplicitLocOpBuilder &kb, ArrayRef<Value> activationRows, Value k,
                                Value activations, VectorType type,
                                ArrayRef<SmallVector<Value>> weights, ValueRange sums,
                                function_ref<Value(Value, Value, Value)> combine) {
    int64_t r = weights.size();
    SmallVector<Value> next(sums.begin(), sums.end());
    for (auto [m, activationRow] : llvm::enumerate(activationRows))
      for (int64_t t = 0; t < s.perByte; ++t) {
        Value column = t == 0 ? k : arith::AddIOp::create(kb, k, cIndex(kb, t * s.lanes));
        Value xs = vector::TransferReadOp::create(kb, type, activations,
                                                  ValueRange{activationRow, column},
                                                  /*padding=*/std::nullopt, ArrayRef<bool>{true});
        for (int64_t i = 0; i < r; ++i)
          next[m * r + i] = combine(xs, weights[i][t], next[m * r + i]);
      }
    return next;
  }

  /// The int8 chunk: c runs of L code bytes per row in flight (shift and
  /// mask on bytes), each against L int8 activations: lane j of the i32
  /// sum gathers the products of bytes 4j .. 4j + 3.
  SmallVector<Value> emitChunkInt8(ImplicitLocOpBuilder &kb, ArrayRef<Value> rows,
                                   ArrayRef<Value> activationRows, Value k, ValueRange sums) {
    int64_t r = rows.size();
    auto bytesType = VectorType::get({s.lanes}, kb.getI8Type());
    Value mask = splat(kb, bytesType, kb.getI8IntegerAttr(static_cast<int8_t>((1 << s.bits) - 1)));
    SmallVector<SmallVector<Value>> weights(r);
    for (int64_t i = 0; i < r; ++i) {
      Value bytes = readCodes(kb, bytesType, rows, i, k);
      for (int64_t t = 0; t < s.perByte; ++t) {
        Value q = bytes;
        if (t > 0)
          q = arith::ShRUIOp::create(
              kb, q,
              splat(kb, bytesType, kb.getI8IntegerAttr(static_cast<int8_t>(t * s.bits))));
        if (s.perByte > 1 && t + 1 < s.perByte)
          q = arith::AndIOp::create(kb, q, mask);
        weights[i].push_back(q);
      }
    }
    return accumulate(kb, activationRows, k, xq.codes, bytesType, weights, sums,
                      [&](Value xs, Value w, Value acc) { return dotBytes(kb, acc, w, xs, s.vnni); });
  }

  ImplicitLocOpBuilder &b;
  const KernelShape &s;
  Value x, codes, scales, zeros, bias, inputScale;
  QuantizedActivations xq;
  VectorType f32, i32;
  Value zero;
};

/// Static shape of one panel kernel instance.
struct PanelShape {
  int64_t rows, n, k;      // M, N, K
  unsigned bits;           // 2, 4 or 8
  int64_t perByte;         // codes per byte, c = 8 / bits
  int64_t lanes;           // L: f32 lanes, weight rows per strip
  int64_t group;           // G, columns sharing a scale
  int64_t kBlock;          // KC: columns of K per panel
  int64_t segment;         // columns of a panel sharing one scale: min(G, KC)
  int64_t panelRows;       // NC: weight rows per task, the panel's width
  int64_t rowBlock;        // MB: activation rows per task
  int64_t tileRows;        // MR: activation rows per register tile
  int64_t tileCols;        // NR: weight rows per register tile (a multiple of L)
  bool floatZeros;
  bool vnni;               // int8 activations: vpdpbusd at L * 32 bits
};

/// The thread tasks of a panel kernel: an `scf.forall` over (row block,
/// NC weight rows) pairs whose tasks each write a `[MB, NC]` block of the
/// `[M, N]` output. `begin` leaves the builder inside the forall, `finish`
/// after it.
struct PanelTasks {
  static int64_t count(const PanelShape &s) {
    return (s.n / s.panelRows) * (s.rows / s.rowBlock);
  }

  /// A buffer of the function holding `shape` per task: planned into the
  /// workspace like every other buffer, not allocated per task or run.
  static Value scratch(ImplicitLocOpBuilder &b, const PanelShape &s, ArrayRef<int64_t> shape) {
    SmallVector<int64_t> full = {count(s)};
    llvm::append_range(full, shape);
    return memref::AllocOp::create(b, MemRefType::get(full, b.getF32Type()),
                                   b.getI64IntegerAttr(64));
  }

  void begin(ImplicitLocOpBuilder &b, const PanelShape &s) {
    Value out = tensor::EmptyOp::create(b, ArrayRef<int64_t>{s.rows, s.n}, b.getF32Type());
    forall = scf::ForallOp::create(b, ArrayRef<OpFoldResult>{b.getIndexAttr(count(s))},
                                   ValueRange{out}, std::nullopt);
    b.setInsertionPoint(forall.getTerminator());
    task = forall.getInductionVars()[0];
    Value nTasks = cIndex(b, s.n / s.panelRows);
    row0 = arith::MulIOp::create(b, arith::DivUIOp::create(b, task, nTasks),
                                 cIndex(b, s.rowBlock));
    col0 = arith::MulIOp::create(b, arith::RemUIOp::create(b, task, nTasks),
                                 cIndex(b, s.panelRows));
    offsets = {row0, col0};
    sizes = {b.getIndexAttr(s.rowBlock), b.getIndexAttr(s.panelRows)};
    block = tensor::ExtractSliceOp::create(b, forall.getRegionIterArgs()[0], offsets, sizes,
                                           unit(b, 2));
  }

  /// This task's `shape` slice of `buffer` (from `scratch`), as a tensor
  /// the task alone writes.
  Value view(ImplicitLocOpBuilder &b, Value buffer, ArrayRef<int64_t> shape) {
    int64_t rank = shape.size();
    SmallVector<OpFoldResult> at = {task}, extent = {b.getIndexAttr(1)};
    SmallVector<int64_t> strides(rank, 1);
    for (int64_t d = rank - 2; d >= 0; --d)
      strides[d] = strides[d + 1] * shape[d + 1];
    for (int64_t size : shape) {
      at.push_back(b.getIndexAttr(0));
      extent.push_back(b.getIndexAttr(size));
    }
    auto viewType = MemRefType::get(
        shape, b.getF32Type(),
        StridedLayoutAttr::get(b.getContext(), ShapedType::kDynamic, strides));
    Value sub = memref::SubViewOp::create(b, viewType, buffer, at, extent, unit(b, rank + 1));
    return bufferization::ToTensorOp::create(b, RankedTensorType::get(shape, b.getF32Type()),
                                             sub, /*restrict=*/true, /*writable=*/true);
  }

  /// The output, once the task's block is `result`.
  Value finish(ImplicitLocOpBuilder &b, Value result) {
    b.setInsertionPointToStart(forall.getTerminator().getBody());
    tensor::ParallelInsertSliceOp::create(b, result, forall.getRegionIterArgs()[0], offsets,
                                          sizes, unit(b, 2));
    b.setInsertionPointAfter(forall);
    return forall.getResult(0);
  }

  static SmallVector<OpFoldResult> unit(ImplicitLocOpBuilder &b, int64_t rank) {
    return SmallVector<OpFoldResult>(rank, b.getIndexAttr(1));
  }

  scf::ForallOp forall;
  Value task, row0, col0, block;
  SmallVector<OpFoldResult> offsets, sizes;
};

/// The register tiles of a task's block: NR weight rows at a time (outer),
/// MR activation rows at a time (inner), then the remaining rows as one
/// smaller tile; `tiles(builder, block, n0, begin, end, mr)` emits the
/// loop over rows `begin` to `end` in steps of `mr`.
Value forEachTile(ImplicitLocOpBuilder &b, const PanelShape &s, Value block,
                  function_ref<Value(ImplicitLocOpBuilder &, Value, Value, int64_t, int64_t,
                                     int64_t)>
                      tiles) {
  auto colLoop = scf::ForOp::create(
      b, cIndex(b, 0), cIndex(b, s.panelRows), cIndex(b, s.tileCols), ValueRange{block},
      [&](OpBuilder &nb, Location loc, Value n0, ValueRange args) {
        ImplicitLocOpBuilder lb(loc, nb);
        int64_t full = s.rowBlock / s.tileRows * s.tileRows;
        Value out = args[0];
        if (full > 0)
          out = tiles(lb, out, n0, 0, full, s.tileRows);
        if (full < s.rowBlock)
          out = tiles(lb, out, n0, full, s.rowBlock, s.rowBlock - full);
        scf::YieldOp::create(lb, out);
      });
  return colLoop.getResult(0);
}

/// `out` with the register tile `values` (row-major, a vector per row and
/// column vector) written at `rows` x `columns`.
Value writeTile(ImplicitLocOpBuilder &b, Value out, ValueRange values, ArrayRef<Value> rows,
                ArrayRef<Value> columns) {
  for (auto [i, row] : llvm::enumerate(rows))
    for (auto [j, column] : llvm::enumerate(columns))
      out = vector::TransferWriteOp::create(b, values[i * columns.size() + j], out,
                                            ValueRange{row, column}, ArrayRef<bool>{true})
                .getResult();
  return out;
}

/// `lanes` consecutive rows of column `g` of `[N, K / G]` scales or zero
/// points (a strided read down the column).
Value readColumn(ImplicitLocOpBuilder &b, Value tensor, Value n, Value g, int64_t lanes) {
  Type element = cast<ShapedType>(tensor.getType()).getElementType();
  AffineMap column = AffineMap::get(2, 0, {b.getAffineDimExpr(0)}, b.getContext());
  return vector::TransferReadOp::create(b, VectorType::get({lanes}, element), tensor,
                                        ValueRange{n, g}, /*padding=*/std::nullopt, column,
                                        ArrayRef<bool>{true});
}

/// The panel kernel: float activations, more rows than the row kernel
/// takes (prefill). Each task owns NC weight rows and MB activation rows;
/// per block of KC columns it dequantizes its weight rows into a panel
/// `[KC, NC]` (f32, K-major: the layout's strips of L rows give vectors
/// across rows directly), which stays in L2 while every MR x NR register
/// tile of the task's outputs runs over it (per column of the block, NR / L
/// panel loads, MR broadcast activations and MR * NR / L FMAs). The
/// dequantized values are the reference lowering's, `(q - z) * s`, so the
/// result is the reference's up to float summation order.
class PanelEmitter {
public:
  /// With a `table` (a lookup-table weight) the dequantized value is
  /// `table[q] * s` instead of `(q - z) * s`; `zeros` is then unused.
  PanelEmitter(ImplicitLocOpBuilder &b, const PanelShape &shape, Value x, Value codes,
               Value scales, Value zeros, Value bias, Value table = {})
      : b(b), s(shape), x(x), codes(codes), scales(scales), zeros(zeros), bias(bias),
        table(table) {
    f32 = VectorType::get({s.lanes}, b.getF32Type());
    i32 = VectorType::get({s.lanes}, b.getI32Type());
  }

  /// y = x * W^T as a [M, N] tensor.
  Value emit() {
    Value panels = PanelTasks::scratch(b, s, {s.kBlock, s.panelRows});
    PanelTasks tasks;
    tasks.begin(b, s);
    Value panel = tasks.view(b, panels, {s.kBlock, s.panelRows});
    Value row0 = tasks.row0, col0 = tasks.col0;
    // The first block of K starts the sums (at zero or the bias); the
    // others add to them.
    panel = emitDequantize(b, panel, col0, cIndex(b, 0));
    Value block = emitProducts(b, tasks.block, panel, row0, col0, cIndex(b, 0), /*first=*/true);
    if (s.k > s.kBlock) {
      auto loop = scf::ForOp::create(
          b, cIndex(b, s.kBlock), cIndex(b, s.k), cIndex(b, s.kBlock), ValueRange{block, panel},
          [&](OpBuilder &nb, Location loc, Value k0, ValueRange args) {
            ImplicitLocOpBuilder lb(loc, nb);
            Value next = emitDequantize(lb, args[1], col0, k0);
            Value sums = emitProducts(lb, args[0], next, row0, col0, k0, /*first=*/false);
            scf::YieldOp::create(lb, ValueRange{sums, next});
          });
      block = loop.getResult(0);
    }
    return tasks.finish(b, block);
  }

private:
  /// `[KC, NC]` panel of the weight rows from `col0`, columns from `k0`:
  /// per strip of L rows and run of `segment` columns one scale and zero
  /// point vector (read down the column of `[N, K / G]`), then per byte
  /// column one load of L bytes and `c` shift-and-masks.
  Value emitDequantize(ImplicitLocOpBuilder &ib, Value panel, Value col0, Value k0) {
    Value mask = splat(ib, i32, ib.getI32IntegerAttr((1 << s.bits) - 1));
    auto bytesType = VectorType::get({s.lanes}, ib.getI8Type());
    auto stripLoop = scf::ForOp::create(
        ib, cIndex(ib, 0), cIndex(ib, s.panelRows), cIndex(ib, s.lanes), ValueRange{panel},
        [&](OpBuilder &nb, Location loc, Value nn, ValueRange stripArgs) {
          ImplicitLocOpBuilder sb(loc, nb);
          Value n = arith::AddIOp::create(sb, col0, nn);
          Value strip = arith::DivUIOp::create(sb, n, cIndex(sb, s.lanes));
          auto segmentLoop = scf::ForOp::create(
              sb, cIndex(sb, 0), cIndex(sb, s.kBlock), cIndex(sb, s.segment), stripArgs,
              [&](OpBuilder &gb, Location gloc, Value seg, ValueRange segArgs) {
                ImplicitLocOpBuilder rb(gloc, gb);
                Value kseg = arith::AddIOp::create(rb, k0, seg);
                Value g = arith::DivUIOp::create(rb, kseg, cIndex(rb, s.group));
                Value z;
                if (!table) {
                  z = readColumn(rb, zeros, n, g, s.lanes);
                  if (!s.floatZeros)
                    z = arith::ExtUIOp::create(rb, i32, z);
                }
                Value scale = readColumn(rb, scales, n, g, s.lanes);
                auto byteLoop = scf::ForOp::create(
                    rb, cIndex(rb, 0), cIndex(rb, s.segment), cIndex(rb, s.perByte), segArgs,
                    [&](OpBuilder &cb, Location cloc, Value kk, ValueRange args) {
                      ImplicitLocOpBuilder kb(cloc, cb);
                      Value k = arith::AddIOp::create(kb, kseg, kk);
                      Value byteColumn = s.perByte == 1
                                             ? k
                                             : arith::DivUIOp::create(kb, k, cIndex(kb, s.perByte))
                                                   .getResult();
                      Value bytes = vector::TransferReadOp::create(
                          kb, bytesType, codes, ValueRange{strip, byteColumn, cIndex(kb, 0)},
                          /*padding=*/std::nullopt, ArrayRef<bool>{true});
                      Value wide = arith::ExtUIOp::create(kb, i32, bytes);
                      Value at = arith::AddIOp::create(kb, seg, kk);
                      Value result = args[0];
                      for (int64_t t = 0; t < s.perByte; ++t) {
                        Value q = wide;
                        if (t > 0)
                          q = arith::ShRUIOp::create(
                              kb, q,
                              splat(kb, i32,
                                    kb.getI32IntegerAttr(static_cast<int32_t>(t * s.bits))));
                        if (s.perByte > 1)
                          q = arith::AndIOp::create(kb, q, mask);
                        Value w;
                        if (table)
                          w = vector::GatherOp::create(
                              kb, f32, table, ValueRange{cIndex(kb, 0)}, q,
                              splat(kb, VectorType::get({s.lanes}, kb.getI1Type()),
                                    kb.getBoolAttr(true)),
                              splat(kb, f32, kb.getF32FloatAttr(0)));
                        else if (s.floatZeros)
                          w = arith::SubFOp::create(kb, arith::UIToFPOp::create(kb, f32, q), z);
                        else
                          w = arith::SIToFPOp::create(kb, f32, arith::SubIOp::create(kb, q, z));
                        w = arith::MulFOp::create(kb, w, scale);
                        Value row = t == 0 ? at : arith::AddIOp::create(kb, at, cIndex(kb, t));
                        result = vector::TransferWriteOp::create(kb, w, result,
                                                                 ValueRange{row, nn},
                                                                 ArrayRef<bool>{true})
                                     .getResult();
                      }
                      scf::YieldOp::create(kb, result);
                    });
                scf::YieldOp::create(rb, byteLoop.getResults());
              });
          scf::YieldOp::create(sb, segmentLoop.getResults());
        });
    return stripLoop.getResult(0);
  }

  /// The task's outputs `block` [MB, NC] after the panel's KC columns from
  /// `k0`: register tiles of NR weight rows (outer, so that their slice of
  /// the panel stays in L1) by MR activation rows (inner).
  Value emitProducts(ImplicitLocOpBuilder &ib, Value block, Value panel, Value row0, Value col0,
                     Value k0, bool first) {
    return forEachTile(ib, s, block,
                       [&](ImplicitLocOpBuilder &lb, Value tile, Value n0, int64_t begin,
                           int64_t end, int64_t mr) {
                         return emitTiles(lb, tile, panel, row0, col0, n0, k0, begin, end, mr,
                                          first);
                       });
  }

  /// Register tiles of `mr` activation rows, rows `begin` to `end` of the
  /// task, weight rows `n0 .. n0 + NR - 1` of the panel.
  Value emitTiles(ImplicitLocOpBuilder &ib, Value block, Value panel, Value row0, Value col0,
                  Value n0, Value k0, int64_t begin, int64_t end, int64_t mr, bool first) {
    int64_t vectors = s.tileCols / s.lanes;
    auto loop = scf::ForOp::create(
        ib, cIndex(ib, begin), cIndex(ib, end), cIndex(ib, mr), ValueRange{block},
        [&](OpBuilder &nb, Location loc, Value m0, ValueRange args) {
          ImplicitLocOpBuilder lb(loc, nb);
          SmallVector<Value> rows, columns;
          for (int64_t i = 0; i < mr; ++i)
            rows.push_back(arith::AddIOp::create(lb, m0, cIndex(lb, i)));
          for (int64_t j = 0; j < vectors; ++j)
            columns.push_back(arith::AddIOp::create(lb, n0, cIndex(lb, j * s.lanes)));
          SmallVector<Value> init;
          for (int64_t i = 0; i < mr; ++i)
            for (int64_t j = 0; j < vectors; ++j) {
              if (!first)
                init.push_back(vector::TransferReadOp::create(
                    lb, f32, args[0], ValueRange{rows[i], columns[j]},
                    /*padding=*/std::nullopt, ArrayRef<bool>{true}));
              else if (bias)
                init.push_back(vector::TransferReadOp::create(
                    lb, f32, bias, ValueRange{arith::AddIOp::create(lb, col0, columns[j])},
                    /*padding=*/std::nullopt, ArrayRef<bool>{true}));
              else
                init.push_back(splat(lb, f32, lb.getF32FloatAttr(0)));
            }
          SmallVector<Value> xRows;
          for (int64_t i = 0; i < mr; ++i)
            xRows.push_back(arith::AddIOp::create(lb, row0, rows[i]));
          auto kLoop = scf::ForOp::create(
              lb, cIndex(lb, 0), cIndex(lb, s.kBlock), cIndex(lb, 1), init,
              [&](OpBuilder &kbuilder, Location kloc, Value kk, ValueRange accs) {
                ImplicitLocOpBuilder kb(kloc, kbuilder);
                Value k = arith::AddIOp::create(kb, k0, kk);
                SmallVector<Value> weights;
                for (int64_t j = 0; j < vectors; ++j)
                  weights.push_back(vector::TransferReadOp::create(
                      kb, f32, panel, ValueRange{kk, columns[j]}, /*padding=*/std::nullopt,
                      ArrayRef<bool>{true}));
                SmallVector<Value> next;
                for (int64_t i = 0; i < mr; ++i) {
                  Value a = vector::BroadcastOp::create(
                      kb, f32, tensor::ExtractOp::create(kb, x, ValueRange{xRows[i], k}));
                  for (int64_t j = 0; j < vectors; ++j)
                    next.push_back(vector::FMAOp::create(kb, a, weights[j], accs[i * vectors + j]));
                }
                scf::YieldOp::create(kb, next);
              });
          scf::YieldOp::create(lb, writeTile(lb, args[0], kLoop.getResults(), rows, columns));
        });
    return loop.getResult(0);
  }

  ImplicitLocOpBuilder &b;
  const PanelShape &s;
  Value x, codes, scales, zeros, bias, table;
  VectorType f32, i32;
};

/// The panel kernel with int8 activations (more rows than the row kernel
/// takes). The activations are quantized per row and block of B columns
/// as for the row kernel; the codes need no panel: the layout's strips give,
/// per load of 4L bytes and shift-and-mask, vectors of four codes per
/// weight row that meet a broadcast dword of four activation bytes in one
/// `vpdpbusd`. A register tile of MR activation rows by NR weight rows keeps
/// int32 sums per block and float sums per output:
///
///   acc[m, n] += s[n, g] * xs[m, b] * sum_{k in b} xq[m, k] * q[n, k]
///   acc[m, n] -= s[n, g] * z[n, g] * sums[m, g]      (once per group)
///
/// Each task first writes its rows' scales and `s * z` per group into a
/// small table (`[2, K / G, NC]`, in the workspace), read as whole vectors
/// by every tile.
class Int8PanelEmitter {
public:
  Int8PanelEmitter(ImplicitLocOpBuilder &b, const PanelShape &shape, const KernelShape &kernel,
                   Value x, Value codes, Value scales, Value zeros, Value bias, Value inputScale)
      : b(b), s(shape), kernel(kernel), x(x), codes(codes), scales(scales), zeros(zeros),
        bias(bias), inputScale(inputScale) {
    f32 = VectorType::get({s.lanes}, b.getF32Type());
    i32 = VectorType::get({s.lanes}, b.getI32Type());
    bytes = VectorType::get({4 * s.lanes}, b.getI8Type());
  }

  /// y = x * W^T as a [M, N] tensor.
  Value emit() {
    xq = quantizeActivations(b, x, kernel, inputScale);
    int64_t groups = s.k / s.group;
    Value tables = PanelTasks::scratch(b, s, {2, groups, s.panelRows});
    PanelTasks tasks;
    tasks.begin(b, s);
    Value table = emitTable(tasks.view(b, tables, {2, groups, s.panelRows}), tasks.col0);
    Value block = forEachTile(b, s, tasks.block,
                              [&](ImplicitLocOpBuilder &lb, Value tile, Value n0, int64_t begin,
                                  int64_t end, int64_t mr) {
                                return emitTiles(lb, tile, table, tasks.row0, tasks.col0, n0,
                                                 begin, end, mr);
                              });
    return tasks.finish(b, block);
  }

private:
  /// table[0, g, n] = s[col0 + n, g], table[1, g, n] = s * z.
  Value emitTable(Value table, Value col0) {
    int64_t groups = s.k / s.group;
    auto loop = scf::ForOp::create(
        b, cIndex(b, 0), cIndex(b, s.panelRows), cIndex(b, s.lanes), ValueRange{table},
        [&](OpBuilder &nb, Location loc, Value nn, ValueRange stripArgs) {
          ImplicitLocOpBuilder sb(loc, nb);
          Value n = arith::AddIOp::create(sb, col0, nn);
          auto groupLoop = scf::ForOp::create(
              sb, cIndex(sb, 0), cIndex(sb, groups), cIndex(sb, 1), stripArgs,
              [&](OpBuilder &gb, Location gloc, Value g, ValueRange args) {
                ImplicitLocOpBuilder rb(gloc, gb);
                Value scale = readColumn(rb, scales, n, g, s.lanes);
                Value z = readColumn(rb, zeros, n, g, s.lanes);
                if (!s.floatZeros)
                  z = arith::UIToFPOp::create(rb, f32, z);
                Value t = vector::TransferWriteOp::create(rb, scale, args[0],
                                                          ValueRange{cIndex(rb, 0), g, nn},
                                                          ArrayRef<bool>{true})
                              .getResult();
                t = vector::TransferWriteOp::create(rb, arith::MulFOp::create(rb, scale, z), t,
                                                    ValueRange{cIndex(rb, 1), g, nn},
                                                    ArrayRef<bool>{true})
                        .getResult();
                scf::YieldOp::create(rb, t);
              });
          scf::YieldOp::create(sb, groupLoop.getResults());
        });
    return loop.getResult(0);
  }

  /// Register tiles of `mr` activation rows (rows `begin` to `end` of the
  /// task) by NR weight rows from `n0`.
  Value emitTiles(ImplicitLocOpBuilder &ib, Value block, Value table, Value row0, Value col0,
                  Value n0, int64_t begin, int64_t end, int64_t mr) {
    int64_t vectors = s.tileCols / s.lanes, groups = s.k / s.group;
    int64_t chunk = 4 * s.perByte, blocksPerGroup = s.group / kernel.block;
    auto loop = scf::ForOp::create(
        ib, cIndex(ib, begin), cIndex(ib, end), cIndex(ib, mr), ValueRange{block},
        [&](OpBuilder &nb, Location loc, Value m0, ValueRange args) {
          ImplicitLocOpBuilder lb(loc, nb);
          SmallVector<Value> rows, xRows, columns, strips;
          for (int64_t i = 0; i < mr; ++i) {
            rows.push_back(arith::AddIOp::create(lb, m0, cIndex(lb, i)));
            xRows.push_back(arith::AddIOp::create(lb, row0, rows.back()));
          }
          for (int64_t j = 0; j < vectors; ++j) {
            columns.push_back(arith::AddIOp::create(lb, n0, cIndex(lb, j * s.lanes)));
            strips.push_back(arith::DivUIOp::create(
                lb, arith::AddIOp::create(lb, col0, columns.back()), cIndex(lb, s.lanes)));
          }
          SmallVector<Value> init;
          for (int64_t i = 0; i < mr; ++i)
            for (int64_t j = 0; j < vectors; ++j)
              init.push_back(bias ? vector::TransferReadOp::create(
                                        lb, f32, bias,
                                        ValueRange{arith::AddIOp::create(lb, col0, columns[j])},
                                        /*padding=*/std::nullopt, ArrayRef<bool>{true})
                                        .getResult()
                                  : splat(lb, f32, lb.getF32FloatAttr(0)));
          auto groupLoop = scf::ForOp::create(
              lb, cIndex(lb, 0), cIndex(lb, groups), cIndex(lb, 1), init,
              [&](OpBuilder &gbuilder, Location gloc, Value g, ValueRange accs) {
                ImplicitLocOpBuilder gb(gloc, gbuilder);
                SmallVector<Value> groupScales, zeroTerms;
                for (int64_t j = 0; j < vectors; ++j) {
                  groupScales.push_back(vector::TransferReadOp::create(
                      gb, f32, table, ValueRange{cIndex(gb, 0), g, columns[j]},
                      /*padding=*/std::nullopt, ArrayRef<bool>{true}));
                  zeroTerms.push_back(vector::TransferReadOp::create(
                      gb, f32, table, ValueRange{cIndex(gb, 1), g, columns[j]},
                      /*padding=*/std::nullopt, ArrayRef<bool>{true}));
                }
                // The zero points' share: acc -= (s * z) * sums[m, g].
                SmallVector<Value> next;
                for (int64_t i = 0; i < mr; ++i) {
                  Value sum = arith::NegFOp::create(
                      gb, tensor::ExtractOp::create(gb, xq.sums, ValueRange{xRows[i], g}));
                  Value sums = vector::BroadcastOp::create(gb, f32, sum);
                  for (int64_t j = 0; j < vectors; ++j)
                    next.push_back(
                        vector::FMAOp::create(gb, sums, zeroTerms[j], accs[i * vectors + j]));
                }
                auto blockLoop = scf::ForOp::create(
                    gb, cIndex(gb, 0), cIndex(gb, blocksPerGroup), cIndex(gb, 1), next,
                    [&](OpBuilder &bbuilder, Location bloc, Value bi, ValueRange blockAccs) {
                      ImplicitLocOpBuilder kb(bloc, bbuilder);
                      Value blk = arith::AddIOp::create(
                          kb, arith::MulIOp::create(kb, g, cIndex(kb, blocksPerGroup)), bi);
                      Value k0 = arith::MulIOp::create(kb, blk, cIndex(kb, kernel.block));
                      SmallVector<Value> zerosI(mr * vectors,
                                                splat(kb, i32, kb.getI32IntegerAttr(0)));
                      auto kLoop = scf::ForOp::create(
                          kb, cIndex(kb, 0), cIndex(kb, kernel.block), cIndex(kb, chunk),
                          zerosI,
                          [&](OpBuilder &cbuilder, Location cloc, Value kk, ValueRange sums) {
                            ImplicitLocOpBuilder cb(cloc, cbuilder);
                            Value k = arith::AddIOp::create(cb, k0, kk);
                            scf::YieldOp::create(cb, emitChunk(cb, strips, xRows, k, sums));
                          });
                      SmallVector<Value> out;
                      for (int64_t i = 0; i < mr; ++i) {
                        Value xs = vector::BroadcastOp::create(
                            kb, f32, tensor::ExtractOp::create(kb, xq.scales,
                                                               ValueRange{xRows[i], blk}));
                        for (int64_t j = 0; j < vectors; ++j) {
                          int64_t at = i * vectors + j;
                          Value sum = arith::SIToFPOp::create(kb, f32, kLoop.getResult(at));
                          Value scale = arith::MulFOp::create(kb, groupScales[j], xs);
                          out.push_back(vector::FMAOp::create(kb, sum, scale, blockAccs[at]));
                        }
                      }
                      scf::YieldOp::create(kb, out);
                    });
                scf::YieldOp::create(gb, blockLoop.getResults());
              });
          scf::YieldOp::create(lb, writeTile(lb, args[0], groupLoop.getResults(), rows, columns));
        });
    return loop.getResult(0);
  }

  /// One chunk of 4c columns at `k`: per strip one load of 4L code bytes
  /// and c runs by shift and mask; per activation row and run one broadcast
  /// dword of four activation bytes and a `vpdpbusd` per strip.
  SmallVector<Value> emitChunk(ImplicitLocOpBuilder &cb, ArrayRef<Value> strips,
                               ArrayRef<Value> xRows, Value k, ValueRange sums) {
    int64_t vectors = strips.size();
    Value mask = splat(cb, bytes, cb.getI8IntegerAttr(static_cast<int8_t>((1 << s.bits) - 1)));
    Value chunkIndex = arith::DivUIOp::create(cb, k, cIndex(cb, 4 * s.perByte));
    SmallVector<SmallVector<Value>> weights(vectors);
    for (int64_t j = 0; j < vectors; ++j) {
      Value loaded = vector::TransferReadOp::create(
          cb, bytes, codes, ValueRange{strips[j], chunkIndex, cIndex(cb, 0)},
          /*padding=*/std::nullopt, ArrayRef<bool>{true});
      for (int64_t t = 0; t < s.perByte; ++t) {
        Value q = loaded;
        if (t > 0)
          q = arith::ShRUIOp::create(
              cb, q, splat(cb, bytes, cb.getI8IntegerAttr(static_cast<int8_t>(t * s.bits))));
        if (s.perByte > 1 && t + 1 < s.perByte)
          q = arith::AndIOp::create(cb, q, mask);
        weights[j].push_back(q);
      }
    }
    auto quad = VectorType::get({4}, cb.getI8Type());
    auto one = VectorType::get({1}, cb.getI32Type());
    SmallVector<Value> next(sums.begin(), sums.end());
    for (auto [i, row] : llvm::enumerate(xRows))
      for (int64_t t = 0; t < s.perByte; ++t) {
        Value column = t == 0 ? k : arith::AddIOp::create(cb, k, cIndex(cb, 4 * t));
        Value four = vector::TransferReadOp::create(cb, quad, xq.codes, ValueRange{row, column},
                                                    /*padding=*/std::nullopt,
                                                    ArrayRef<bool>{true});
        Value word = vector::ExtractOp::create(cb, vector::BitCastOp::create(cb, one, four),
                                               ArrayRef<int64_t>{0});
        Value activations =
            vector::BitCastOp::create(cb, bytes, vector::BroadcastOp::create(cb, i32, word));
        for (int64_t j = 0; j < vectors; ++j) {
          int64_t at = i * vectors + j;
          next[at] = dotBytes(cb, next[at], weights[j][t], activations, s.vnni);
        }
      }
    return next;
  }

  ImplicitLocOpBuilder &b;
  const PanelShape &s;
  const KernelShape &kernel;
  Value x, codes, scales, zeros, bias, inputScale;
  QuantizedActivations xq;
  VectorType f32, i32, bytes;
};

struct LowerUniformMatmul : OpRewritePattern<MatmulOp> {
  LowerUniformMatmul(MLIRContext *ctx, const x86::KernelOptions &options)
      : OpRewritePattern(ctx, /*benefit=*/2), options(options) {}

  LogicalResult matchAndRewrite(MatmulOp op, PatternRewriter &rewriter) const override {
    auto weight = op.getWeight().getDefiningOp<UniformOp>();
    if (!weight || !x86::takesKernel(op, this->options))
      return rewriter.notifyMatchFailure(op, "not a matmul the fused kernel takes");
    x86::KernelOptions options = x86::optionsFor(op, this->options);
    std::optional<x86::KernelLayout> layout = x86::kernelFormLayout(op, weight, options);
    if (!layout)
      return rewriter.notifyMatchFailure(op, "weight not in the kernel form");

    auto resultType = cast<RankedTensorType>(op.getType());
    KernelShape shape = baseShape(op, *layout, weight.getEncoding().getBits(),
                                  weight.getEncoding().getBlock()[1]);
    shape.floatZeros =
        cast<RankedTensorType>(weight.getZeroPoints().getType()).getElementType().isF32();
    shape.int8 = options.int8Activations;
    shape.vnni = options.vnni;
    shape.vectorBits = options.vectorBits;
    if (ActQuantAttr actQuant = op.getActQuantAttr())
      shape.actScale = op.getInputScale() ? KernelShape::ActScale::Static
                       : actQuant.getGranularity() == ActGranularity::PerToken
                           ? KernelShape::ActScale::PerRow
                           : KernelShape::ActScale::PerTensor;
    // An int8 activation block: the group, or for long groups the largest
    // whole number of chunks up to 256 columns dividing it.
    shape.block = shape.int8 ? x86::pickTile(shape.group, 256, shape.perByte * shape.lanes)
                             : shape.group;
    shape.activationRows = x86::activationRowsAtOnce(shape.rows);
    shape.rowsInFlight = layout->rowsInFlight;
    // About 32 tasks, so that two to a few dozen threads share them evenly.
    shape.taskRows = x86::pickTile(shape.n, std::max<int64_t>(shape.rowsInFlight, shape.n / 32),
                                 shape.rowsInFlight);

    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value x = asMatrix(b, op.getInput(), shape);
    Value y;
    if (layout->panel && shape.int8) {
      PanelShape panel = panelShape(shape, options);
      y = Int8PanelEmitter(b, panel, shape, x, weight.getCodes(), weight.getScales(),
                           weight.getZeroPoints(), op.getBias(), op.getInputScale())
              .emit();
    } else if (layout->panel) {
      PanelShape panel = panelShape(shape, options);
      y = PanelEmitter(b, panel, x, weight.getCodes(), weight.getScales(),
                       weight.getZeroPoints(), op.getBias())
              .emit();
    } else {
      y = KernelEmitter(b, shape, x, weight.getCodes(), weight.getScales(),
                        weight.getZeroPoints(), op.getBias(), op.getInputScale())
              .emit();
    }
    rewriter.replaceOp(op, asResult(b, y, resultType));
    if (weight->use_empty())
      rewriter.eraseOp(weight);
    return success();
  }

  /// The shape of the kernel for `op` with a weight of `bits`-bit codes in
  /// groups of `group` columns, laid out as `layout` says.
  static KernelShape baseShape(MatmulOp op, const x86::KernelLayout &layout, unsigned bits,
                               int64_t group) {
    KernelShape shape;
    shape.k = cast<RankedTensorType>(op.getInput().getType()).getShape().back();
    shape.rows = x86::activationRows(op);
    shape.n = cast<RankedTensorType>(op.getType()).getShape().back();
    shape.bits = bits;
    shape.perByte = 8 / bits;
    shape.lanes = layout.lanes;
    shape.group = group;
    return shape;
  }

  /// The input as the `[M, K]` matrix the kernels read.
  static Value asMatrix(ImplicitLocOpBuilder &b, Value x, const KernelShape &shape) {
    auto inputType = cast<RankedTensorType>(x.getType());
    auto matrixType = RankedTensorType::get({shape.rows, shape.k}, b.getF32Type());
    if (inputType.getRank() == 1)
      return tensor::ExpandShapeOp::create(b, matrixType, x,
                                           ArrayRef<ReassociationIndices>{{0, 1}});
    if (inputType.getRank() > 2)
      return tensor::CollapseShapeOp::create(b, matrixType, x,
                                             outerReassociation(inputType.getRank()));
    return x;
  }

  /// The kernels' `[M, N]` result in the matmul's result shape.
  static Value asResult(ImplicitLocOpBuilder &b, Value y, RankedTensorType resultType) {
    if (resultType.getRank() == 1)
      return tensor::CollapseShapeOp::create(b, resultType, y,
                                             ArrayRef<ReassociationIndices>{{0, 1}});
    if (resultType.getRank() > 2)
      return tensor::ExpandShapeOp::create(b, resultType, y,
                                           outerReassociation(resultType.getRank()));
    return y;
  }

  /// The panel kernel's blocking for the matmul `k` describes: register
  /// tiles of 8 activation rows (6 with 16 vector registers) by two vectors
  /// of weight rows (16 or 12 accumulators), panels of at most 256 columns
  /// (whole groups, or a piece of one long group) by up to 128 weight rows
  /// (128 KB, in L2), and tasks over rows too when the weight alone gives
  /// fewer than 16.
  static PanelShape panelShape(const KernelShape &k, const x86::KernelOptions &options) {
    PanelShape p;
    p.rows = k.rows;
    p.n = k.n;
    p.k = k.k;
    p.bits = k.bits;
    p.perByte = k.perByte;
    p.lanes = x86::panelLanes(options);
    p.group = k.group;
    p.floatZeros = k.floatZeros;
    p.vnni = k.vnni;
    p.kBlock = p.group <= 256 ? x86::pickTile(p.k, 256, p.group)
                              : x86::pickTile(p.group, 256, p.perByte);
    p.segment = std::min(p.group, p.kBlock);
    p.tileCols = p.n % (2 * p.lanes) == 0 ? 2 * p.lanes : p.lanes;
    p.panelRows = x86::pickTile(p.n, std::clamp<int64_t>(p.n / 16, p.tileCols, 128), p.tileCols);
    // int8 activations keep int32 and float sums per output: 4 (2) rows.
    if (k.int8)
      p.tileRows = options.vectorBits >= 512 ? 4 : 2;
    else
      p.tileRows = options.vectorBits >= 512 ? 8 : 6;
    // Rows are shared out in blocks that divide them and hold at least two
    // register tiles (each task dequantizes its panel again); otherwise all
    // rows go to each task.
    int64_t nTasks = p.n / p.panelRows, minBlock = 2 * p.tileRows;
    p.rowBlock = p.rows;
    if (nTasks < 16) {
      int64_t rowBlocks = (16 + nTasks - 1) / nTasks;
      int64_t block = x86::pickTile(p.rows, std::max(minBlock, p.rows / rowBlocks), p.tileRows);
      if (block >= minBlock)
        p.rowBlock = block;
    }
    return p;
  }

  /// {{0, ..., rank - 2}, {rank - 1}}: every leading dimension into one.
  static SmallVector<ReassociationIndices> outerReassociation(int64_t rank) {
    ReassociationIndices outer;
    for (int64_t d = 0; d + 1 < rank; ++d)
      outer.push_back(d);
    return {outer, {rank - 1}};
  }

  x86::KernelOptions options;
};

/// `qnt.matmul` with a lookup-table weight in the panel kernel's form: the
/// float panel kernel, dequantizing through the table.
struct LowerLutMatmul : OpRewritePattern<MatmulOp> {
  LowerLutMatmul(MLIRContext *ctx, const x86::KernelOptions &options)
      : OpRewritePattern(ctx, /*benefit=*/2), options(options) {}

  LogicalResult matchAndRewrite(MatmulOp op, PatternRewriter &rewriter) const override {
    auto weight = op.getWeight().getDefiningOp<LutOp>();
    if (!weight || !x86::takesKernel(op, options) || op.getActQuantAttr())
      return rewriter.notifyMatchFailure(op, "not a matmul the float panel kernel takes");
    std::optional<x86::KernelLayout> layout = x86::lutKernelFormLayout(op, weight, options);
    if (!layout)
      return rewriter.notifyMatchFailure(op, "weight not in the kernel form");
    x86::KernelOptions options = x86::lutOptions(this->options);
    auto resultType = cast<RankedTensorType>(op.getType());
    KernelShape shape = LowerUniformMatmul::baseShape(op, *layout, weight.getEncoding().getBits(),
                                                      weight.getEncoding().getBlock()[1]);
    shape.block = shape.group;
    shape.floatZeros = false;
    shape.int8 = false;
    shape.vnni = options.vnni;
    shape.vectorBits = options.vectorBits;
    PanelShape panel = LowerUniformMatmul::panelShape(shape, options);
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value x = LowerUniformMatmul::asMatrix(b, op.getInput(), shape);
    Value y = PanelEmitter(b, panel, x, weight.getCodes(), weight.getScales(), Value(),
                           op.getBias(), weight.getTable())
                  .emit();
    rewriter.replaceOp(op, LowerUniformMatmul::asResult(b, y, resultType));
    if (weight->use_empty())
      rewriter.eraseOp(weight);
    return success();
  }

  x86::KernelOptions options;
};

} // namespace

int64_t x86::pickTile(int64_t n, int64_t cap, int64_t multiple) {
  cap = std::max<int64_t>(1, std::min(n, cap));
  for (int64_t t = cap; t >= 1; --t)
    if (n % t == 0 && t % multiple == 0)
      return t;
  for (int64_t t = cap; t >= 1; --t)
    if (n % t == 0)
      return t;
  return 1;
}

void x86::populateQntToX86Patterns(RewritePatternSet &patterns, const KernelOptions &options) {
  patterns.add<LowerUniformMatmul, LowerLutMatmul>(patterns.getContext(), options);
}
