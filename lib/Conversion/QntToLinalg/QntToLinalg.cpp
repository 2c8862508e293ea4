//===- QntToLinalg.cpp - reference lowering of qnt ops --------------------===//
//
// Each qnt constructor is dequantized by one `linalg.generic` with no inputs
// whose body computes element (i0, ..., in) from `linalg.index` values and
// `tensor.extract`s of codes, scales and tables: a direct transcription of
// the formula in the constructor's description. This is deliberately simple,
// not fast: it is the oracle fused kernels are compared with. Arithmetic is
// done in f32 and rounded to the expressed type at the end.
//
//===----------------------------------------------------------------------===//

#include "quench/Conversion/QntToLinalg.h"

#include "dialects/Qnt/QntDialect.h"
#include "quench/Quant/Formats.h"
#include "quench/Quant/Hadamard.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace quench;
using namespace quench::qnt;

namespace {

using ElementFn = function_ref<Value(ImplicitLocOpBuilder &, ArrayRef<Value>)>;

//===----------------------------------------------------------------------===//
// Scalar helpers
//===----------------------------------------------------------------------===//

Value cIndex(ImplicitLocOpBuilder &b, int64_t v) {
  return arith::ConstantIndexOp::create(b, v);
}
Value cI32(ImplicitLocOpBuilder &b, int64_t v) {
  return arith::ConstantIntOp::create(b, b.getI32Type(), v);
}
Value cF32(ImplicitLocOpBuilder &b, double v) {
  return arith::ConstantOp::create(b, b.getF32FloatAttr(v));
}
Value divIndex(ImplicitLocOpBuilder &b, Value v, int64_t d) {
  return d == 1 ? v : arith::DivUIOp::create(b, v, cIndex(b, d)).getResult();
}
Value remIndex(ImplicitLocOpBuilder &b, Value v, int64_t d) {
  return arith::RemUIOp::create(b, v, cIndex(b, d));
}
Value mulIndex(ImplicitLocOpBuilder &b, Value v, int64_t m) {
  return m == 1 ? v : arith::MulIOp::create(b, v, cIndex(b, m)).getResult();
}
Value addIndex(ImplicitLocOpBuilder &b, Value x, Value y) {
  return arith::AddIOp::create(b, x, y);
}

/// Converts a float scalar to `type` (extf / truncf as needed).
Value castFloat(ImplicitLocOpBuilder &b, Value v, Type type) {
  unsigned from = v.getType().getIntOrFloatBitWidth();
  unsigned to = type.getIntOrFloatBitWidth();
  if (v.getType() == type)
    return v;
  if (from == to) // f16 <-> bf16: neither is wider, go through f32.
    v = arith::ExtFOp::create(b, b.getF32Type(), v);
  from = v.getType().getIntOrFloatBitWidth();
  if (v.getType() == type)
    return v;
  if (from < to)
    return arith::ExtFOp::create(b, type, v);
  return arith::TruncFOp::create(b, type, v);
}
Value toF32(ImplicitLocOpBuilder &b, Value v) {
  return castFloat(b, v, b.getF32Type());
}

/// An integer scalar widened to i32 with the given signedness.
Value intToI32(ImplicitLocOpBuilder &b, Value v, bool isSigned) {
  unsigned width = v.getType().getIntOrFloatBitWidth();
  if (width == 32)
    return v;
  if (width > 32)
    return arith::TruncIOp::create(b, b.getI32Type(), v);
  if (isSigned)
    return arith::ExtSIOp::create(b, b.getI32Type(), v);
  return arith::ExtUIOp::create(b, b.getI32Type(), v);
}

/// An integer scalar read as an unsigned index.
Value intToIndexUnsigned(ImplicitLocOpBuilder &b, Value v) {
  return arith::IndexCastUIOp::create(b, b.getIndexType(), v);
}
Value intToIndexSigned(ImplicitLocOpBuilder &b, Value v) {
  return arith::IndexCastOp::create(b, b.getIndexType(), v);
}

/// An integer or float scalar (a zero point) as f32; integers are read with
/// the encoding's signedness.
Value numberToF32(ImplicitLocOpBuilder &b, Value v, bool isSigned) {
  if (isa<FloatType>(v.getType()))
    return toF32(b, v);
  Value wide = intToI32(b, v, isSigned);
  return arith::SIToFPOp::create(b, b.getF32Type(), wide);
}

Value extract(ImplicitLocOpBuilder &b, Value tensor, ValueRange indices) {
  return tensor::ExtractOp::create(b, tensor, indices);
}

/// A constant rank-1 f32 tensor.
Value constantF32Tensor(ImplicitLocOpBuilder &b, ArrayRef<float> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getF32Type());
  return arith::ConstantOp::create(b, DenseElementsAttr::get(type, values));
}
Value constantIndexTensor(ImplicitLocOpBuilder &b, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getIndexType());
  return arith::ConstantOp::create(b, DenseElementsAttr::get(type, values));
}

//===----------------------------------------------------------------------===//
// Tensor builders
//===----------------------------------------------------------------------===//

/// The sizes of the dynamic dimensions of `type`, read from the same
/// dimensions of `like` (a tensor whose leading dimensions match).
SmallVector<Value> dynamicSizes(ImplicitLocOpBuilder &b, RankedTensorType type,
                                Value like) {
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      sizes.push_back(tensor::DimOp::create(b, like, d));
  return sizes;
}

Value emptyTensor(ImplicitLocOpBuilder &b, RankedTensorType type, Value like) {
  return tensor::EmptyOp::create(b, type.getShape(), type.getElementType(),
                                 like ? dynamicSizes(b, type, like)
                                      : SmallVector<Value>());
}

/// A tensor of `type` whose element at each multi-index is `element(ivs)`.
/// Dynamic dimensions take their size from `like`.
Value buildTensor(ImplicitLocOpBuilder &b, RankedTensorType type,
                  ElementFn element, Value like = {}) {
  int64_t rank = type.getRank();
  Value init = emptyTensor(b, type, like);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{type}, ValueRange{}, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location loc, ValueRange) {
        ImplicitLocOpBuilder nb(loc, nested);
        SmallVector<Value> ivs;
        for (int64_t d = 0; d < rank; ++d)
          ivs.push_back(linalg::IndexOp::create(nb, d));
        linalg::YieldOp::create(nb, element(nb, ivs));
      });
  return generic.getResult(0);
}

/// A float tensor of `type` computed element-wise in f32.
Value buildFloatTensor(ImplicitLocOpBuilder &b, RankedTensorType type,
                       ElementFn element, Value like = {}) {
  return buildTensor(
      b, type,
      [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
        return castFloat(nb, element(nb, ivs), type.getElementType());
      },
      like);
}

Value zeroTensor(ImplicitLocOpBuilder &b, RankedTensorType type,
                 Value like = {}) {
  Value init = emptyTensor(b, type, like);
  Value zero = arith::ConstantOp::create(
      b, b.getFloatAttr(type.getElementType(), 0.0));
  return linalg::FillOp::create(b, zero, init).getResult(0);
}

/// out[outMap] += lhs[lhsMap] * rhs[rhsMap] over `numDims` loops, the dims
/// absent from outMap being reductions. Products are formed in f32.
Value contract(ImplicitLocOpBuilder &b, Value lhs, Value rhs, Value init,
               AffineMap lhsMap, AffineMap rhsMap, AffineMap outMap) {
  unsigned numDims = outMap.getNumDims();
  SmallVector<utils::IteratorType> iterators(numDims,
                                             utils::IteratorType::reduction);
  for (AffineExpr expr : outMap.getResults())
    iterators[cast<AffineDimExpr>(expr).getPosition()] =
        utils::IteratorType::parallel;
  auto generic = linalg::GenericOp::create(
      b, TypeRange{init.getType()}, ValueRange{lhs, rhs}, ValueRange{init},
      ArrayRef<AffineMap>{lhsMap, rhsMap, outMap}, iterators,
      [&](OpBuilder &nested, Location loc, ValueRange args) {
        ImplicitLocOpBuilder nb(loc, nested);
        Value product = arith::MulFOp::create(nb, toF32(nb, args[0]),
                                              toF32(nb, args[1]));
        Value sum = arith::AddFOp::create(nb, toF32(nb, args[2]), product);
        linalg::YieldOp::create(nb, castFloat(nb, sum, args[2].getType()));
      });
  return generic.getResult(0);
}

//===----------------------------------------------------------------------===//
// Codes
//===----------------------------------------------------------------------===//

/// Reads the integer code of logical element `ivs` as i32: directly from an
/// unpacked code tensor, or from packed bytes per the #qnt.packing rules.
Value loadCode(ImplicitLocOpBuilder &b, Value codes, ArrayRef<int64_t> shape,
               ArrayRef<Value> ivs, unsigned bits, bool isSigned,
               PackingAttr packing) {
  if (!packing)
    return intToI32(b, extract(b, codes, ivs), isSigned);

  SmallVector<Value> byteIndex;
  Value position;
  int64_t streamBytes;
  if (ArrayRef<int64_t> tile = packing.getTile(); !tile.empty()) {
    byteIndex = {divIndex(b, ivs[0], tile[0]), divIndex(b, ivs[1], tile[1])};
    position = addIndex(b, mulIndex(b, remIndex(b, ivs[0], tile[0]), tile[1]),
                        remIndex(b, ivs[1], tile[1]));
    streamBytes = tile[0] * tile[1] * bits / 8;
  } else {
    byteIndex.assign(ivs.begin(), ivs.end() - 1);
    position = ivs.back();
    streamBytes = llvm::divideCeil(shape.back() * bits, 8);
  }
  if (ArrayRef<int64_t> perm = packing.getInterleave(); !perm.empty()) {
    int64_t run = perm.size();
    Value slot = extract(b, constantIndexTensor(b, perm),
                         ValueRange{remIndex(b, position, run)});
    position = addIndex(b, mulIndex(b, divIndex(b, position, run), run), slot);
  }

  Value bitPos = mulIndex(b, position, bits);
  Value byte0 = divIndex(b, bitPos, 8);
  Value shift = arith::IndexCastOp::create(b, b.getI32Type(),
                                           remIndex(b, bitPos, 8));
  auto loadByte = [&](Value index) {
    SmallVector<Value> idx(byteIndex);
    idx.push_back(index);
    return intToI32(b, extract(b, codes, idx), /*isSigned=*/false);
  };
  bool lsbFirst = packing.getOrder() == BitOrder::LsbFirst;
  Value b0 = loadByte(byte0);
  Value value;
  if (8 % bits == 0) {
    // The code never leaves its byte.
    Value amount = lsbFirst ? shift
                            : arith::SubIOp::create(b, cI32(b, 8 - bits), shift)
                                  .getResult();
    value = arith::ShRUIOp::create(b, b0, amount);
  } else {
    // 3/5/6/7-bit codes may straddle two bytes; the byte past the end of a
    // row or tile reads as zero.
    Value next = addIndex(b, byte0, cIndex(b, 1));
    Value inRange = arith::CmpIOp::create(b, arith::CmpIPredicate::ult, next,
                                          cIndex(b, streamBytes));
    Value clamped = arith::SelectOp::create(b, inRange, next, byte0);
    Value b1 = arith::SelectOp::create(b, inRange, loadByte(clamped), cI32(b, 0));
    if (lsbFirst) {
      Value word = arith::OrIOp::create(
          b, b0, arith::ShLIOp::create(b, b1, cI32(b, 8)));
      value = arith::ShRUIOp::create(b, word, shift);
    } else {
      Value word = arith::OrIOp::create(
          b, arith::ShLIOp::create(b, b0, cI32(b, 8)), b1);
      Value amount = arith::SubIOp::create(b, cI32(b, 16 - bits), shift);
      value = arith::ShRUIOp::create(b, word, amount);
    }
  }
  value = arith::AndIOp::create(b, value, cI32(b, (1 << bits) - 1));
  if (isSigned) {
    Value up = cI32(b, 32 - bits);
    value = arith::ShRSIOp::create(b, arith::ShLIOp::create(b, value, up), up);
  }
  return value;
}

/// `ivs / block` per dimension.
SmallVector<Value> blockIndex(ImplicitLocOpBuilder &b, ArrayRef<Value> ivs,
                              ArrayRef<int64_t> block) {
  SmallVector<Value> result;
  for (auto [iv, size] : llvm::zip_equal(ivs, block))
    result.push_back(divIndex(b, iv, size));
  return result;
}

//===----------------------------------------------------------------------===//
// Dequantization, one function per constructor
//===----------------------------------------------------------------------===//

class Dequantizer {
public:
  explicit Dequantizer(ImplicitLocOpBuilder &b) : b(b) {}

  FailureOr<Value> dequantize(Value qtensor) {
    Operation *def = qtensor.getDefiningOp();
    if (!def)
      return failure();
    return TypeSwitch<Operation *, FailureOr<Value>>(def)
        .Case([&](UniformOp op) { return lowerUniform(op); })
        .Case([&](LutOp op) { return lowerLut(op); })
        .Case([&](Fp8Op op) { return lowerFp8(op); })
        .Case([&](AdditiveOp op) { return lowerAdditive(op); })
        .Case([&](VectorOp op) { return lowerVector(op); })
        .Case([&](E8POp op) { return lowerE8P(op); })
        .Case([&](HadamardOp op) { return lowerHadamard(op); })
        .Case([&](SparseOutliersOp op) { return lowerSparseOutliers(op); })
        .Case([&](OutlierColumnsOp op) { return lowerOutlierColumns(op); })
        .Case([&](BitStackOp op) { return lowerBitStack(op); })
        .Default([](Operation *) { return failure(); });
  }

  /// A float tensor operand, or a quantized one dequantized first.
  FailureOr<Value> asFloatTensor(Value value) {
    if (isa<QTensorType>(value.getType()))
      return dequantize(value);
    return value;
  }

private:
  ImplicitLocOpBuilder &b;

  static RankedTensorType expressedType(Value qtensor) {
    return cast<QTensorType>(qtensor.getType()).getExpressedType();
  }

  FailureOr<Value> lowerUniform(UniformOp op) {
    UniformAttr enc = op.getEncoding();
    FailureOr<Value> scales = asFloatTensor(op.getScales());
    if (failed(scales))
      return failure();
    ArrayRef<int64_t> shape = op.getType().getShape();
    Value codes = op.getCodes(), zeroPoints = op.getZeroPoints(),
          groupIndex = op.getGroupIndex();
    return buildFloatTensor(
        b, expressedType(op), [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          Value q = loadCode(nb, codes, shape, ivs, enc.getBits(),
                             enc.isSigned(), enc.getPacking());
          SmallVector<Value> scaleIdx = blockIndex(nb, ivs, enc.getBlock());
          if (groupIndex)
            scaleIdx[1] =
                intToIndexSigned(nb, extract(nb, groupIndex, ValueRange{ivs[1]}));
          Value value = arith::SIToFPOp::create(nb, nb.getF32Type(), q);
          if (zeroPoints)
            value = arith::SubFOp::create(
                nb, value,
                numberToF32(nb, extract(nb, zeroPoints, scaleIdx), enc.isSigned()));
          return arith::MulFOp::create(nb, value,
                                       toF32(nb, extract(nb, *scales, scaleIdx)));
        });
  }

  FailureOr<Value> lowerLut(LutOp op) {
    LutAttr enc = op.getEncoding();
    FailureOr<Value> scales = asFloatTensor(op.getScales());
    if (failed(scales))
      return failure();
    Value table = op.getTable();
    if (enc.getTable() == LutKind::NF4)
      table = constantF32Tensor(b, quant::nf4Table());
    else if (enc.getTable() == LutKind::FP4E2M1)
      table = constantF32Tensor(b, quant::fp4E2M1Table());
    ArrayRef<int64_t> shape = op.getType().getShape();
    Value codes = op.getCodes();
    return buildFloatTensor(
        b, expressedType(op), [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          Value q = loadCode(nb, codes, shape, ivs, enc.getBits(),
                             /*isSigned=*/false, enc.getPacking());
          Value entry = toF32(nb, extract(nb, table, ValueRange{intToIndexUnsigned(nb, q)}));
          Value scale = toF32(nb, extract(nb, *scales, blockIndex(nb, ivs, enc.getBlock())));
          return arith::MulFOp::create(nb, entry, scale);
        });
  }

  FailureOr<Value> lowerFp8(Fp8Op op) {
    FailureOr<Value> scales = asFloatTensor(op.getScales());
    if (failed(scales))
      return failure();
    Type codeType = op.getCodes().getType().getElementType();
    // FP8 is decoded through an exact 256-entry table so that no target needs
    // native FP8 arithmetic.
    std::array<float, 256> values = quant::fp8Table(
        isa<Float8E5M2Type>(codeType) ? quant::Fp8Format::E5M2
                                      : quant::Fp8Format::E4M3FN);
    Value table = constantF32Tensor(b, values);
    ArrayRef<int64_t> block = op.getEncoding().getBlock();
    Value codes = op.getCodes();
    return buildFloatTensor(
        b, expressedType(op), [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          Value raw = arith::BitcastOp::create(nb, nb.getI8Type(),
                                               extract(nb, codes, ivs));
          Value entry = extract(nb, table, ValueRange{intToIndexUnsigned(nb, raw)});
          Value scale = toF32(nb, extract(nb, *scales, blockIndex(nb, ivs, block)));
          return arith::MulFOp::create(nb, entry, scale);
        });
  }

  FailureOr<Value> lowerAdditive(AdditiveOp op) {
    AdditiveAttr enc = op.getEncoding();
    int64_t dim = enc.getDim(), books = enc.getBooks();
    Value codes = op.getCodes(), codebooks = op.getCodebooks(),
          scales = op.getScales();
    return buildFloatTensor(
        b, expressedType(op), [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          Value vec = divIndex(nb, ivs[1], dim), lane = remIndex(nb, ivs[1], dim);
          Value sum = cF32(nb, 0.0);
          for (int64_t m = 0; m < books; ++m) {
            Value book = cIndex(nb, m);
            Value code = intToIndexUnsigned(
                nb, extract(nb, codes, ValueRange{ivs[0], vec, book}));
            Value entry = toF32(nb, extract(nb, codebooks, ValueRange{book, code, lane}));
            sum = arith::AddFOp::create(nb, sum, entry);
          }
          return arith::MulFOp::create(
              nb, sum, toF32(nb, extract(nb, scales, ValueRange{ivs[0]})));
        });
  }

  FailureOr<Value> lowerVector(VectorOp op) {
    int64_t dim = op.getEncoding().getDim();
    Value indices = op.getIndices(), centroids = op.getCentroids(),
          residualIndices = op.getResidualIndices(),
          residualCentroids = op.getResidualCentroids(),
          columnScales = op.getColumnScales(),
          columnBiases = op.getColumnBiases();
    return buildFloatTensor(
        b, expressedType(op), [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          Value vec = divIndex(nb, ivs[1], dim), lane = remIndex(nb, ivs[1], dim);
          auto lookup = [&](Value index, Value table) {
            Value row = intToIndexUnsigned(nb, extract(nb, index, ValueRange{ivs[0], vec}));
            return toF32(nb, extract(nb, table, ValueRange{row, lane}));
          };
          Value value = lookup(indices, centroids);
          if (residualIndices)
            value = arith::AddFOp::create(nb, value,
                                          lookup(residualIndices, residualCentroids));
          if (columnScales)
            value = arith::MulFOp::create(
                nb, value, toF32(nb, extract(nb, columnScales, ValueRange{ivs[1]})));
          if (columnBiases)
            value = arith::AddFOp::create(
                nb, value, toF32(nb, extract(nb, columnBiases, ValueRange{ivs[1]})));
          return value;
        });
  }

  /// E8P, per include/quench/Quant/Formats.h: row a = code >> 8 of the
  /// parity-adjusted table T, sign byte s = (code & 0xFF) ^ parity, weight i
  /// negated when bit sigma(i) of s is set, then shifted by -1/4 if the sign
  /// byte had odd parity and +1/4 otherwise.
  FailureOr<Value> lowerE8P(E8POp op) {
    SmallVector<float> grid;
    for (const std::array<float, 8> &row : quant::e8pParityAdjustedGrid())
      grid.append(row.begin(), row.end());
    Value table = constantF32Tensor(b, grid);
    // Bit of the sign byte that holds the sign of weight i.
    Value sigma = constantIndexTensor(b, {0, 4, 1, 5, 2, 6, 3, 7});
    Value codes = op.getCodes(), scale = op.getScale();
    return buildFloatTensor(
        b, expressedType(op), [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          Value lane = remIndex(nb, ivs[1], 8);
          Value code = intToI32(
              nb, extract(nb, codes, ValueRange{ivs[0], divIndex(nb, ivs[1], 8)}),
              /*isSigned=*/false);
          Value row = arith::ShRUIOp::create(nb, code, cI32(nb, 8));
          Value signByte = arith::AndIOp::create(nb, code, cI32(nb, 0xFF));
          Value parity = arith::AndIOp::create(
              nb, math::CtPopOp::create(nb, signByte), cI32(nb, 1));
          Value signs = arith::XOrIOp::create(nb, signByte, parity);
          Value bitPos = arith::IndexCastOp::create(
              nb, nb.getI32Type(), extract(nb, sigma, ValueRange{lane}));
          Value negate = arith::TruncIOp::create(
              nb, nb.getI1Type(), arith::ShRUIOp::create(nb, signs, bitPos));
          Value flat = addIndex(nb, mulIndex(nb, intToIndexUnsigned(nb, row), 8), lane);
          Value magnitude = extract(nb, table, ValueRange{flat});
          Value value = arith::SelectOp::create(
              nb, negate, arith::NegFOp::create(nb, magnitude), magnitude);
          Value oddParity = arith::TruncIOp::create(nb, nb.getI1Type(), parity);
          Value shift = arith::SelectOp::create(nb, oddParity, cF32(nb, -0.25),
                                                cF32(nb, 0.25));
          value = arith::AddFOp::create(nb, value, shift);
          return arith::MulFOp::create(nb, value,
                                       toF32(nb, extract(nb, scale, ValueRange{})));
        });
  }

  /// The normalized Sylvester Hadamard matrix of size n (n a power of two):
  /// H[i, j] = (-1)^popcount(i & j) / sqrt(n).
  Value hadamardMatrix(int64_t n) {
    auto type = RankedTensorType::get({n, n}, b.getF32Type());
    double norm = 1.0 / std::sqrt(static_cast<double>(n));
    return buildTensor(b, type, [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
      Value i = arith::IndexCastOp::create(nb, nb.getI64Type(), ivs[0]);
      Value j = arith::IndexCastOp::create(nb, nb.getI64Type(), ivs[1]);
      Value ones = math::CtPopOp::create(nb, arith::AndIOp::create(nb, i, j));
      Value odd = arith::TruncIOp::create(nb, nb.getI1Type(), ones);
      return arith::SelectOp::create(nb, odd, cF32(nb, -norm), cF32(nb, norm))
          .getResult();
    });
  }

  FailureOr<Value> lowerHadamard(HadamardOp op) {
    FailureOr<Value> inner = dequantize(op.getInner());
    if (failed(inner))
      return failure();
    auto enc = cast<HadamardAttr>(op.getType().getEncoding());
    int64_t n = op.getType().getDimSize(0), k = op.getType().getDimSize(1);
    auto f32Type = RankedTensorType::get({n, k}, b.getF32Type());
    MLIRContext *ctx = b.getContext();
    AffineExpr d0, d1, d2;
    bindDims(ctx, d0, d1, d2);
    auto map = [&](ArrayRef<AffineExpr> exprs) {
      return AffineMap::get(3, 0, exprs, ctx);
    };
    // T = V * H_K  (t[n, k] = sum_j v[n, j] * h[j, k]), then U = H_N * T.
    Value t = contract(b, *inner, hadamardMatrix(k), zeroTensor(b, f32Type),
                       map({d0, d2}), map({d2, d1}), map({d0, d1}));
    Value u = contract(b, hadamardMatrix(n), t, zeroTensor(b, f32Type),
                       map({d0, d2}), map({d2, d1}), map({d0, d1}));
    Value signsIn = constantF32Tensor(b, quant::hadamardSigns(enc.getInputSeed(), k));
    Value signsOut = constantF32Tensor(b, quant::hadamardSigns(enc.getOutputSeed(), n));
    return buildFloatTensor(
        b, expressedType(op), [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          Value value = extract(nb, u, ivs);
          value = arith::MulFOp::create(nb, value, extract(nb, signsOut, ValueRange{ivs[0]}));
          return arith::MulFOp::create(nb, value, extract(nb, signsIn, ValueRange{ivs[1]}));
        });
  }

  FailureOr<Value> lowerSparseOutliers(SparseOutliersOp op) {
    FailureOr<Value> base = dequantize(op.getBase());
    if (failed(base))
      return failure();
    Value rowPtr = op.getRowPtr(), colIdx = op.getColIdx(),
          values = op.getValues();
    Type elementType = op.getType().getElementType();
    int64_t rows = op.getType().getDimSize(0);
    auto rowLoop = scf::ForOp::create(
        b, cIndex(b, 0), cIndex(b, rows), cIndex(b, 1), ValueRange{*base},
        [&](OpBuilder &nested, Location loc, Value row, ValueRange iter) {
          ImplicitLocOpBuilder nb(loc, nested);
          Value begin = intToIndexSigned(nb, extract(nb, rowPtr, ValueRange{row}));
          Value end = intToIndexSigned(
              nb, extract(nb, rowPtr, ValueRange{addIndex(nb, row, cIndex(nb, 1))}));
          auto entryLoop = scf::ForOp::create(
              nb, begin, end, cIndex(nb, 1), iter,
              [&](OpBuilder &nested2, Location loc2, Value p, ValueRange iter2) {
                ImplicitLocOpBuilder nb2(loc2, nested2);
                Value col = intToIndexSigned(nb2, extract(nb2, colIdx, ValueRange{p}));
                Value old = extract(nb2, iter2[0], ValueRange{row, col});
                Value add = toF32(nb2, extract(nb2, values, ValueRange{p}));
                Value sum = castFloat(
                    nb2, arith::AddFOp::create(nb2, toF32(nb2, old), add), elementType);
                scf::YieldOp::create(nb2, tensor::InsertOp::create(
                                              nb2, sum, iter2[0], ValueRange{row, col})
                                              .getResult());
              });
          scf::YieldOp::create(nb, entryLoop.getResults());
        });
    return rowLoop.getResult(0);
  }

  FailureOr<Value> lowerOutlierColumns(OutlierColumnsOp op) {
    FailureOr<Value> base = dequantize(op.getBase());
    if (failed(base))
      return failure();
    Value columns = op.getColumns(), values = op.getValues();
    Type elementType = op.getType().getElementType();
    int64_t rows = op.getType().getDimSize(0);
    int64_t count = cast<OutlierColumnsAttr>(op.getType().getEncoding()).getCount();
    auto columnLoop = scf::ForOp::create(
        b, cIndex(b, 0), cIndex(b, count), cIndex(b, 1), ValueRange{*base},
        [&](OpBuilder &nested, Location loc, Value j, ValueRange iter) {
          ImplicitLocOpBuilder nb(loc, nested);
          Value col = intToIndexSigned(nb, extract(nb, columns, ValueRange{j}));
          auto rowLoop = scf::ForOp::create(
              nb, cIndex(nb, 0), cIndex(nb, rows), cIndex(nb, 1), iter,
              [&](OpBuilder &nested2, Location loc2, Value row, ValueRange iter2) {
                ImplicitLocOpBuilder nb2(loc2, nested2);
                Value value = castFloat(
                    nb2, extract(nb2, values, ValueRange{row, j}), elementType);
                scf::YieldOp::create(nb2, tensor::InsertOp::create(
                                              nb2, value, iter2[0], ValueRange{row, col})
                                              .getResult());
              });
          scf::YieldOp::create(nb, rowLoop.getResults());
        });
    return columnLoop.getResult(0);
  }

  FailureOr<Value> lowerBitStack(BitStackOp op) {
    RankedTensorType type = expressedType(op);
    auto f32Type = RankedTensorType::get(type.getShape(), b.getF32Type());
    MLIRContext *ctx = b.getContext();
    // Loops (n, k, l, r): out[n, k] += sign(l, n, k) * u[l, n, r] * v[l, r, k].
    AffineExpr n, k, l, r;
    bindDims(ctx, n, k, l, r);
    auto map = [&](ArrayRef<AffineExpr> exprs) {
      return AffineMap::get(4, 0, exprs, ctx);
    };
    Value signs = op.getSigns();
    auto generic = linalg::GenericOp::create(
        b, TypeRange{f32Type}, ValueRange{op.getU(), op.getV()},
        ValueRange{zeroTensor(b, f32Type)},
        ArrayRef<AffineMap>{map({l, n, r}), map({l, r, k}), map({n, k})},
        ArrayRef<utils::IteratorType>{
            utils::IteratorType::parallel, utils::IteratorType::parallel,
            utils::IteratorType::reduction, utils::IteratorType::reduction},
        [&](OpBuilder &nested, Location loc, ValueRange args) {
          ImplicitLocOpBuilder nb(loc, nested);
          Value in = linalg::IndexOp::create(nb, 0);
          Value ik = linalg::IndexOp::create(nb, 1);
          Value il = linalg::IndexOp::create(nb, 2);
          Value byte = intToI32(
              nb, extract(nb, signs, ValueRange{il, in, divIndex(nb, ik, 8)}),
              /*isSigned=*/false);
          Value bit = arith::IndexCastOp::create(nb, nb.getI32Type(), remIndex(nb, ik, 8));
          Value negative = arith::TruncIOp::create(
              nb, nb.getI1Type(), arith::ShRUIOp::create(nb, byte, bit));
          Value product = arith::MulFOp::create(nb, toF32(nb, args[0]), toF32(nb, args[1]));
          Value signed_ = arith::SelectOp::create(
              nb, negative, arith::NegFOp::create(nb, product), product);
          linalg::YieldOp::create(nb, arith::AddFOp::create(nb, args[2], signed_).getResult());
        });
    Value result = generic.getResult(0);
    if (type.getElementType().isF32())
      return result;
    return buildFloatTensor(b, type, [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
      return extract(nb, result, ivs);
    });
  }
};

//===----------------------------------------------------------------------===//
// Activation quantization
//===----------------------------------------------------------------------===//

/// x' = clamp(round_half_even(x / a), -qmax, qmax) * a, per #qnt.act_quant;
/// outlier columns of an #qnt.outlier_columns weight stay in float and do not
/// contribute to the dynamic scale.
Value quantizeActivation(ImplicitLocOpBuilder &b, Value input, ActQuantAttr attr,
                         Value staticScale, Value weight) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank(), k = type.getShape().back();
  double qmax = static_cast<double>((int64_t(1) << (attr.getBits() - 1)) - 1);

  Value outlierMask;
  if (auto outliers = weight.getDefiningOp<OutlierColumnsOp>()) {
    auto maskType = RankedTensorType::get({k}, b.getI1Type());
    Value init = buildTensor(b, maskType, [](ImplicitLocOpBuilder &nb, ArrayRef<Value>) {
      return arith::ConstantOp::create(nb, nb.getBoolAttr(false)).getResult();
    });
    int64_t count = cast<OutlierColumnsAttr>(outliers.getType().getEncoding()).getCount();
    Value columns = outliers.getColumns();
    outlierMask = scf::ForOp::create(
                      b, cIndex(b, 0), cIndex(b, count), cIndex(b, 1), ValueRange{init},
                      [&](OpBuilder &nested, Location loc, Value j, ValueRange iter) {
                        ImplicitLocOpBuilder nb(loc, nested);
                        Value col = intToIndexSigned(nb, extract(nb, columns, ValueRange{j}));
                        Value yes = arith::ConstantOp::create(nb, nb.getBoolAttr(true));
                        scf::YieldOp::create(
                            nb, tensor::InsertOp::create(nb, yes, iter[0], ValueRange{col})
                                    .getResult());
                      })
                      .getResult(0);
  }
  auto isOutlier = [&](ImplicitLocOpBuilder &nb, Value kIndex) -> Value {
    if (!outlierMask)
      return {};
    return extract(nb, outlierMask, ValueRange{kIndex});
  };

  // The absmax: over the last dimension (per token) or everything.
  bool perToken = attr.getGranularity() == ActGranularity::PerToken;
  Value absmax;
  if (!staticScale) {
    SmallVector<int64_t> reducedShape;
    if (perToken)
      reducedShape.assign(type.getShape().begin(), type.getShape().end() - 1);
    auto reducedType = RankedTensorType::get(reducedShape, b.getF32Type());
    SmallVector<AffineExpr> outExprs;
    if (perToken)
      for (int64_t d = 0; d + 1 < rank; ++d)
        outExprs.push_back(b.getAffineDimExpr(d));
    SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::reduction);
    if (perToken)
      for (int64_t d = 0; d + 1 < rank; ++d)
        iterators[d] = utils::IteratorType::parallel;
    absmax = linalg::GenericOp::create(
                 b, TypeRange{reducedType}, ValueRange{input},
                 ValueRange{zeroTensor(b, reducedType, input)},
                 ArrayRef<AffineMap>{b.getMultiDimIdentityMap(rank),
                                     AffineMap::get(rank, 0, outExprs, b.getContext())},
                 iterators,
                 [&](OpBuilder &nested, Location loc, ValueRange args) {
                   ImplicitLocOpBuilder nb(loc, nested);
                   Value magnitude = math::AbsFOp::create(nb, toF32(nb, args[0]));
                   if (Value skip = isOutlier(nb, linalg::IndexOp::create(nb, rank - 1)))
                     magnitude = arith::SelectOp::create(nb, skip, cF32(nb, 0.0), magnitude);
                   linalg::YieldOp::create(
                       nb, arith::MaximumFOp::create(nb, args[1], magnitude).getResult());
                 })
                 .getResult(0);
  }

  return buildFloatTensor(b, type, [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
    Value x = toF32(nb, extract(nb, input, ivs));
    Value scale;
    if (staticScale) {
      scale = toF32(nb, extract(nb, staticScale, ValueRange{}));
    } else {
      Value max = extract(nb, absmax,
                          perToken ? ValueRange(ArrayRef<Value>(ivs).drop_back())
                                   : ValueRange{});
      scale = arith::DivFOp::create(nb, max, cF32(nb, qmax));
    }
    Value isZero = arith::CmpFOp::create(nb, arith::CmpFPredicate::OEQ, scale, cF32(nb, 0.0));
    Value safeScale = arith::SelectOp::create(nb, isZero, cF32(nb, 1.0), scale);
    Value rounded = math::RoundEvenOp::create(nb, arith::DivFOp::create(nb, x, safeScale));
    rounded = arith::MaximumFOp::create(nb, rounded, cF32(nb, -qmax));
    rounded = arith::MinimumFOp::create(nb, rounded, cF32(nb, qmax));
    Value value = arith::MulFOp::create(nb, rounded, scale);
    value = arith::SelectOp::create(nb, isZero, cF32(nb, 0.0), value);
    if (Value keep = isOutlier(nb, ivs.back()))
      value = arith::SelectOp::create(nb, keep, x, value);
    return value;
  }, input);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

struct LowerDequantize : OpRewritePattern<DequantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DequantizeOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<Value> value =
        buildDequantized(rewriter, op.getLoc(), op.getInput());
    if (failed(value))
      return rewriter.notifyMatchFailure(op, "input has no qnt constructor");
    rewriter.replaceOp(op, *value);
    return success();
  }
};

struct LowerMatmul : OpRewritePattern<MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulOp op,
                                PatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Dequantizer dequantizer(b);
    FailureOr<Value> weight = dequantizer.dequantize(op.getWeight());
    if (failed(weight))
      return rewriter.notifyMatchFailure(op, "weight has no qnt constructor");

    Value input = op.getInput();
    if (ActQuantAttr actQuant = op.getActQuantAttr())
      input = quantizeActivation(b, input, actQuant, op.getInputScale(),
                                 op.getWeight());

    auto resultType = cast<RankedTensorType>(op.getType());
    int64_t rank = resultType.getRank();
    auto accType = RankedTensorType::get(resultType.getShape(), b.getF32Type());
    Value init;
    if (Value bias = op.getBias())
      init = buildTensor(
          b, accType,
          [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
            return toF32(nb, extract(nb, bias, ValueRange{ivs.back()}));
          },
          input);
    else
      init = zeroTensor(b, accType, input);

    // Loops (batch..., n, k): y[batch..., n] += x[batch..., k] * w[n, k].
    MLIRContext *ctx = b.getContext();
    unsigned numDims = rank + 1;
    SmallVector<AffineExpr> batch;
    for (int64_t d = 0; d + 1 < rank; ++d)
      batch.push_back(b.getAffineDimExpr(d));
    AffineExpr n = b.getAffineDimExpr(rank - 1), k = b.getAffineDimExpr(rank);
    auto withBatch = [&](AffineExpr last) {
      SmallVector<AffineExpr> exprs(batch);
      exprs.push_back(last);
      return AffineMap::get(numDims, 0, exprs, ctx);
    };
    Value result = contract(b, input, *weight, init, withBatch(k),
                            AffineMap::get(numDims, 0, {n, k}, ctx), withBatch(n));
    if (!resultType.getElementType().isF32())
      result = buildFloatTensor(
          b, resultType,
          [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
            return extract(nb, result, ivs);
          },
          input);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct LowerQuantize : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    UniformAttr enc = op.getEncoding();
    Value input = op.getInput(), scales = op.getScales(),
          zeroPoints = op.getZeroPoints();
    auto resultType = cast<RankedTensorType>(op.getType());
    double qmin = enc.getQMin(), qmax = enc.getQMax();
    Value result = buildTensor(
        b, resultType, [&](ImplicitLocOpBuilder &nb, ArrayRef<Value> ivs) {
          SmallVector<Value> scaleIdx = blockIndex(nb, ivs, enc.getBlock());
          Value x = toF32(nb, extract(nb, input, ivs));
          Value s = toF32(nb, extract(nb, scales, scaleIdx));
          Value quotient = arith::DivFOp::create(nb, x, s);
          Value isNan = arith::CmpFOp::create(nb, arith::CmpFPredicate::UNO,
                                              quotient, quotient);
          quotient = arith::SelectOp::create(nb, isNan, cF32(nb, 0.0), quotient);
          Value q = math::RoundEvenOp::create(nb, quotient);
          if (zeroPoints) {
            q = arith::AddFOp::create(
                nb, q, numberToF32(nb, extract(nb, zeroPoints, scaleIdx), enc.isSigned()));
            // A non-integral (float) zero point is rounded in once more.
            q = math::RoundEvenOp::create(nb, q);
          }
          q = arith::MaximumFOp::create(nb, q, cF32(nb, qmin));
          q = arith::MinimumFOp::create(nb, q, cF32(nb, qmax));
          Value wide = arith::FPToSIOp::create(nb, nb.getI32Type(), q);
          Type codeType = resultType.getElementType();
          if (codeType.getIntOrFloatBitWidth() < 32)
            return arith::TruncIOp::create(nb, codeType, wide).getResult();
          if (codeType.getIntOrFloatBitWidth() > 32)
            return arith::ExtSIOp::create(nb, codeType, wide).getResult();
          return wide;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct LowerObserve : OpRewritePattern<ObserveOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ObserveOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, op.getInput());
    return success();
  }
};

} // namespace

FailureOr<Value> quench::buildDequantized(OpBuilder &builder, Location loc,
                                          Value qtensor) {
  ImplicitLocOpBuilder b(loc, builder);
  Dequantizer dequantizer(b);
  return dequantizer.dequantize(qtensor);
}

void quench::populateQntToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<LowerDequantize, LowerMatmul, LowerQuantize, LowerObserve>(
      patterns.getContext());
}
