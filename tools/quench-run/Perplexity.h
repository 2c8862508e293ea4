//===- Perplexity.h - quench-run --ppl ------------------------------------===//

#ifndef QUENCH_TOOLS_QUENCH_RUN_PERPLEXITY_H
#define QUENCH_TOOLS_QUENCH_RUN_PERPLEXITY_H

#include "quench/runtime/quench_runtime.h"

#include <cstdint>
#include <string>

namespace quench::tools {

struct PerplexityOptions {
  std::string tokens;     ///< little-endian uint16 token ids
  int64_t maxWindows = 0; ///< 0: every whole window
  size_t threads = 0;
  bool progress = true;   ///< a status line on stderr
};

/// The GPTQ protocol: the file's ids cut into non-overlapping windows of the
/// model's sequence length T (the tail dropped), each run as one sequence;
/// a window's loss is the mean cross-entropy of its T - 1 next-token
/// predictions; perplexity = exp(mean of the windows' losses). The model
/// takes one integer input [1, T] and its first output is logits [1, T, V].
/// Prints the result; false and `error` when the model or file do not fit.
bool perplexity(const quench_artifact *artifact, const PerplexityOptions &options,
                std::string &error);

} // namespace quench::tools

#endif // QUENCH_TOOLS_QUENCH_RUN_PERPLEXITY_H
