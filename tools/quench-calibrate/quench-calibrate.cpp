//===- quench-calibrate.cpp - calibration statistics for quantization -----===//
//
//   quench-calibrate model.onnx|model.mlir --tokens calib.u16 [--windows N]
//                    [--input-shape name=1x512] -o model.calib.mlirbc
//
// Marks the input of every linear layer with qnt.observe, compiles a copy of
// the model that returns each observer's statistics (quench-expose-observers,
// then quench-compile), runs it on windows of calibration tokens with the
// runtime, and writes the float model with the statistics attached to its
// observers: quench.hessian (H = 2 X^T X / n, float64, summed in float64
// across windows), quench.absmax / quench.min / quench.max (per channel) and
// quench.samples (n, the rows observed). quench-compile --recipe=...-gptq
// quantizes from it. This is the non-sequential mode: every layer is
// calibrated on the float model's activations.
//
//===----------------------------------------------------------------------===//

#include "quench/Import/OnnxImporter.h"
#include "quench/runtime/quench_runtime.h"

#include "dialects/Qnt/QntDialect.h"
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
#include <fstream>
#include <limits>
#include <unistd.h>

using namespace llvm;

static cl::OptionCategory category("quench-calibrate options");
static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<model.onnx | model.mlir>"),
                                          cl::cat(category));
static cl::opt<std::string> outputFilename("o", cl::Required,
                                           cl::desc("Output: the calibrated float model "
                                                    "(.mlirbc: bytecode, else text)"),
                                           cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> tokensFile("tokens", cl::Required,
                                       cl::desc("Calibration token ids, little-endian uint16"),
                                       cl::value_desc("file"), cl::cat(category));
static cl::opt<int64_t> maxWindows("windows", cl::desc("Windows to run (default: all)"),
                                   cl::init(0), cl::cat(category));
static cl::list<std::string> inputShapes("input-shape",
                                         cl::desc("Fix a dynamic ONNX input: name=1x512"),
                                         cl::value_desc("name=DxD..."), cl::cat(category));
static cl::opt<unsigned> threads("calibration-threads", cl::desc("Threads running the model (default: all)"), cl::init(0),
                                 cl::cat(category));

namespace {

[[noreturn]] void fail(const Twine &message) {
  errs() << "quench-calibrate: error: " << message << "\n";
  exit(1);
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

struct Statistics {
  int64_t k = 0;
  std::vector<double> gram;
  std::vector<float> absmax, min, max;
};

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv, "Quench calibration: model -> statistics\n");
  using Clock = std::chrono::steady_clock;
  auto clock = Clock::now();
  auto lap = [&](const char *phase) {
    auto now = Clock::now();
    errs() << formatv("quench-calibrate: {0,-28} {1,8:f2} s\n", phase,
                      std::chrono::duration<double>(now - clock).count());
    clock = now;
  };

  mlir::DialectRegistry registry;
  quench::registerQuenchDialects(registry);
  mlir::MLIRContext context(registry);
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
  if (!findEntry(*module))
    fail(inputFilename + ": expected exactly one public function with a body");
  {
    mlir::PassManager pm(&context);
    pm.addPass(quench::createConvertOnnxToLinalg());
    pm.addNestedPass<mlir::func::FuncOp>(quench::createInsertObservers());
    if (mlir::failed(pm.run(*module)))
      return 1;
  }
  lap("import, lower, observe");

  // The calibration copy returns each observer's statistics.
  mlir::OwningOpRef<mlir::ModuleOp> probe(module->clone());
  {
    mlir::PassManager pm(&context);
    pm.addPass(quench::createExposeObservers());
    if (mlir::failed(pm.run(*probe)))
      return 1;
  }
  auto names = (*probe)->getAttrOfType<mlir::ArrayAttr>("quench.observers");
  if (!names || names.empty())
    fail(inputFilename + ": the model has no linear layer (a matmul with a constant weight) "
                         "to calibrate");
  (*probe)->removeAttr("quench.observers");
  SmallString<128> probePath, artifactPath;
  int fd;
  if (sys::fs::createTemporaryFile("quench-calibrate", "mlirbc", fd, probePath))
    fail("cannot create a temporary file");
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    if (mlir::failed(mlir::writeBytecodeToFile(*probe, os)))
      fail("cannot write the calibration model");
  }
  probe = nullptr;
  if (sys::fs::createTemporaryFile("quench-calibrate", "qz", artifactPath))
    fail("cannot create a temporary file");
  std::string self = sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&fail));
  SmallString<256> compiler(sys::path::parent_path(self));
  sys::path::append(compiler, "quench-compile");
  std::string probeArg = probePath.str().str(), artifactArg = artifactPath.str().str();
  std::vector<StringRef> args{compiler, probeArg, "-o", artifactArg};
  std::string execError;
  if (sys::ExecuteAndWait(compiler, args, std::nullopt, {}, 0, 0, &execError) != 0)
    fail("compiling the calibration model with " + compiler + " failed" +
         (execError.empty() ? "" : ": " + execError));
  sys::fs::remove(probePath);
  lap("compile the calibration model");

  quench_artifact *artifact = quench_artifact_load(artifactArg.c_str());
  sys::fs::remove(artifactPath);
  if (!artifact)
    fail(quench_last_error());
  quench_tensor_info in;
  if (quench_artifact_num_inputs(artifact) != 1 || quench_artifact_input(artifact, 0, &in) ||
      in.dtype != QUENCH_INT64 || in.rank != 2 || in.shape[0] != 1)
    fail(inputFilename + ": calibration from token ids needs one int64 input [1, T]");
  int64_t length = in.shape[1];
  size_t observers = names.size();
  size_t first = quench_artifact_num_outputs(artifact) - 4 * observers;

  std::ifstream file(tokensFile, std::ios::binary | std::ios::ate);
  if (!file)
    fail(tokensFile + ": cannot open");
  std::streamoff bytes = file.tellg();
  if (bytes % 2)
    fail(tokensFile + ": not a whole number of uint16 ids");
  std::vector<unsigned char> raw(bytes);
  file.seekg(0);
  file.read(reinterpret_cast<char *>(raw.data()), bytes);
  int64_t windows = static_cast<int64_t>(bytes / 2) / length;
  if (maxWindows > 0)
    windows = std::min<int64_t>(windows, maxWindows);
  if (windows == 0)
    fail(tokensFile + ": fewer tokens than one window of " + std::to_string(length));

  std::vector<Statistics> stats(observers);
  quench_session_options sessionOptions{threads};
  quench_session *session = quench_session_create(artifact, &sessionOptions);
  if (!session)
    fail(quench_last_error());
  std::vector<int64_t> ids(length);
  int64_t shape[2] = {1, length};
  auto start = Clock::now();
  bool tty = isatty(fileno(stderr));
  for (int64_t w = 0; w < windows; ++w) {
    for (int64_t t = 0; t < length; ++t)
      ids[t] = raw[2 * (w * length + t)] | (raw[2 * (w * length + t) + 1] << 8);
    if (quench_session_bind_input(session, 0, ids.data(), length * 8, QUENCH_INT64, 2, shape) ||
        quench_session_run(session))
      fail(quench_last_error());
    for (size_t o = 0; o < observers; ++o) {
      Statistics &s = stats[o];
      quench_tensor_info info;
      quench_artifact_output(artifact, first + 4 * o, &info);
      int64_t k = info.shape[0];
      if (!s.k) {
        s.k = k;
        s.gram.assign(k * k, 0.0);
        s.absmax.assign(k, 0.0f);
        s.min.assign(k, std::numeric_limits<float>::infinity());
        s.max.assign(k, -std::numeric_limits<float>::infinity());
      }
      auto output = [&](size_t i) {
        return static_cast<const float *>(quench_session_output(session, first + 4 * o + i,
                                                                nullptr));
      };
      const float *gram = output(0), *absmax = output(1), *mn = output(2), *mx = output(3);
      for (int64_t i = 0; i < k * k; ++i)
        s.gram[i] += gram[i];
      for (int64_t c = 0; c < k; ++c) {
        s.absmax[c] = std::max(s.absmax[c], absmax[c]);
        s.min[c] = std::min(s.min[c], mn[c]);
        s.max[c] = std::max(s.max[c], mx[c]);
      }
    }
    if (tty) {
      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      double rate = (w + 1) * length / seconds;
      errs() << formatv("\rwindow {0} of {1}, {2:f0} tokens/s, ETA {3:f0} s   ", w + 1,
                        windows, rate, (windows - w - 1) * length / rate);
    }
  }
  if (tty)
    errs() << "\n";
  quench_session_free(session);
  quench_artifact_free(artifact);
  lap("run the calibration windows");

  // Attach the statistics to the observers of the float model.
  int64_t rows = windows * length;
  mlir::Builder b(&context);
  (*module)->walk([&](quench::qnt::ObserveOp observer) {
    for (size_t o = 0; o < observers; ++o) {
      if (cast<mlir::StringAttr>(names[o]) != observer.getNameAttr())
        continue;
      Statistics &s = stats[o];
      std::vector<double> hessian(s.gram.size());
      for (size_t i = 0; i < hessian.size(); ++i)
        hessian[i] = 2.0 * s.gram[i] / static_cast<double>(rows);
      auto type = mlir::RankedTensorType::get({s.k, s.k}, b.getF64Type());
      observer->setAttr("quench.hessian",
                        mlir::DenseResourceElementsAttr::get(
                            type, ("hessian_" + observer.getName()).str(),
                            mlir::HeapAsmResourceBlob::allocateAndCopyInferAlign(
                                ArrayRef<char>(reinterpret_cast<const char *>(hessian.data()),
                                               hessian.size() * sizeof(double)))));
      auto vector = mlir::RankedTensorType::get({s.k}, b.getF32Type());
      observer->setAttr("quench.absmax",
                        mlir::DenseElementsAttr::get(vector, ArrayRef<float>(s.absmax)));
      observer->setAttr("quench.min", mlir::DenseElementsAttr::get(vector, ArrayRef<float>(s.min)));
      observer->setAttr("quench.max", mlir::DenseElementsAttr::get(vector, ArrayRef<float>(s.max)));
      observer->setAttr("quench.samples", b.getI64IntegerAttr(rows));
    }
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
  errs() << formatv("quench-calibrate: {0} observers, {1} windows of {2} tokens ({3} rows)\n",
                    observers, windows, length, rows);
  return 0;
}
