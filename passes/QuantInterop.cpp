//===- QuantInterop.cpp - qnt <-> upstream quant dialect ------------------===//
//
// Upstream `!quant.uniform` types carry every scale inside the type; qnt keeps
// scales in tensors. These passes convert between the two where a form fits
// both: per-tensor, per-axis and sub-channel uniform quantization.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace quench {
#define GEN_PASS_DEF_QNTFROMQUANT
#define GEN_PASS_DEF_QNTTOQUANT
#include "passes/Passes.h.inc"
} // namespace quench

using namespace mlir;
using namespace quench;
using namespace quench::qnt;

namespace {

/// The qnt view of an upstream uniform quantized element type on `shape`:
/// encoding, scales and (when any is non-zero) zero points as constants.
struct UniformParts {
  UniformAttr encoding;
  DenseElementsAttr scales;
  DenseElementsAttr zeroPoints;
};

FailureOr<UniformParts> toUniformParts(quant::QuantizedType base,
                                       ArrayRef<int64_t> shape) {
  MLIRContext *ctx = base.getContext();
  auto storage = dyn_cast<IntegerType>(base.getStorageType());
  auto expressed = dyn_cast<FloatType>(base.getExpressedType());
  if (!storage || !expressed)
    return failure();
  // The storage range must be the full range of some bit width: `i8<-8:7>` is
  // 4-bit, `i8` is 8-bit; a narrowed range such as `i8<-127:127>` clamps
  // differently from every qnt encoding and is left alone.
  unsigned bits = 0;
  for (unsigned b = 2; b <= storage.getWidth() && b <= 8; ++b) {
    int64_t qmin = base.isSigned() ? -(int64_t(1) << (b - 1)) : 0;
    int64_t qmax = base.isSigned() ? (int64_t(1) << (b - 1)) - 1
                                   : (int64_t(1) << b) - 1;
    if (base.getStorageTypeMin() == qmin && base.getStorageTypeMax() == qmax)
      bits = b;
  }
  if (bits == 0)
    return failure();

  SmallVector<int64_t> scaleShape(shape.size(), 1);
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(base)) {
    int32_t axis = perAxis.getQuantizedDimension();
    scaleShape[axis] = shape[axis];
    scales.assign(perAxis.getScales().begin(), perAxis.getScales().end());
    zeroPoints.assign(perAxis.getZeroPoints().begin(),
                      perAxis.getZeroPoints().end());
  } else if (auto sub = dyn_cast<quant::UniformQuantizedSubChannelType>(base)) {
    auto scalesType = cast<ShapedType>(sub.getScales().getType());
    scaleShape.assign(scalesType.getShape().begin(), scalesType.getShape().end());
    for (APFloat value : sub.getScales().getValues<APFloat>())
      scales.push_back(value.convertToDouble());
    for (APInt value : sub.getZeroPoints().getValues<APInt>())
      zeroPoints.push_back(value.getSExtValue());
  } else if (auto perTensor = dyn_cast<quant::UniformQuantizedType>(base)) {
    scales.push_back(perTensor.getScale());
    zeroPoints.push_back(perTensor.getZeroPoint());
  } else {
    return failure();
  }
  if (scaleShape.size() != shape.size())
    return failure();

  SmallVector<int64_t> block;
  for (auto [dim, count] : llvm::zip_equal(shape, scaleShape)) {
    if (count <= 0 || dim % count != 0)
      return failure();
    block.push_back(dim / count);
  }
  bool hasZeroPoint = llvm::any_of(zeroPoints, [](int64_t z) { return z != 0; });
  UniformParts parts;
  parts.encoding = UniformAttr::get(
      ctx, bits, base.isSigned() ? Signedness::Signed : Signedness::Unsigned,
      block, hasZeroPoint, PackingAttr());
  SmallVector<APFloat> scaleValues;
  for (double scale : scales) {
    APFloat value(scale);
    bool lost;
    value.convert(expressed.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &lost);
    scaleValues.push_back(value);
  }
  parts.scales = DenseElementsAttr::get(
      RankedTensorType::get(scaleShape, expressed), scaleValues);
  if (hasZeroPoint) {
    SmallVector<APInt> zeroValues;
    for (int64_t z : zeroPoints)
      zeroValues.push_back(APInt(storage.getWidth(), z, base.isSigned()));
    parts.zeroPoints = DenseElementsAttr::get(
        RankedTensorType::get(scaleShape, storage), zeroValues);
  }
  return parts;
}

/// The element type of a static tensor of upstream uniform quantized values
/// (per-tensor, per-axis or sub-channel; these are sibling classes).
quant::QuantizedType getUniformElement(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return {};
  Type element = tensor.getElementType();
  if (isa<quant::UniformQuantizedType, quant::UniformQuantizedPerAxisType,
          quant::UniformQuantizedSubChannelType>(element))
    return cast<quant::QuantizedType>(element);
  return {};
}

/// The qnt parts of a static tensor type of upstream uniform values.
FailureOr<UniformParts> getUniformParts(Type quantTensorType) {
  quant::QuantizedType element = getUniformElement(quantTensorType);
  if (!element)
    return failure();
  return toUniformParts(element,
                        cast<RankedTensorType>(quantTensorType).getShape());
}

/// Scales and (optional) zero points as constant ops.
std::pair<Value, Value> materializeConstants(OpBuilder &builder, Location loc,
                                             const UniformParts &parts) {
  Value scales = arith::ConstantOp::create(builder, loc, parts.scales);
  Value zeroPoints;
  if (parts.zeroPoints)
    zeroPoints = arith::ConstantOp::create(builder, loc, parts.zeroPoints);
  return {scales, zeroPoints};
}

/// quant.dcast(quant.scast(codes)) -> qnt.dequantize(qnt.uniform(codes, ...)).
struct ImportDequantizeCast : OpRewritePattern<quant::DequantizeCastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(quant::DequantizeCastOp op,
                                PatternRewriter &rewriter) const override {
    auto quantType = cast<RankedTensorType>(op.getInput().getType());
    auto storageCast = op.getInput().getDefiningOp<quant::StorageCastOp>();
    auto quantize = op.getInput().getDefiningOp<quant::QuantizeCastOp>();
    if (!storageCast && !quantize)
      return rewriter.notifyMatchFailure(op, "codes are not visible");
    FailureOr<UniformParts> parts = getUniformParts(quantType);
    if (failed(parts))
      return rewriter.notifyMatchFailure(op, "form has no qnt equivalent");
    auto element = cast<quant::QuantizedType>(quantType.getElementType());
    Location loc = op.getLoc();
    auto [scales, zeroPoints] = materializeConstants(rewriter, loc, *parts);
    // The codes: the integer tensor behind a storage cast, or the rounding of
    // a float tensor behind a quantize cast.
    Value codes;
    if (storageCast) {
      codes = storageCast.getInput();
    } else {
      auto codesType = RankedTensorType::get(quantType.getShape(),
                                             element.getStorageType());
      codes = QuantizeOp::create(rewriter, loc, codesType, quantize.getInput(),
                                 scales, zeroPoints, parts->encoding);
    }
    auto qtensorType =
        QTensorType::get(getContext(), quantType.getShape(),
                         cast<FloatType>(element.getExpressedType()),
                         parts->encoding);
    Value weight = UniformOp::create(rewriter, loc, qtensorType, codes, scales,
                                     zeroPoints, /*group_index=*/Value());
    rewriter.replaceOpWithNewOp<DequantizeOp>(op, op.getType(), weight);
    return success();
  }
};

/// quant.scast(quant.qcast(x)) to integers -> qnt.quantize(x, ...).
struct ImportQuantizeCast : OpRewritePattern<quant::StorageCastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(quant::StorageCastOp op,
                                PatternRewriter &rewriter) const override {
    auto quantize = op.getInput().getDefiningOp<quant::QuantizeCastOp>();
    if (!quantize)
      return rewriter.notifyMatchFailure(op, "not a storage cast of a qcast");
    FailureOr<UniformParts> parts = getUniformParts(op.getInput().getType());
    if (failed(parts))
      return rewriter.notifyMatchFailure(op, "form has no qnt equivalent");
    auto [scales, zeroPoints] = materializeConstants(rewriter, op.getLoc(), *parts);
    rewriter.replaceOpWithNewOp<QuantizeOp>(op, op.getType(), quantize.getInput(),
                                            scales, zeroPoints, parts->encoding);
    return success();
  }
};

struct QntFromQuantPass : quench::impl::QntFromQuantBase<QntFromQuantPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ImportDequantizeCast, ImportQuantizeCast>(&getContext());
    // Upstream folds dcast(qcast(x)) to x, which would erase fake quantization
    // instead of importing it.
    GreedyRewriteConfig config;
    config.enableFolding(false);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      signalPassFailure();
  }
};

/// qnt.dequantize(qnt.uniform(codes, constant scales, constant zero points))
/// -> quant.dcast(quant.scast(codes)).
struct ExportDequantize : OpRewritePattern<DequantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DequantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto uniform = op.getInput().getDefiningOp<UniformOp>();
    if (!uniform || uniform.getGroupIndex() ||
        uniform.getEncoding().getPacking())
      return rewriter.notifyMatchFailure(op, "not an unpacked qnt.uniform");
    UniformAttr enc = uniform.getEncoding();
    DenseElementsAttr scales, zeroPoints;
    if (!matchPattern(uniform.getScales(), m_Constant(&scales)) ||
        (uniform.getZeroPoints() &&
         !matchPattern(uniform.getZeroPoints(), m_Constant(&zeroPoints))))
      return rewriter.notifyMatchFailure(op, "scales are not constants");
    if (zeroPoints && !isa<IntegerType>(zeroPoints.getElementType()))
      return rewriter.notifyMatchFailure(op, "float zero points");

    QTensorType type = uniform.getType();
    ArrayRef<int64_t> shape = type.getShape(), block = enc.getBlock();
    Type storage = uniform.getCodes().getType().getElementType();
    unsigned flags = enc.isSigned() ? quant::QuantizationFlags::Signed : 0;
    int64_t qmin = enc.getQMin(), qmax = enc.getQMax();
    SmallVector<double> scaleValues;
    for (APFloat value : scales.getValues<APFloat>())
      scaleValues.push_back(value.convertToDouble());
    SmallVector<int64_t> zeroValues(scaleValues.size(), 0);
    if (zeroPoints)
      for (auto [i, value] : llvm::enumerate(zeroPoints.getValues<APInt>()))
        zeroValues[i] = enc.isSigned() ? value.getSExtValue() : value.getZExtValue();

    SmallVector<int32_t> blockedDims;
    for (auto [d, pair] : llvm::enumerate(llvm::zip_equal(shape, block)))
      if (std::get<0>(pair) != std::get<1>(pair))
        blockedDims.push_back(d);
    Type element;
    if (blockedDims.empty()) {
      element = quant::UniformQuantizedType::get(flags, storage, type.getElementType(),
                                                 scaleValues[0], zeroValues[0], qmin, qmax);
    } else if (blockedDims.size() == 1 && block[blockedDims[0]] == 1) {
      element = quant::UniformQuantizedPerAxisType::get(
          flags, storage, type.getElementType(), scaleValues, zeroValues,
          blockedDims[0], qmin, qmax);
    } else {
      SmallVector<int64_t> blockSizes;
      for (int32_t d : blockedDims)
        blockSizes.push_back(block[d]);
      // The upstream type wants scales in the expressed type and zero points
      // in the storage type.
      ArrayRef<int64_t> scaleShape = cast<ShapedType>(scales.getType()).getShape();
      SmallVector<APFloat> scaleAttrValues;
      for (double scale : scaleValues) {
        APFloat value(scale);
        bool lost;
        value.convert(type.getElementType().getFloatSemantics(),
                      APFloat::rmNearestTiesToEven, &lost);
        scaleAttrValues.push_back(value);
      }
      SmallVector<APInt> zeroAttrValues;
      for (int64_t z : zeroValues)
        zeroAttrValues.push_back(APInt(storage.getIntOrFloatBitWidth(), z,
                                       enc.isSigned(), /*implicitTrunc=*/true));
      auto scaleAttr = DenseElementsAttr::get(
          RankedTensorType::get(scaleShape, type.getElementType()), scaleAttrValues);
      auto zeroAttr = DenseElementsAttr::get(
          RankedTensorType::get(scaleShape, storage), zeroAttrValues);
      element = quant::UniformQuantizedSubChannelType::get(
          flags, storage, type.getElementType(), scaleAttr, zeroAttr,
          blockedDims, blockSizes, qmin, qmax);
    }
    auto quantType = RankedTensorType::get(shape, element);
    Value cast = quant::StorageCastOp::create(rewriter, op.getLoc(), quantType,
                                              uniform.getCodes());
    rewriter.replaceOpWithNewOp<quant::DequantizeCastOp>(op, op.getType(), cast);
    return success();
  }
};

struct QntToQuantPass : quench::impl::QntToQuantBase<QntToQuantPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExportDequantize>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    getOperation().walk([](DequantizeOp op) {
      op.emitRemark("left in qnt: only an unpacked qnt.uniform with constant "
                    "scales and integer zero points has a !quant.uniform form");
    });
  }
};

} // namespace
