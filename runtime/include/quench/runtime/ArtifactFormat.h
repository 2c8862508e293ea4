//===- ArtifactFormat.h - the .qz container, shared by writer and loader --===//
//
// Little-endian. A header, a section table, then the sections, each at an
// offset aligned to kSectionAlignment so the weights can be used in place
// from a read-only mapping of the file:
//
//   Header   { char magic[8] = "QUENCHQZ"; u32 formatVersion; u32 numSections;
//              u64 fileSize; }
//   Section  { char name[16] (NUL-padded); u64 offset; u64 size; } x numSections
//
// Sections: "manifest" (JSON), "code" (ELF shared object), "weights" (bytes),
// and for GPU artifacts "ptx" (the kernels' PTX module, text).
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_RUNTIME_ARTIFACTFORMAT_H
#define QUENCH_RUNTIME_ARTIFACTFORMAT_H

#include <cstdint>

namespace quench::runtime {

constexpr char kMagic[8] = {'Q', 'U', 'E', 'N', 'C', 'H', 'Q', 'Z'};
constexpr uint32_t kFormatVersion = 1;
/// The code ABI, shared by the compiler (quench-x86-finalize-abi) and the
/// runtime: the symbols the shared object exports and their version.
constexpr int32_t kAbiVersion = 1;
constexpr const char *kEntrySymbol = "quench_main";
constexpr const char *kParallelHookSymbol = "quench_parallel_for_hook";
constexpr const char *kAbiVersionSymbol = "quench_abi_version";
/// GPU artifacts: the host code launches kernel `k` of the manifest's kernel
/// table through `void (*quench_gpu_launch_hook)(int64_t k, void *params)`,
/// params pointing at one 8-byte slot per kernel parameter.
constexpr const char *kGpuLaunchHookSymbol = "quench_gpu_launch_hook";
constexpr uint64_t kSectionAlignment = 4096;

struct Header {
  char magic[8];
  uint32_t formatVersion;
  uint32_t numSections;
  uint64_t fileSize;
};

struct SectionEntry {
  char name[16];
  uint64_t offset;
  uint64_t size;
};

static_assert(sizeof(Header) == 24 && sizeof(SectionEntry) == 32, "packed layout");

} // namespace quench::runtime

#endif // QUENCH_RUNTIME_ARTIFACTFORMAT_H
