//===- WeightLayout.cpp - uniform weights in the x86 kernel form ----------===//
//
// Rewrites a uniformly quantized weight into the form the fused x86 kernel
// reads (include/quench/Target/X86Kernels.h): all at compile time, from the
// constants, so the artifact stores the kernel's layout and nothing is
// repacked when a model loads or runs.
//
//===----------------------------------------------------------------------===//

#include "KernelForm.h"

#include "quench/Quant/Formats.h"
#include "quench/Quant/Packing.h"
#include "quench/Support/ConstantData.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"

#include <algorithm>
#include <cstring>
#include <numeric>

using namespace mlir;
using namespace quench;
using namespace quench::qnt;

int64_t x86::kernelLanes(unsigned bits, int64_t group, const KernelOptions &options) {
  if (bits != 2 && bits != 4 && bits != 8)
    return 0;
  int64_t perByte = 8 / bits;
  int64_t widest = options.int8Activations ? std::min<int64_t>(64, options.vectorBits / 8)
                                           : std::min<int64_t>(16, options.vectorBits / 32);
  int64_t narrowest = options.int8Activations ? 16 : 4;
  for (int64_t lanes = widest; lanes >= narrowest; lanes /= 2)
    if (group % (perByte * lanes) == 0)
      return lanes;
  return 0;
}

std::vector<int64_t> x86::kernelInterleave(unsigned bits, int64_t lanes) {
  if (bits >= 8)
    return {};
  int64_t perByte = 8 / bits;
  std::vector<int64_t> interleave(perByte * lanes);
  for (int64_t t = 0; t < perByte; ++t)
    for (int64_t i = 0; i < lanes; ++i)
      interleave[t * lanes + i] = i * perByte + t;
  return interleave;
}

bool x86::takesKernel(MatmulOp op, const KernelOptions &options) {
  auto input = cast<RankedTensorType>(op.getInput().getType());
  auto result = cast<RankedTensorType>(op.getType());
  if (!input.hasStaticShape() || !input.getElementType().isF32() ||
      !result.getElementType().isF32() ||
      op.getWeight().getType().getElementType() != input.getElementType())
    return false;
  if (ActQuantAttr actQuant = op.getActQuantAttr()) {
    if (actQuant.getBits() != 8)
      return false;
    if (Value scale = op.getInputScale())
      if (!cast<ShapedType>(scale.getType()).getElementType().isF32())
        return false;
  }
  if (Value bias = op.getBias())
    if (!cast<RankedTensorType>(bias.getType()).getElementType().isF32())
      return false;
  return activationRows(op) >= 1;
}

x86::KernelOptions x86::optionsFor(MatmulOp op, const KernelOptions &options) {
  KernelOptions result = options;
  if (op.getActQuantAttr())
    result.int8Activations = true;
  return result;
}

int64_t x86::rowKernelMaxRows(const KernelOptions &options) {
  if (options.maxRows >= 0)
    return options.maxRows;
  return options.int8Activations ? 2 : 12;
}

bool x86::usesPanelKernel(int64_t rows, int64_t n, unsigned bits, int64_t group,
                          const KernelOptions &options) {
  if (rows <= rowKernelMaxRows(options))
    return false;
  return !options.int8Activations || panelTakes(bits, n, group, options);
}

int64_t x86::panelLanes(const KernelOptions &options) {
  return std::min<int64_t>(16, std::max<unsigned>(4, options.vectorBits / 32));
}

PackingAttr x86::panelPacking(MLIRContext *ctx, unsigned bits, int64_t lanes, bool int8) {
  if (int8)
    return PackingAttr::get(ctx, bits, BitOrder::LsbFirst, {lanes, 4 * (8 / bits)},
                            kernelInterleave(bits, 4));
  return PackingAttr::get(ctx, bits, BitOrder::LsbFirst, {lanes, 8 / bits}, {});
}

bool x86::panelTakes(unsigned bits, int64_t n, int64_t group, const KernelOptions &options) {
  int64_t lanes = x86::panelLanes(options);
  if (n % lanes != 0)
    return false;
  if (options.int8Activations)
    return x86::kernelLanes(bits, group, options) != 0;
  return group % (8 / bits) == 0;
}

int64_t x86::activationRowsAtOnce(int64_t rows) { return std::min<int64_t>(rows, 4); }

int64_t x86::activationRows(MatmulOp op) {
  auto input = cast<RankedTensorType>(op.getInput().getType());
  return input.getNumElements() / input.getShape().back();
}

int64_t x86::rowsInFlight(int64_t rows, int64_t n, unsigned bits, const KernelOptions &options) {
  // Two accumulators per (activation row, weight row), a code vector per
  // weight row and run, the activations and two temporaries.
  int64_t mr = activationRowsAtOnce(rows), perByte = 8 / bits;
  int64_t registers = options.vectorBits >= 512 ? 32 : 16;
  for (int64_t r : {4, 2})
    if (n % r == 0 && 2 * mr * r + r * perByte + mr + 2 <= registers)
      return r;
  return 1;
}

PackingAttr x86::kernelPacking(MLIRContext *ctx, unsigned bits, int64_t lanes,
                               int64_t rowsInFlight) {
  SmallVector<int64_t> tile;
  if (rowsInFlight > 1)
    tile = {rowsInFlight, (8 / bits) * lanes};
  if (bits == 8 && tile.empty())
    return {};
  return PackingAttr::get(ctx, bits, BitOrder::LsbFirst, tile, kernelInterleave(bits, lanes));
}

std::optional<x86::KernelLayout> x86::kernelFormLayout(MatmulOp op, UniformOp weight,
                                                       const KernelOptions &options) {
  UniformAttr enc = weight.getEncoding();
  ArrayRef<int64_t> block = enc.getBlock();
  if (enc.isSigned() || !enc.getZeroPoint() || block.size() != 2 || block[0] != 1 ||
      weight.getGroupIndex() || !isa<RankedTensorType>(weight.getScales().getType()) ||
      !cast<RankedTensorType>(weight.getScales().getType()).getElementType().isF32())
    return std::nullopt;
  auto zpType = cast<RankedTensorType>(weight.getZeroPoints().getType());
  auto codesType = cast<RankedTensorType>(weight.getCodes().getType());
  if ((!zpType.getElementType().isInteger(8) && !zpType.getElementType().isF32()) ||
      !codesType.getElementType().isInteger(8))
    return std::nullopt;
  unsigned bits = enc.getBits();
  if (bits != 2 && bits != 4 && bits != 8)
    return std::nullopt;
  int64_t n = weight.getType().getShape()[0];
  if (usesPanelKernel(activationRows(op), n, bits, block[1], options)) {
    int64_t lanes = panelLanes(options);
    if (enc.getPacking() !=
            panelPacking(op.getContext(), bits, lanes, options.int8Activations) ||
        !panelTakes(bits, n, block[1], options))
      return std::nullopt;
    return KernelLayout{lanes, 1, /*panel=*/true};
  }
  int64_t lanes = kernelLanes(bits, block[1], options);
  if (!lanes)
    return std::nullopt;
  // The layout the kernel of this mode and row count would choose, and no
  // other: a weight laid out for another kernel is laid out again.
  int64_t r = rowsInFlight(activationRows(op), weight.getType().getShape()[0], bits, options);
  if (enc.getPacking() != kernelPacking(op.getContext(), bits, lanes, r))
    return std::nullopt;
  return KernelLayout{lanes, r};
}

x86::KernelOptions x86::lutOptions(const KernelOptions &options) {
  KernelOptions result = options;
  result.int8Activations = false;
  return result;
}

std::optional<x86::KernelLayout> x86::lutKernelFormLayout(MatmulOp op, LutOp weight,
                                                          const KernelOptions &given) {
  KernelOptions options = lutOptions(given);
  LutAttr enc = weight.getEncoding();
  ArrayRef<int64_t> block = enc.getBlock();
  unsigned bits = enc.getBits();
  auto scalesType = dyn_cast<RankedTensorType>(weight.getScales().getType());
  int64_t n = weight.getType().getShape()[0];
  if (op.getActQuantAttr() || !usesPanelKernel(activationRows(op), n, bits, block[1], options) ||
      enc.getTable() != LutKind::Custom || block.size() != 2 || block[0] != 1 ||
      (bits != 2 && bits != 4 && bits != 8) || !scalesType || !scalesType.getElementType().isF32() ||
      !cast<ShapedType>(weight.getTable().getType()).getElementType().isF32() ||
      !cast<ShapedType>(weight.getCodes().getType()).getElementType().isInteger(8))
    return std::nullopt;
  int64_t lanes = panelLanes(options);
  if (enc.getPacking() != panelPacking(op.getContext(), bits, lanes, /*int8=*/false) ||
      !panelTakes(bits, n, block[1], options))
    return std::nullopt;
  return KernelLayout{lanes, 1, /*panel=*/true};
}

namespace {

//===----------------------------------------------------------------------===//
// Weights from constants
//===----------------------------------------------------------------------===//

/// The codes of a rank-2 uniform weight as a row-major [N, K] matrix.
std::optional<std::vector<int32_t>> weightCodes(Value codesValue, PackingAttr packing,
                                                bool isSigned, int64_t n, int64_t k) {
  if (!packing) {
    std::optional<std::vector<int64_t>> codes = constantIntElements(codesValue, isSigned);
    if (!codes || static_cast<int64_t>(codes->size()) != n * k)
      return std::nullopt;
    return std::vector<int32_t>(codes->begin(), codes->end());
  }
  std::optional<std::vector<char>> bytes = constantBytes(codesValue);
  if (!bytes)
    return std::nullopt;
  std::vector<uint8_t> stream(bytes->begin(), bytes->end());
  std::vector<int64_t> tile(packing.getTile().begin(), packing.getTile().end());
  std::vector<int64_t> interleave(packing.getInterleave().begin(),
                                  packing.getInterleave().end());
  auto order = packing.getOrder() == BitOrder::LsbFirst ? quant::BitOrder::LsbFirst
                                                        : quant::BitOrder::MsbFirst;
  try {
    return quant::unpackMatrix(stream, n, k, packing.getBits(), order, isSigned, tile,
                               interleave);
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

std::optional<std::vector<int32_t>> weightCodes(UniformOp op, int64_t n, int64_t k) {
  UniformAttr enc = op.getEncoding();
  return weightCodes(op.getCodes(), enc.getPacking(), enc.isSigned(), n, k);
}

/// A constant tensor holding `bytes`, as a resource blob (weights are large;
/// a blob is neither uniqued nor hashed).
Value blobConstant(ImplicitLocOpBuilder &b, RankedTensorType type, ArrayRef<char> bytes,
                   StringRef name) {
  auto blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      bytes, std::max<unsigned>(1, type.getElementTypeBitWidth() / 8));
  return arith::ConstantOp::create(b, DenseResourceElementsAttr::get(type, name, std::move(blob)));
}

template <typename T>
ArrayRef<char> asBytes(const std::vector<T> &values) {
  return ArrayRef<char>(reinterpret_cast<const char *>(values.data()), values.size() * sizeof(T));
}

/// `x` with its last dimension permuted: `y[..., k] = x[..., perm[k]]`.
Value gatherColumns(ImplicitLocOpBuilder &b, Value x, ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  auto permType = RankedTensorType::get({static_cast<int64_t>(perm.size())}, b.getI64Type());
  Value permValues = blobConstant(
      b, permType, asBytes(std::vector<int64_t>(perm.begin(), perm.end())), "x86_act_order");
  Value init = tensor::EmptyOp::create(b, type.getShape(), type.getElementType());
  auto generic = linalg::GenericOp::create(
      b, TypeRange{type}, ValueRange{}, ValueRange{init},
      ArrayRef<AffineMap>{b.getMultiDimIdentityMap(rank)},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &nb, Location loc, ValueRange) {
        SmallVector<Value> indices;
        for (int64_t d = 0; d < rank; ++d)
          indices.push_back(linalg::IndexOp::create(nb, loc, d));
        Value source = tensor::ExtractOp::create(nb, loc, permValues, indices.back());
        indices.back() = arith::IndexCastOp::create(nb, loc, nb.getIndexType(), source);
        Value element = tensor::ExtractOp::create(nb, loc, x, indices);
        linalg::YieldOp::create(nb, loc, element);
      });
  return generic.getResult(0);
}

//===----------------------------------------------------------------------===//
// The rewrite
//===----------------------------------------------------------------------===//

/// `op` again, on `input` and the rewritten `kernelWeight` (its attributes
/// kept); the old weight goes when nothing else uses it.
void replaceWeight(PatternRewriter &rewriter, ImplicitLocOpBuilder &b, MatmulOp op, Value input,
                   Operation *weight, Value kernelWeight) {
  auto matmul = MatmulOp::create(b, op.getType(), input, kernelWeight, op.getBias(),
                                 op.getInputScale(), op.getActQuantAttr());
  matmul->setDiscardableAttrs(op->getDiscardableAttrDictionary());
  rewriter.replaceOp(op, matmul.getResult());
  if (weight->use_empty())
    rewriter.eraseOp(weight);
}

struct UniformToKernelForm : OpRewritePattern<MatmulOp> {
  UniformToKernelForm(MLIRContext *ctx, const x86::KernelOptions &options)
      : OpRewritePattern(ctx), options(options) {}

  LogicalResult matchAndRewrite(MatmulOp op, PatternRewriter &rewriter) const override {
    auto weight = op.getWeight().getDefiningOp<UniformOp>();
    if (!weight || !x86::takesKernel(op, this->options))
      return rewriter.notifyMatchFailure(op, "not a matmul the fused kernel takes");
    x86::KernelOptions options = x86::optionsFor(op, this->options);
    if (x86::kernelFormLayout(op, weight, options))
      return rewriter.notifyMatchFailure(op, "already in the kernel form");
    if (!isa<RankedTensorType>(weight.getScales().getType()))
      return rewriter.notifyMatchFailure(op, "quantized scales");

    UniformAttr enc = weight.getEncoding();
    QTensorType type = weight.getType();
    int64_t n = type.getShape()[0], k = type.getShape()[1];
    ArrayRef<int64_t> block = enc.getBlock();
    auto scaleType = cast<RankedTensorType>(weight.getScales().getType());
    if (scaleType.getRank() != 2)
      return rewriter.notifyMatchFailure(op, "scales are not a matrix");
    int64_t scaleRows = scaleType.getShape()[0], groups = scaleType.getShape()[1];

    std::optional<std::vector<int32_t>> codes = weightCodes(weight, n, k);
    if (!codes)
      return rewriter.notifyMatchFailure(op, "codes are not constants");
    int64_t offset = enc.isSigned() ? int64_t(1) << (enc.getBits() - 1) : 0;
    int64_t rowBlock = n / scaleRows;
    // Scales and zero points already per row and group (MatMulNBits: its
    // zero points are unpacked by ops, not constants) are kept as they are.
    Value zp = weight.getZeroPoints();
    Type zpElement = zp ? cast<ShapedType>(zp.getType()).getElementType() : Type();
    bool keepScales = rowBlock == 1 && scaleType.getElementType().isF32();
    bool keepZeros = keepScales && offset == 0 && zp &&
                     (zpElement.isInteger(8) || zpElement.isF32());
    std::optional<std::vector<float>> scales;
    if (!keepScales && !(scales = constantFloatElements(weight.getScales())))
      return rewriter.notifyMatchFailure(op, "scales are not constants");
    // Zero points as integers when they are, floats otherwise (both exact).
    std::optional<std::vector<int64_t>> intZeros;
    std::optional<std::vector<float>> floatZeros;
    if (!zp) {
      intZeros = std::vector<int64_t>(scaleRows * groups, 0);
    } else if (!keepZeros) {
      if (isa<FloatType>(zpElement))
        floatZeros = constantFloatElements(zp);
      else
        intZeros = constantIntElements(zp, enc.isSigned());
      if (!intZeros && !floatZeros)
        return rewriter.notifyMatchFailure(op, "zero points are not constants");
    }

    // Column order: act-order groups become contiguous runs of equal size.
    std::vector<int64_t> groupOf(k), perm(k);
    if (Value gi = weight.getGroupIndex()) {
      std::optional<std::vector<int64_t>> index = constantIntElements(gi, /*isSigned=*/true);
      if (!index || static_cast<int64_t>(index->size()) != k)
        return rewriter.notifyMatchFailure(op, "group index is not a constant");
      groupOf = *index;
    } else {
      for (int64_t c = 0; c < k; ++c)
        groupOf[c] = c / block[1];
    }
    std::iota(perm.begin(), perm.end(), 0);
    std::stable_sort(perm.begin(), perm.end(),
                     [&](int64_t a, int64_t b) { return groupOf[a] < groupOf[b]; });
    if (k % groups != 0)
      return rewriter.notifyMatchFailure(op, "groups of unequal size");
    int64_t group = k / groups;
    for (int64_t c = 0; c < k; ++c)
      if (groupOf[perm[c]] != c / group)
        return rewriter.notifyMatchFailure(op, "groups of unequal size");
    bool permuted = !llvm::equal(perm, llvm::seq<int64_t>(0, k));

    unsigned bits = enc.getBits() <= 2 ? 2 : enc.getBits() <= 4 ? 4 : 8;
    bool panel = x86::usesPanelKernel(x86::activationRows(op), n, bits, group, options);
    int64_t lanes = panel ? x86::panelLanes(options) : x86::kernelLanes(bits, group, options);
    if (!lanes)
      return rewriter.notifyMatchFailure(op, "no chunk of the kernel divides the group");
    if (panel && !panelTakes(bits, n, group, options))
      return rewriter.notifyMatchFailure(
          op, "the panel kernel needs whole strips of rows and whole chunks per group");

    // Unsigned codes; the offset of signed ones moves into the zero points.
    std::vector<int32_t> kernelCodes(n * k);
    for (int64_t r = 0; r < n; ++r)
      for (int64_t c = 0; c < k; ++c)
        kernelCodes[r * k + c] = (*codes)[r * k + perm[c]] + offset;
    // Per-row scales and zero points [N, groups].
    std::vector<float> kernelScales, kernelFloatZeros;
    std::vector<uint8_t> kernelIntZeros;
    bool intZp = intZeros.has_value();
    if (intZp)
      for (int64_t z : *intZeros)
        intZp &= z + offset >= 0 && z + offset <= 255;
    for (int64_t r = 0; r < n; ++r)
      for (int64_t g = 0; g < groups; ++g) {
        int64_t at = (r / rowBlock) * groups + g;
        if (!keepScales)
          kernelScales.push_back((*scales)[at]);
        if (keepZeros)
          continue;
        double z = (intZeros ? static_cast<double>((*intZeros)[at]) : (*floatZeros)[at]) + offset;
        if (intZp)
          kernelIntZeros.push_back(static_cast<uint8_t>(z));
        else
          kernelFloatZeros.push_back(static_cast<float>(z));
      }

    ImplicitLocOpBuilder b(weight.getLoc(), rewriter);
    MLIRContext *ctx = rewriter.getContext();
    // Row kernel: the R rows in flight stored chunk by chunk (one stream
    // per R rows). Panel kernel: strips of L rows, a byte per row.
    PackingAttr packing =
        panel ? x86::panelPacking(ctx, bits, lanes, options.int8Activations)
              : x86::kernelPacking(
                    ctx, bits, lanes,
                    x86::rowsInFlight(x86::activationRows(op), n, bits, options));
    std::vector<int64_t> tile, interleave;
    if (packing) {
      tile.assign(packing.getTile().begin(), packing.getTile().end());
      interleave.assign(packing.getInterleave().begin(), packing.getInterleave().end());
    }
    std::vector<uint8_t> packed =
        quant::packMatrix(kernelCodes, n, k, bits, quant::BitOrder::LsbFirst, tile, interleave);
    SmallVector<int64_t> storage = packing ? packing.getStorageShape({n, k})
                                           : SmallVector<int64_t>{n, k};
    Value codesValue = blobConstant(b, RankedTensorType::get(storage, b.getI8Type()),
                                    asBytes(packed), "x86_codes");
    auto groupType = [&](Type element) { return RankedTensorType::get({n, groups}, element); };
    Value scalesValue =
        keepScales ? weight.getScales()
                   : blobConstant(b, groupType(b.getF32Type()), asBytes(kernelScales),
                                  "x86_scales");
    Value zerosValue =
        keepZeros ? zp
        : intZp   ? blobConstant(b, groupType(b.getI8Type()), asBytes(kernelIntZeros),
                                 "x86_zero_points")
                  : blobConstant(b, groupType(b.getF32Type()), asBytes(kernelFloatZeros),
                                 "x86_zero_points");
    auto encoding = UniformAttr::get(ctx, bits, Signedness::Unsigned, {1, group},
                                     /*zero_point=*/true, packing);
    auto kernelType = QTensorType::get(ctx, type.getShape(), type.getElementType(), encoding);
    Value kernelWeight =
        UniformOp::create(b, kernelType, codesValue, scalesValue, zerosValue, Value());

    b.setInsertionPoint(op);
    b.setLoc(op.getLoc());
    Value input = permuted ? gatherColumns(b, op.getInput(), perm) : op.getInput();
    replaceWeight(rewriter, b, op, input, weight, kernelWeight);
    return success();
  }

  x86::KernelOptions options;
};

/// A lookup-table weight (NF4, FP4, custom) of a matmul that takes the
/// float panel kernel, rewritten into its form: codes in the panel layout
/// (3-bit codes in 4 bits, 5..7-bit in 8), scales per row and group
/// `[N, K / G]`, and the table as an f32 `custom` operand (named tables
/// from lib/Quant, padded with zeros to the container's 2^bits entries).
struct LutToKernelForm : OpRewritePattern<MatmulOp> {
  LutToKernelForm(MLIRContext *ctx, const x86::KernelOptions &options)
      : OpRewritePattern(ctx), options(options) {}

  LogicalResult matchAndRewrite(MatmulOp op, PatternRewriter &rewriter) const override {
    auto weight = op.getWeight().getDefiningOp<LutOp>();
    if (!weight || !x86::takesKernel(op, options) || op.getActQuantAttr())
      return rewriter.notifyMatchFailure(op, "not a matmul the float panel kernel takes");
    x86::KernelOptions options = x86::lutOptions(this->options);
    if (x86::lutKernelFormLayout(op, weight, options))
      return rewriter.notifyMatchFailure(op, "already in the kernel form");
    LutAttr enc = weight.getEncoding();
    QTensorType type = weight.getType();
    int64_t n = type.getShape()[0], k = type.getShape()[1];
    ArrayRef<int64_t> block = enc.getBlock();
    unsigned bits = enc.getBits() <= 2 ? 2 : enc.getBits() <= 4 ? 4 : 8;
    auto scaleType = dyn_cast<RankedTensorType>(weight.getScales().getType());
    if (block.size() != 2 || !scaleType || scaleType.getRank() != 2 || k % block[1] != 0 ||
        !x86::usesPanelKernel(x86::activationRows(op), n, bits, block[1], options) ||
        !x86::panelTakes(bits, n, block[1], options))
      return rewriter.notifyMatchFailure(op, "the panel kernel does not take this weight");
    int64_t group = block[1], groups = k / group, rowBlock = block[0];
    // Everything is read before anything is created.
    std::optional<std::vector<int32_t>> codes =
        weightCodes(weight.getCodes(), enc.getPacking(), /*isSigned=*/false, n, k);
    std::optional<std::vector<float>> scales = constantFloatElements(weight.getScales());
    std::vector<float> table;
    if (enc.getTable() == LutKind::NF4) {
      table.assign(quant::nf4Table().begin(), quant::nf4Table().end());
    } else if (enc.getTable() == LutKind::FP4E2M1) {
      table.assign(quant::fp4E2M1Table().begin(), quant::fp4E2M1Table().end());
    } else if (std::optional<std::vector<float>> values =
                   constantFloatElements(weight.getTable())) {
      table = *values;
    }
    if (!codes || !scales || table.empty() ||
        static_cast<int64_t>(scales->size()) != (n / rowBlock) * groups)
      return rewriter.notifyMatchFailure(op, "codes, scales or table are not constants");
    table.resize(size_t(1) << bits, 0.0f);
    std::vector<float> rowScales;
    for (int64_t r = 0; r < n; ++r)
      for (int64_t g = 0; g < groups; ++g)
        rowScales.push_back((*scales)[(r / rowBlock) * groups + g]);

    ImplicitLocOpBuilder b(weight.getLoc(), rewriter);
    MLIRContext *ctx = rewriter.getContext();
    PackingAttr packing =
        x86::panelPacking(ctx, bits, x86::panelLanes(options), /*int8=*/false);
    std::vector<uint8_t> packed =
        quant::packMatrix(*codes, n, k, bits, quant::BitOrder::LsbFirst,
                          {packing.getTile().begin(), packing.getTile().end()}, {});
    Value codesValue =
        blobConstant(b, RankedTensorType::get(packing.getStorageShape({n, k}), b.getI8Type()),
                     asBytes(packed), "x86_codes");
    Value scalesValue = blobConstant(b, RankedTensorType::get({n, groups}, b.getF32Type()),
                                     asBytes(rowScales), "x86_scales");
    Value tableValue = arith::ConstantOp::create(
        b, DenseElementsAttr::get(
               RankedTensorType::get({static_cast<int64_t>(table.size())}, b.getF32Type()),
               ArrayRef<float>(table)));
    auto encoding = LutAttr::get(ctx, bits, LutKind::Custom, {1, group}, packing);
    auto kernelType = QTensorType::get(ctx, type.getShape(), type.getElementType(), encoding);
    Value kernelWeight = LutOp::create(b, kernelType, codesValue, scalesValue, tableValue);
    b.setInsertionPoint(op);
    b.setLoc(op.getLoc());
    replaceWeight(rewriter, b, op, op.getInput(), weight, kernelWeight);
    return success();
  }

  x86::KernelOptions options;
};

/// A float contraction `y[..., n] = sum_k x[..., k] * B` whose B is a
/// dequantized uniform weight (ONNX QDQ: DequantizeLinear feeding MatMul)
/// becomes `qnt.matmul`, so that it takes the fused kernels. A `[K, N]`
/// weight is transposed from its constants into the `[N, K]` that
/// qnt.matmul takes (codes unpacked to bytes, scales and zero points
/// transposed, the block swapped).
struct DequantizedMatmulToQnt : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op, PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
        !linalg::isaContractionOpInterface(op))
      return failure();
    FailureOr<linalg::ContractionDimensions> dims = linalg::inferContractionDims(op);
    if (failed(dims) || dims->k.size() != 1 || dims->n.size() != 1 || !dims->batch.empty())
      return failure();
    unsigned kDim = dims->k[0], nDim = dims->n[0];
    OpOperand *b = nullptr, *a = nullptr;
    for (unsigned i = 0; i < 2; ++i)
      if (op.getDpsInputOperand(i)->get().getDefiningOp<DequantizeOp>()) {
        b = op.getDpsInputOperand(i);
        a = op.getDpsInputOperand(1 - i);
      }
    if (!b)
      return failure();
    auto dequantize = b->get().getDefiningOp<DequantizeOp>();
    auto weight = dequantize.getInput().getDefiningOp<UniformOp>();
    auto aType = dyn_cast<RankedTensorType>(a->get().getType());
    auto resultType = dyn_cast<RankedTensorType>(op.getResult(0).getType());
    if (!weight || weight.getGroupIndex() || !aType || !resultType ||
        !aType.getElementType().isF32() || !resultType.getElementType().isF32() ||
        weight.getType().getElementType() != aType.getElementType() ||
        !isa<RankedTensorType>(weight.getScales().getType()))
      return failure();
    // x[m..., k] and y[m..., n] over the same leading dimensions, in order;
    // B as [K, N] or [N, K]; y starting at zero.
    AffineMap bMap = op.getMatchingIndexingMap(b), aMap = op.getMatchingIndexingMap(a);
    AffineMap cMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
    if (bMap.getNumResults() != 2 || !bMap.isProjectedPermutation() ||
        !aMap.isProjectedPermutation() || !cMap.isProjectedPermutation() ||
        aMap.getNumResults() != cMap.getNumResults() ||
        aMap.getDimPosition(aMap.getNumResults() - 1) != kDim ||
        cMap.getDimPosition(cMap.getNumResults() - 1) != nDim)
      return failure();
    for (unsigned i = 0; i + 1 < aMap.getNumResults(); ++i)
      if (aMap.getDimPosition(i) != cMap.getDimPosition(i))
        return failure();
    bool kn = bMap.getDimPosition(0) == kDim;
    auto fill = op.getDpsInitOperand(0)->get().getDefiningOp<linalg::FillOp>();
    FloatAttr zero;
    if (!fill || !matchPattern(fill.getInputs()[0], m_Constant(&zero)) ||
        !zero.getValue().isZero())
      return failure();

    Value qweight = weight.getResult();
    if (kn) {
      FailureOr<Value> transposed = transposeWeight(rewriter, weight);
      if (failed(transposed))
        return failure();
      qweight = *transposed;
    }
    rewriter.setInsertionPoint(op);
    auto matmul = MatmulOp::create(rewriter, op.getLoc(), resultType, a->get(), qweight, Value(),
                                   Value(), ActQuantAttr());
    rewriter.replaceOp(op, matmul.getResult());
    return success();
  }

  /// The `[N, K]` uniform weight equal to the transpose of `weight` `[K, N]`.
  static FailureOr<Value> transposeWeight(PatternRewriter &rewriter, UniformOp weight) {
    UniformAttr enc = weight.getEncoding();
    ArrayRef<int64_t> shape = weight.getType().getShape();
    int64_t rows = shape[0], cols = shape[1];
    auto scaleType = cast<RankedTensorType>(weight.getScales().getType());
    if (scaleType.getRank() != 2)
      return failure();
    int64_t sr = scaleType.getShape()[0], sc = scaleType.getShape()[1];
    // Everything is read before anything is created: a pattern that fails
    // must leave the IR as it was.
    std::optional<std::vector<int32_t>> codes = weightCodes(weight, rows, cols);
    std::optional<std::vector<float>> scales = constantFloatElements(weight.getScales());
    std::optional<std::vector<float>> floatZeros;
    std::optional<std::vector<int64_t>> intZeros;
    Value zp = weight.getZeroPoints();
    if (zp && isa<FloatType>(cast<ShapedType>(zp.getType()).getElementType()))
      floatZeros = constantFloatElements(zp);
    else if (zp)
      intZeros = constantIntElements(zp, enc.isSigned());
    if (!codes || !scales || (zp && !floatZeros && !intZeros))
      return failure();
    auto transpose = [](const auto &values, int64_t r, int64_t c) {
      std::decay_t<decltype(values)> out(values.size());
      for (int64_t i = 0; i < r; ++i)
        for (int64_t j = 0; j < c; ++j)
          out[j * r + i] = values[i * c + j];
      return out;
    };
    ImplicitLocOpBuilder b(weight.getLoc(), rewriter);
    std::vector<int8_t> codeBytes;
    for (int32_t code : transpose(*codes, rows, cols))
      codeBytes.push_back(static_cast<int8_t>(code));
    Value codesValue = blobConstant(b, RankedTensorType::get({cols, rows}, b.getI8Type()),
                                    asBytes(codeBytes), "transposed_codes");
    auto scaleShaped = [&](Type element) { return RankedTensorType::get({sc, sr}, element); };
    Value scalesValue = blobConstant(b, scaleShaped(b.getF32Type()),
                                     asBytes(transpose(*scales, sr, sc)), "transposed_scales");
    Value zerosValue;
    if (floatZeros) {
      zerosValue = blobConstant(b, scaleShaped(b.getF32Type()),
                                asBytes(transpose(*floatZeros, sr, sc)), "transposed_zero_points");
    } else if (intZeros) {
      std::vector<int16_t> wide;
      for (int64_t z : transpose(*intZeros, sr, sc))
        wide.push_back(static_cast<int16_t>(z));
      zerosValue = blobConstant(b, scaleShaped(b.getI16Type()), asBytes(wide),
                                "transposed_zero_points");
    }
    auto encoding = UniformAttr::get(rewriter.getContext(), enc.getBits(), enc.getSignedness(),
                                     {enc.getBlock()[1], enc.getBlock()[0]}, enc.getZeroPoint(),
                                     PackingAttr());
    auto type = QTensorType::get(rewriter.getContext(), {cols, rows},
                                 weight.getType().getElementType(), encoding);
    return UniformOp::create(b, type, codesValue, scalesValue, zerosValue, Value()).getResult();
  }
};

} // namespace

void x86::populateX86WeightLayoutPatterns(RewritePatternSet &patterns,
                                          const KernelOptions &options) {
  patterns.add<UniformToKernelForm, LutToKernelForm>(patterns.getContext(), options);
  patterns.add<DequantizedMatmulToQnt>(patterns.getContext());
}
