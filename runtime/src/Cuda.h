//===- Cuda.h - the runtime's GPU backend (CUDA driver API) ---------------===//
//
// GPU artifacts hold host code (the same shared object as for the CPU, whose
// buffers are device addresses) and a PTX module. A GpuSession owns what one
// session needs on the device: the loaded module, the weights uploaded once,
// the workspace, one buffer per input and output, one stream, and the CUDA
// graph of the forward. The driver is opened with dlopen("libcuda.so.1"):
// the runtime has no link-time CUDA dependency and CPU artifacts load on
// machines without it.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_RUNTIME_CUDA_H
#define QUENCH_RUNTIME_CUDA_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quench::runtime {

struct GpuKernel {
  std::string name;
  unsigned grid[3] = {1, 1, 1};
  unsigned block[3] = {1, 1, 1};
  size_t params = 0;
  std::string source; // where in the model the kernel comes from
};

/// What the artifact says about its device code.
struct GpuProgram {
  std::string arch;
  const char *ptx = nullptr;
  size_t ptxBytes = 0;
  std::vector<GpuKernel> kernels;
};

/// The host code's launch hook type (kGpuLaunchHookSymbol).
using GpuLaunchHook = void (*)(int64_t kernel, void *params);

class GpuSession {
public:
  using Entry = void (*)(void **);

  /// Opens the driver and device 0, loads the PTX, allocates and uploads.
  /// `what` names the artifact in messages. Null and `error` on failure.
  static std::unique_ptr<GpuSession> create(const std::string &what, const GpuProgram &program,
                                            const void *weights, size_t weightsBytes,
                                            size_t workspaceBytes,
                                            const std::vector<size_t> &inputBytes,
                                            const std::vector<size_t> &outputBytes,
                                            bool graphs, std::string &error);
  ~GpuSession();

  uint64_t weights() const { return buffers[0]; }
  uint64_t workspace() const { return buffers[1]; }
  uint64_t input(size_t i) const { return buffers[2 + i]; }
  uint64_t output(size_t i) const { return buffers[2 + inputBytes.size() + i]; }
  /// The device's name and compute capability, e.g. "NVIDIA H100 (sm_90)".
  const std::string &deviceName() const { return name; }

  /// Copies the inputs in, runs the forward (graph replay after the first
  /// run), copies the outputs out and waits. Non-zero and `error` on failure.
  int run(Entry entry, void **args, const std::vector<const void *> &hostInputs,
          const std::vector<void *> &hostOutputs, std::string &error);

  /// The forward alone (no copies), `iterations` times, each timed on the
  /// device with events; seconds per run into `times`.
  int time(Entry entry, void **args, size_t iterations, double *times, std::string &error);

  /// The hook the host code's launches go through (for the current run).
  static void launch(int64_t kernel, void *params);

private:
  GpuSession() = default;
  int forward(Entry entry, void **args, std::string &error);
  void collectProfile();
  void printProfile() const;
  std::string describe(int result) const;
  /// True when `result` is success; else `error` says what failed doing what.
  bool ok(int result, const std::string &doing, std::string &error) const;

  std::string what, name;
  const GpuProgram *program = nullptr;
  std::vector<size_t> inputBytes, outputBytes;
  std::vector<uint64_t> buffers;
  std::vector<void *> functions;
  void *context = nullptr, *module = nullptr, *stream = nullptr;
  void *graph = nullptr, *graphExec = nullptr;
  bool graphs = true;
  int device = 0;
  struct Profile {
    void *start = nullptr, *stop = nullptr;
    bool pending = false;
    double ms = 0;
    size_t calls = 0;
  };
  std::vector<Profile> profile; // QUENCH_GPU_PROFILE: per kernel
  // The first failed launch of the current run.
  int launchError = 0;
  int64_t failedKernel = -1;
};

} // namespace quench::runtime

#endif // QUENCH_RUNTIME_CUDA_H
