//===- Ptxas.cpp - checks a PTX module with the CUDA toolkit's assembler --===//

#include "quench/Target/NVPTX.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

using namespace llvm;

namespace quench::nvptx {

bool runPtxas(const std::string &ptx, const std::string &arch, const std::string &cudaPath,
              PtxasReport &report, std::string &error) {
  SmallString<256> ptxas(cudaPath);
  sys::path::append(ptxas, "bin", "ptxas");
  if (!sys::fs::can_execute(ptxas)) {
    error = "no ptxas at " + ptxas.str().str();
    return false;
  }
  SmallString<128> input, output, log;
  int fd = -1;
  if (sys::fs::createTemporaryFile("quench", "ptx", fd, input)) {
    error = "cannot create a temporary file for the PTX";
    return false;
  }
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << ptx;
  }
  sys::fs::createTemporaryFile("quench", "cubin", output);
  sys::fs::createTemporaryFile("quench", "log", log);
  std::string archFlag = "-arch=" + arch;
  StringRef args[] = {ptxas, archFlag, "-v", input, "-o", output};
  std::optional<StringRef> redirects[] = {std::nullopt, StringRef(log), StringRef(log)};
  std::string why;
  int rc = sys::ExecuteAndWait(ptxas, args, std::nullopt, redirects, 0, 0, &why);
  auto text = MemoryBuffer::getFile(log);
  std::string out = text ? (*text)->getBuffer().str() : "";
  sys::fs::remove(input);
  sys::fs::remove(output);
  sys::fs::remove(log);
  if (rc != 0) {
    error = "ptxas " + archFlag + " failed" + (why.empty() ? "" : " (" + why + ")") + ": " +
            StringRef(out).trim().str();
    return false;
  }
  // "ptxas info    : Compiling entry function 'k0' for 'sm_90'", then
  // "... N bytes spill stores, M bytes spill loads", "Used R registers ...".
  report.kernels.clear();
  SmallVector<StringRef> lines;
  StringRef(out).split(lines, '\n');
  for (StringRef line : lines) {
    if (size_t at = line.find("Compiling entry function '"); at != StringRef::npos) {
      StringRef rest = line.drop_front(at + strlen("Compiling entry function '"));
      report.kernels.push_back({rest.take_until([](char c) { return c == '\''; }).str()});
      continue;
    }
    if (report.kernels.empty())
      continue;
    PtxasReport::Kernel &k = report.kernels.back();
    if (size_t at = line.find("Used "); at != StringRef::npos) {
      StringRef n = line.drop_front(at + 5).take_while([](char c) { return isdigit(c); });
      n.getAsInteger(10, k.registers);
    }
    for (StringRef key : {" bytes spill stores", " bytes spill loads"})
      if (size_t at = line.find(key); at != StringRef::npos) {
        StringRef before = line.take_front(at);
        StringRef n = before.drop_front(before.find_last_not_of("0123456789") + 1);
        int64_t bytes = 0;
        if (!n.getAsInteger(10, bytes))
          k.spillBytes += bytes;
      }
  }
  return true;
}

std::string PtxasReport::summary(const std::string &arch) const {
  const Kernel *most = nullptr;
  int64_t spills = 0, spilling = 0;
  for (const Kernel &k : kernels) {
    if (!most || k.registers > most->registers)
      most = &k;
    spills += k.spillBytes;
    spilling += k.spillBytes > 0;
  }
  return formatv("ptxas {0}: {1} kernels, at most {2} registers ({3}), {4} kernels spill "
                 "({5} bytes)",
                 arch, kernels.size(), most ? most->registers : 0, most ? most->name : "-",
                 spilling, spills)
      .str();
}

} // namespace quench::nvptx
