//===- ArtifactWriter.h - writes a .qz artifact ---------------------------===//

#ifndef QUENCH_RUNTIME_ARTIFACTWRITER_H
#define QUENCH_RUNTIME_ARTIFACTWRITER_H

#include <cstddef>
#include <string>
#include <vector>

namespace quench::runtime {

/// A further section: "ptx" for GPU artifacts.
struct ExtraSection {
  std::string name;
  std::string data;
};

/// Writes manifest + code + weights (+ `extra`) to `path` through a temporary file in
/// the same folder that is renamed over `path` at the end: a failure never
/// leaves a partial file nor touches an existing one. False and `error` on
/// failure.
bool writeArtifact(const std::string &path, const std::string &manifestJson,
                   const void *code, size_t codeSize, const void *weights,
                   size_t weightsSize, std::string &error,
                   const std::vector<ExtraSection> &extra = {});

} // namespace quench::runtime

#endif // QUENCH_RUNTIME_ARTIFACTWRITER_H
