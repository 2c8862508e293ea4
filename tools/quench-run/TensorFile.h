//===- TensorFile.h - .npy and ONNX TensorProto files for quench-run ------===//

#ifndef QUENCH_TOOLS_TENSORFILE_H
#define QUENCH_TOOLS_TENSORFILE_H

#include "quench/runtime/quench_runtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quench::tools {

struct HostTensor {
  quench_dtype dtype = QUENCH_FLOAT32;
  std::vector<int64_t> shape;
  std::vector<char> data;

  size_t elements() const;
  /// Element `i` as a double (f16/bf16 decoded).
  double at(size_t i) const;
};

/// Reads a .npy (C order) or an ONNX TensorProto .pb file, by extension.
bool readTensor(const std::string &path, HostTensor &out, std::string &error);
bool readNpy(const std::string &path, HostTensor &out, std::string &error);
bool readTensorProto(const std::string &path, HostTensor &out, std::string &error);
bool writeNpy(const std::string &path, const HostTensor &tensor, std::string &error);

} // namespace quench::tools

#endif // QUENCH_TOOLS_TENSORFILE_H
