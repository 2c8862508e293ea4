//===- X86Codegen.cpp - LLVM dialect to a loadable x86 shared object ------===//

#include "quench/Target/X86Codegen.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/MC/MCSubtargetInfo.h"

using namespace mlir;

namespace quench::x86 {

bool resolveTarget(const TargetOptions &options, Target &target, std::string &error) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  llvm::Triple triple(llvm::sys::getDefaultTargetTriple());
  if (triple.getArch() != llvm::Triple::x86_64) {
    error = "the x86 backend needs an x86-64 host; this one is " + triple.str();
    return false;
  }
  std::string lookupError;
  const llvm::Target *llvmTarget = llvm::TargetRegistry::lookupTarget(triple, lookupError);
  if (!llvmTarget) {
    error = lookupError;
    return false;
  }
  std::string cpu = options.cpu;
  std::string features;
  if (cpu.empty() || cpu == "host") {
    cpu = llvm::sys::getHostCPUName().str();
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      features += (features.empty() ? "" : ",") + std::string(feature.second ? "+" : "-") +
                  feature.first().str();
  }
  if (!options.features.empty())
    features += (features.empty() ? "" : ",") + options.features;

  // Reject CPU names LLVM does not know instead of silently targeting a
  // generic x86-64.
  std::unique_ptr<llvm::MCSubtargetInfo> probe(
      llvmTarget->createMCSubtargetInfo(triple, cpu, features));
  if (!probe || !probe->isCPUStringValid(cpu)) {
    error = "unknown target CPU '" + cpu + "' (try host, x86-64-v3, znver4, skylake-avx512)";
    return false;
  }
  // The features the code may use, spelled out (a CPU name implies many):
  // the manifest lists them and the runtime refuses a CPU that lacks one.
  std::string effective;
  for (const llvm::SubtargetFeatureKV &feature : probe->getAllProcessorFeatures())
    if (probe->getFeatureBits().test(feature.Value))
      effective += (effective.empty() ? "+" : ",+") + std::string(feature.Key);
  features = effective;

  llvm::TargetOptions targetOptions;
  auto level = options.optLevel >= 3   ? llvm::CodeGenOptLevel::Aggressive
               : options.optLevel == 2 ? llvm::CodeGenOptLevel::Default
               : options.optLevel == 1 ? llvm::CodeGenOptLevel::Less
                                       : llvm::CodeGenOptLevel::None;
  target.machine.reset(llvmTarget->createTargetMachine(
      triple, cpu, features, targetOptions, llvm::Reloc::PIC_, std::nullopt, level));
  if (!target.machine) {
    error = "LLVM could not create a target machine for " + cpu;
    return false;
  }
  const llvm::MCSubtargetInfo *info = target.machine->getMCSubtargetInfo();
  target.vectorBits = info->checkFeatures("+avx512f")  ? 512
                      : info->checkFeatures("+avx2") ? 256
                                                     : 128;
  // vpdpbusd on the widest vectors: AVX512-VNNI on 512 bits, AVX-VNNI (or
  // AVX512-VNNI with VL) on 256.
  target.vnni = target.vectorBits == 512
                    ? info->checkFeatures("+avx512vnni")
                    : target.vectorBits == 256 &&
                          (info->checkFeatures("+avxvnni") ||
                           info->checkFeatures("+avx512vnni,+avx512vl"));
  target.triple = triple.str();
  target.cpu = cpu;
  target.features = features;
  return true;
}

namespace {
std::unique_ptr<llvm::Module> translate(ModuleOp module, const Target &target,
                                        llvm::LLVMContext &context, std::string &error) {
  DialectRegistry registry;
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  module->getContext()->appendDialectRegistry(registry);
  std::unique_ptr<llvm::Module> llvmModule = translateModuleToLLVMIR(module, context);
  if (!llvmModule) {
    error = "the module could not be translated to LLVM IR (is it fully in the "
            "LLVM dialect? run the quench-x86 pipeline first)";
    return nullptr;
  }
  llvmModule->setTargetTriple(llvm::Triple(target.triple));
  llvmModule->setDataLayout(target.machine->createDataLayout());
  return llvmModule;
}
} // namespace

bool translateToLLVMIR(ModuleOp module, const Target &target, std::string &ir,
                       std::string &error) {
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule = translate(module, target, context, error);
  if (!llvmModule)
    return false;
  llvm::raw_string_ostream os(ir);
  llvmModule->print(os, nullptr);
  return true;
}

namespace {
/// LLVM's post-register-allocation list scheduler (which x86 CPU models such
/// as znver3 turn on) is quadratic in block size: on the kernels' long
/// unrolled blocks it took 23 of 41 s of tinyllama-15m's code generation,
/// for no measurable speed on out-of-order cores. It only has a
/// command-line switch, set here once per process.
void disablePostRAScheduler() {
  static bool done = [] {
    auto &options = llvm::cl::getRegisteredOptions();
    auto it = options.find("post-RA-scheduler");
    if (it != options.end())
      (void)it->second->addOccurrence(1, "post-RA-scheduler", "false");
    return true;
  }();
  (void)done;
}
} // namespace

bool emitObject(ModuleOp module, const Target &target, llvm::SmallVectorImpl<char> &object,
                std::string &error) {
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule = translate(module, target, context, error);
  if (!llvmModule)
    return false;
  auto optimize = makeOptimizingTransformer(3, 0, target.machine.get());
  if (llvm::Error err = optimize(llvmModule.get())) {
    error = "LLVM optimization failed: " + llvm::toString(std::move(err));
    return false;
  }
  disablePostRAScheduler();
  llvm::raw_svector_ostream os(object);
  llvm::legacy::PassManager codegen;
  if (target.machine->addPassesToEmitFile(codegen, os, nullptr,
                                          llvm::CodeGenFileType::ObjectFile)) {
    error = "LLVM cannot emit an object file for this target";
    return false;
  }
  codegen.run(*llvmModule);
  return true;
}

bool linkSharedObject(llvm::ArrayRef<char> object, const std::string &linker,
                      std::string &sharedObject, std::string &error) {
  std::string driver = linker;
  if (driver.empty()) {
    for (const char *candidate : {"clang-22", "clang", "cc", "gcc"})
      if (auto found = llvm::sys::findProgramByName(candidate)) {
        driver = *found;
        break;
      }
    if (driver.empty()) {
      error = "no C compiler driver to link with (looked for clang-22, clang, cc, "
              "gcc); pass --linker";
      return false;
    }
  }
  llvm::SmallString<128> objectPath, soPath;
  int fd;
  if (auto ec = llvm::sys::fs::createTemporaryFile("quench", "o", fd, objectPath)) {
    error = "cannot create a temporary file: " + ec.message();
    return false;
  }
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os.write(object.data(), object.size());
    os.close();
    if (os.has_error()) {
      error = "cannot write the object file " + objectPath.str().str() + ": " +
              os.error().message();
      os.clear_error();
      llvm::sys::fs::remove(objectPath);
      return false;
    }
  }
  if (auto ec = llvm::sys::fs::createTemporaryFile("quench", "so", soPath)) {
    llvm::sys::fs::remove(objectPath);
    error = "cannot create a temporary file: " + ec.message();
    return false;
  }
  llvm::SmallString<128> logPath;
  (void)llvm::sys::fs::createTemporaryFile("quench-link", "log", logPath);
  std::vector<llvm::StringRef> args{driver,        "-shared", "-o", soPath, objectPath,
                                    "-Wl,--no-undefined", "-Wl,-z,noexecstack", "-lm"};
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, logPath.str(), logPath.str()};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(driver, args, std::nullopt, redirects, 0, 0, &execError);
  bool ok = rc == 0;
  if (!ok) {
    std::string log;
    if (auto buffer = llvm::MemoryBuffer::getFile(logPath))
      log = (*buffer)->getBuffer().str();
    error = "linking with " + driver + " failed" +
            (execError.empty() ? "" : ": " + execError) + (log.empty() ? "" : ":\n" + log);
  } else if (auto buffer = llvm::MemoryBuffer::getFile(soPath)) {
    sharedObject = (*buffer)->getBuffer().str();
  } else {
    ok = false;
    error = "cannot read the linked shared object";
  }
  llvm::sys::fs::remove(objectPath);
  llvm::sys::fs::remove(soPath);
  llvm::sys::fs::remove(logPath);
  return ok;
}

} // namespace quench::x86
