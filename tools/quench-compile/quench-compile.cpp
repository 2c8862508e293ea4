//===- quench-compile.cpp - model to a runnable artifact ------------------===//
//
// import (ONNX) -> convert-onnx-to-linalg -> quench-x86 (or quench-nvptx) ->
// LLVM -> object -> shared object -> artifact (code + weight blob + manifest,
// + the kernels' PTX for GPUs), in one command. Every stage is also reachable
// alone: quench-import-onnx, quench-opt --convert-onnx-to-linalg, quench-opt
// --quench-x86 / --quench-nvptx, and --emit here stops after any of them.
//
//===----------------------------------------------------------------------===//

#include "quench/Import/OnnxImporter.h"
#include "quench/Support/OutputPath.h"
#include "quench/Support/Diagnostics.h"
#include "quench/Support/Version.h"
#include "quench/Target/NVPTX.h"
#include "quench/Target/X86Codegen.h"
#include "quench/runtime/ArtifactFormat.h"
#include "quench/runtime/ArtifactWriter.h"

#include "passes/Passes.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

using namespace llvm;

static cl::OptionCategory category("quench-compile options");

static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<model.onnx | model.mlir>"),
                                          cl::cat(category));
static cl::opt<std::string> outputFilename("o", cl::desc("Output file (default: <model>.qz)"),
                                           cl::value_desc("file"), cl::cat(category));
enum class Emit { Linalg, LLVMDialect, LLVMIR, Object, SharedObject, Artifact, Gpu, Nvvm, Ptx };
static cl::opt<Emit> emit(
    "emit", cl::desc("What to produce"), cl::init(Emit::Artifact),
    cl::values(clEnumValN(Emit::Linalg, "linalg", "linalg on tensors (after import and lowering)"),
               clEnumValN(Emit::LLVMDialect, "llvm-dialect", "MLIR LLVM dialect (after quench-x86)"),
               clEnumValN(Emit::LLVMIR, "llvm-ir", "LLVM IR text (before LLVM's optimizer)"),
               clEnumValN(Emit::Object, "object", "ELF object file"),
               clEnumValN(Emit::SharedObject, "shared-object", "the artifact's shared object alone"),
               clEnumValN(Emit::Artifact, "artifact", "the artifact (default)"),
               clEnumValN(Emit::Gpu, "gpu", "--target=nvptx: the gpu dialect (kernels outlined)"),
               clEnumValN(Emit::Nvvm, "nvvm", "--target=nvptx: kernels in the NVVM dialect"),
               clEnumValN(Emit::Ptx, "ptx", "--target=nvptx: the kernels' PTX module (text)")),
    cl::cat(category));

enum class TargetKind { X86, Nvptx };
static cl::opt<TargetKind> targetKind(
    "target", cl::desc("What runs the model"),
    cl::values(clEnumValN(TargetKind::X86, "x86", "the CPU (default)"),
               clEnumValN(TargetKind::Nvptx, "nvptx",
                          "an NVIDIA GPU (CUDA driver; host code for a generic x86-64)")),
    cl::init(TargetKind::X86), cl::cat(category));
static cl::opt<std::string> gpuArch("gpu-arch",
                                    cl::desc("--target=nvptx: GPU architecture (sm_80, sm_90, ...)"),
                                    cl::init("sm_90"), cl::cat(category));
static cl::opt<int64_t> gpuMinBlocks(
    "gpu-min-blocks",
    cl::desc("--target=nvptx: contraction tiles shrink until a contraction has this many "
             "blocks (about the GPU's SM count)"),
    cl::init(128), cl::cat(category));
static cl::opt<std::string> cudaPath(
    "cuda-path",
    cl::desc("--target=nvptx: CUDA toolkit (libdevice, ptxas); default $CUDA_PATH or "
             "/usr/local/cuda"),
    cl::init(""), cl::cat(category));
static cl::list<std::string> inputShapes(
    "input-shape", cl::desc("Fix a dynamic ONNX input: name=1x512 (repeatable)"),
    cl::value_desc("name=DxD..."), cl::cat(category));
static cl::list<std::string> frozenInputs(
    "freeze-input", cl::desc("Turn an ONNX input into a constant from a TensorProto file"),
    cl::value_desc("name=file.pb"), cl::cat(category));
static cl::opt<std::string> targetCpu(
    "target-cpu",
    cl::desc("host (default; x86-64 for --target=nvptx's host code) or an LLVM CPU name"),
    cl::init(""), cl::cat(category));
static cl::opt<std::string> targetFeatures(
    "target-features", cl::desc("Extra LLVM target features, e.g. -avx512f"),
    cl::cat(category));
static cl::opt<std::string> linker("linker", cl::desc("C compiler driver used to link"),
                                   cl::cat(category));
static cl::opt<bool> timings("timings", cl::desc("Print the time of each phase"),
                             cl::cat(category));
static cl::opt<std::string> recipe(
    "recipe",
    cl::desc("Quantize the linear layers' weights: w<bits>[g<group>]-<method>[-mse], method "
             "rtn, or gptq / gptq-act (act-order) on a model calibrated by "
             "quench-calibrate; -mse searches each group's clipping range; e.g. w4g128-rtn "
             "(4 bits, groups of 128 inputs), w8-rtn (one scale per output channel), w8t-rtn "
             "(one scale per tensor); the output layer stays float"),
    cl::value_desc("name"), cl::init(""), cl::cat(category));

enum class QntKernels { Fused, Reference };
static cl::opt<QntKernels> qntKernels(
    "qnt-kernels", cl::desc("How quantized matmuls are compiled"),
    cl::values(clEnumValN(QntKernels::Fused, "fused",
                          "fused dequantize+matmul kernels where they apply (default)"),
               clEnumValN(QntKernels::Reference, "reference",
                          "the reference lowering: dequantize the weight, then multiply")),
    cl::init(QntKernels::Fused), cl::cat(category));

enum class Activations { F32, Int8 };
static cl::opt<Activations> activations(
    "activations",
    cl::desc("Arithmetic of quantized matmuls (as ONNX Runtime's accuracy_level)"),
    cl::values(clEnumValN(Activations::F32, "fp32",
                          "float activations, the reference lowering's numbers up to "
                          "summation order (default)"),
               clEnumValN(Activations::Int8, "int8",
                          "activations quantized to int8 per block at run time, integer "
                          "dot products (VNNI where the CPU has it)")),
    cl::init(Activations::F32), cl::cat(category));

namespace {

/// One line per problem: `quench-compile: error: <file>: <message>`.
[[noreturn]] void fail(const Twine &message) {
  errs() << "quench-compile: error: " << message << "\n";
  exit(1);
}

struct Phase {
  std::string name;
  double seconds;
};

struct TensorInfo {
  std::string name, dtype;
  SmallVector<int64_t> shape;
};

/// The runtime's name for an element type; `isUnsigned` keeps ONNX's
/// uint8/uint16/... that the lowering turned into signless integers.
std::string dtypeName(mlir::Type type, bool isUnsigned) {
  if (type.isF32())
    return "float32";
  if (type.isF64())
    return "float64";
  if (type.isF16())
    return "float16";
  if (type.isBF16())
    return "bfloat16";
  if (auto integer = dyn_cast<mlir::IntegerType>(type)) {
    if (integer.getWidth() == 1)
      return "bool";
    bool u = isUnsigned || integer.isUnsigned();
    return (u ? "uint" : "int") + std::to_string(integer.getWidth());
  }
  return "";
}

mlir::func::FuncOp findEntry(mlir::ModuleOp module) {
  mlir::func::FuncOp entry;
  for (auto func : module.getOps<mlir::func::FuncOp>())
    if (func.isPublic() && !func.isDeclaration()) {
      if (entry)
        return {};
      entry = func;
    }
  return entry;
}

std::string jsonString(StringRef s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (c < 0x20)
      out += formatv("\\u{0:x-4}", static_cast<unsigned>(c)).str();
    else
      out += c;
  }
  return out + "\"";
}

std::string jsonTensors(ArrayRef<TensorInfo> tensors) {
  std::string out = "[";
  for (auto [i, t] : llvm::enumerate(tensors)) {
    out += i ? ",\n    " : "\n    ";
    out += "{\"name\": " + jsonString(t.name) + ", \"dtype\": " + jsonString(t.dtype) +
           ", \"shape\": [";
    for (auto [j, d] : llvm::enumerate(t.shape))
      out += (j ? ", " : "") + std::to_string(d);
    out += "]}";
  }
  return out + "\n  ]";
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter(quench::printVersion);
  cl::ParseCommandLineOptions(argc, argv, "Quench compiler: model -> artifact\n");
  if (activations == Activations::Int8 && qntKernels == QntKernels::Reference)
    fail("--activations=int8 needs the fused kernels: the reference lowering computes in "
         "float (drop --qnt-kernels=reference)");

  std::string output = outputFilename;
  if (output.empty()) {
    SmallString<128> path(inputFilename);
    static const char *extensions[] = {"mlir", "mlir", "ll", "o", "so", "qz",
                                       "mlir", "mlir", "ptx"};
    sys::path::replace_extension(path, extensions[static_cast<int>(emit.getValue())]);
    output = path.str().str();
  }
  bool gpu = targetKind == TargetKind::Nvptx;
  if (!gpu && (emit == Emit::Gpu || emit == Emit::Nvvm || emit == Emit::Ptx))
    fail("--emit=gpu, nvvm and ptx need --target=nvptx");
  if (gpu && activations == Activations::Int8)
    fail("--activations=int8 has no GPU kernels yet: quantized matmuls run through the "
         "reference lowering on --target=nvptx (drop --activations)");
  std::string toolkit = cudaPath;
  if (gpu) {
    StringRef arch = gpuArch;
    unsigned number = 0;
    bool prefixed = arch.consume_front("sm_");
    arch.consume_back("a"); // sm_90a: the architecture-specific features
    if (!prefixed || arch.getAsInteger(10, number) || number < 50)
      fail("--gpu-arch=" + gpuArch + ": expected sm_<N> with N >= 50 (e.g. sm_80, sm_90)");
    if (gpuMinBlocks < 1)
      fail("--gpu-min-blocks=" + std::to_string(gpuMinBlocks) + ": expected a positive count");
    if (toolkit.empty()) {
      const char *env = getenv("CUDA_PATH");
      toolkit = env && *env ? env : "/usr/local/cuda";
    }
  }
  // Before any work: where the output goes, and that it spares the input.
  if (std::string why = quench::checkOutputPath(output, {inputFilename}); !why.empty())
    fail(why);

  std::vector<Phase> phases;
  auto clock = std::chrono::steady_clock::now();
  auto lap = [&](StringRef name) {
    auto now = std::chrono::steady_clock::now();
    phases.push_back({name.str(), std::chrono::duration<double>(now - clock).count()});
    clock = now;
  };

  mlir::DialectRegistry registry;
  quench::registerQuenchDialects(registry);
  mlir::MLIRContext context(registry);
  quench::useToolDiagnostics(context);
  context.loadAllAvailableDialects();
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    if (diag.getSeverity() == mlir::DiagnosticSeverity::Remark)
      return mlir::success();
    errs() << "quench-compile: "
           << (diag.getSeverity() == mlir::DiagnosticSeverity::Error     ? "error: "
               : diag.getSeverity() == mlir::DiagnosticSeverity::Warning ? "warning: "
                                                                          : "note: ")
           << inputFilename << ": " << diag.str() << "\n";
    for (mlir::Diagnostic &note : diag.getNotes())
      errs() << "quench-compile: note: " << note.str() << "\n";
    return mlir::success();
  });

  // Import.
  mlir::OwningOpRef<mlir::ModuleOp> module;
  bool isOnnx = StringRef(inputFilename).ends_with(".onnx");
  if (isOnnx) {
    quench::OnnxImportOptions options;
    options.requireStaticInputs = true;
    for (const std::string &spec : inputShapes) {
      std::string error;
      if (!quench::parseOnnxInputShape(spec, options, error))
        fail("--input-shape: " + error);
    }
    for (const std::string &spec : frozenInputs) {
      std::string error;
      if (!quench::parseOnnxFrozenInput(spec, options, error))
        fail("--freeze-input: " + error);
    }
    module = quench::importOnnxModel(context, inputFilename, options);
  } else {
    if (!inputShapes.empty() || !frozenInputs.empty())
      fail("--input-shape and --freeze-input apply to .onnx models only");
    SourceMgr sourceMgr;
    std::string error;
    auto file = mlir::openInputFile(inputFilename, &error);
    if (!file)
      fail(inputFilename + ": " + error);
    sourceMgr.AddNewSourceBuffer(std::move(file), SMLoc());
    module = mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  }
  if (!module)
    return 1;
  lap("import");

  // ONNX names and signedness, read before lowering makes integers signless.
  mlir::func::FuncOp entry = findEntry(*module);
  if (!entry)
    fail(inputFilename + ": expected exactly one public function with a body");
  SmallVector<std::string> inputNames, outputNames;
  SmallVector<bool> inputUnsigned, outputUnsigned;
  auto nameOf = [](mlir::DictionaryAttr attrs, StringRef fallback) {
    if (attrs)
      if (auto name = attrs.getAs<mlir::StringAttr>("onnx.name"))
        return name.getValue().str();
    return fallback.str();
  };
  auto isUnsigned = [](mlir::Type t) {
    auto shaped = dyn_cast<mlir::ShapedType>(t);
    return shaped && shaped.getElementType().isUnsignedInteger();
  };
  for (unsigned i = 0; i < entry.getNumArguments(); ++i) {
    inputNames.push_back(nameOf(entry.getArgAttrDict(i), "input_" + std::to_string(i)));
    inputUnsigned.push_back(isUnsigned(entry.getArgumentTypes()[i]));
  }
  for (unsigned i = 0; i < entry.getNumResults(); ++i) {
    outputNames.push_back(nameOf(entry.getResultAttrDict(i), "output_" + std::to_string(i)));
    outputUnsigned.push_back(isUnsigned(entry.getResultTypes()[i]));
  }

  bool hasOnnx = false;
  module->walk([&](mlir::Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "onnx")
      hasOnnx = true;
  });
  if (hasOnnx) {
    mlir::PassManager pm(&context);
    if (mlir::failed(mlir::applyPassManagerCLOptions(pm)))
      return 1;
    pm.addPass(quench::createConvertOnnxToLinalg());
    if (mlir::failed(pm.run(*module)))
      return 1;
    lap("lower ONNX");
  }

  std::optional<quench::QuantSummary> quantized;
  if (!recipe.empty()) {
    std::optional<quench::QuantRecipe> parsed = quench::parseQuantRecipe(recipe);
    if (!parsed)
      fail("--recipe=" + recipe + ": expected w<bits>[g<group>]-<rtn|gptq|gptq-act>[-mse] or " +
           "w<bits>t-rtn[-mse] (per tensor) with 2 <= bits <= 8 (e.g. w4g128-rtn, w8-rtn, " +
           "w8t-rtn, w4g128-gptq, w3g128-gptq-act-mse)");
    // Sequential statistics depend on the recipe they were gathered for.
    if (auto calibrated = (*module)->getAttrOfType<mlir::StringAttr>("quench.calibration"))
      if (parsed->gptq && calibrated.getValue().starts_with("sequential ") &&
          calibrated.getValue().drop_front(11) != recipe)
        errs() << "quench-compile: warning: " << inputFilename << " was calibrated sequentially for "
               << calibrated.getValue().drop_front(11) << ", not " << recipe
               << "; its Hessians come from that recipe's quantized layers\n";
    mlir::PassManager pm(&context);
    if (mlir::failed(mlir::applyPassManagerCLOptions(pm)))
      return 1;
    quench::addQuantRecipePasses(pm, *parsed, timings);
    if (mlir::failed(pm.run(*module)))
      return 1;
    quench::QuantSummary summary = quench::summarizeQuantization(*module, parsed->groupSize);
    if (summary.quantized == 0)
      fail("--recipe=" + recipe + " quantizes no layer of " + inputFilename + ": " +
           summary.describe());
    errs() << "quench-compile: " << recipe << ": " << summary.describe() << "\n";
    quantized = summary;
    lap("quantize (" + recipe + ")");
  }

  auto writeText = [&](auto print) {
    std::string error;
    auto file = mlir::openOutputFile(output, &error);
    if (!file)
      fail(output + ": " + error);
    print(file->os());
    file->keep();
  };
  if (emit == Emit::Linalg) {
    writeText([&](raw_ostream &os) { module->print(os); });
    return 0;
  }

  // Manifest tensors from the lowered signature (static shapes by now).
  entry = findEntry(*module);
  SmallVector<TensorInfo> inputs, outputs;
  auto describe = [&](mlir::Type type, const std::string &name, bool isUnsigned,
                      SmallVectorImpl<TensorInfo> &into) {
    auto tensor = dyn_cast<mlir::RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape())
      fail(inputFilename + ": '" + name + "' has no static shape after lowering" +
           (isOnnx ? " (fix it with --input-shape " + name + "=...)" : ""));
    std::string dtype = dtypeName(tensor.getElementType(), isUnsigned);
    if (dtype.empty())
      fail(inputFilename + ": '" + name + "' has an element type the runtime cannot exchange");
    into.push_back({name, dtype, SmallVector<int64_t>(tensor.getShape())});
  };
  for (auto [i, t] : llvm::enumerate(entry.getArgumentTypes()))
    describe(t, inputNames[i], inputUnsigned[i], inputs);
  for (auto [i, t] : llvm::enumerate(entry.getResultTypes()))
    describe(t, outputNames[i], outputUnsigned[i], outputs);

  quench::x86::TargetOptions targetOptions;
  // GPU artifacts run on whatever host drives the GPU.
  targetOptions.cpu = !targetCpu.empty() ? targetCpu.getValue() : gpu ? "x86-64" : "host";
  targetOptions.features = targetFeatures;
  quench::x86::Target target;
  std::string error;
  if (!quench::x86::resolveTarget(targetOptions, target, error))
    fail(error);

  std::string ptx, ptxasSummary;
  std::vector<quench::nvptx::KernelInfo> kernels;
  if (gpu) {
    mlir::PassManager pm(&context);
    if (mlir::failed(mlir::applyPassManagerCLOptions(pm)))
      return 1;
    quench::NvptxPipelineOptions options;
    options.chip = gpuArch;
    options.minBlocks = gpuMinBlocks;
    options.cudaPath = toolkit;
    quench::NvptxStage stage = emit == Emit::Gpu    ? quench::NvptxStage::Gpu
                               : emit == Emit::Nvvm ? quench::NvptxStage::Nvvm
                                                    : quench::NvptxStage::Host;
    quench::buildNvptxPipeline(pm, options, stage);
    if (mlir::failed(pm.run(*module)))
      return 1;
    lap("optimize (quench-nvptx)");
    if (stage != quench::NvptxStage::Host) {
      writeText([&](raw_ostream &os) { module->print(os); });
      return 0;
    }
    quench::nvptx::takeDeviceCode(*module, ptx, kernels);
    if (timings && emit != Emit::Ptx) {
      // The register and spill report of every kernel, from ptxas.
      quench::nvptx::PtxasReport report;
      std::string why;
      ptxasSummary = quench::nvptx::runPtxas(ptx, gpuArch, toolkit, report, why)
                         ? report.summary(gpuArch)
                         : "ptxas: PTX not checked: " + why;
      lap("ptxas");
    }
    if (emit == Emit::Ptx) {
      writeText([&](raw_ostream &os) { os << ptx; });
      return 0;
    }
  } else {
    mlir::PassManager pm(&context);
    if (mlir::failed(mlir::applyPassManagerCLOptions(pm)))
      return 1;
    quench::X86PipelineOptions options;
    options.vectorBits = target.vectorBits;
    options.fusedKernels = qntKernels == QntKernels::Fused;
    options.int8Activations = activations == Activations::Int8;
    options.vnni = target.vnni;
    quench::buildX86Pipeline(pm, options);
    if (mlir::failed(pm.run(*module)))
      return 1;
    lap("optimize (quench-x86)");
  }

  // The weight blob and workspace size leave the module before LLVM.
  std::string weights;
  if (auto blob = (*module)->getAttrOfType<mlir::DenseResourceElementsAttr>("quench.weights")) {
    if (mlir::AsmResourceBlob *data = blob.getRawHandle().getBlob())
      weights.assign(data->getData().begin(), data->getData().end());
    (*module)->removeAttr("quench.weights");
  }
  int64_t workspaceBytes = 0;
  if (auto size = (*module)->getAttrOfType<mlir::IntegerAttr>("quench.workspace_bytes")) {
    workspaceBytes = size.getInt();
    (*module)->removeAttr("quench.workspace_bytes");
  }

  if (emit == Emit::LLVMDialect) {
    writeText([&](raw_ostream &os) { module->print(os); });
    return 0;
  }
  if (emit == Emit::LLVMIR) {
    std::string ir;
    if (!quench::x86::translateToLLVMIR(*module, target, ir, error))
      fail(error);
    writeText([&](raw_ostream &os) { os << ir; });
    return 0;
  }

  SmallVector<char> object;
  if (!quench::x86::emitObject(*module, target, object, error))
    fail(error);
  lap("LLVM codegen");
  if (emit == Emit::Object) {
    writeText([&](raw_ostream &os) { os.write(object.data(), object.size()); });
    return 0;
  }
  std::string sharedObject;
  if (!quench::x86::linkSharedObject(object, linker, sharedObject, error))
    fail(error);
  lap("link");
  if (emit == Emit::SharedObject) {
    writeText([&](raw_ostream &os) { os << sharedObject; });
    return 0;
  }

  std::string manifest = "{\n  \"format\": \"quench-artifact\",\n  \"version\": 1,\n";
  manifest += "  \"compiler\": \"quench " QUENCH_VERSION "\",\n";
  manifest += "  \"source\": " + jsonString(sys::path::filename(inputFilename)) + ",\n";
  manifest += "  \"target\": {\"triple\": " + jsonString(target.triple) +
              ", \"cpu\": " + jsonString(target.cpu) +
              ", \"features\": " + jsonString(target.features);
  if (gpu)
    manifest += ", \"device\": \"nvptx\", \"gpu_arch\": " + jsonString(gpuArch);
  manifest += "},\n";
  if (gpu) {
    manifest += "  \"kernels\": [";
    for (auto [i, k] : llvm::enumerate(kernels))
      manifest += formatv("{0}\n    {{\"name\": {1}, \"grid\": [{2}, {3}, {4}], "
                          "\"block\": [{5}, {6}, {7}], \"params\": {8}, \"source\": {9}}",
                          i ? "," : "", jsonString(k.name), k.grid[0], k.grid[1], k.grid[2],
                          k.block[0], k.block[1], k.block[2], k.params, jsonString(k.source))
                      .str();
    manifest += "\n  ],\n";
  }
  if (quantized) {
    // The recipe, the calibration it used, and what it did.
    auto attr = [&](StringRef name) {
      auto value = (*module)->getAttrOfType<mlir::StringAttr>(name);
      return value ? jsonString(value.getValue()) : std::string("null");
    };
    manifest += formatv("  \"quantization\": {{\"recipe\": {0}, \"calibration\": {1}, "
                        "\"calibration_data\": {2}, \"layers_quantized\": {3}, "
                        "\"layers_float\": {4}, \"bits_per_quantized_weight\": {5:f2}},\n",
                        jsonString(recipe), attr("quench.calibration"),
                        attr("quench.calibration_data"), quantized->quantized,
                        quantized->outputLayers + quantized->indivisible +
                            quantized->otherFloat,
                        quantized->weights ? static_cast<double>(quantized->weightBits) /
                                                 static_cast<double>(quantized->weights)
                                           : 0.0)
                    .str();
  }
  manifest += "  \"entry\": " + jsonString(quench::runtime::kEntrySymbol) + ",\n";
  manifest += "  \"inputs\": " + jsonTensors(inputs) + ",\n";
  manifest += "  \"outputs\": " + jsonTensors(outputs) + ",\n";
  manifest += "  \"weights_bytes\": " + std::to_string(weights.size()) + ",\n";
  manifest += "  \"workspace_bytes\": " + std::to_string(workspaceBytes) + "\n}\n";
  if (!quench::runtime::writeArtifact(output, manifest, sharedObject.data(),
                                      sharedObject.size(), weights.data(), weights.size(),
                                      error,
                                      gpu ? std::vector<quench::runtime::ExtraSection>{{"ptx", ptx}}
                                          : std::vector<quench::runtime::ExtraSection>{}))
    fail(output + ": " + error);
  lap("package");

  if (timings) {
    double total = 0;
    for (const Phase &p : phases)
      total += p.seconds;
    errs() << formatv("quench-compile: {0}: code {1} KiB, weights {2} KiB, workspace {3} KiB\n",
                      output, sharedObject.size() / 1024, weights.size() / 1024,
                      workspaceBytes / 1024);
    if (gpu)
      errs() << formatv("quench-compile: {0}: {1} GPU kernels, PTX {2} KiB; {3}\n", output,
                        kernels.size(), ptx.size() / 1024, ptxasSummary);
    for (const Phase &p : phases)
      errs() << formatv("  {0,-24} {1,8:f3} s\n", p.name, p.seconds);
    errs() << formatv("  {0,-24} {1,8:f3} s\n", "total", total);
  }
  return 0;
}
