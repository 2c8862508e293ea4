//===- quench-calibrate.cpp - calibration statistics for quantization -----===//
//
//   quench-calibrate model.onnx|model.mlir
//                    (--tokens calib.u16 | --inputs x.npy ...) [--windows N]
//                    [--recipe w4g128-gptq | --non-sequential]
//                    [--input-shape name=1x512] -o model.calib.mlirbc
//
// Marks the input of every linear layer with qnt.observe, compiles the model,
// runs it on calibration data with the runtime and writes the float model
// with statistics attached to its observers: quench.hessian (H = 2 X^T X / n,
// float64, summed in float64 across windows), quench.absmax / quench.min /
// quench.max (per channel) and quench.samples (n, the rows observed).
// quench-compile --recipe=...-gptq quantizes from it.
//
// Sequential (with --recipe, the default for GPTQ, as in the reference
// implementation): the model is cut into one segment per observer
// (quench-split-at-observers), each compiled on its own; segment i runs on
// every window with the layers before it already quantized by the recipe,
// its observer's Hessian is summed, the layers reading it are quantized, and
// the values later segments need are kept per window. The whole model runs
// once. Non-sequential (no recipe, or --non-sequential): one compiled copy
// returns every observer's statistics (quench-expose-observers) and every
// layer is calibrated on the float model's activations.
//
//===----------------------------------------------------------------------===//

#include "TensorFile.h"

#include "quench/Import/OnnxImporter.h"
#include "quench/Support/OutputPath.h"
#include "quench/Support/Diagnostics.h"
#include "quench/Support/Version.h"
#include "quench/runtime/quench_runtime.h"

#include "dialects/Qnt/QntDialect.h"
#include "passes/LinearLayers.h"
#include "passes/Passes.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <thread>
#include <unistd.h>

using namespace llvm;
using quench::tools::HostTensor;

static cl::OptionCategory category("quench-calibrate options");
static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<model.onnx | model.mlir>"),
                                          cl::cat(category));
static cl::opt<std::string> outputFilename("o", cl::Required,
                                           cl::desc("Output: the calibrated float model "
                                                    "(.mlirbc: bytecode, else text)"),
                                           cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> tokensFile(
    "tokens", cl::desc("Calibration token ids, little-endian uint16, cut into windows of "
                       "the model's [1, T] int64 input"),
    cl::value_desc("file"), cl::cat(category));
static cl::list<std::string> inputFiles(
    "inputs",
    cl::desc("Calibration inputs instead of tokens: one .npy per model input, in order, each "
             "[N, <the input's shape>] (N samples)"),
    cl::value_desc("file.npy"), cl::CommaSeparated, cl::cat(category));
static cl::opt<int64_t> maxWindows("windows", cl::desc("Windows (samples) to run (default: all)"),
                                   cl::init(0), cl::cat(category));
static cl::opt<std::string> recipeSpec(
    "recipe",
    cl::desc("Calibrate sequentially for this GPTQ recipe (w<bits>[g<group>]-gptq[-act][-mse]): each "
             "layer sees the outputs of the already quantized layers before it"),
    cl::value_desc("recipe"), cl::cat(category));
static cl::opt<bool> allowUnquantized(
    "allow-unquantized",
    cl::desc("Calibrate sequentially even when the recipe quantizes no layer (tests: the "
             "segments then reproduce the non-sequential statistics)"),
    cl::Hidden, cl::cat(category));
static cl::opt<bool> nonSequential(
    "non-sequential",
    cl::desc("Calibrate every layer on the float model's activations in one pass"),
    cl::cat(category));
static cl::list<std::string> inputShapes("input-shape",
                                         cl::desc("Fix a dynamic ONNX input: name=1x512"),
                                         cl::value_desc("name=DxD..."), cl::cat(category));
// --threads N, registered in main: libLLVM has a hidden option of that name,
// which would otherwise take the value silently.
static unsigned threads = 0;

namespace {

std::vector<std::string> temporaries;

[[noreturn]] void fail(const Twine &message) {
  errs() << "quench-calibrate: error: " << message << "\n";
  for (const std::string &path : temporaries)
    sys::fs::remove(path);
  exit(1);
}

std::string temporaryFile(StringRef suffix) {
  SmallString<128> path;
  if (sys::fs::createTemporaryFile("quench-calibrate", suffix, path))
    fail("cannot create a temporary file");
  temporaries.push_back(path.str().str());
  return temporaries.back();
}

mlir::func::FuncOp findEntry(mlir::ModuleOp module) {
  mlir::func::FuncOp entry;
  for (auto func : module.getOps<mlir::func::FuncOp>())
    if (func.isPublic() && !func.isExternal()) {
      if (entry)
        return nullptr;
      entry = func;
    }
  return entry;
}

/// What a runtime tensor of this MLIR type is, if it is one.
std::optional<quench_dtype> dtypeOf(mlir::Type type) {
  if (type.isF32())
    return QUENCH_FLOAT32;
  if (type.isF64())
    return QUENCH_FLOAT64;
  if (type.isF16())
    return QUENCH_FLOAT16;
  if (type.isBF16())
    return QUENCH_BFLOAT16;
  if (type.isInteger(1))
    return QUENCH_BOOL;
  if (auto integer = dyn_cast<mlir::IntegerType>(type)) {
    bool isUnsigned = integer.isUnsigned();
    switch (integer.getWidth()) {
    case 8: return isUnsigned ? QUENCH_UINT8 : QUENCH_INT8;
    case 16: return isUnsigned ? QUENCH_UINT16 : QUENCH_INT16;
    case 32: return isUnsigned ? QUENCH_UINT32 : QUENCH_INT32;
    case 64: return isUnsigned ? QUENCH_UINT64 : QUENCH_INT64;
    }
  }
  return std::nullopt;
}

std::string shapeString(ArrayRef<int64_t> shape) {
  std::string s;
  for (int64_t d : shape)
    s += (s.empty() ? "" : "x") + (d < 0 ? std::string("?") : std::to_string(d));
  return s.empty() ? "scalar" : s;
}

/// The calibration samples: token windows or slices of .npy inputs, one
/// tensor per model input.
class Samples {
public:
  /// Checks the data against the entry's inputs; fails with the reason.
  Samples(mlir::func::FuncOp entry) {
    auto inputTypes = entry.getFunctionType().getInputs();
    for (auto [i, type] : llvm::enumerate(inputTypes)) {
      auto tensor = dyn_cast<mlir::RankedTensorType>(type);
      std::optional<quench_dtype> dtype = tensor ? dtypeOf(tensor.getElementType()) : std::nullopt;
      if (!tensor || !tensor.hasStaticShape() || !dtype)
        fail(inputFilename + ": input " + std::to_string(i) + " is " + typeString(type) +
             "; calibration needs static shapes (fix them with --input-shape name=1x512)");
      inputs.push_back({*dtype, SmallVector<int64_t>(tensor.getShape())});
    }
    if (!tokensFile.empty() == !inputFiles.empty())
      fail("give calibration data with either --tokens or --inputs");
    if (!tokensFile.empty())
      readTokens();
    else
      readInputs();
    if (maxWindows > 0)
      count = std::min<int64_t>(count, maxWindows);
    // A language model's logits [1, T, V]: every id must be below V, as
    // quench-run --ppl requires of the same file.
    auto results = entry.getFunctionType().getResults();
    auto logits = results.empty() ? mlir::RankedTensorType()
                                  : dyn_cast<mlir::RankedTensorType>(results[0]);
    if (!tokens.empty() && logits && logits.hasStaticShape() && logits.getRank() == 3) {
      int64_t vocab = logits.getDimSize(2);
      for (int64_t i = 0; i < count * inputs[0].shape[1]; ++i)
        if (tokens[i] >= vocab)
          fail(tokensFile + ": token " + std::to_string(tokens[i]) + " at position " +
               std::to_string(i) + " is outside the model's vocabulary of " +
               std::to_string(vocab));
    }
  }

  int64_t size() const { return count; }
  /// Tokens per sample (token windows), else 0.
  int64_t tokensPerSample() const { return tokens.empty() ? 0 : inputs[0].shape[1]; }

  /// The bytes of input `i` in sample `w`.
  ArrayRef<char> input(int64_t w, size_t i) {
    if (!tokens.empty()) {
      int64_t length = inputs[0].shape[1];
      window.resize(length);
      for (int64_t t = 0; t < length; ++t)
        window[t] = tokens[w * length + t];
      return ArrayRef<char>(reinterpret_cast<const char *>(window.data()), length * 8);
    }
    size_t bytes = files[i].data.size() / files[i].shape[0];
    return ArrayRef<char>(files[i].data.data() + w * bytes, bytes);
  }
  quench_dtype dtype(size_t i) const { return inputs[i].dtype; }
  ArrayRef<int64_t> shape(size_t i) const { return inputs[i].shape; }
  size_t numInputs() const { return inputs.size(); }

private:
  struct Input {
    quench_dtype dtype;
    SmallVector<int64_t> shape;
  };

  static std::string typeString(mlir::Type type) {
    std::string s;
    raw_string_ostream os(s);
    type.print(os);
    return s;
  }

  void readTokens() {
    if (inputs.size() != 1 || inputs[0].dtype != QUENCH_INT64 || inputs[0].shape.size() != 2 ||
        inputs[0].shape[0] != 1)
      fail(inputFilename + ": --tokens needs a model with one int64 input [1, T]; give "
                           "--inputs with one .npy per input instead");
    int64_t length = inputs[0].shape[1];
    std::ifstream file(tokensFile, std::ios::binary | std::ios::ate);
    if (!file)
      fail(tokensFile + ": cannot open");
    std::streamoff bytes = file.tellg();
    if (bytes % 2)
      fail(tokensFile + ": not a whole number of uint16 ids");
    std::vector<unsigned char> raw(bytes);
    file.seekg(0);
    file.read(reinterpret_cast<char *>(raw.data()), bytes);
    count = static_cast<int64_t>(bytes / 2) / length;
    if (count == 0)
      fail(tokensFile + ": " + std::to_string(bytes / 2) + " tokens, fewer than one window of " +
           std::to_string(length));
    tokens.resize(count * length);
    for (size_t t = 0; t < tokens.size(); ++t)
      tokens[t] = raw[2 * t] | (raw[2 * t + 1] << 8);
  }

  void readInputs() {
    if (inputFiles.size() != inputs.size())
      fail(Twine("--inputs: the model takes ") + Twine(inputs.size()) + " input(s), got " +
           Twine(inputFiles.size()) + " files");
    for (auto [i, path] : llvm::enumerate(inputFiles)) {
      HostTensor tensor;
      std::string error;
      if (!quench::tools::readTensor(path, tensor, error))
        fail(path + ": " + error);
      ArrayRef<int64_t> want = inputs[i].shape;
      ArrayRef<int64_t> got(tensor.shape);
      // [N, shape...], or [N, shape[1:]...] for a leading batch of one.
      bool matches = !got.empty() && (got.drop_front() == want ||
                                      (!want.empty() && want[0] == 1 &&
                                       got.drop_front() == want.drop_front()));
      if (!matches || tensor.dtype != inputs[i].dtype)
        fail(path + ": " + quench_dtype_name(tensor.dtype) + " [" + shapeString(got) +
             "], expected " + quench_dtype_name(inputs[i].dtype) + " [N x " +
             shapeString(want) + "] (N samples of input " + std::to_string(i) + ")");
      if (i == 0)
        count = got[0];
      else if (got[0] != count)
        fail(path + ": " + std::to_string(got[0]) + " samples, but " + inputFiles[0] + " has " +
             std::to_string(count));
      files.push_back(std::move(tensor));
    }
    if (count == 0)
      fail(inputFiles[0] + ": no samples");
  }

  std::vector<Input> inputs;
  int64_t count = 0;
  std::vector<int64_t> tokens, window;
  std::vector<HostTensor> files;
};

/// One observer's statistics summed over the windows.
struct Statistics {
  int64_t k = 0, windows = 0;
  std::vector<double> gram;
  std::vector<float> absmax, min, max;

  void add(int64_t channels, const float *g, const float *amax, const float *mn,
           const float *mx) {
    if (!k) {
      k = channels;
      gram.assign(k * k, 0.0);
      absmax.assign(k, 0.0f);
      min.assign(k, std::numeric_limits<float>::infinity());
      max.assign(k, -std::numeric_limits<float>::infinity());
    }
    for (int64_t i = 0; i < k * k; ++i)
      gram[i] += g[i];
    for (int64_t c = 0; c < k; ++c) {
      absmax[c] = std::max(absmax[c], amax[c]);
      min[c] = std::min(min[c], mn[c]);
      max[c] = std::max(max[c], mx[c]);
    }
    ++windows;
  }

  /// Attaches H = 2 G / n and the per-channel ranges to `observer`.
  void attach(quench::qnt::ObserveOp observer) const {
    auto type = cast<mlir::RankedTensorType>(observer.getType());
    int64_t rows = windows * (type.getNumElements() / k);
    std::vector<double> hessian(gram.size());
    for (size_t i = 0; i < hessian.size(); ++i)
      hessian[i] = 2.0 * gram[i] / static_cast<double>(rows);
    mlir::Builder b(observer.getContext());
    auto square = mlir::RankedTensorType::get({k, k}, b.getF64Type());
    observer->setAttr("quench.hessian",
                      mlir::DenseResourceElementsAttr::get(
                          square, ("hessian_" + observer.getName()).str(),
                          mlir::HeapAsmResourceBlob::allocateAndCopyInferAlign(
                              ArrayRef<char>(reinterpret_cast<const char *>(hessian.data()),
                                             hessian.size() * sizeof(double)))));
    auto vector = mlir::RankedTensorType::get({k}, b.getF32Type());
    observer->setAttr("quench.absmax", mlir::DenseElementsAttr::get(vector, ArrayRef<float>(absmax)));
    observer->setAttr("quench.min", mlir::DenseElementsAttr::get(vector, ArrayRef<float>(min)));
    observer->setAttr("quench.max", mlir::DenseElementsAttr::get(vector, ArrayRef<float>(max)));
    observer->setAttr("quench.samples", b.getI64IntegerAttr(rows));
  }

  /// H as quench-quantize-gptq reads it back.
  std::vector<double> hessian(int64_t rows) const {
    std::vector<double> h(gram.size());
    for (size_t i = 0; i < h.size(); ++i)
      h[i] = 2.0 * gram[i] / static_cast<double>(rows);
    return h;
  }
};

/// Compiles each module file to an artifact with the sibling quench-compile,
/// as many at once as there are cores.
void compileAll(const std::string &self, ArrayRef<std::string> sources,
                ArrayRef<std::string> artifacts) {
  SmallString<256> compiler(sys::path::parent_path(self));
  sys::path::append(compiler, "quench-compile");
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::pair<sys::ProcessInfo, size_t>> running;
  size_t next = 0;
  auto wait = [&]() {
    auto [process, index] = running.front();
    running.erase(running.begin());
    std::string error;
    sys::ProcessInfo done = sys::Wait(process, std::nullopt, &error);
    if (done.ReturnCode != 0)
      fail("compiling " + sources[index] + " with " + compiler + " failed" +
           (error.empty() ? "" : ": " + error));
  };
  while (next < sources.size() || !running.empty()) {
    if (next < sources.size() && running.size() < jobs) {
      std::vector<StringRef> args{compiler, sources[next], "-o", artifacts[next]};
      std::string error;
      sys::ProcessInfo process = sys::ExecuteNoWait(compiler, args, std::nullopt, {}, 0, &error);
      if (process.Pid == sys::ProcessInfo::InvalidPid)
        fail("cannot run " + compiler + ": " + error);
      running.push_back({process, next++});
      continue;
    }
    wait();
  }
}

void writeBytecode(mlir::ModuleOp module, const std::string &path) {
  std::error_code ec;
  raw_fd_ostream os(path, ec);
  if (ec || mlir::failed(mlir::writeBytecodeToFile(module, os)))
    fail(path + ": cannot write");
}

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// A loaded artifact with a session; fails with the runtime's message.
struct Runner {
  quench_artifact *artifact = nullptr;
  quench_session *session = nullptr;

  explicit Runner(const std::string &path) {
    artifact = quench_artifact_load(path.c_str());
    if (!artifact)
      fail(quench_last_error());
    quench_session_options options{threads, 0};
    session = quench_session_create(artifact, &options);
    if (!session)
      fail(quench_last_error());
  }
  ~Runner() {
    quench_session_free(session);
    quench_artifact_free(artifact);
  }
  quench_tensor_info input(size_t i) const {
    quench_tensor_info info;
    quench_artifact_input(artifact, i, &info);
    return info;
  }
  quench_tensor_info output(size_t i) const {
    quench_tensor_info info;
    quench_artifact_output(artifact, i, &info);
    return info;
  }
  void bind(size_t i, ArrayRef<char> bytes) {
    quench_tensor_info info = input(i);
    if (quench_session_bind_input(session, i, bytes.data(), bytes.size(), info.dtype, info.rank,
                                  info.shape))
      fail(quench_last_error());
  }
  void run() {
    if (quench_session_run(session))
      fail(quench_last_error());
  }
  const float *floats(size_t i) const {
    return static_cast<const float *>(quench_session_output(session, i, nullptr));
  }
  ArrayRef<char> bytes(size_t i) const {
    size_t size = 0;
    const void *data = quench_session_output(session, i, &size);
    return ArrayRef<char>(static_cast<const char *>(data), size);
  }
};

/// Progress within a phase: a line rewritten in place on a terminal.
struct Progress {
  bool tty = isatty(fileno(stderr));
  void update(const Twine &line) {
    if (tty)
      errs() << "\r" << line << "   ";
  }
  void done() {
    if (tty)
      errs() << "\r" << std::string(100, ' ') << "\r";
  }
};

std::string rate(int64_t samples, int64_t tokensPerSample, double seconds) {
  if (tokensPerSample)
    return formatv("{0:f0} tokens/s", samples * tokensPerSample / seconds).str();
  return formatv("{0:f1} samples/s", samples / seconds).str();
}

/// Non-sequential: one compiled copy returns every observer's statistics.
std::map<std::string, Statistics> calibrateFloat(mlir::ModuleOp module, Samples &samples,
                                                 const std::string &self,
                                                 const std::function<void(const char *)> &lap) {
  mlir::OwningOpRef<mlir::ModuleOp> probe(module.clone());
  mlir::PassManager pm(module.getContext());
  pm.addPass(quench::createExposeObservers());
  if (mlir::failed(pm.run(*probe)))
    exit(1);
  auto names = (*probe)->getAttrOfType<mlir::ArrayAttr>("quench.observers");
  (*probe)->removeAttr("quench.observers");
  std::string source = temporaryFile("mlirbc"), artifactPath = temporaryFile("qz");
  writeBytecode(*probe, source);
  probe = nullptr;
  compileAll(self, {source}, {artifactPath});
  lap("compile the calibration model");

  Runner runner(artifactPath);
  size_t first = quench_artifact_num_outputs(runner.artifact) - 4 * names.size();
  std::map<std::string, Statistics> stats;
  Progress progress;
  auto start = Clock::now();
  for (int64_t w = 0; w < samples.size(); ++w) {
    for (size_t i = 0; i < samples.numInputs(); ++i)
      runner.bind(i, samples.input(w, i));
    runner.run();
    for (auto [o, name] : llvm::enumerate(names.getAsValueRange<mlir::StringAttr>())) {
      size_t at = first + 4 * o;
      stats[name.str()].add(runner.output(at).shape[0], runner.floats(at),
                            runner.floats(at + 1), runner.floats(at + 2), runner.floats(at + 3));
    }
    double seconds = secondsSince(start);
    progress.update(formatv("window {0} of {1}, {2}, ETA {3:f0} s", w + 1, samples.size(),
                            rate(w + 1, samples.tokensPerSample(), seconds),
                            seconds / (w + 1) * (samples.size() - w - 1)));
  }
  progress.done();
  errs() << formatv("quench-calibrate: {0} windows, {1}\n", samples.size(),
                    rate(samples.size(), samples.tokensPerSample(), secondsSince(start)));
  lap("run the calibration windows");
  return stats;
}

/// One segment of quench-split-at-observers: what its inputs and outputs are.
struct Segment {
  std::string observer;
  struct Port {
    enum Kind { Weight, Input, Value, Statistic } kind;
    std::string name; ///< the weight's
    int64_t index = 0; ///< the model input's position, or the value id
  };
  std::vector<Port> inputs, outputs;
  std::string artifact;
};

Segment describeSegment(mlir::func::FuncOp func) {
  Segment segment;
  auto port = [](mlir::DictionaryAttr attrs) {
    Segment::Port port{Segment::Port::Statistic, "", 0};
    if (auto weight = attrs.getAs<mlir::StringAttr>("quench.weight"))
      port = {Segment::Port::Weight, weight.str(), 0};
    else if (auto input = attrs.getAs<mlir::IntegerAttr>("quench.input"))
      port = {Segment::Port::Input, "", input.getInt()};
    else if (auto value = attrs.getAs<mlir::IntegerAttr>("quench.value"))
      port = {Segment::Port::Value, "", value.getInt()};
    return port;
  };
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    segment.inputs.push_back(port(func.getArgAttrDict(i)));
  for (unsigned i = 0; i < func.getNumResults(); ++i) {
    segment.outputs.push_back(port(func.getResultAttrDict(i)));
    if (auto name = func.getResultAttrOfType<mlir::StringAttr>(i, "quench.statistics"))
      segment.observer = name.str();
  }
  return segment;
}

/// Sequential: segment by segment, the layers reading each observer
/// quantized by `recipe` before the next observer is measured.
std::map<std::string, Statistics>
calibrateSequential(mlir::ModuleOp module, Samples &samples, const std::string &self,
                    const quench::QuantRecipe &recipe,
                    const std::function<void(const char *)> &lap) {
  mlir::MLIRContext *context = module.getContext();
  mlir::OwningOpRef<mlir::ModuleOp> split(module.clone());
  mlir::PassManager pm(context);
  pm.addPass(quench::createSplitAtObservers());
  if (mlir::failed(pm.run(*split)))
    exit(1);
  std::vector<Segment> segments;
  std::vector<std::string> sources, artifacts;
  SmallVector<mlir::func::FuncOp> funcs(split->getOps<mlir::func::FuncOp>());
  for (mlir::func::FuncOp func : funcs) {
    if (!func.isPublic())
      continue;
    segments.push_back(describeSegment(func));
    // Each segment alone in a module (with whatever private functions).
    mlir::OwningOpRef<mlir::ModuleOp> single(split->clone());
    for (auto other : llvm::make_early_inc_range(single->getOps<mlir::func::FuncOp>()))
      if (other.isPublic() && other.getSymName() != func.getSymName())
        other.erase();
    sources.push_back(temporaryFile("mlirbc"));
    artifacts.push_back(temporaryFile("qz"));
    writeBytecode(*single, sources.back());
  }
  split = nullptr;
  compileAll(self, sources, artifacts);
  for (auto [segment, artifact] : llvm::zip(segments, artifacts))
    segment.artifact = artifact;
  for (const std::string &source : sources)
    sys::fs::remove(source);
  lap(formatv("compile {0} segments", segments.size()).str().c_str());

  // The linear layers by weight name, and their weights as fed to segments.
  std::map<std::string, quench::LinearLayer> layers;
  std::map<std::string, std::vector<float>> weights;
  module.walk([&](mlir::linalg::LinalgOp op) {
    std::optional<quench::LinearLayer> layer = quench::matchLinear(op);
    if (!layer || layer->name.empty() || layers.count(layer->name))
      return;
    layers[layer->name] = *layer;
  });
  std::map<std::string, quench::qnt::ObserveOp> observers;
  module.walk([&](quench::qnt::ObserveOp op) { observers[op.getName().str()] = op; });
  // The last segment needing each value: it is dropped after that.
  std::map<int64_t, size_t> lastUse;
  for (auto [s, segment] : llvm::enumerate(segments))
    for (const Segment::Port &port : segment.inputs)
      if (port.kind == Segment::Port::Value)
        lastUse[port.index] = s;
  std::map<int64_t, std::vector<std::vector<char>>> values;

  quench::QuantizeGptqOptions options = quench::gptqPassOptions(recipe);
  std::map<std::string, Statistics> stats;
  Progress progress;
  auto start = Clock::now();
  double quantizeSeconds = 0;
  for (auto [s, segment] : llvm::enumerate(segments)) {
    auto segmentStart = Clock::now();
    Runner runner(segment.artifact);
    // Checks the compiled ports against the description.
    for (auto [i, port] : llvm::enumerate(segment.inputs)) {
      quench_tensor_info info = runner.input(i);
      if (port.kind == Segment::Port::Weight) {
        if (!layers.count(port.name))
          fail("segment " + std::to_string(s) + ": no linear layer with weight '" + port.name +
               "'");
        std::vector<float> &w = weights[port.name];
        if (w.empty()) {
          std::optional<std::vector<float>> values =
              quench::constantFloats(layers[port.name].weight);
          if (!values)
            fail("weight '" + port.name + "' is not a float constant");
          w = std::move(*values);
        }
        if (info.bytes != w.size() * sizeof(float))
          fail("segment " + std::to_string(s) + ": weight '" + port.name + "' has " +
               std::to_string(w.size()) + " values, the artifact wants " +
               std::to_string(info.bytes / 4));
      }
    }
    Statistics &observed = stats[segment.observer];
    size_t statsAt = segment.outputs.size() - 4;
    for (int64_t w = 0; w < samples.size(); ++w) {
      for (auto [i, port] : llvm::enumerate(segment.inputs)) {
        switch (port.kind) {
        case Segment::Port::Weight: {
          const std::vector<float> &weight = weights[port.name];
          runner.bind(i, ArrayRef<char>(reinterpret_cast<const char *>(weight.data()),
                                        weight.size() * sizeof(float)));
          break;
        }
        case Segment::Port::Input:
          runner.bind(i, samples.input(w, port.index));
          break;
        case Segment::Port::Value: {
          const std::vector<char> &bytes = values[port.index][w];
          runner.bind(i, bytes);
          break;
        }
        case Segment::Port::Statistic:
          break;
        }
      }
      runner.run();
      for (auto [i, port] : llvm::enumerate(segment.outputs))
        if (port.kind == Segment::Port::Value) {
          std::vector<std::vector<char>> &perWindow = values[port.index];
          perWindow.resize(samples.size());
          ArrayRef<char> bytes = runner.bytes(i);
          perWindow[w].assign(bytes.begin(), bytes.end());
        }
      observed.add(runner.output(statsAt).shape[0], runner.floats(statsAt),
                   runner.floats(statsAt + 1), runner.floats(statsAt + 2),
                   runner.floats(statsAt + 3));
      double done = s + (w + 1.0) / samples.size();
      double seconds = secondsSince(start);
      progress.update(formatv("layer {0} of {1} ({2}): window {3} of {4}, ETA {5:f0} s", s + 1,
                              segments.size(), segment.observer, w + 1, samples.size(),
                              seconds / done * (segments.size() - done)));
    }
    for (auto it = values.begin(); it != values.end();)
      it = lastUse[it->first] <= s ? values.erase(it) : std::next(it);
    double runSeconds = secondsSince(segmentStart);

    // Quantizes the layers reading this observer, for the segments after.
    auto quantizeStart = Clock::now();
    quench::qnt::ObserveOp observer = observers[segment.observer];
    int64_t rows = observed.windows * (observer.getType().getNumElements() / observed.k);
    std::vector<double> hessian = observed.hessian(rows);
    unsigned quantized = 0;
    for (auto &[name, layer] : layers) {
      if (layer.input != observer.getResult() ||
          !quench::isQuantizable(layer, options.groupSize, options.outputLayer))
        continue;
      quench::quant::GptqResult result;
      try {
        result = quench::quantizeLayerGptq(layer, hessian.data(), options);
      } catch (const std::invalid_argument &e) {
        fail("GPTQ of weight '" + name + "': " + e.what());
      }
      std::vector<float> rowsNK = result.weight.dequantize();
      std::vector<float> &w = weights[name];
      w.resize(rowsNK.size());
      for (int64_t i = 0; i < layer.k; ++i)
        for (int64_t j = 0; j < layer.n; ++j)
          (layer.transposed ? w[j * layer.k + i] : w[i * layer.n + j]) = rowsNK[j * layer.k + i];
      ++quantized;
    }
    quantizeSeconds += secondsSince(quantizeStart);
    progress.done();
    errs() << formatv("quench-calibrate: layer {0,2} of {1} {2,-24} {3} windows, {4}, "
                      "{5} layer(s) quantized, ETA {6:f0} s\n",
                      s + 1, segments.size(), segment.observer, samples.size(),
                      rate(samples.size(), samples.tokensPerSample(), runSeconds), quantized,
                      secondsSince(start) / (s + 1) * (segments.size() - s - 1));
  }
  errs() << formatv("quench-calibrate: GPTQ of the layers took {0:f2} s of that\n",
                    quantizeSeconds);
  lap("run the segments (sequential)");
  module->setAttr("quench.calibration",
                  mlir::StringAttr::get(context, "sequential " + recipe.spec));
  return stats;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  mlir::registerMLIRContextCLOptions();
  if (auto it = cl::getRegisteredOptions().find("threads"); it != cl::getRegisteredOptions().end())
    it->second->removeArgument();
  static cl::opt<unsigned, true> threadsOption(
      "threads",
      cl::desc("Threads running the model (0, the default: all cores; more than the cores "
               "is capped)"),
      cl::location(threads), cl::init(0), cl::cat(category));
  static cl::alias formerName("calibration-threads", cl::aliasopt(threadsOption), cl::Hidden);
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter(quench::printVersion);
  cl::ParseCommandLineOptions(argc, argv, "Quench calibration: model -> statistics\n");
  // More threads than cores only make the workers wait for each other.
  if (unsigned cores = std::max(1u, std::thread::hardware_concurrency()); threads > cores) {
    errs() << "quench-calibrate: note: --threads " << threads << " capped to the " << cores
           << " cores\n";
    threads = cores;
  }
  auto clock = Clock::now();
  std::function<void(const char *)> lap = [&](const char *phase) {
    errs() << formatv("quench-calibrate: {0,-30} {1,8:f2} s\n", phase, secondsSince(clock));
    clock = Clock::now();
  };

  {
    // Before any work: where the output goes, and that it spares the inputs.
    std::vector<std::string> inputs{inputFilename};
    if (!tokensFile.empty())
      inputs.push_back(tokensFile);
    inputs.insert(inputs.end(), inputFiles.begin(), inputFiles.end());
    if (std::string why = quench::checkOutputPath(outputFilename, inputs); !why.empty())
      fail(why);
  }

  std::optional<quench::QuantRecipe> recipe;
  if (!recipeSpec.empty()) {
    recipe = quench::parseQuantRecipe(recipeSpec);
    if (!recipe || !recipe->gptq)
      fail("--recipe=" + recipeSpec + ": sequential calibration is for GPTQ recipes, "
           "w<bits>[g<group>]-gptq[-act][-mse] (RTN needs no calibration)");
    if (nonSequential)
      fail("--recipe and --non-sequential: the recipe is only needed for sequential "
           "calibration; give one or the other");
  }

  mlir::DialectRegistry registry;
  quench::registerQuenchDialects(registry);
  mlir::MLIRContext context(registry);
  quench::useToolDiagnostics(context);
  context.loadAllAvailableDialects();
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    if (diag.getSeverity() == mlir::DiagnosticSeverity::Remark)
      return mlir::success();
    errs() << "quench-calibrate: "
           << (diag.getSeverity() == mlir::DiagnosticSeverity::Error ? "error: " : "warning: ")
           << inputFilename << ": " << diag.str() << "\n";
    return mlir::success();
  });

  // The float model, lowered to linalg.
  mlir::OwningOpRef<mlir::ModuleOp> module;
  if (StringRef(inputFilename).ends_with(".onnx")) {
    quench::OnnxImportOptions options;
    options.requireStaticInputs = true;
    for (const std::string &spec : inputShapes) {
      std::string error;
      if (!quench::parseOnnxInputShape(spec, options, error))
        fail("--input-shape: " + error);
    }
    module = quench::importOnnxModel(context, inputFilename, options);
  } else {
    std::string error;
    auto file = mlir::openInputFile(inputFilename, &error);
    if (!file)
      fail(inputFilename + ": " + error);
    SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(std::move(file), SMLoc());
    module = mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  }
  if (!module)
    return 1;
  mlir::func::FuncOp entry = findEntry(*module);
  if (!entry)
    fail(inputFilename + ": expected exactly one public function with a body");
  {
    mlir::PassManager pm(&context);
    pm.addPass(quench::createConvertOnnxToLinalg());
    pm.addNestedPass<mlir::func::FuncOp>(quench::createInsertObservers());
    if (mlir::failed(pm.run(*module)))
      return 1;
  }
  size_t numObservers = 0;
  module->walk([&](quench::qnt::ObserveOp) { ++numObservers; });
  if (!numObservers)
    fail(inputFilename + ": the model has no linear layer (a matmul with a constant weight) "
                         "to calibrate");
  if (recipe && !allowUnquantized) {
    // Before any run: a recipe that quantizes no layer makes the sequential
    // calibration pointless (and the compile would refuse it).
    quench::QuantSummary summary = quench::summarizeQuantization(*module, recipe->groupSize);
    if (summary.otherFloat == 0)
      fail("--recipe=" + recipeSpec + " quantizes no layer of " + inputFilename + ": " +
           summary.describe());
  }
  Samples samples(findEntry(*module));
  lap("import, lower, observe");
  if (!recipe)
    errs() << "quench-calibrate: non-sequential: every layer is calibrated on the float "
              "model's activations (--recipe=<gptq recipe> calibrates sequentially)\n";

  std::string self = sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&fail));
  std::map<std::string, Statistics> stats =
      recipe ? calibrateSequential(*module, samples, self, *recipe, lap)
             : calibrateFloat(*module, samples, self, lap);
  for (const std::string &path : temporaries)
    sys::fs::remove(path);
  // What the statistics come from, for the artifact's manifest.
  mlir::MLIRContext *ctx = module->getContext();
  if (!recipe)
    (*module)->setAttr("quench.calibration", mlir::StringAttr::get(ctx, "non-sequential"));
  std::string data =
      samples.tokensPerSample()
          ? formatv("{0} windows of {1} tokens from {2}", samples.size(),
                    samples.tokensPerSample(), sys::path::filename(tokensFile))
                .str()
          : formatv("{0} samples", samples.size()).str();
  (*module)->setAttr("quench.calibration_data", mlir::StringAttr::get(ctx, data));

  // Attach the statistics to the observers of the float model.
  module->walk([&](quench::qnt::ObserveOp observer) {
    auto it = stats.find(observer.getName().str());
    if (it != stats.end() && it->second.k)
      it->second.attach(observer);
  });

  std::string error;
  auto out = mlir::openOutputFile(outputFilename, &error);
  if (!out)
    fail(outputFilename + ": " + error);
  if (StringRef(outputFilename).ends_with(".mlirbc")) {
    if (mlir::failed(mlir::writeBytecodeToFile(*module, out->os())))
      fail(outputFilename + ": cannot write bytecode");
  } else {
    module->print(out->os());
  }
  out->keep();
  lap("write the calibrated model");
  errs() << formatv("quench-calibrate: {0} observers, {1} windows", numObservers,
                    samples.size());
  if (samples.tokensPerSample())
    errs() << formatv(" of {0} tokens ({1} rows)", samples.tokensPerSample(),
                      samples.size() * samples.tokensPerSample());
  errs() << "\n";
  return 0;
}
