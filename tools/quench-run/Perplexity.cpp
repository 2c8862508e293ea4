//===- Perplexity.cpp - quench-run --ppl ----------------------------------===//

#include "Perplexity.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

namespace quench::tools {

namespace {

using Clock = std::chrono::steady_clock;

struct SessionDeleter {
  void operator()(quench_session *s) const { quench_session_free(s); }
};

/// Mean over positions t < T - 1 of -log softmax(logits[t])[next[t]], in
/// double with the max subtracted.
double windowLoss(const float *logits, int64_t length, int64_t vocab, const uint16_t *ids) {
  double total = 0;
  for (int64_t t = 0; t + 1 < length; ++t) {
    const float *row = logits + t * vocab;
    double peak = row[0];
    for (int64_t v = 1; v < vocab; ++v)
      peak = std::max(peak, static_cast<double>(row[v]));
    double sum = 0;
    for (int64_t v = 0; v < vocab; ++v)
      sum += std::exp(static_cast<double>(row[v]) - peak);
    total += peak + std::log(sum) - row[ids[t + 1]];
  }
  return total / static_cast<double>(length - 1);
}

} // namespace

bool perplexity(const quench_artifact *artifact, const PerplexityOptions &options,
                std::string &error) {
  quench_tensor_info in, out;
  if (quench_artifact_num_inputs(artifact) != 1 || quench_artifact_input(artifact, 0, &in) ||
      (in.dtype != QUENCH_INT64 && in.dtype != QUENCH_INT32) || in.rank != 2 ||
      in.shape[0] != 1 || in.shape[1] < 2) {
    error = "--ppl needs a model with one integer input [1, T] (token ids), T >= 2";
    return false;
  }
  if (quench_artifact_num_outputs(artifact) < 1 || quench_artifact_output(artifact, 0, &out) ||
      out.dtype != QUENCH_FLOAT32 || out.rank != 3 || out.shape[0] != 1 ||
      out.shape[1] != in.shape[1]) {
    error = "--ppl needs the model's first output to be float32 logits [1, T, V]";
    return false;
  }
  int64_t length = in.shape[1], vocab = out.shape[2];

  std::ifstream file(options.tokens, std::ios::binary | std::ios::ate);
  if (!file) {
    error = options.tokens + ": cannot open";
    return false;
  }
  std::streamoff bytes = file.tellg();
  if (bytes % 2) {
    error = options.tokens + ": " + std::to_string(bytes) +
            " bytes, not a whole number of uint16 token ids";
    return false;
  }
  std::vector<uint16_t> ids(static_cast<size_t>(bytes / 2));
  file.seekg(0);
  file.read(reinterpret_cast<char *>(ids.data()), bytes);
  for (uint16_t &id : ids) { // little-endian on disk
    const auto *b = reinterpret_cast<const unsigned char *>(&id);
    id = static_cast<uint16_t>(b[0] | (b[1] << 8));
  }
  int64_t windows = static_cast<int64_t>(ids.size()) / length;
  if (windows == 0) {
    error = options.tokens + ": " + std::to_string(ids.size()) +
            " tokens, fewer than one window of " + std::to_string(length);
    return false;
  }
  if (options.maxWindows > windows)
    std::fprintf(stderr, "quench-run: note: --windows %lld: the file holds only %lld windows of "
                         "%lld tokens; evaluating those\n",
                 (long long)options.maxWindows, (long long)windows, (long long)length);
  if (options.maxWindows > 0)
    windows = std::min(windows, options.maxWindows);
  for (int64_t i = 0; i < windows * length; ++i)
    if (ids[i] >= vocab) {
      error = options.tokens + ": token " + std::to_string(ids[i]) + " at position " +
              std::to_string(i) + " is outside the model's vocabulary of " +
              std::to_string(vocab);
      return false;
    }

  quench_session_options sessionOptions{options.threads, 0};
  std::unique_ptr<quench_session, SessionDeleter> session(
      quench_session_create(artifact, &sessionOptions));
  if (!session) {
    error = quench_last_error();
    return false;
  }
  std::vector<int64_t> input64(length);
  std::vector<int32_t> input32(length);
  int64_t shape[2] = {1, length};
  double sum = 0;
  auto start = Clock::now();
  for (int64_t w = 0; w < windows; ++w) {
    const uint16_t *window = ids.data() + w * length;
    int status;
    if (in.dtype == QUENCH_INT64) {
      for (int64_t t = 0; t < length; ++t)
        input64[t] = window[t];
      status = quench_session_bind_input(session.get(), 0, input64.data(), length * 8,
                                         QUENCH_INT64, 2, shape);
    } else {
      for (int64_t t = 0; t < length; ++t)
        input32[t] = window[t];
      status = quench_session_bind_input(session.get(), 0, input32.data(), length * 4,
                                         QUENCH_INT32, 2, shape);
    }
    if (status || quench_session_run(session.get())) {
      error = quench_last_error();
      return false;
    }
    const float *logits =
        static_cast<const float *>(quench_session_output(session.get(), 0, nullptr));
    sum += windowLoss(logits, length, vocab, window);
    if (options.progress) {
      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      double rate = (w + 1) * length / seconds;
      std::fprintf(stderr, "\rwindow %lld of %lld, %.0f tokens/s, ppl so far %.4f, ETA %.0f s ",
                   (long long)(w + 1), (long long)windows, rate, std::exp(sum / (w + 1)),
                   (windows - w - 1) * length / rate);
    }
  }
  if (options.progress)
    std::fputc('\n', stderr);
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  double meanNll = sum / static_cast<double>(windows);
  std::printf("perplexity %.4f (mean NLL %.6f) over %lld windows of %lld tokens, "
              "%lld predictions, %.1f s, %.0f tokens/s\n",
              std::exp(meanNll), meanNll, (long long)windows, (long long)length,
              (long long)(windows * (length - 1)), seconds,
              static_cast<double>(windows * length) / std::max(seconds, 1e-9));
  return true;
}

} // namespace quench::tools
