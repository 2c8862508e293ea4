//===- Runtime.cpp - artifact loading, sessions, the thread pool ----------===//

#include "quench/runtime/quench_runtime.h"

#include "Cuda.h"
#include "Json.h"
#include "ThreadPool.h"
#include "quench/runtime/ArtifactFormat.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <memory>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace quench::runtime;

namespace {

thread_local std::string lastError;

int fail(const std::string &message) {
  lastError = message;
  return 1;
}

struct DtypeInfo {
  const char *name;
  size_t size;
};
constexpr DtypeInfo kDtypes[] = {
    {"float32", 4}, {"float64", 8}, {"float16", 2}, {"bfloat16", 2}, {"int8", 1},
    {"int16", 2},   {"int32", 4},   {"int64", 8},   {"uint8", 1},    {"uint16", 2},
    {"uint32", 4},  {"uint64", 8},  {"bool", 1}};

struct Tensor {
  std::string name;
  quench_dtype dtype;
  std::vector<int64_t> shape;
  size_t bytes = 0;
};

using Entry = void (*)(void **);
using Body = void (*)(void *, int64_t, int64_t);
using Hook = void (*)(Body, void *, int64_t);

std::string shapeText(const int64_t *shape, size_t rank) {
  std::string s = "[";
  for (size_t i = 0; i < rank; ++i)
    s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

/// Whether this CPU has an LLVM x86 feature the code was compiled with.
/// Unknown names are assumed present (LLVM lists many that do not matter
/// for user code).
bool hostHas(const std::string &feature) {
#if defined(__x86_64__)
  __builtin_cpu_init();
#define QUENCH_FEATURE(llvmName, gccName)                                                  \
  if (feature == llvmName)                                                                 \
    return __builtin_cpu_supports(gccName);
  QUENCH_FEATURE("sse3", "sse3")
  QUENCH_FEATURE("ssse3", "ssse3")
  QUENCH_FEATURE("sse4.1", "sse4.1")
  QUENCH_FEATURE("sse4.2", "sse4.2")
  QUENCH_FEATURE("popcnt", "popcnt")
  QUENCH_FEATURE("avx", "avx")
  QUENCH_FEATURE("avx2", "avx2")
  QUENCH_FEATURE("fma", "fma")
  QUENCH_FEATURE("fma4", "fma4")
  QUENCH_FEATURE("bmi", "bmi")
  QUENCH_FEATURE("bmi2", "bmi2")
  QUENCH_FEATURE("f16c", "f16c")
  QUENCH_FEATURE("avx512f", "avx512f")
  QUENCH_FEATURE("avx512bw", "avx512bw")
  QUENCH_FEATURE("avx512dq", "avx512dq")
  QUENCH_FEATURE("avx512vl", "avx512vl")
  QUENCH_FEATURE("avx512cd", "avx512cd")
  QUENCH_FEATURE("avx512vnni", "avx512vnni")
  QUENCH_FEATURE("avx512bf16", "avx512bf16")
  QUENCH_FEATURE("avx512vbmi", "avx512vbmi")
  QUENCH_FEATURE("avx512ifma", "avx512ifma")
  QUENCH_FEATURE("avx512vpopcntdq", "avx512vpopcntdq")
  QUENCH_FEATURE("avx512vbmi2", "avx512vbmi2")
  QUENCH_FEATURE("avx512bitalg", "avx512bitalg")
  QUENCH_FEATURE("avx512vp2intersect", "avx512vp2intersect")
  QUENCH_FEATURE("avx512fp16", "avx512fp16")
  QUENCH_FEATURE("avxvnni", "avxvnni")
  QUENCH_FEATURE("vpclmulqdq", "vpclmulqdq")
  QUENCH_FEATURE("gfni", "gfni")
  QUENCH_FEATURE("vaes", "vaes")
  QUENCH_FEATURE("sha", "sha")
  QUENCH_FEATURE("amx-tile", "amx-tile")
  QUENCH_FEATURE("amx-int8", "amx-int8")
  QUENCH_FEATURE("amx-bf16", "amx-bf16")
  QUENCH_FEATURE("movbe", "movbe")
  QUENCH_FEATURE("adx", "adx")
  QUENCH_FEATURE("aes", "aes")
  QUENCH_FEATURE("pclmul", "pclmul")
  QUENCH_FEATURE("xsave", "xsave")
  QUENCH_FEATURE("lzcnt", "lzcnt")
#undef QUENCH_FEATURE
#endif
  return true;
}

} // namespace

struct quench_artifact {
  std::string path;
  const char *map = nullptr;
  size_t mapSize = 0;
  void *library = nullptr;
  int codeFd = -1; // the memfd holding the code, open while it is loaded
  Entry entry = nullptr;
  Hook *hook = nullptr;
  std::string manifestText, entryName;
  std::vector<Tensor> inputs, outputs;
  const char *weights = nullptr;
  size_t weightsBytes = 0;
  size_t workspaceBytes = 0;
  // GPU artifacts (manifest target.device "nvptx"): the kernels and the
  // host code's launch hook.
  bool gpu = false;
  GpuProgram program;
  GpuLaunchHook *gpuHook = nullptr;

  ~quench_artifact() {
    if (library)
      dlclose(library);
    if (codeFd >= 0)
      close(codeFd);
    if (map)
      munmap(const_cast<char *>(map), mapSize);
  }

  int load(const std::string &file);
  int parseManifest();
  int loadCode(const char *code, size_t size);
};

namespace {

/// An error about the artifact at `path`.
int bad(const std::string &path, const std::string &message) {
  return fail(path + ": " + message);
}

bool readTensors(const json::Value *list, std::vector<Tensor> &out, std::string &error) {
  if (!list || list->kind != json::Value::Kind::Array) {
    error = "must be an array";
    return false;
  }
  for (const json::Value &item : list->array) {
    const json::Value *name = item.get("name"), *dtype = item.get("dtype"),
                      *shape = item.get("shape");
    if (!name || name->kind != json::Value::Kind::String || !dtype ||
        dtype->kind != json::Value::Kind::String || !shape ||
        shape->kind != json::Value::Kind::Array) {
      error = "each entry needs a string name, a string dtype and a shape array";
      return false;
    }
    Tensor t;
    t.name = name->string;
    if (quench_dtype_from_name(dtype->string.c_str(), &t.dtype) != 0) {
      error = "'" + t.name + "' has unknown dtype '" + dtype->string + "'";
      return false;
    }
    // Sizes are bounded (2^48 bytes) so no product can overflow.
    constexpr double kMaxBytes = 281474976710656.0;
    double bytes = static_cast<double>(quench_dtype_size(t.dtype));
    for (const json::Value &d : shape->array) {
      if (!d.isInteger() || d.number < 0) {
        error = "'" + t.name + "' has an invalid dimension";
        return false;
      }
      t.shape.push_back(static_cast<int64_t>(d.number));
      bytes *= d.number;
    }
    if (bytes > kMaxBytes) {
      error = "'" + t.name + "' is larger than 2^48 bytes";
      return false;
    }
    t.bytes = static_cast<size_t>(bytes);
    out.push_back(std::move(t));
  }
  return true;
}

} // namespace

int quench_artifact::load(const std::string &file) {
  path = file;
  int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return bad(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return bad(path, "not a regular file");
  }
  mapSize = static_cast<size_t>(st.st_size);
  if (mapSize < sizeof(Header)) {
    close(fd);
    return bad(path, "too small to be a Quench artifact (" + std::to_string(mapSize) +
                         " bytes)");
  }
  void *m = mmap(nullptr, mapSize, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (m == MAP_FAILED) {
    mapSize = 0;
    return bad(path, std::string("cannot map: ") + std::strerror(errno));
  }
  map = static_cast<const char *>(m);

  Header header;
  std::memcpy(&header, map, sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0)
    return bad(path, "not a Quench artifact (bad magic)");
  if (header.formatVersion != kFormatVersion)
    return bad(path, "artifact format version " + std::to_string(header.formatVersion) +
                         ", this runtime reads version " + std::to_string(kFormatVersion));
  if (header.fileSize != mapSize)
    return bad(path, "truncated or padded: header says " + std::to_string(header.fileSize) +
                         " bytes, the file has " + std::to_string(mapSize));
  if (header.numSections > 64 ||
      sizeof(Header) + header.numSections * sizeof(SectionEntry) > mapSize)
    return bad(path, "section table out of bounds");

  const char *manifest = nullptr, *code = nullptr;
  size_t manifestSize = 0, codeSize = 0;
  std::vector<std::pair<uint64_t, uint64_t>> ranges;
  for (uint32_t i = 0; i < header.numSections; ++i) {
    SectionEntry s;
    std::memcpy(&s, map + sizeof(Header) + i * sizeof(SectionEntry), sizeof s);
    std::string name(s.name, strnlen(s.name, sizeof s.name));
    if (s.offset > mapSize || s.size > mapSize - s.offset)
      return bad(path, "section '" + name + "' lies outside the file");
    for (auto [lo, hi] : ranges)
      if (s.size && s.offset < hi && lo < s.offset + s.size)
        return bad(path, "section '" + name + "' overlaps another section");
    ranges.push_back({s.offset, s.offset + s.size});
    if (name == "manifest") {
      manifest = map + s.offset;
      manifestSize = s.size;
    } else if (name == "code") {
      code = map + s.offset;
      codeSize = s.size;
    } else if (name == "weights") {
      weights = map + s.offset;
      weightsBytes = s.size;
    } else if (name == "ptx") {
      program.ptx = map + s.offset;
      program.ptxBytes = s.size;
    }
  }
  if (!manifest || !code || !weights)
    return bad(path, "missing section (needs manifest, code and weights)");
  manifestText.assign(manifest, manifestSize);
  if (int rc = parseManifest())
    return rc;
  if (gpu && !program.ptx)
    return bad(path, "compiled for a GPU but has no \"ptx\" section");
  return loadCode(code, codeSize);
}

/// The GPU part of a manifest: target.device, target.gpu_arch, kernels.
static int readGpuManifest(const std::string &path, const json::Value &root, bool &gpu,
                           GpuProgram &program) {
  const json::Value *target = root.get("target");
  const json::Value *device = target ? target->get("device") : nullptr;
  if (!device)
    return 0;
  if (device->kind != json::Value::Kind::String || device->string != "nvptx")
    return bad(path, "manifest: unknown \"target.device\" (this runtime runs \"nvptx\")");
  gpu = true;
  const json::Value *arch = target->get("gpu_arch");
  if (!arch || arch->kind != json::Value::Kind::String)
    return bad(path, "manifest: \"target.gpu_arch\" is missing");
  program.arch = arch->string;
  const json::Value *kernels = root.get("kernels");
  if (!kernels || kernels->kind != json::Value::Kind::Array)
    return bad(path, "manifest: \"kernels\" must be an array");
  for (const json::Value &k : kernels->array) {
    GpuKernel kernel;
    const json::Value *name = k.get("name"), *params = k.get("params");
    const json::Value *grid = k.get("grid"), *block = k.get("block");
    auto dims = [](const json::Value *v, unsigned out[3]) {
      if (!v || v->kind != json::Value::Kind::Array || v->array.size() != 3)
        return false;
      for (int d = 0; d < 3; ++d) {
        const json::Value &x = v->array[d];
        if (!x.isInteger() || x.number < 1 || x.number > 2147483647.0)
          return false;
        out[d] = static_cast<unsigned>(x.number);
      }
      return true;
    };
    if (!name || name->kind != json::Value::Kind::String || !params || !params->isInteger() ||
        params->number < 0 || !dims(grid, kernel.grid) || !dims(block, kernel.block))
      return bad(path, "manifest: kernel " + std::to_string(program.kernels.size()) +
                           " needs a name, grid [x, y, z], block [x, y, z] and params");
    kernel.name = name->string;
    kernel.params = static_cast<size_t>(params->number);
    if (const json::Value *source = k.get("source");
        source && source->kind == json::Value::Kind::String)
      kernel.source = source->string;
    program.kernels.push_back(std::move(kernel));
  }
  return 0;
}

int quench_artifact::parseManifest() {
  json::Value root;
  std::string error;
  if (!json::parse(manifestText, root, error))
    return bad(path, "manifest: " + error);
  auto str = [&](const char *key) -> const std::string * {
    const json::Value *v = root.get(key);
    return v && v->kind == json::Value::Kind::String ? &v->string : nullptr;
  };
  auto num = [&](const char *key, double &out) {
    const json::Value *v = root.get(key);
    if (!v || !v->isInteger() || v->number < 0)
      return false;
    out = v->number;
    return true;
  };
  const std::string *entryField = str("entry");
  if (!entryField || entryField->empty())
    return bad(path, "manifest: \"entry\" (the code's entry point) is missing");
  entryName = *entryField;
  const std::string *format = str("format");
  if (!format || *format != "quench-artifact")
    return bad(path, "manifest: \"format\" is not \"quench-artifact\"");
  double version = 0, weightsField = 0, workspaceField = 0;
  if (!num("version", version) || version != 1)
    return bad(path, "manifest: unsupported \"version\" (this runtime reads 1)");
  if (!num("weights_bytes", weightsField) || !num("workspace_bytes", workspaceField))
    return bad(path, "manifest: \"weights_bytes\" and \"workspace_bytes\" must be "
                     "non-negative integers");
  if (static_cast<size_t>(weightsField) != weightsBytes)
    return bad(path, "manifest says " + std::to_string((size_t)weightsField) +
                         " weight bytes, the weights section has " +
                         std::to_string(weightsBytes));
  workspaceBytes = static_cast<size_t>(workspaceField);
  if (!readTensors(root.get("inputs"), inputs, error))
    return bad(path, "manifest: \"inputs\" " + error);
  if (!readTensors(root.get("outputs"), outputs, error))
    return bad(path, "manifest: \"outputs\" " + error);
  if (outputs.empty())
    return bad(path, "manifest: the model has no outputs");

  if (int rc = readGpuManifest(path, root, gpu, program))
    return rc;
  const json::Value *target = root.get("target");
  const json::Value *triple = target ? target->get("triple") : nullptr;
  const json::Value *features = target ? target->get("features") : nullptr;
  if (!triple || triple->kind != json::Value::Kind::String)
    return bad(path, "manifest: \"target.triple\" is missing");
  if (triple->string.rfind("x86_64", 0) != 0)
    return bad(path, "compiled for " + triple->string + ", this runtime runs x86_64 code");
  if (features && features->kind == json::Value::Kind::String) {
    const std::string &list = features->string;
    for (size_t at = 0; at < list.size();) {
      size_t end = list.find(',', at);
      if (end == std::string::npos)
        end = list.size();
      std::string item = list.substr(at, end - at);
      if (item.size() > 1 && item[0] == '+' && !hostHas(item.substr(1)))
        return bad(path, "compiled for a CPU with " + item.substr(1) +
                             ", which this CPU lacks (recompile with --target-cpu)");
      at = end + 1;
    }
  }
  return 0;
}

int quench_artifact::loadCode(const char *code, size_t size) {
  // The shared object is loaded from memory (an anonymous file); a temporary
  // file, unlinked at once, where memfd is not available.
  int fd = memfd_create("quench-code", MFD_CLOEXEC);
  std::string file;
  if (fd < 0) {
    const char *dir = getenv("TMPDIR");
    std::string pattern = std::string(dir ? dir : "/tmp") + "/quench-code-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    fd = mkstemp(buffer.data());
    if (fd < 0)
      return bad(path, "cannot create a file for the code");
    file = buffer.data();
  } else {
    file = "/proc/self/fd/" + std::to_string(fd);
  }
  for (size_t done = 0; done < size;) {
    ssize_t n = write(fd, code + done, size - done);
    if (n <= 0) {
      close(fd);
      return bad(path, "cannot write the code out for loading");
    }
    done += static_cast<size_t>(n);
  }
  bool fromMemfd = file.rfind("/proc/", 0) == 0;
  if (fromMemfd) {
    // dlopen finds loaded objects by name first: a /proc/self/fd path still
    // held by a loaded object (another live artifact, or one that could not
    // be unloaded) would hand back that object's code. The memfd stays open
    // while its code is loaded, so live artifacts have distinct paths; a
    // path taken by an older object moves to a higher descriptor.
    for (int tries = 0;; ++tries) {
      void *taken = dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD);
      if (!taken)
        break;
      dlclose(taken);
      int moved = tries < 64 ? fcntl(fd, F_DUPFD_CLOEXEC, fd + 1) : -1;
      close(fd);
      if (moved < 0)
        return bad(path, "cannot find a free name to load the code under");
      fd = moved;
      file = "/proc/self/fd/" + std::to_string(fd);
    }
  }
  library = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (fromMemfd && library) {
    codeFd = fd;
  } else {
    if (!fromMemfd)
      unlink(file.c_str());
    close(fd);
  }
  if (!library) {
    const char *why = dlerror();
    return bad(path, std::string("cannot load the code: ") + (why ? why : "?"));
  }
  if (auto *abi = static_cast<const int32_t *>(dlsym(library, kAbiVersionSymbol)))
    if (*abi != kAbiVersion)
      return bad(path, "code ABI version " + std::to_string(*abi) + ", this runtime has " +
                           std::to_string(kAbiVersion));
  entry = reinterpret_cast<Entry>(dlsym(library, entryName.c_str()));
  if (!entry)
    return bad(path, "the code has no entry point '" + entryName + "' (the manifest's \"entry\")");
  hook = static_cast<Hook *>(dlsym(library, kParallelHookSymbol));
  if (hook)
    *hook = &ThreadPool::hook;
  gpuHook = static_cast<GpuLaunchHook *>(dlsym(library, kGpuLaunchHookSymbol));
  if (gpuHook)
    *gpuHook = &GpuSession::launch;
  else if (gpu && !program.kernels.empty())
    return bad(path, std::string("the code has no ") + kGpuLaunchHookSymbol +
                         " but the manifest lists kernels");
  return 0;
}

struct quench_session {
  const quench_artifact *artifact = nullptr;
  std::unique_ptr<ThreadPool> pool;
  void *workspace = nullptr;
  std::vector<void *> outputs;
  std::vector<const void *> inputs;
  // One memref descriptor per argument: {allocated, aligned, offset,
  // sizes..., strides...} as int64 words.
  std::vector<std::vector<int64_t>> descriptors;
  std::vector<void *> args;
  std::unique_ptr<GpuSession> gpu; // GPU artifacts: the device side

  ~quench_session() {
    std::free(workspace);
    for (void *p : outputs)
      std::free(p);
  }
};

namespace {
alignas(64) char emptyBuffer[64];

void *allocate(size_t bytes) {
  if (bytes == 0)
    return nullptr;
  return std::aligned_alloc(64, (bytes + 63) / 64 * 64);
}

/// A device address as the pointer field of a memref descriptor.
const void *device(uint64_t address) { return reinterpret_cast<const void *>(address); }

std::vector<int64_t> descriptor(const void *data, const std::vector<int64_t> &shape) {
  std::vector<int64_t> d(3 + 2 * shape.size());
  int64_t p = reinterpret_cast<int64_t>(data ? data : emptyBuffer);
  d[0] = d[1] = p;
  d[2] = 0;
  int64_t stride = 1;
  for (size_t i = shape.size(); i-- > 0;) {
    d[3 + i] = shape[i];
    d[3 + shape.size() + i] = stride;
    stride *= shape[i];
  }
  return d;
}
} // namespace

extern "C" {

const char *quench_last_error(void) { return lastError.c_str(); }

const char *quench_dtype_name(quench_dtype dtype) {
  return dtype <= QUENCH_BOOL ? kDtypes[dtype].name : "?";
}
size_t quench_dtype_size(quench_dtype dtype) {
  return dtype <= QUENCH_BOOL ? kDtypes[dtype].size : 0;
}
int quench_dtype_from_name(const char *name, quench_dtype *dtype) {
  for (int i = 0; i <= QUENCH_BOOL; ++i)
    if (std::strcmp(name, kDtypes[i].name) == 0) {
      *dtype = static_cast<quench_dtype>(i);
      return 0;
    }
  return fail(std::string("unknown dtype '") + name + "'");
}

quench_artifact *quench_artifact_load(const char *path) {
  auto artifact = std::make_unique<quench_artifact>();
  if (artifact->load(path) != 0)
    return nullptr;
  return artifact.release();
}
void quench_artifact_free(quench_artifact *artifact) { delete artifact; }
const char *quench_artifact_manifest(const quench_artifact *a) { return a->manifestText.c_str(); }
size_t quench_artifact_num_inputs(const quench_artifact *a) { return a->inputs.size(); }
size_t quench_artifact_num_outputs(const quench_artifact *a) { return a->outputs.size(); }

static int describe(const std::vector<Tensor> &list, size_t index, const char *what,
                    quench_tensor_info *info) {
  if (index >= list.size())
    return fail(std::string(what) + " index " + std::to_string(index) + " out of range (" +
                std::to_string(list.size()) + " " + what + "s)");
  const Tensor &t = list[index];
  *info = {t.name.c_str(), t.dtype, t.shape.size(), t.shape.data(), t.bytes};
  return 0;
}
int quench_artifact_input(const quench_artifact *a, size_t i, quench_tensor_info *info) {
  return describe(a->inputs, i, "input", info);
}
int quench_artifact_output(const quench_artifact *a, size_t i, quench_tensor_info *info) {
  return describe(a->outputs, i, "output", info);
}
int64_t quench_artifact_find_input(const quench_artifact *a, const char *name) {
  for (size_t i = 0; i < a->inputs.size(); ++i)
    if (a->inputs[i].name == name)
      return static_cast<int64_t>(i);
  return -1;
}

quench_session *quench_session_create(const quench_artifact *artifact,
                                      const quench_session_options *options) {
  auto s = std::make_unique<quench_session>();
  s->artifact = artifact;
  size_t threads = options ? options->num_threads : 0;
  s->pool = std::make_unique<ThreadPool>(threads);
  // The buffers the code reads and writes: host memory, or for a GPU artifact
  // device memory (outputs are then copied back into host buffers).
  const void *weights = artifact->weights;
  if (artifact->gpu) {
    std::vector<size_t> inputBytes, outputBytes;
    for (const Tensor &t : artifact->inputs)
      inputBytes.push_back(t.bytes);
    for (const Tensor &t : artifact->outputs)
      outputBytes.push_back(t.bytes);
    std::string error;
    s->gpu = GpuSession::create(artifact->path, artifact->program, artifact->weights,
                                artifact->weightsBytes, artifact->workspaceBytes, inputBytes,
                                outputBytes, !(options && options->no_graph), error);
    if (!s->gpu) {
      fail(error);
      return nullptr;
    }
    weights = device(s->gpu->weights());
  } else {
    s->workspace = allocate(artifact->workspaceBytes);
    if (artifact->workspaceBytes && !s->workspace) {
      fail("cannot allocate the workspace (" + std::to_string(artifact->workspaceBytes) +
           " bytes)");
      return nullptr;
    }
  }
  const void *workspace = s->gpu ? device(s->gpu->workspace()) : s->workspace;
  s->descriptors.push_back(descriptor(weights, {(int64_t)artifact->weightsBytes}));
  s->descriptors.push_back(descriptor(workspace, {(int64_t)artifact->workspaceBytes}));
  for (size_t i = 0; i < artifact->inputs.size(); ++i) {
    s->inputs.push_back(nullptr);
    s->descriptors.push_back(
        descriptor(s->gpu ? device(s->gpu->input(i)) : nullptr, artifact->inputs[i].shape));
  }
  for (size_t i = 0; i < artifact->outputs.size(); ++i) {
    const Tensor &t = artifact->outputs[i];
    void *buffer = allocate(t.bytes);
    if (t.bytes && !buffer) {
      fail("cannot allocate output '" + t.name + "' (" + std::to_string(t.bytes) + " bytes)");
      return nullptr;
    }
    s->outputs.push_back(buffer);
    s->descriptors.push_back(descriptor(s->gpu ? device(s->gpu->output(i)) : buffer, t.shape));
  }
  for (auto &d : s->descriptors)
    s->args.push_back(d.data());
  return s.release();
}

void quench_session_free(quench_session *session) { delete session; }
size_t quench_session_num_threads(const quench_session *s) { return s->pool->size(); }

int quench_session_bind_input(quench_session *s, size_t index, const void *data, size_t bytes,
                              quench_dtype dtype, size_t rank, const int64_t *shape) {
  const auto &inputs = s->artifact->inputs;
  if (index >= inputs.size())
    return fail("input index " + std::to_string(index) + " out of range (the model has " +
                std::to_string(inputs.size()) + " inputs)");
  const Tensor &t = inputs[index];
  if (rank && !shape)
    return fail("input '" + t.name + "': no shape given");
  bool sameShape = rank == t.shape.size() &&
                   std::equal(t.shape.begin(), t.shape.end(), shape);
  if (dtype != t.dtype || !sameShape)
    return fail("input '" + t.name + "': expected " + kDtypes[t.dtype].name + " " +
                shapeText(t.shape.data(), t.shape.size()) + ", got " +
                quench_dtype_name(dtype) + " " + shapeText(shape, rank));
  if (bytes != t.bytes)
    return fail("input '" + t.name + "': expected " + std::to_string(t.bytes) +
                " bytes, got " + std::to_string(bytes));
  if (!data && t.bytes)
    return fail("input '" + t.name + "': no data");
  s->inputs[index] = data;
  if (s->gpu)
    return 0; // copied into the session's device buffer at each run
  std::vector<int64_t> &d = s->descriptors[2 + index];
  d[0] = d[1] = reinterpret_cast<int64_t>(data ? data : emptyBuffer);
  return 0;
}

int quench_session_run(quench_session *s) {
  for (size_t i = 0; i < s->inputs.size(); ++i)
    if (!s->inputs[i] && s->artifact->inputs[i].bytes)
      return fail("input '" + s->artifact->inputs[i].name + "' is not bound");
  ThreadPool::Scope scope(*s->pool);
  if (s->gpu) {
    std::string error;
    if (s->gpu->run(s->artifact->entry, s->args.data(), s->inputs, s->outputs, error))
      return fail(error);
    return 0;
  }
  s->artifact->entry(s->args.data());
  return 0;
}

const char *quench_session_device(const quench_session *s) {
  return s->gpu ? s->gpu->deviceName().c_str() : "cpu";
}

int quench_session_time(quench_session *s, size_t iterations, double *seconds) {
  if (!s->gpu) {
    for (size_t i = 0; i < iterations; ++i) {
      auto start = std::chrono::steady_clock::now();
      if (int rc = quench_session_run(s))
        return rc;
      seconds[i] =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return 0;
  }
  for (size_t i = 0; i < s->inputs.size(); ++i)
    if (!s->inputs[i] && s->artifact->inputs[i].bytes)
      return fail("input '" + s->artifact->inputs[i].name + "' is not bound");
  // One full run first: inputs on the device, the graph captured.
  if (int rc = quench_session_run(s))
    return rc;
  std::string error;
  if (s->gpu->time(s->artifact->entry, s->args.data(), iterations, seconds, error))
    return fail(error);
  return 0;
}

const void *quench_session_output(const quench_session *s, size_t index, size_t *bytes) {
  if (index >= s->outputs.size()) {
    fail("output index " + std::to_string(index) + " out of range");
    return nullptr;
  }
  if (bytes)
    *bytes = s->artifact->outputs[index].bytes;
  return s->outputs[index] ? s->outputs[index] : emptyBuffer;
}

} // extern "C"
