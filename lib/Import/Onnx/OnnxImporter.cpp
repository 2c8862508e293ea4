//===- OnnxImporter.cpp - ONNX protobuf to the onnx dialect ---------------===//
//
// The model is parsed whole, then imported in one walk: graph inputs become
// function arguments, initializers `arith.constant`s, each node (in a stable
// topological order) one `onnx.node`, subgraph attributes regions of their
// node. Everything read from the file is checked before it is trusted:
// names (defined once, before use), tensor sizes against their shapes,
// external data paths against the model's directory. The first problem is
// reported as one error at a location naming the file, and the import stops.
//
//===----------------------------------------------------------------------===//

#include "quench/Import/OnnxImporter.h"

#include "dialects/Onnx/OnnxDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Alignment.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/onnx_pb.h"
#include <google/protobuf/stubs/logging.h>

#include <climits>
#include <cstring>
#include <functional>
#include <queue>

using namespace mlir;
namespace pb = ::onnx;
using quench::OnnxImportOptions;
using quench::onnx::NodeOp;
using quench::onnx::NoneOp;
using quench::onnx::UnknownType;
using quench::onnx::YieldOp;

static_assert(llvm::endianness::native == llvm::endianness::little,
              "ONNX raw_data is little-endian; the importer copies it as is");

namespace {

/// The most elements one tensor may have (2^40, 4 TiB of bytes at the least).
constexpr int64_t kMaxElements = int64_t(1) << 40;
/// Deepest nesting of If/Loop/Scan bodies imported.
constexpr int kMaxSubgraphDepth = 32;

//===----------------------------------------------------------------------===//
// Messages
//===----------------------------------------------------------------------===//

/// A name from the model, for a one-line message: non-printable bytes
/// escaped, very long names shortened.
std::string escaped(StringRef name) {
  constexpr size_t kMaxShown = 120;
  std::string out;
  llvm::raw_string_ostream os(out);
  os.write_escaped(name.take_front(kMaxShown));
  if (name.size() > kMaxShown)
    os << "...";
  return out;
}

/// The same, quoted.
std::string q(StringRef name) { return "'" + escaped(name) + "'"; }

std::string formatDims(ArrayRef<int64_t> dims) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << '[';
  llvm::interleaveComma(dims.take_front(16), os);
  if (dims.size() > 16)
    os << ", ...";
  os << ']';
  return out;
}

std::string typeString(Type type) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << type;
  return out;
}

/// "" and "ai.onnx" name the same (default) domain; it is stored as "".
StringRef normalizeDomain(StringRef domain) {
  return domain == "ai.onnx" ? StringRef() : domain;
}

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

/// ONNX TensorProto.DataType codes (onnx.proto; newer than Debian's 1.12
/// headers, so spelled out here).
enum DataType : int32_t {
  kUndefined = 0,
  kFloat = 1,
  kUint8 = 2,
  kInt8 = 3,
  kUint16 = 4,
  kInt16 = 5,
  kInt32 = 6,
  kInt64 = 7,
  kString = 8,
  kBool = 9,
  kFloat16 = 10,
  kDouble = 11,
  kUint32 = 12,
  kUint64 = 13,
  kComplex64 = 14,
  kComplex128 = 15,
  kBfloat16 = 16,
  kFloat8E4M3FN = 17,
  kFloat8E4M3FNUZ = 18,
  kFloat8E5M2 = 19,
  kFloat8E5M2FNUZ = 20,
  kUint4 = 21,
  kInt4 = 22,
  kFloat4E2M1 = 23,
  kFloat8E8M0 = 24,
  kUint2 = 25,
  kInt2 = 26,
};

/// Which typed field of TensorProto holds a type's values when raw_data is
/// not used.
enum class TypedField { Float, Double, Int32, Int64, Uint64 };

/// How ONNX stores an element type, and the MLIR type that holds it.
struct ElementKind {
  Type type;
  /// Bits per element in raw_data: 8..64, or 4 / 2 for the packed types
  /// (several elements per byte, the first in the least significant bits).
  unsigned bits;
  TypedField field;
  bool isBool = false;
  /// Packed elements are two's complement (int4, int2).
  bool isSigned = false;

  bool isPacked() const { return bits < 8; }
  /// Bytes per element once imported (packed types take one byte each).
  unsigned storageBytes() const { return isPacked() ? 1 : bits / 8; }
};

/// The element kinds an importable tensor can have; nullopt for strings,
/// complex numbers, UNDEFINED and codes this importer does not know.
std::optional<ElementKind> getElementKind(MLIRContext *ctx, int32_t code) {
  auto integer = [&](unsigned width, bool isUnsigned) -> Type {
    return IntegerType::get(ctx, width,
                            isUnsigned ? IntegerType::Unsigned
                                       : IntegerType::Signless);
  };
  using F = TypedField;
  switch (code) {
  case kFloat:
    return ElementKind{Float32Type::get(ctx), 32, F::Float};
  case kDouble:
    return ElementKind{Float64Type::get(ctx), 64, F::Double};
  case kFloat16:
    return ElementKind{Float16Type::get(ctx), 16, F::Int32};
  case kBfloat16:
    return ElementKind{BFloat16Type::get(ctx), 16, F::Int32};
  case kInt8:
    return ElementKind{integer(8, false), 8, F::Int32};
  case kInt16:
    return ElementKind{integer(16, false), 16, F::Int32};
  case kInt32:
    return ElementKind{integer(32, false), 32, F::Int32};
  case kInt64:
    return ElementKind{integer(64, false), 64, F::Int64};
  case kUint8:
    return ElementKind{integer(8, true), 8, F::Int32};
  case kUint16:
    return ElementKind{integer(16, true), 16, F::Int32};
  case kUint32:
    return ElementKind{integer(32, true), 32, F::Uint64};
  case kUint64:
    return ElementKind{integer(64, true), 64, F::Uint64};
  case kBool:
    return ElementKind{integer(1, false), 8, F::Int32, /*isBool=*/true};
  case kFloat8E4M3FN:
    return ElementKind{Float8E4M3FNType::get(ctx), 8, F::Int32};
  case kFloat8E4M3FNUZ:
    return ElementKind{Float8E4M3FNUZType::get(ctx), 8, F::Int32};
  case kFloat8E5M2:
    return ElementKind{Float8E5M2Type::get(ctx), 8, F::Int32};
  case kFloat8E5M2FNUZ:
    return ElementKind{Float8E5M2FNUZType::get(ctx), 8, F::Int32};
  case kFloat8E8M0:
    return ElementKind{Float8E8M0FNUType::get(ctx), 8, F::Int32};
  case kUint4:
    return ElementKind{integer(4, true), 4, F::Int32};
  case kInt4:
    return ElementKind{integer(4, false), 4, F::Int32, /*isBool=*/false,
                       /*isSigned=*/true};
  case kFloat4E2M1:
    return ElementKind{Float4E2M1FNType::get(ctx), 4, F::Int32};
  case kUint2:
    return ElementKind{integer(2, true), 2, F::Int32};
  case kInt2:
    return ElementKind{integer(2, false), 2, F::Int32, /*isBool=*/false,
                       /*isSigned=*/true};
  default:
    return std::nullopt;
  }
}

StringRef typedFieldName(TypedField field) {
  switch (field) {
  case TypedField::Float:
    return "float_data";
  case TypedField::Double:
    return "double_data";
  case TypedField::Int32:
    return "int32_data";
  case TypedField::Int64:
    return "int64_data";
  case TypedField::Uint64:
    return "uint64_data";
  }
  llvm_unreachable("unknown field");
}

//===----------------------------------------------------------------------===//
// Tensor bytes
//===----------------------------------------------------------------------===//

/// Bytes of a tensor and whatever keeps them alive: a raw_data string taken
/// out of the model, a mapped slice of an external file, or a copy.
struct TensorBytes {
  ArrayRef<char> bytes;
  std::unique_ptr<std::string> string;
  std::unique_ptr<llvm::MemoryBuffer> file;
  std::unique_ptr<std::vector<char>> copy;

  void own(std::vector<char> data) {
    copy = std::make_unique<std::vector<char>>(std::move(data));
    bytes = ArrayRef<char>(copy->data(), copy->size());
    string.reset();
    file.reset();
  }

  /// A resource blob over these bytes without copying them when they are
  /// aligned for the element type.
  AsmResourceBlob takeBlob(size_t alignment) {
    if (!llvm::isAddrAligned(llvm::Align(alignment), bytes.data()))
      return HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, alignment);
    auto owner = std::make_shared<TensorBytes>(std::move(*this));
    ArrayRef<char> data = owner->bytes;
    return UnmanagedAsmResourceBlob::allocateWithAlign(
        data, alignment, [owner](void *, size_t, size_t) mutable {
          owner.reset();
        });
  }
};

//===----------------------------------------------------------------------===//
// Graph scopes
//===----------------------------------------------------------------------===//

/// The values and declared types of one graph; subgraph scopes chain to the
/// scope of the graph around them.
struct Scope {
  Scope *parent = nullptr;
  /// How many subgraphs enclose this one (0 for the main graph).
  int depth = 0;
  Block *block = nullptr;
  llvm::StringMap<Value> values;
  llvm::StringMap<const pb::TypeProto *> types;
  /// This graph's `onnx.none`, made on first use.
  Value none;

  Value lookup(StringRef name) const {
    for (const Scope *scope = this; scope; scope = scope->parent) {
      auto it = scope->values.find(name);
      if (it != scope->values.end())
        return it->second;
    }
    return nullptr;
  }
  const pb::TypeProto *lookupType(StringRef name) const {
    for (const Scope *scope = this; scope; scope = scope->parent) {
      auto it = scope->types.find(name);
      if (it != scope->types.end())
        return it->second;
    }
    return nullptr;
  }
};

/// The attribute's kind: its `type` field, or (for IR version 1 models and
/// kinds newer than this proto) the field that holds its value.
int attributeKind(const pb::AttributeProto &attr) {
  using A = pb::AttributeProto;
  if (attr.type() != A::UNDEFINED)
    return attr.type();
  if (attr.has_f())
    return A::FLOAT;
  if (attr.has_i())
    return A::INT;
  if (attr.has_s())
    return A::STRING;
  if (attr.has_t())
    return A::TENSOR;
  if (attr.has_g())
    return A::GRAPH;
  if (attr.has_sparse_tensor())
    return A::SPARSE_TENSOR;
  if (attr.has_tp())
    return A::TYPE_PROTO;
  if (attr.floats_size())
    return A::FLOATS;
  if (attr.ints_size())
    return A::INTS;
  if (attr.strings_size())
    return A::STRINGS;
  if (attr.tensors_size())
    return A::TENSORS;
  if (attr.graphs_size())
    return A::GRAPHS;
  if (attr.sparse_tensors_size())
    return A::SPARSE_TENSORS;
  if (attr.type_protos_size())
    return A::TYPE_PROTOS;
  return A::UNDEFINED;
}

/// Calls `fn` on every subgraph held by the node's attributes.
void forEachSubgraph(const pb::NodeProto &node,
                     llvm::function_ref<void(const pb::GraphProto &)> fn) {
  for (const pb::AttributeProto &attr : node.attribute()) {
    int kind = attributeKind(attr);
    if (kind == pb::AttributeProto::GRAPH)
      fn(attr.g());
    else if (kind == pb::AttributeProto::GRAPHS)
      for (const pb::GraphProto &graph : attr.graphs())
        fn(graph);
  }
}

/// Adds to `names` every value `graph` (or a subgraph in it) reads without
/// defining it: what it captures from the graphs around it.
void collectOuterNames(const pb::GraphProto &graph, llvm::StringSet<> &names) {
  llvm::StringSet<> defined;
  for (const pb::ValueInfoProto &input : graph.input())
    defined.insert(input.name());
  for (const pb::TensorProto &init : graph.initializer())
    defined.insert(init.name());
  for (const pb::NodeProto &node : graph.node())
    for (const std::string &output : node.output())
      defined.insert(output);
  auto use = [&](StringRef name) {
    if (!name.empty() && !defined.contains(name))
      names.insert(name);
  };
  for (const pb::NodeProto &node : graph.node()) {
    for (const std::string &input : node.input())
      use(input);
    forEachSubgraph(node, [&](const pb::GraphProto &subgraph) {
      llvm::StringSet<> inner;
      collectOuterNames(subgraph, inner);
      for (const auto &entry : inner)
        use(entry.getKey());
    });
  }
  for (const pb::ValueInfoProto &output : graph.output())
    use(output.name());
}

//===----------------------------------------------------------------------===//
// The importer
//===----------------------------------------------------------------------===//

class Importer {
public:
  Importer(MLIRContext &context, StringRef path,
           const OnnxImportOptions &options)
      : ctx(&context), path(path.str()), options(options),
        fileLoc(FileLineColLoc::get(&context, path, 0, 0)), builder(&context) {}

  OwningOpRef<ModuleOp> run();

private:
  LogicalResult fail(const Twine &message) {
    emitError(fileLoc) << message.str();
    return failure();
  }
  Location nameLoc(StringRef name) {
    return NameLoc::get(StringAttr::get(ctx, name), fileLoc);
  }

  // Reading and checking the model.
  LogicalResult readModel();
  LogicalResult readOpsets();
  LogicalResult bindInputShapes(const pb::GraphProto &graph);
  LogicalResult freezeInputs(pb::GraphProto &graph);
  std::string describeInputs(const pb::GraphProto &graph);

  // Types.
  FailureOr<Type> importType(const pb::TypeProto &type, StringRef valueName,
                             const SmallVector<int64_t> *fixedDims = nullptr);
  FailureOr<Type> resultType(Scope &scope, StringRef valueName);

  // Tensors.
  FailureOr<ElementsAttr> importTensor(pb::TensorProto &tensor,
                                       const std::string &what,
                                       StringRef blobHint);
  LogicalResult readTypedData(const pb::TensorProto &tensor,
                              const ElementKind &kind, int64_t numElements,
                              uint64_t rawSize, const std::string &what,
                              TensorBytes &data);
  LogicalResult readExternalData(const pb::TensorProto &tensor,
                                 uint64_t rawSize, const std::string &what,
                                 TensorBytes &data);
  std::string uniqueBlobKey(StringRef hint);

  // Graphs.
  LogicalResult importMainGraph(pb::GraphProto &graph, ModuleOp module);
  /// Imports initializers, then nodes; collects the graph's outputs.
  /// `outputWhat` starts the message for an undefined output.
  LogicalResult importBody(pb::GraphProto &graph, Scope &scope,
                           const std::string &outputWhat,
                           SmallVectorImpl<Value> &outputs);
  LogicalResult importSubgraph(pb::GraphProto &graph, Region &region,
                               Scope &parent, const std::string &where);
  void collectTypes(const pb::GraphProto &graph, Scope &scope);
  FailureOr<SmallVector<int>> sortNodes(const pb::GraphProto &graph,
                                        Scope &scope);
  LogicalResult importNode(pb::NodeProto &node, int index, Scope &scope);
  FailureOr<Attribute> importAttribute(pb::AttributeProto &attr, int kind,
                                       const std::string &nodeName,
                                       const std::string &what);
  Value getNone(Scope &scope);

  MLIRContext *ctx;
  std::string path;
  const OnnxImportOptions &options;
  Location fileLoc;
  OpBuilder builder;

  pb::ModelProto model;
  /// Opset version per (normalized) domain.
  llvm::StringMap<int64_t> opsets;
  /// dim_param symbols bound by --input-shape.
  llvm::StringMap<int64_t> symbolSizes;
  llvm::StringSet<> blobKeys;

  /// External data files already checked: location -> (real path, size).
  llvm::StringMap<std::pair<std::string, uint64_t>> externalFiles;
  std::optional<std::string> modelDir;
};

//===----------------------------------------------------------------------===//
// Reading the model
//===----------------------------------------------------------------------===//

LogicalResult Importer::readModel() {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (std::error_code ec = buffer.getError())
    return fail("cannot read the model: " + ec.message());
  size_t size = (*buffer)->getBufferSize();
  if (size > size_t(INT_MAX))
    return fail("the model file is " + Twine(size) +
                " bytes; a protobuf is limited to 2 GiB (larger models keep "
                "their weights in external data files)");
  // Protobuf may log parse problems itself; the error below says it all.
  google::protobuf::LogSilencer silencer;
  // Protobuf's default nesting limit (100 messages, about 33 levels of
  // subgraphs) would report deep nesting as corruption; the importer checks
  // subgraph depth itself and says so.
  google::protobuf::io::ArrayInputStream stream((*buffer)->getBufferStart(),
                                                static_cast<int>(size));
  google::protobuf::io::CodedInputStream coded(&stream);
  coded.SetRecursionLimit(1024);
  if (!model.ParseFromCodedStream(&coded) || !coded.ConsumedEntireMessage())
    return fail("not a valid ONNX model: the protobuf is truncated or corrupt");
  if (!model.has_graph())
    return fail("the model has no graph");
  return success();
}

LogicalResult Importer::freezeInputs(pb::GraphProto &graph) {
  for (const auto &[name, file] : options.frozenInputs) {
    const pb::ValueInfoProto *input = nullptr;
    for (const pb::ValueInfoProto &candidate : graph.input())
      if (candidate.name() == name)
        input = &candidate;
    bool initialized = llvm::any_of(graph.initializer(),
                                    [&](const pb::TensorProto &init) {
                                      return init.name() == name;
                                    });
    if (!input || initialized)
      return fail("--freeze-input names " + q(name) + ", which is not a graph "
                  "input; " + describeInputs(graph));
    auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (std::error_code ec = buffer.getError())
      return fail("--freeze-input " + q(name) + ": cannot read " + q(file) +
                  ": " + ec.message());
    pb::TensorProto tensor;
    google::protobuf::LogSilencer silencer;
    size_t size = (*buffer)->getBufferSize();
    if (size > size_t(INT_MAX) ||
        !tensor.ParseFromArray((*buffer)->getBufferStart(), static_cast<int>(size)))
      return fail("--freeze-input " + q(name) + ": " + q(file) +
                  " is not a serialized ONNX TensorProto");
    if (tensor.data_location() == pb::TensorProto::EXTERNAL)
      return fail("--freeze-input " + q(name) + ": " + q(file) +
                  " keeps its data in an external file; give the data inline");
    const pb::TypeProto::Tensor &declared = input->type().tensor_type();
    if (declared.elem_type() && declared.elem_type() != tensor.data_type())
      return fail("--freeze-input " + q(name) + ": " + q(file) +
                  " holds element type " + Twine(tensor.data_type()) +
                  " but the input is declared with type " +
                  Twine(declared.elem_type()));
    if (declared.has_shape()) {
      bool fits = declared.shape().dim_size() == tensor.dims_size();
      for (int i = 0; fits && i < tensor.dims_size(); ++i)
        if (declared.shape().dim(i).has_dim_value() &&
            declared.shape().dim(i).dim_value() != tensor.dims(i))
          fits = false;
      if (!fits)
        return fail("--freeze-input " + q(name) + ": " + q(file) +
                    " has dims " + formatDims(SmallVector<int64_t>(
                                       tensor.dims().begin(), tensor.dims().end())) +
                    " which do not fit the input's declared shape");
    }
    tensor.set_name(name);
    *graph.add_initializer() = std::move(tensor);
  }
  return success();
}

LogicalResult Importer::readOpsets() {
  for (const pb::OperatorSetIdProto &opset : model.opset_import()) {
    StringRef domain = normalizeDomain(opset.domain());
    if (opset.version() < 1)
      return fail("opset_import: domain " + q(domain) + " has version " +
                  Twine(opset.version()));
    auto [it, inserted] = opsets.try_emplace(domain, opset.version());
    if (!inserted && it->second != opset.version())
      return fail("opset_import: domain " + q(domain) +
                  " is imported at versions " + Twine(it->second) + " and " +
                  Twine(opset.version()));
  }
  // IR version 1 and 2 models had no opset_import and meant opset 1.
  if (model.opset_import_size() == 0 && model.ir_version() < 3)
    opsets[""] = 1;
  return success();
}

std::string Importer::describeInputs(const pb::GraphProto &graph) {
  llvm::StringSet<> initializers;
  for (const pb::TensorProto &init : graph.initializer())
    initializers.insert(init.name());
  std::string out = "graph inputs:";
  llvm::raw_string_ostream os(out);
  bool first = true;
  for (const pb::ValueInfoProto &input : graph.input()) {
    if (initializers.contains(input.name()))
      continue;
    os << (first ? " " : ", ") << q(input.name());
    first = false;
    if (!input.type().has_tensor_type()) {
      os << " (not a tensor)";
      continue;
    }
    const pb::TypeProto::Tensor &tensor = input.type().tensor_type();
    if (!tensor.has_shape()) {
      os << " (unranked)";
      continue;
    }
    os << " [";
    llvm::interleaveComma(tensor.shape().dim(), os,
                          [&](const pb::TensorShapeProto::Dimension &dim) {
                            if (dim.has_dim_value())
                              os << dim.dim_value();
                            else if (dim.has_dim_param())
                              os << dim.dim_param();
                            else
                              os << '?';
                          });
    os << ']';
  }
  if (first)
    os << " none";
  return out;
}

LogicalResult Importer::bindInputShapes(const pb::GraphProto &graph) {
  if (options.inputShapes.empty())
    return success();
  llvm::StringSet<> initializers;
  for (const pb::TensorProto &init : graph.initializer())
    initializers.insert(init.name());
  for (const auto &[name, dims] : options.inputShapes) {
    std::string given = "--input-shape " + escaped(name) + "=";
    for (auto [i, dim] : llvm::enumerate(dims))
      given += (i ? "x" : "") + std::to_string(dim);
    const pb::ValueInfoProto *input = nullptr;
    for (const pb::ValueInfoProto &candidate : graph.input())
      if (candidate.name() == name && !initializers.contains(name))
        input = &candidate;
    if (!input)
      return fail(given + " names no graph input; " + describeInputs(graph));
    if (!input->type().has_tensor_type())
      return fail(given + ": input " + q(name) + " is not a tensor; " +
                  describeInputs(graph));
    const pb::TypeProto::Tensor &tensor = input->type().tensor_type();
    if (!tensor.has_shape())
      continue;
    const auto &modelDims = tensor.shape().dim();
    if (modelDims.size() != static_cast<int>(dims.size()))
      return fail(given + " has rank " + Twine(dims.size()) + " but input " +
                  q(name) + " has rank " + Twine(modelDims.size()) + "; " +
                  describeInputs(graph));
    for (int i = 0, e = modelDims.size(); i < e; ++i) {
      const pb::TensorShapeProto::Dimension &dim = modelDims[i];
      if (dim.has_dim_value() && dim.dim_value() != dims[i])
        return fail(given + " sets dimension " + Twine(i) + " to " +
                    Twine(dims[i]) + " but the model fixes it to " +
                    Twine(dim.dim_value()) + "; " + describeInputs(graph));
      if (dim.has_dim_param() && !dim.dim_param().empty()) {
        auto [it, inserted] = symbolSizes.try_emplace(dim.dim_param(), dims[i]);
        if (!inserted && it->second != dims[i])
          return fail("--input-shape binds the symbolic dimension " +
                      q(dim.dim_param()) + " to both " + Twine(it->second) +
                      " and " + Twine(dims[i]));
      }
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

FailureOr<Type> Importer::importType(const pb::TypeProto &type,
                                     StringRef valueName,
                                     const SmallVector<int64_t> *fixedDims) {
  Type unknown = UnknownType::get(ctx);
  // Sequences, maps, optionals and sparse tensors have no MLIR counterpart
  // here; the lowering sees them as unknown.
  if (!type.has_tensor_type())
    return unknown;
  const pb::TypeProto::Tensor &tensor = type.tensor_type();
  Type element;
  switch (tensor.elem_type()) {
  case kUndefined:
  case kString:
    return unknown;
  case kComplex64:
    element = ComplexType::get(Float32Type::get(ctx));
    break;
  case kComplex128:
    element = ComplexType::get(Float64Type::get(ctx));
    break;
  default:
    std::optional<ElementKind> kind = getElementKind(ctx, tensor.elem_type());
    if (!kind)
      return fail("value " + q(valueName) + " has unknown element type " +
                  Twine(tensor.elem_type()));
    element = kind->type;
  }
  if (fixedDims)
    return Type(RankedTensorType::get(*fixedDims, element));
  if (!tensor.has_shape())
    return Type(UnrankedTensorType::get(element));
  SmallVector<int64_t> shape;
  for (const pb::TensorShapeProto::Dimension &dim : tensor.shape().dim()) {
    if (dim.has_dim_value()) {
      if (dim.dim_value() < 0)
        return fail("value " + q(valueName) + " has a negative dimension " +
                    Twine(dim.dim_value()));
      shape.push_back(dim.dim_value());
      continue;
    }
    auto bound = dim.has_dim_param() ? symbolSizes.find(dim.dim_param())
                                     : symbolSizes.end();
    shape.push_back(bound != symbolSizes.end() ? bound->second
                                               : ShapedType::kDynamic);
  }
  return Type(RankedTensorType::get(shape, element));
}

FailureOr<Type> Importer::resultType(Scope &scope, StringRef valueName) {
  if (valueName.empty())
    return Type(UnknownType::get(ctx));
  const pb::TypeProto *type = scope.lookupType(valueName);
  if (!type)
    return Type(UnknownType::get(ctx));
  return importType(*type, valueName);
}

//===----------------------------------------------------------------------===//
// Tensors
//===----------------------------------------------------------------------===//

std::string Importer::uniqueBlobKey(StringRef hint) {
  std::string key;
  key.reserve(hint.size());
  for (char c : hint)
    key += llvm::isAlnum(c) || c == '_' || c == '.' ? c : '_';
  if (key.empty())
    key = "tensor";
  std::string unique = key;
  for (unsigned i = 1; blobKeys.contains(unique); ++i)
    unique = key + "_" + std::to_string(i);
  blobKeys.insert(unique);
  return unique;
}

FailureOr<ElementsAttr> Importer::importTensor(pb::TensorProto &tensor,
                                               const std::string &what,
                                               StringRef blobHint) {
  int32_t code = tensor.data_type();
  std::optional<ElementKind> kind = getElementKind(ctx, code);
  if (!kind) {
    if (code == kString)
      return fail(what + " is a string tensor, which cannot be imported");
    if (code == kComplex64 || code == kComplex128)
      return fail(what + " is a complex tensor, which cannot be imported");
    if (code == kUndefined)
      return fail(what + " has no data type");
    return fail(what + " has unknown data type " + Twine(code));
  }

  SmallVector<int64_t> shape(tensor.dims().begin(), tensor.dims().end());
  int64_t numElements = 1;
  bool hasZero = llvm::is_contained(shape, 0);
  for (int64_t dim : shape) {
    if (dim < 0)
      return fail(what + " has a negative dimension in its shape " +
                  formatDims(shape));
    if (hasZero)
      continue;
    if (__builtin_mul_overflow(numElements, dim, &numElements))
      return fail(what + " has shape " + formatDims(shape) +
                  ", whose element count overflows int64");
  }
  if (hasZero)
    numElements = 0;
  if (numElements > kMaxElements)
    return fail(what + " has shape " + formatDims(shape) + " (" +
                Twine(numElements) +
                " elements), more than the 2^40 elements the importer accepts");
  if (tensor.has_segment())
    return fail(what + " is a segment of a tensor, which is not supported");

  auto type = RankedTensorType::get(shape, kind->type);
  // Bytes of the data in ONNX's raw layout.
  uint64_t rawSize = kind->isPacked()
                         ? (uint64_t(numElements) * kind->bits + 7) / 8
                         : uint64_t(numElements) * (kind->bits / 8);

  TensorBytes data;
  if (tensor.data_location() == pb::TensorProto::EXTERNAL) {
    if (failed(readExternalData(tensor, rawSize, what, data)))
      return failure();
  } else if (tensor.has_raw_data()) {
    if (tensor.raw_data().size() != rawSize)
      return fail(what + " has " + Twine(tensor.raw_data().size()) +
                  " bytes of raw_data but its shape " + formatDims(shape) +
                  " of " + typeString(kind->type) + " needs " +
                  Twine(rawSize));
    data.string.reset(tensor.release_raw_data());
    data.bytes = ArrayRef<char>(data.string->data(), data.string->size());
  } else if (failed(readTypedData(tensor, *kind, numElements, rawSize, what,
                                  data))) {
    return failure();
  }

  bool asResource = !kind->isBool && numElements > options.resourceThreshold;

  // Bring the bytes into MLIR's layout: bools one byte of 0 or 1, packed
  // types one element per byte (dense storage keeps the low bits only;
  // blobs hold each element's value as an int8 / uint8).
  if (kind->isBool) {
    std::vector<char> bools(numElements);
    for (int64_t i = 0; i < numElements; ++i)
      bools[i] = data.bytes[i] != 0;
    data.own(std::move(bools));
  } else if (kind->isPacked()) {
    unsigned bits = kind->bits, perByte = 8 / bits;
    unsigned mask = (1u << bits) - 1;
    bool signExtend = asResource && kind->isSigned;
    std::vector<char> unpacked(numElements);
    for (int64_t i = 0; i < numElements; ++i) {
      unsigned byte = static_cast<unsigned char>(data.bytes[i / perByte]);
      unsigned value = (byte >> ((i % perByte) * bits)) & mask;
      if (signExtend && (value >> (bits - 1)))
        value |= ~mask;
      unpacked[i] = static_cast<char>(value);
    }
    data.own(std::move(unpacked));
  }

  if (!asResource) {
    if (kind->isBool) {
      auto bools = ArrayRef<bool>(
          reinterpret_cast<const bool *>(data.bytes.data()), data.bytes.size());
      return ElementsAttr(DenseElementsAttr::get(type, bools));
    }
    return ElementsAttr(DenseElementsAttr::getFromRawBuffer(type, data.bytes));
  }
  std::string key = uniqueBlobKey(blobHint);
  return ElementsAttr(DenseResourceElementsAttr::get(
      type, key, data.takeBlob(kind->storageBytes())));
}

LogicalResult Importer::readTypedData(const pb::TensorProto &tensor,
                                      const ElementKind &kind,
                                      int64_t numElements, uint64_t rawSize,
                                      const std::string &what,
                                      TensorBytes &data) {
  // Packed types keep one byte (several elements) per int32_data entry.
  int64_t expected = kind.isPacked() ? int64_t(rawSize) : numElements;
  int64_t count = 0;
  switch (kind.field) {
  case TypedField::Float:
    count = tensor.float_data_size();
    break;
  case TypedField::Double:
    count = tensor.double_data_size();
    break;
  case TypedField::Int32:
    count = tensor.int32_data_size();
    break;
  case TypedField::Int64:
    count = tensor.int64_data_size();
    break;
  case TypedField::Uint64:
    count = tensor.uint64_data_size();
    break;
  }
  if (count != expected) {
    if (count == 0 && tensor.float_data_size() + tensor.double_data_size() +
                              tensor.int32_data_size() +
                              tensor.int64_data_size() +
                              tensor.uint64_data_size() ==
                          0)
      return fail(what + " has no data (its shape " +
                  formatDims(tensor.dims()) + " needs " + Twine(expected) +
                  " values)");
    return fail(what + " has " + Twine(count) + " values in " +
                typedFieldName(kind.field) + " but its shape " +
                formatDims(tensor.dims()) + " of " + typeString(kind.type) +
                " needs " + Twine(expected));
  }

  std::vector<char> raw(rawSize);
  char *out = raw.data();
  switch (kind.field) {
  case TypedField::Float:
    std::memcpy(out, tensor.float_data().data(), rawSize);
    break;
  case TypedField::Double:
    std::memcpy(out, tensor.double_data().data(), rawSize);
    break;
  case TypedField::Int64:
    std::memcpy(out, tensor.int64_data().data(), rawSize);
    break;
  case TypedField::Uint64:
    if (kind.bits == 64) {
      std::memcpy(out, tensor.uint64_data().data(), rawSize);
    } else {
      for (int64_t i = 0; i < count; ++i) {
        uint32_t value = static_cast<uint32_t>(tensor.uint64_data(i));
        std::memcpy(out + 4 * i, &value, 4);
      }
    }
    break;
  case TypedField::Int32: {
    // Each entry holds one element (or one packed byte) in its low bits;
    // float16 / bfloat16 / float8 values are their bit patterns.
    unsigned width = kind.isPacked() || kind.isBool ? 1 : kind.bits / 8;
    for (int64_t i = 0; i < count; ++i) {
      uint32_t value = static_cast<uint32_t>(tensor.int32_data(i));
      std::memcpy(out + width * i, &value, width);
    }
    break;
  }
  }
  data.own(std::move(raw));
  return success();
}

LogicalResult Importer::readExternalData(const pb::TensorProto &tensor,
                                         uint64_t rawSize,
                                         const std::string &what,
                                         TensorBytes &data) {
  std::optional<std::string> location;
  std::optional<StringRef> offsetText, lengthText;
  for (const pb::StringStringEntryProto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset")
      offsetText = entry.value();
    else if (entry.key() == "length")
      lengthText = entry.value();
  }
  if (!location || location->empty())
    return fail(what + " has external data without a location");
  StringRef loc = *location;
  std::string shown = q(loc);
  if (loc.contains('\0'))
    return fail(what + ": external data location " + shown +
                " contains a NUL byte");
  if (loc.starts_with("/") || loc.starts_with("\\") ||
      llvm::sys::path::is_absolute(loc) ||
      (loc.size() >= 2 && llvm::isAlpha(loc[0]) && loc[1] == ':'))
    return fail(what + ": external data location " + shown +
                " is an absolute path; locations are relative to the "
                "model's directory");
  SmallVector<StringRef> parts;
  loc.split(parts, '/');
  SmallVector<StringRef> pieces;
  for (StringRef part : parts)
    part.split(pieces, '\\');
  if (llvm::is_contained(pieces, ".."))
    return fail(what + ": external data location " + shown +
                " has a '..' component; external data must stay inside the "
                "model's directory");

  uint64_t offset = 0, length = rawSize;
  if (offsetText && offsetText->getAsInteger(10, offset))
    return fail(what + ": external data offset " + q(*offsetText) +
                " is not a non-negative integer");
  if (lengthText) {
    if (lengthText->getAsInteger(10, length))
      return fail(what + ": external data length " + q(*lengthText) +
                  " is not a non-negative integer");
    if (length != rawSize)
      return fail(what + ": external data length " + Twine(length) +
                  " disagrees with its shape " + formatDims(tensor.dims()) +
                  ", which needs " + Twine(rawSize) + " bytes");
  }

  // Resolve (once per location) and check that the file, with every symlink
  // followed, is a regular file inside the model's directory.
  auto cached = externalFiles.find(loc);
  if (cached == externalFiles.end()) {
    if (!modelDir) {
      StringRef dir = llvm::sys::path::parent_path(path);
      SmallString<256> real;
      if (std::error_code ec =
              llvm::sys::fs::real_path(dir.empty() ? "." : dir, real))
        return fail("cannot resolve the model's directory: " + ec.message());
      modelDir = real.str().str();
    }
    SmallString<256> joined(*modelDir);
    llvm::sys::path::append(joined, loc);
    SmallString<256> real;
    if (std::error_code ec = llvm::sys::fs::real_path(joined, real))
      return fail(what + ": cannot open external data file " + shown + ": " +
                  ec.message());
    std::string prefix = *modelDir;
    if (!StringRef(prefix).ends_with("/"))
      prefix += '/';
    if (!StringRef(real).starts_with(prefix))
      return fail(what + ": external data file " + shown + " resolves to " +
                  q(real) + ", outside the model's directory " +
                  q(*modelDir));
    llvm::sys::fs::file_status status;
    if (std::error_code ec = llvm::sys::fs::status(real, status))
      return fail(what + ": cannot open external data file " + shown + ": " +
                  ec.message());
    if (!llvm::sys::fs::is_regular_file(status))
      return fail(what + ": external data file " + shown +
                  " is not a regular file");
    cached = externalFiles
                 .try_emplace(loc, real.str().str(), status.getSize())
                 .first;
  }
  const auto &[realPath, fileSize] = cached->second;
  if (offset > fileSize || length > fileSize - offset)
    return fail(what + ": external data offset " + Twine(offset) +
                " + length " + Twine(length) + " is past the end of " + shown +
                " (" + Twine(fileSize) + " bytes)");
  if (length == 0)
    return success();
  auto slice = llvm::MemoryBuffer::getFileSlice(realPath, length, offset,
                                                /*IsVolatile=*/false);
  if (std::error_code ec = slice.getError())
    return fail(what + ": cannot read external data file " + shown + ": " +
                ec.message());
  data.file = std::move(*slice);
  data.bytes = ArrayRef<char>(data.file->getBufferStart(),
                              data.file->getBufferSize());
  return success();
}

//===----------------------------------------------------------------------===//
// Graphs
//===----------------------------------------------------------------------===//

void Importer::collectTypes(const pb::GraphProto &graph, Scope &scope) {
  for (const pb::ValueInfoProto &info : graph.value_info())
    if (info.has_type())
      scope.types[info.name()] = &info.type();
  // A graph output's declaration wins over value_info.
  for (const pb::ValueInfoProto &output : graph.output())
    if (output.has_type())
      scope.types[output.name()] = &output.type();
}

Value Importer::getNone(Scope &scope) {
  if (!scope.none) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(scope.block);
    scope.none = NoneOp::create(builder, fileLoc, builder.getNoneType());
  }
  return scope.none;
}

/// The node's name, or "<op_type>_<index>" for an unnamed node.
std::string nodeName(const pb::NodeProto &node, int index) {
  return node.name().empty() ? node.op_type() + "_" + std::to_string(index)
                             : node.name();
}

/// "'name' (OpType)", for messages.
std::string nodeLabel(const pb::NodeProto &node, int index) {
  return q(nodeName(node, index)) + " (" + escaped(node.op_type()) + ")";
}

std::string describeNode(const pb::NodeProto &node, int index) {
  return "node " + nodeLabel(node, index);
}

FailureOr<SmallVector<int>> Importer::sortNodes(const pb::GraphProto &graph,
                                                Scope &scope) {
  int numNodes = graph.node_size();
  auto describe = [&](int i) { return describeNode(graph.node(i), i); };

  llvm::StringMap<int> producer;
  for (int i = 0; i < numNodes; ++i)
    for (const std::string &output : graph.node(i).output()) {
      if (output.empty())
        continue;
      if (scope.values.count(output))
        return fail(describe(i) + ": output " + q(output) +
                    " redefines a graph input or initializer");
      auto [it, inserted] = producer.try_emplace(output, i);
      if (!inserted)
        return fail("value " + q(output) + " is produced by both " +
                    describe(it->second) + " and " + describe(i));
    }

  std::vector<SmallVector<int, 4>> producers(numNodes), users(numNodes);
  std::vector<int> pending(numNodes, 0);
  for (int i = 0; i < numNodes; ++i) {
    const pb::NodeProto &node = graph.node(i);
    auto use = [&](StringRef name, bool bySubgraph) -> LogicalResult {
      if (name.empty())
        return success();
      auto it = producer.find(name);
      if (it != producer.end()) {
        producers[i].push_back(it->second);
        users[it->second].push_back(i);
        ++pending[i];
        return success();
      }
      if (scope.lookup(name))
        return success();
      return fail(describe(i) +
                  (bySubgraph ? ": a subgraph of it uses " : ": input ") +
                  q(name) + (bySubgraph ? ", which" : "") + " is not defined");
    };
    for (const std::string &input : node.input())
      if (failed(use(input, false)))
        return failure();
    llvm::StringSet<> captured;
    forEachSubgraph(node, [&](const pb::GraphProto &subgraph) {
      collectOuterNames(subgraph, captured);
    });
    // Sorted, so that which undefined name is reported does not depend on
    // hashing.
    SmallVector<StringRef> capturedNames;
    for (const auto &entry : captured)
      capturedNames.push_back(entry.getKey());
    llvm::sort(capturedNames);
    for (StringRef name : capturedNames)
      if (failed(use(name, true)))
        return failure();
  }

  // Kahn's algorithm, always taking the earliest ready node: a graph already
  // in topological order keeps its order.
  SmallVector<int> order;
  order.reserve(numNodes);
  std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
  for (int i = 0; i < numNodes; ++i)
    if (pending[i] == 0)
      ready.push(i);
  while (!ready.empty()) {
    int i = ready.top();
    ready.pop();
    order.push_back(i);
    for (int user : users[i])
      if (--pending[user] == 0)
        ready.push(user);
  }
  if (static_cast<int>(order.size()) == numNodes)
    return order;

  // Every node left waits on another node left: walking to producers from
  // any of them must come back to a node already seen.
  std::vector<bool> done(numNodes, false);
  for (int i : order)
    done[i] = true;
  int start = 0;
  while (done[start])
    ++start;
  llvm::DenseMap<int, int> seenAt;
  SmallVector<int> walk;
  int current = start;
  while (!seenAt.count(current)) {
    seenAt[current] = walk.size();
    walk.push_back(current);
    auto next =
        llvm::find_if(producers[current], [&](int p) { return !done[p]; });
    if (next == producers[current].end())
      break; // Cannot happen: a waiting node waits on a producer.
    current = *next;
  }
  // The walk goes from consumers to producers; show the data flow.
  SmallVector<int> cycle(walk.begin() + seenAt[current], walk.end());
  std::reverse(cycle.begin(), cycle.end());
  auto label = [&](int i) { return nodeLabel(graph.node(i), i); };
  std::string path;
  for (size_t k = 0; k < cycle.size() && k < 6; ++k)
    path += label(cycle[k]) + " -> ";
  if (cycle.size() > 6)
    path += "... -> ";
  path += label(cycle[0]);
  return fail(describe(cycle[0]) + " is part of a cycle: " + path);
}

LogicalResult Importer::importMainGraph(pb::GraphProto &graph,
                                        ModuleOp module) {
  Scope scope;
  collectTypes(graph, scope);

  llvm::StringSet<> initializers;
  for (const pb::TensorProto &init : graph.initializer())
    initializers.insert(init.name());

  SmallVector<Type> argTypes;
  SmallVector<StringRef> argNames;
  llvm::StringSet<> seen;
  for (const pb::ValueInfoProto &input : graph.input()) {
    const std::string &name = input.name();
    if (name.empty())
      return fail("a graph input has no name");
    // IR version < 4 lists initializers among the inputs too; they are
    // constants, not arguments.
    if (initializers.contains(name))
      continue;
    if (!seen.insert(name).second)
      return fail("graph input " + q(name) + " is declared twice");
    auto fixed = options.inputShapes.find(name);
    FailureOr<Type> type =
        importType(input.type(), name,
                   fixed == options.inputShapes.end() ? nullptr
                                                      : &fixed->second);
    if (failed(type))
      return failure();
    if (auto tensor = dyn_cast<RankedTensorType>(*type);
        options.requireStaticInputs && tensor && !tensor.hasStaticShape()) {
      // input_ids [1, T] -> --input-shape input_ids=1x<T>
      std::string dims, fix;
      const auto &modelDims = input.type().tensor_type().shape().dim();
      for (auto [i, size] : llvm::enumerate(tensor.getShape())) {
        std::string symbol = "N";
        if (static_cast<int>(i) < modelDims.size() && modelDims[i].has_dim_param() &&
            !modelDims[i].dim_param().empty())
          symbol = escaped(modelDims[i].dim_param());
        bool dynamic = ShapedType::isDynamic(size);
        dims += (i ? ", " : "") + (dynamic ? symbol : std::to_string(size));
        fix += (i ? "x" : "") + (dynamic ? "<" + symbol + ">" : std::to_string(size));
      }
      return fail("input " + q(name) + " has the dynamic shape [" + dims +
                  "]; compiling needs static shapes: add --input-shape " + escaped(name) + "=" +
                  fix + " with the sizes you will run");
    }
    argTypes.push_back(*type);
    argNames.push_back(name);
  }

  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(builder, fileLoc, "main",
                                   builder.getFunctionType(argTypes, {}));
  func->setAttr("onnx.graph_name", builder.getStringAttr(graph.name()));
  Block *entry = func.addEntryBlock();
  for (auto [i, name] : llvm::enumerate(argNames)) {
    BlockArgument arg = entry->getArgument(i);
    arg.setLoc(nameLoc(name));
    func.setArgAttr(i, "onnx.name", builder.getStringAttr(name));
    scope.values[name] = arg;
  }
  scope.block = entry;
  builder.setInsertionPointToEnd(entry);

  SmallVector<Value> outputs;
  if (failed(importBody(graph, scope, "graph output ", outputs)))
    return failure();
  func::ReturnOp::create(builder, fileLoc, outputs);

  func.setType(
      builder.getFunctionType(argTypes, ValueRange(outputs).getTypes()));
  for (auto [i, output] : llvm::enumerate(graph.output()))
    func.setResultAttr(i, "onnx.name", builder.getStringAttr(output.name()));
  return success();
}

LogicalResult Importer::importBody(pb::GraphProto &graph, Scope &scope,
                                   const std::string &outputWhat,
                                   SmallVectorImpl<Value> &outputs) {
  for (pb::TensorProto &init : *graph.mutable_initializer()) {
    const std::string name = init.name();
    if (name.empty())
      return fail("an initializer has no name");
    if (scope.values.count(name))
      return fail("initializer " + q(name) + " is defined twice");
    FailureOr<ElementsAttr> value =
        importTensor(init, "initializer " + q(name), name);
    if (failed(value))
      return failure();
    auto constant = arith::ConstantOp::create(builder, nameLoc(name),
                                              cast<TypedAttr>(*value));
    constant->setAttr("onnx.name", builder.getStringAttr(name));
    scope.values[name] = constant;
  }
  if (graph.sparse_initializer_size())
    return fail("sparse initializer " +
                q(graph.sparse_initializer(0).values().name()) +
                " is not supported");

  FailureOr<SmallVector<int>> order = sortNodes(graph, scope);
  if (failed(order))
    return failure();
  for (int i : *order)
    if (failed(importNode(*graph.mutable_node(i), i, scope)))
      return failure();

  for (const pb::ValueInfoProto &output : graph.output()) {
    Value value = scope.lookup(output.name());
    if (!value)
      return fail(outputWhat + q(output.name()) + " is not defined");
    outputs.push_back(value);
  }
  return success();
}

LogicalResult Importer::importSubgraph(pb::GraphProto &graph, Region &region,
                                       Scope &parent,
                                       const std::string &where) {
  // Protobuf's parser already stops at 100 nested messages; this states the
  // bound the recursive import relies on.
  if (parent.depth >= kMaxSubgraphDepth)
    return fail(where + ": subgraphs are nested more than " +
                Twine(kMaxSubgraphDepth) + " deep");
  Scope scope;
  scope.parent = &parent;
  scope.depth = parent.depth + 1;
  collectTypes(graph, scope);
  llvm::StringSet<> initializers;
  for (const pb::TensorProto &init : graph.initializer())
    initializers.insert(init.name());

  Block *block = new Block();
  region.push_back(block);
  for (const pb::ValueInfoProto &input : graph.input()) {
    const std::string &name = input.name();
    if (name.empty())
      return fail(where + " has an input without a name");
    if (initializers.contains(name))
      continue;
    FailureOr<Type> type = importType(input.type(), name);
    if (failed(type))
      return failure();
    if (scope.values.count(name))
      return fail(where + " declares input " + q(name) + " twice");
    scope.values[name] = block->addArgument(*type, nameLoc(name));
  }
  scope.block = block;

  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(block);
  SmallVector<Value> outputs;
  if (failed(importBody(graph, scope, where + ": output ", outputs)))
    return failure();
  YieldOp::create(builder, fileLoc, outputs);
  return success();
}

LogicalResult Importer::importNode(pb::NodeProto &node, int index,
                                   Scope &scope) {
  std::string name = nodeName(node, index);
  std::string what = describeNode(node, index);
  if (node.op_type().empty())
    return fail(what + " has no op_type");
  StringRef domain = normalizeDomain(node.domain());
  auto opset = opsets.find(domain);
  if (opset == opsets.end())
    return fail(what + " is in " +
                (domain.empty() ? std::string("the default domain (ai.onnx)")
                                : "domain " + q(domain)) +
                ", which the model's opset_import does not list");

  SmallVector<Value> inputs;
  for (const std::string &input : node.input()) {
    if (input.empty()) {
      inputs.push_back(getNone(scope));
      continue;
    }
    Value value = scope.lookup(input);
    if (!value)
      return fail(what + ": input " + q(input) + " is not defined");
    inputs.push_back(value);
  }
  SmallVector<Type> resultTypes;
  for (const std::string &output : node.output()) {
    FailureOr<Type> type = resultType(scope, output);
    if (failed(type))
      return failure();
    resultTypes.push_back(*type);
  }

  NamedAttrList attrs;
  llvm::StringSet<> attrNames;
  SmallVector<std::pair<std::string, pb::GraphProto *>> subgraphs;
  for (pb::AttributeProto &attr : *node.mutable_attribute()) {
    std::string attrWhat = "attribute " + q(attr.name()) + " of " + what;
    if (attr.name().empty())
      return fail(what + " has an attribute without a name");
    if (!attrNames.insert(attr.name()).second)
      return fail(what + " has two attributes named " + q(attr.name()));
    if (!attr.ref_attr_name().empty())
      return fail(attrWhat + " refers to the function attribute " +
                  q(attr.ref_attr_name()) +
                  ", which only a function body may do");
    int kind = attributeKind(attr);
    if (kind == pb::AttributeProto::GRAPH) {
      subgraphs.emplace_back(attr.name(), attr.mutable_g());
      continue;
    }
    if (kind == pb::AttributeProto::GRAPHS) {
      for (pb::GraphProto &graph : *attr.mutable_graphs())
        subgraphs.emplace_back(attr.name(), &graph);
      continue;
    }
    FailureOr<Attribute> value = importAttribute(attr, kind, name, attrWhat);
    if (failed(value))
      return failure();
    attrs.append(attr.name(), *value);
  }
  if (!subgraphs.empty()) {
    if (attrNames.contains("subgraphs"))
      return fail(what + " has an attribute named 'subgraphs' besides "
                         "subgraph attributes");
    SmallVector<Attribute> names;
    for (const auto &subgraph : subgraphs)
      names.push_back(builder.getStringAttr(subgraph.first));
    attrs.append("subgraphs", builder.getArrayAttr(names));
  }

  auto op = NodeOp::create(builder, nameLoc(name), resultTypes,
                           builder.getStringAttr(node.op_type()),
                           builder.getStringAttr(domain),
                           builder.getI64IntegerAttr(opset->second),
                           builder.getStringAttr(name),
                           attrs.getDictionary(ctx), inputs, subgraphs.size());
  for (auto [i, subgraph] : llvm::enumerate(subgraphs))
    if (failed(importSubgraph(*subgraph.second, op->getRegion(i), scope,
                              "subgraph " + q(subgraph.first) + " of " + what)))
      return failure();

  for (auto [i, output] : llvm::enumerate(node.output()))
    if (!output.empty())
      scope.values[output] = op->getResult(i);
  return success();
}

FailureOr<Attribute> Importer::importAttribute(pb::AttributeProto &attr,
                                               int kind,
                                               const std::string &nodeName,
                                               const std::string &what) {
  using A = pb::AttributeProto;
  auto tensorHint = [&](const pb::TensorProto &tensor) {
    return tensor.name().empty() ? nodeName + "." + attr.name() : tensor.name();
  };
  switch (kind) {
  case A::INT:
    return Attribute(builder.getI64IntegerAttr(attr.i()));
  case A::FLOAT:
    return Attribute(builder.getF32FloatAttr(attr.f()));
  case A::STRING:
    return Attribute(builder.getStringAttr(attr.s()));
  case A::INTS:
    return Attribute(builder.getDenseI64ArrayAttr(
        ArrayRef<int64_t>(attr.ints().data(), attr.ints_size())));
  case A::FLOATS:
    return Attribute(builder.getDenseF32ArrayAttr(
        ArrayRef<float>(attr.floats().data(), attr.floats_size())));
  case A::STRINGS: {
    SmallVector<Attribute> strings;
    for (const std::string &s : attr.strings())
      strings.push_back(builder.getStringAttr(s));
    return Attribute(builder.getArrayAttr(strings));
  }
  case A::TENSOR: {
    pb::TensorProto &tensor = *attr.mutable_t();
    FailureOr<ElementsAttr> value =
        importTensor(tensor, "tensor " + what, tensorHint(tensor));
    if (failed(value))
      return failure();
    return Attribute(*value);
  }
  case A::TENSORS: {
    SmallVector<Attribute> tensors;
    for (auto [i, tensor] : llvm::enumerate(*attr.mutable_tensors())) {
      FailureOr<ElementsAttr> value = importTensor(
          tensor, "tensor " + std::to_string(i) + " of " + what,
          tensorHint(tensor));
      if (failed(value))
        return failure();
      tensors.push_back(*value);
    }
    return Attribute(builder.getArrayAttr(tensors));
  }
  case A::SPARSE_TENSOR:
    return Attribute(builder.getStringAttr("not imported: SPARSE_TENSOR"));
  case A::SPARSE_TENSORS:
    return Attribute(builder.getStringAttr("not imported: SPARSE_TENSORS"));
  case A::TYPE_PROTO:
    return Attribute(builder.getStringAttr("not imported: TYPE_PROTO"));
  case A::TYPE_PROTOS:
    return Attribute(builder.getStringAttr("not imported: TYPE_PROTOS"));
  default:
    // UNDEFINED with no value set, or a kind newer than onnx.proto 1.12
    // (parsed as an unknown field).
    return fail(what + " has no value of a kind the importer knows");
  }
}

OwningOpRef<ModuleOp> Importer::run() {
  ctx->loadDialect<quench::onnx::OnnxDialect, func::FuncDialect,
                   arith::ArithDialect>();
  if (failed(readModel()) || failed(readOpsets()))
    return nullptr;
  pb::GraphProto &graph = *model.mutable_graph();
  if (failed(freezeInputs(graph)) || failed(bindInputShapes(graph)))
    return nullptr;

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  if (model.ir_version())
    (*module)->setAttr("onnx.ir_version",
                       builder.getI64IntegerAttr(model.ir_version()));
  if (!model.producer_name().empty())
    (*module)->setAttr("onnx.producer_name",
                       builder.getStringAttr(model.producer_name()));
  if (model.functions_size())
    emitWarning(fileLoc) << "the model's " << model.functions_size()
                         << " local function(s) are not imported; nodes "
                            "calling them import as plain onnx.node ops";

  if (failed(importMainGraph(graph, *module)) || failed(verify(*module)))
    return nullptr;
  return module;
}

} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp>
quench::importOnnxModel(MLIRContext &context, StringRef path,
                        const OnnxImportOptions &options) {
  return Importer(context, path, options).run();
}

bool quench::parseOnnxInputShape(StringRef spec, OnnxImportOptions &options,
                                 std::string &error) {
  auto [name, dimsText] = spec.trim().rsplit('=');
  if (name.empty() || dimsText.empty() || !spec.contains('=')) {
    error = "expected NAME=DIMS such as input_ids=1x512, got " + q(spec);
    return false;
  }
  SmallVector<StringRef> parts;
  dimsText.split(parts, 'x');
  SmallVector<int64_t> dims;
  for (StringRef part : parts) {
    int64_t dim;
    if (part.empty() || !llvm::all_of(part, llvm::isDigit) ||
        part.getAsInteger(10, dim) || dim > kMaxElements) {
      error = "in " + q(spec) + ": " + q(part) +
              " is not a dimension (a non-negative integer; dimensions are "
              "separated by 'x')";
      return false;
    }
    dims.push_back(dim);
  }
  if (!options.inputShapes.emplace(name.str(), std::move(dims)).second) {
    error = "input " + q(name) + " is given twice";
    return false;
  }
  return true;
}

bool quench::parseOnnxFrozenInput(StringRef spec, OnnxImportOptions &options,
                                  std::string &error) {
  auto [name, file] = spec.trim().split('=');
  if (name.empty() || file.empty()) {
    error = "expected NAME=FILE.pb such as shape=input_1.pb, got " + q(spec);
    return false;
  }
  if (!options.frozenInputs.emplace(name.str(), file.str()).second) {
    error = "input " + q(name) + " is given twice";
    return false;
  }
  return true;
}
