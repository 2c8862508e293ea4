//===- Cuda.cpp - the runtime's GPU backend (CUDA driver API) -------------===//

#include "Cuda.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>

namespace quench::runtime {
namespace {

// The few driver types used, as the driver API declares them.
using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using Handle = void *;

/// The driver entry points, resolved once from libcuda.so.1.
struct Driver {
  std::string error; // why the driver is unusable ("" when it is usable)
  CUresult (*cuInit)(unsigned);
  CUresult (*cuGetErrorName)(CUresult, const char **);
  CUresult (*cuGetErrorString)(CUresult, const char **);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDeviceGetName)(char *, int, CUdevice);
  CUresult (*cuDeviceGetAttribute)(int *, int, CUdevice);
  CUresult (*cuDevicePrimaryCtxRetain)(Handle *, CUdevice);
  CUresult (*cuDevicePrimaryCtxRelease)(CUdevice);
  CUresult (*cuCtxSetCurrent)(Handle);
  CUresult (*cuModuleLoadDataEx)(Handle *, const void *, unsigned, int *, void **);
  CUresult (*cuModuleUnload)(Handle);
  CUresult (*cuModuleGetFunction)(Handle *, Handle, const char *);
  CUresult (*cuMemAlloc)(CUdeviceptr *, size_t);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void *, size_t);
  CUresult (*cuMemcpyHtoDAsync)(CUdeviceptr, const void *, size_t, Handle);
  CUresult (*cuMemcpyDtoHAsync)(void *, CUdeviceptr, size_t, Handle);
  CUresult (*cuStreamCreate)(Handle *, unsigned);
  CUresult (*cuStreamDestroy)(Handle);
  CUresult (*cuStreamSynchronize)(Handle);
  CUresult (*cuLaunchKernel)(Handle, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                             unsigned, Handle, void **, void **);
  CUresult (*cuStreamBeginCapture)(Handle, int);
  CUresult (*cuStreamEndCapture)(Handle, Handle *);
  CUresult (*cuGraphInstantiateWithFlags)(Handle *, Handle, unsigned long long);
  CUresult (*cuGraphLaunch)(Handle, Handle);
  CUresult (*cuGraphDestroy)(Handle);
  CUresult (*cuGraphExecDestroy)(Handle);
  CUresult (*cuEventCreate)(Handle *, unsigned);
  CUresult (*cuEventDestroy)(Handle);
  CUresult (*cuEventRecord)(Handle, Handle);
  CUresult (*cuEventSynchronize)(Handle);
  CUresult (*cuEventElapsedTime)(float *, Handle, Handle);
};

const Driver &driver() {
  static Driver d;
  static std::once_flag once;
  std::call_once(once, [] {
    void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char *why = dlerror();
      d.error = std::string("cannot load the CUDA driver libcuda.so.1 (") + (why ? why : "?") +
                "); is an NVIDIA driver installed?";
      return;
    }
    auto bind = [&](auto &fn, const char *symbol) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, symbol));
      if (!fn && d.error.empty())
        d.error = std::string("the CUDA driver lacks ") + symbol + " (too old?)";
    };
    bind(d.cuInit, "cuInit");
    bind(d.cuGetErrorName, "cuGetErrorName");
    bind(d.cuGetErrorString, "cuGetErrorString");
    bind(d.cuDeviceGetCount, "cuDeviceGetCount");
    bind(d.cuDeviceGet, "cuDeviceGet");
    bind(d.cuDeviceGetName, "cuDeviceGetName");
    bind(d.cuDeviceGetAttribute, "cuDeviceGetAttribute");
    bind(d.cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain");
    bind(d.cuDevicePrimaryCtxRelease, "cuDevicePrimaryCtxRelease_v2");
    bind(d.cuCtxSetCurrent, "cuCtxSetCurrent");
    bind(d.cuModuleLoadDataEx, "cuModuleLoadDataEx");
    bind(d.cuModuleUnload, "cuModuleUnload");
    bind(d.cuModuleGetFunction, "cuModuleGetFunction");
    bind(d.cuMemAlloc, "cuMemAlloc_v2");
    bind(d.cuMemFree, "cuMemFree_v2");
    bind(d.cuMemcpyHtoD, "cuMemcpyHtoD_v2");
    bind(d.cuMemcpyHtoDAsync, "cuMemcpyHtoDAsync_v2");
    bind(d.cuMemcpyDtoHAsync, "cuMemcpyDtoHAsync_v2");
    bind(d.cuStreamCreate, "cuStreamCreate");
    bind(d.cuStreamDestroy, "cuStreamDestroy_v2");
    bind(d.cuStreamSynchronize, "cuStreamSynchronize");
    bind(d.cuLaunchKernel, "cuLaunchKernel");
    bind(d.cuStreamBeginCapture, "cuStreamBeginCapture_v2");
    bind(d.cuStreamEndCapture, "cuStreamEndCapture");
    bind(d.cuGraphInstantiateWithFlags, "cuGraphInstantiateWithFlags");
    bind(d.cuGraphLaunch, "cuGraphLaunch");
    bind(d.cuGraphDestroy, "cuGraphDestroy");
    bind(d.cuGraphExecDestroy, "cuGraphExecDestroy");
    bind(d.cuEventCreate, "cuEventCreate");
    bind(d.cuEventDestroy, "cuEventDestroy_v2");
    bind(d.cuEventRecord, "cuEventRecord");
    bind(d.cuEventSynchronize, "cuEventSynchronize");
    bind(d.cuEventElapsedTime, "cuEventElapsedTime");
    if (d.error.empty() && d.cuInit(0) != 0)
      d.error = "the CUDA driver does not initialize (cuInit failed): no usable GPU";
  });
  return d;
}

constexpr int kComputeCapabilityMajor = 75, kComputeCapabilityMinor = 76;
constexpr int kJitErrorLogBuffer = 5, kJitErrorLogBufferSize = 6;
constexpr int kCaptureModeThreadLocal = 1;

thread_local GpuSession *current = nullptr;

} // namespace

bool GpuSession::ok(int result, const std::string &doing, std::string &error) const {
  if (result != 0)
    error = what + ": " + doing + ": " + describe(result);
  return result == 0;
}

std::string GpuSession::describe(int result) const {
  const Driver &d = driver();
  const char *name = nullptr, *text = nullptr;
  d.cuGetErrorName(result, &name);
  d.cuGetErrorString(result, &text);
  return std::string(name ? name : "CUDA error " + std::to_string(result)) +
         (text ? std::string(": ") + text : "");
}

std::unique_ptr<GpuSession>
GpuSession::create(const std::string &what, const GpuProgram &program, const void *weights,
                   size_t weightsBytes, size_t workspaceBytes,
                   const std::vector<size_t> &inputBytes, const std::vector<size_t> &outputBytes,
                   bool graphs, std::string &error) {
  const Driver &d = driver();
  if (!d.error.empty()) {
    error = what + ": compiled for an NVIDIA GPU (nvptx " + program.arch + "), but " + d.error;
    return nullptr;
  }
  std::unique_ptr<GpuSession> s(new GpuSession());
  s->what = what;
  s->program = &program;
  s->inputBytes = inputBytes;
  s->outputBytes = outputBytes;
  s->graphs = graphs;
  auto check = [&](CUresult r, const std::string &doing) {
    if (r != 0)
      error = what + ": " + doing + ": " + s->describe(r);
    return r == 0;
  };
  int count = 0;
  if (!check(d.cuDeviceGetCount(&count), "counting GPUs"))
    return nullptr;
  if (count == 0) {
    error = what + ": compiled for an NVIDIA GPU (nvptx " + program.arch +
            "), but the driver sees no GPU";
    return nullptr;
  }
  if (!check(d.cuDeviceGet(&s->device, 0), "opening GPU 0") ||
      !check(d.cuDevicePrimaryCtxRetain(&s->context, s->device), "creating a context") ||
      !check(d.cuCtxSetCurrent(s->context), "selecting the context"))
    return nullptr;
  char name[256] = {};
  int major = 0, minor = 0;
  d.cuDeviceGetName(name, sizeof name, s->device);
  d.cuDeviceGetAttribute(&major, kComputeCapabilityMajor, s->device);
  d.cuDeviceGetAttribute(&minor, kComputeCapabilityMinor, s->device);
  s->name = std::string(name) + " (sm_" + std::to_string(major * 10 + minor) + ")";

  // The driver JIT-compiles the PTX (and caches the result on disk). A model
  // whose tensors are all empty has no kernels and no module.
  std::string ptx(program.ptx, program.ptxBytes);
  if (program.kernels.empty())
    ptx.clear();
  std::vector<char> log(8192);
  int options[] = {kJitErrorLogBuffer, kJitErrorLogBufferSize};
  void *values[] = {log.data(), reinterpret_cast<void *>(log.size())};
  CUresult r = ptx.empty() ? 0 : d.cuModuleLoadDataEx(&s->module, ptx.c_str(), 2, options, values);
  if (r != 0) {
    error = what + ": loading its PTX (" + program.arch + ") on " + s->name + ": " +
            s->describe(r) + (log[0] ? std::string("\n") + log.data() : std::string());
    return nullptr;
  }
  for (const GpuKernel &k : program.kernels) {
    void *fn = nullptr;
    if (!check(d.cuModuleGetFunction(&fn, s->module, k.name.c_str()),
               "finding kernel '" + k.name + "'"))
      return nullptr;
    s->functions.push_back(fn);
  }

  std::vector<size_t> sizes = {weightsBytes, workspaceBytes};
  sizes.insert(sizes.end(), inputBytes.begin(), inputBytes.end());
  sizes.insert(sizes.end(), outputBytes.begin(), outputBytes.end());
  for (size_t bytes : sizes) {
    CUdeviceptr p = 0;
    if (!check(d.cuMemAlloc(&p, std::max<size_t>(bytes, 256)),
               "allocating " + std::to_string(bytes) + " bytes of GPU memory"))
      return nullptr;
    s->buffers.push_back(p);
  }
  if (weightsBytes &&
      !check(d.cuMemcpyHtoD(s->weights(), weights, weightsBytes), "uploading the weights"))
    return nullptr;
  if (!check(d.cuStreamCreate(&s->stream, 0), "creating a stream"))
    return nullptr;
  // QUENCH_GPU_PROFILE=1: every launch timed with events (no graph), a table
  // of the kernels by time on stderr when the session ends.
  if (const char *env = getenv("QUENCH_GPU_PROFILE"); env && *env && *env != '0') {
    s->graphs = false;
    s->profile.resize(program.kernels.size());
    for (Profile &p : s->profile)
      if (!check(d.cuEventCreate(&p.start, 0), "creating an event") ||
          !check(d.cuEventCreate(&p.stop, 0), "creating an event"))
        return nullptr;
  }
  return s;
}

void GpuSession::collectProfile() {
  const Driver &d = driver();
  for (Profile &p : profile)
    if (p.pending) {
      float ms = 0;
      d.cuEventSynchronize(p.stop);
      d.cuEventElapsedTime(&ms, p.start, p.stop);
      p.ms += ms;
      ++p.calls;
      p.pending = false;
    }
}

void GpuSession::printProfile() const {
  std::vector<size_t> order(profile.size());
  double total = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    total += profile[i].ms;
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return profile[a].ms > profile[b].ms; });
  std::fprintf(stderr, "quench: GPU profile of %s (%zu kernels, %.3f ms in kernels)\n",
               what.c_str(), profile.size(), total);
  for (size_t rank = 0; rank < order.size() && rank < 25; ++rank) {
    const Profile &p = profile[order[rank]];
    const GpuKernel &k = program->kernels[order[rank]];
    std::fprintf(stderr, "  %-6s %9.3f ms %5.1f%%  %zu calls  grid %u block %u  %s\n",
                 k.name.c_str(), p.ms, total > 0 ? 100 * p.ms / total : 0.0, p.calls,
                 k.grid[0] * k.grid[1] * k.grid[2], k.block[0] * k.block[1] * k.block[2],
                 k.source.c_str());
  }
}

GpuSession::~GpuSession() {
  const Driver &d = driver();
  if (!d.error.empty() || !context)
    return;
  d.cuCtxSetCurrent(context);
  if (stream)
    d.cuStreamSynchronize(stream);
  if (!profile.empty()) {
    collectProfile();
    printProfile();
    for (Profile &p : profile) {
      d.cuEventDestroy(p.start);
      d.cuEventDestroy(p.stop);
    }
  }
  if (graphExec)
    d.cuGraphExecDestroy(graphExec);
  if (graph)
    d.cuGraphDestroy(graph);
  if (stream)
    d.cuStreamDestroy(stream);
  for (uint64_t p : buffers)
    d.cuMemFree(p);
  if (module)
    d.cuModuleUnload(module);
  d.cuDevicePrimaryCtxRelease(device);
}

void GpuSession::launch(int64_t kernel, void *params) {
  GpuSession *s = current;
  if (!s || s->launchError)
    return;
  if (kernel < 0 || static_cast<size_t>(kernel) >= s->functions.size()) {
    s->launchError = -1;
    s->failedKernel = kernel;
    return;
  }
  const GpuKernel &k = s->program->kernels[kernel];
  void *slots[64];
  std::vector<void *> many;
  void **args = slots;
  if (k.params > 64) {
    many.resize(k.params);
    args = many.data();
  }
  for (size_t i = 0; i < k.params; ++i)
    args[i] = static_cast<char *>(params) + 8 * i;
  Profile *p = s->profile.empty() ? nullptr : &s->profile[kernel];
  if (p)
    driver().cuEventRecord(p->start, s->stream);
  CUresult r = driver().cuLaunchKernel(s->functions[kernel], k.grid[0], k.grid[1], k.grid[2],
                                       k.block[0], k.block[1], k.block[2], 0, s->stream, args,
                                       nullptr);
  if (p) {
    driver().cuEventRecord(p->stop, s->stream);
    p->pending = true;
    // Each kernel has one pair of events: read them before they are reused.
    s->collectProfile();
  }
  if (r != 0) {
    s->launchError = r;
    s->failedKernel = kernel;
  }
}

int GpuSession::forward(Entry entry, void **args, std::string &error) {
  const Driver &d = driver();
  auto check = [&](CUresult r, const std::string &doing) { return ok(r, doing, error); };
  auto runEntry = [&] {
    launchError = 0;
    failedKernel = -1;
    current = this;
    entry(args);
    current = nullptr;
    if (launchError) {
      std::string kernel = failedKernel >= 0 &&
                                   static_cast<size_t>(failedKernel) < program->kernels.size()
                               ? program->kernels[failedKernel].name
                               : "#" + std::to_string(failedKernel);
      error = what + ": launching kernel " + kernel + ": " +
              (launchError < 0 ? std::string("no such kernel") : describe(launchError));
      return false;
    }
    return true;
  };
  if (!graphs)
    return runEntry() ? 0 : 1;
  if (!graphExec) {
    // The forward's launches are captured once; later runs replay them.
    if (!check(d.cuStreamBeginCapture(stream, kCaptureModeThreadLocal), "starting a capture"))
      return 1;
    bool ok = runEntry();
    void *captured = nullptr;
    CUresult r = d.cuStreamEndCapture(stream, &captured);
    if (!ok || !check(r, "capturing the forward as a graph")) {
      if (captured)
        d.cuGraphDestroy(captured);
      return 1;
    }
    // A failed instantiation leaves no graph behind: the next run captures again.
    if (!check(d.cuGraphInstantiateWithFlags(&graphExec, captured, 0), "instantiating the graph")) {
      graphExec = nullptr;
      d.cuGraphDestroy(captured);
      return 1;
    }
    graph = captured;
  }
  return check(d.cuGraphLaunch(graphExec, stream), "replaying the graph") ? 0 : 1;
}

int GpuSession::run(Entry entry, void **args, const std::vector<const void *> &hostInputs,
                    const std::vector<void *> &hostOutputs, std::string &error) {
  const Driver &d = driver();
  auto check = [&](CUresult r, const std::string &doing) { return ok(r, doing, error); };
  if (!check(d.cuCtxSetCurrent(context), "selecting the context"))
    return 1;
  for (size_t i = 0; i < hostInputs.size(); ++i)
    if (inputBytes[i] && !check(d.cuMemcpyHtoDAsync(input(i), hostInputs[i], inputBytes[i],
                                                     stream),
                                "copying input " + std::to_string(i) + " to the GPU"))
      return 1;
  if (int rc = forward(entry, args, error))
    return rc;
  for (size_t i = 0; i < hostOutputs.size(); ++i)
    if (outputBytes[i] && !check(d.cuMemcpyDtoHAsync(hostOutputs[i], output(i),
                                                      outputBytes[i], stream),
                                 "copying output " + std::to_string(i) + " back"))
      return 1;
  return check(d.cuStreamSynchronize(stream), "running the model") ? 0 : 1;
}

int GpuSession::time(Entry entry, void **args, size_t iterations, double *times,
                     std::string &error) {
  const Driver &d = driver();
  auto check = [&](CUresult r, const std::string &doing) { return ok(r, doing, error); };
  if (!check(d.cuCtxSetCurrent(context), "selecting the context"))
    return 1;
  void *start = nullptr, *stop = nullptr;
  if (!check(d.cuEventCreate(&start, 0), "creating an event") ||
      !check(d.cuEventCreate(&stop, 0), "creating an event"))
    return 1;
  int rc = 0;
  for (size_t i = 0; i < iterations && rc == 0; ++i) {
    float ms = 0;
    if (!check(d.cuEventRecord(start, stream), "recording an event") ||
        (rc = forward(entry, args, error)) != 0 ||
        !check(d.cuEventRecord(stop, stream), "recording an event") ||
        !check(d.cuEventSynchronize(stop), "running the model") ||
        !check(d.cuEventElapsedTime(&ms, start, stop), "reading the timer"))
      rc = 1;
    times[i] = ms * 1e-3;
  }
  d.cuEventDestroy(start);
  d.cuEventDestroy(stop);
  return rc;
}

} // namespace quench::runtime
