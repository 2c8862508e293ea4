//===- quench-run.cpp - runs an artifact on .npy / .pb inputs -------------===//
//
//   quench-run model.qz [-i name=file | file]... [--data-set DIR]
//              [--expect name=file]... [--rtol R] [--atol A] [-o DIR]
//              [--threads N] [--bench [--warmup W] [--reps R] [--bench-json F]]
//              [--no-graph] [--print-manifest]
//
// The artifact says where it runs: the CPU, or (compiled with
// --target=nvptx) an NVIDIA GPU through the CUDA driver, opened at run time.
// Links only the runtime (no MLIR, LLVM or protobuf). Errors are one line,
// `quench-run: error: ...`, exit code 1 (2 for a bad command line).
//
//===----------------------------------------------------------------------===//

#include "quench/runtime/quench_runtime.h"

#include "Perplexity.h"
#include "TensorFile.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

using quench::tools::HostTensor;

namespace {

[[noreturn]] void die(const std::string &message, int code = 1) {
  std::fprintf(stderr, "quench-run: error: %s\n", message.c_str());
  std::exit(code);
}

void usage() {
  std::fprintf(stderr,
               "usage: quench-run model.qz [-i name=file | file]... [--data-set DIR]\n"
               "                  [--expect name=file]... [--rtol R] [--atol A] [-o DIR]\n"
               "                  [--threads N] [--bench [--warmup W] [--reps R]\n"
               "                  [--bench-json FILE]] [--no-graph] [--print-manifest] [--version]\n"
               "       quench-run model.qz --ppl TOKENS.u16 [--windows N] [--threads N]\n"
               "Runs a Quench artifact. Inputs and expected outputs are .npy or ONNX\n"
               "TensorProto .pb files; --data-set reads DIR/input_N.pb and compares with\n"
               "DIR/output_N.pb. Tolerance: |got - want| <= atol + rtol * |want|.\n"
               "--ppl evaluates a language model (input ids [1, T] -> logits [1, T, V]) on\n"
               "non-overlapping T-token windows of a file of little-endian uint16 ids:\n"
               "perplexity = exp(mean over windows of the mean next-token NLL).\n"
               "--threads N: threads of the CPU thread pool (0, the default: all cores;\n"
               "more than the cores is capped). --windows N: at most N windows (N >= 1).\n"
               "-o DIR is created first if missing.\n"
               "GPU artifacts (quench-compile --target=nvptx) run on GPU 0; --bench then\n"
               "times the forward alone with CUDA events, replayed as a CUDA graph unless\n"
               "--no-graph.\n");
}

std::string shapeText(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string sanitize(const std::string &name) {
  std::string out;
  for (char c : name)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
               ? c
               : '_';
  return out.empty() ? "output" : out;
}

bool fileExists(const std::string &path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

struct Comparison {
  double maxAbs = 0, maxRel = 0;
  size_t mismatches = 0, count = 0;
};

Comparison compare(const HostTensor &got, const HostTensor &want, double rtol, double atol) {
  Comparison c;
  c.count = got.elements();
  bool exact = got.dtype != QUENCH_FLOAT32 && got.dtype != QUENCH_FLOAT64 &&
               got.dtype != QUENCH_FLOAT16 && got.dtype != QUENCH_BFLOAT16;
  for (size_t i = 0; i < c.count; ++i) {
    double g = got.at(i), w = want.at(i);
    if (std::isnan(g) || std::isnan(w)) {
      if (std::isnan(g) != std::isnan(w))
        ++c.mismatches;
      continue;
    }
    if (std::isinf(g) || std::isinf(w)) {
      if (g != w)
        ++c.mismatches;
      continue;
    }
    double diff = std::fabs(g - w);
    c.maxAbs = std::max(c.maxAbs, diff);
    if (w != 0)
      c.maxRel = std::max(c.maxRel, diff / std::fabs(w));
    if (exact ? diff != 0 : diff > atol + rtol * std::fabs(w))
      ++c.mismatches;
  }
  return c;
}

} // namespace

int main(int argc, char **argv) {
  std::string model, dataSet, outDir, benchJson, pplTokens;
  long pplWindows = 0;
  std::vector<std::pair<std::string, std::string>> namedInputs, expects;
  std::vector<std::string> positional;
  double rtol = 1e-3, atol = 1e-5;
  long threads = 0, warmup = 3, reps = 10;
  bool bench = false, printManifest = false, noGraph = false;

  auto value = [&](int &i) -> std::string {
    if (i + 1 >= argc)
      die(std::string(argv[i]) + " needs a value", 2);
    return argv[++i];
  };
  auto number = [&](int &i) {
    std::string text = value(i);
    char *end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end)
      die(std::string(argv[i - 1]) + ": '" + text + "' is not a number", 2);
    return v;
  };
  auto pair = [&](int &i) {
    std::string text = value(i);
    size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
      die(std::string(argv[i - 1]) + ": expected name=file, got '" + text + "'", 2);
    return std::make_pair(text.substr(0, eq), text.substr(eq + 1));
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      usage();
      return 0;
    } else if (a == "-i" || a == "--input") {
      auto p = pair(i);
      namedInputs.push_back(p);
    } else if (a == "--expect") {
      expects.push_back(pair(i));
    } else if (a == "--data-set") {
      dataSet = value(i);
    } else if (a == "-o") {
      outDir = value(i);
    } else if (a == "--rtol") {
      rtol = number(i);
    } else if (a == "--atol") {
      atol = number(i);
    } else if (a == "--threads") {
      threads = static_cast<long>(number(i));
    } else if (a == "--bench") {
      bench = true;
    } else if (a == "--no-graph") {
      noGraph = true;
    } else if (a == "--warmup") {
      warmup = static_cast<long>(number(i));
    } else if (a == "--reps") {
      reps = static_cast<long>(number(i));
    } else if (a == "--bench-json") {
      benchJson = value(i);
    } else if (a == "--ppl") {
      pplTokens = value(i);
    } else if (a == "--windows") {
      pplWindows = static_cast<long>(number(i));
    } else if (a == "--version") {
      std::printf("quench-run: Quench " QUENCH_VERSION " (runtime only)\n");
      return 0;
    } else if (a == "--print-manifest") {
      printManifest = true;
    } else if (!a.empty() && a[0] == '-') {
      usage();
      die("unknown option " + a, 2);
    } else if (model.empty()) {
      model = a;
    } else {
      positional.push_back(a);
    }
  }
  if (model.empty()) {
    usage();
    die("no artifact given", 2);
  }
  if (threads < 0 || warmup < 0 || reps < 1)
    die("--threads and --warmup must be >= 0, --reps >= 1", 2);
  if (pplWindows < 0)
    die("--windows must be >= 1 (omit it to evaluate every window)", 2);
  // More threads than cores only make the workers wait for each other.
  long cores = std::max(1L, static_cast<long>(std::thread::hardware_concurrency()));
  if (threads > cores) {
    std::fprintf(stderr, "quench-run: note: --threads %ld capped to the %ld cores\n", threads,
                 cores);
    threads = cores;
  }
  // The output folder is made (or found unusable) before any work.
  if (!outDir.empty() && mkdir(outDir.c_str(), 0755) != 0 && errno != EEXIST)
    die(outDir + ": cannot create the output folder: " + std::strerror(errno));

  quench_artifact *artifact = quench_artifact_load(model.c_str());
  if (!artifact)
    die(quench_last_error());
  if (printManifest) {
    std::fputs(quench_artifact_manifest(artifact), stdout);
    quench_artifact_free(artifact);
    return 0;
  }
  if (!pplTokens.empty()) {
    if (!positional.empty() || !namedInputs.empty() || !dataSet.empty() || bench)
      die("--ppl takes its inputs from the token file; give no inputs or --bench", 2);
    quench::tools::PerplexityOptions options;
    options.tokens = pplTokens;
    options.maxWindows = pplWindows;
    options.threads = static_cast<size_t>(threads);
    options.progress = isatty(fileno(stderr));
    std::string error;
    if (!quench::tools::perplexity(artifact, options, error))
      die(error);
    quench_artifact_free(artifact);
    return 0;
  }
  size_t numInputs = quench_artifact_num_inputs(artifact);
  size_t numOutputs = quench_artifact_num_outputs(artifact);
  auto inputInfo = [&](size_t i) {
    quench_tensor_info info;
    quench_artifact_input(artifact, i, &info);
    return info;
  };
  auto outputInfo = [&](size_t i) {
    quench_tensor_info info;
    quench_artifact_output(artifact, i, &info);
    return info;
  };

  // Gather the input files: positional in manifest order, named, data set.
  std::vector<std::string> inputFiles(numInputs);
  if (positional.size() > numInputs)
    die("the model has " + std::to_string(numInputs) + " inputs, " +
        std::to_string(positional.size()) + " files were given");
  for (size_t i = 0; i < positional.size(); ++i)
    inputFiles[i] = positional[i];
  for (auto &[name, file] : namedInputs) {
    int64_t index = quench_artifact_find_input(artifact, name.c_str());
    if (index < 0)
      die("the model has no input named '" + name + "'");
    inputFiles[index] = file;
  }
  std::map<size_t, std::string> expectFiles;
  if (!dataSet.empty()) {
    for (size_t i = 0; i < numInputs; ++i)
      if (inputFiles[i].empty())
        inputFiles[i] = dataSet + "/input_" + std::to_string(i) + ".pb";
    for (size_t i = 0; i < numOutputs; ++i) {
      std::string file = dataSet + "/output_" + std::to_string(i) + ".pb";
      if (fileExists(file))
        expectFiles[i] = file;
    }
  }
  for (auto &[name, file] : expects) {
    bool found = false;
    for (size_t i = 0; i < numOutputs; ++i)
      if (outputInfo(i).name == name) {
        expectFiles[i] = file;
        found = true;
      }
    if (!found)
      die("the model has no output named '" + name + "'");
  }

  quench_session_options options{static_cast<size_t>(threads), noGraph ? 1 : 0};
  quench_session *session = quench_session_create(artifact, &options);
  if (!session)
    die(quench_last_error());

  std::vector<HostTensor> inputs(numInputs);
  for (size_t i = 0; i < numInputs; ++i) {
    quench_tensor_info info = inputInfo(i);
    if (inputFiles[i].empty())
      die(std::string("no file for input '") + info.name + "' (give -i " + info.name +
          "=file.npy)");
    std::string error;
    if (!quench::tools::readTensor(inputFiles[i], inputs[i], error))
      die(inputFiles[i] + ": " + error);
    // numpy has no bfloat16: ONNX's test data and numpy users store its bit
    // patterns as uint16, which a bfloat16 input takes as they are.
    if (info.dtype == QUENCH_BFLOAT16 && inputs[i].dtype == QUENCH_UINT16)
      inputs[i].dtype = QUENCH_BFLOAT16;
    if (quench_session_bind_input(session, i, inputs[i].data.data(), inputs[i].data.size(),
                                  inputs[i].dtype, inputs[i].shape.size(),
                                  inputs[i].shape.data()) != 0)
      die(inputFiles[i] + ": " + quench_last_error());
  }

  if (quench_session_run(session) != 0)
    die(quench_last_error());

  if (bench) {
    for (long i = 0; i < warmup; ++i)
      quench_session_run(session);
    // CPU: whole runs; GPU: the forward alone, timed with CUDA events.
    std::vector<double> ms(reps);
    if (quench_session_time(session, ms.size(), ms.data()) != 0)
      die(quench_last_error());
    for (double &t : ms)
      t *= 1e3;
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double median = sorted.size() % 2 ? sorted[sorted.size() / 2]
                                      : (sorted[sorted.size() / 2 - 1] +
                                         sorted[sorted.size() / 2]) / 2;
    std::string device = quench_session_device(session);
    std::string where = device == "cpu"
                            ? "threads " + std::to_string(quench_session_num_threads(session))
                            : device + (noGraph ? ", no graph" : ", graph replay");
    // A language model's input ids [1, T]: T tokens per run.
    std::string rate = std::to_string(static_cast<long long>(1000.0 / median)) + " runs/s";
    if (numInputs == 1 && inputs[0].shape.size() == 2 && inputs[0].shape[0] == 1 &&
        (inputs[0].dtype == QUENCH_INT64 || inputs[0].dtype == QUENCH_INT32))
      rate += ", " + std::to_string(static_cast<long long>(
                         1000.0 * static_cast<double>(inputs[0].shape[1]) / median)) +
              " tokens/s";
    // Milliseconds, with six decimals below 0.1 ms (a small model's runs).
    auto time = [](double ms) {
      char text[32];
      std::snprintf(text, sizeof text, ms >= 0.1 ? "%.3f" : "%.6f", ms);
      return std::string(text);
    };
    std::printf("quench: median %s ms, min %s, max %s over %ld runs (%s, warm-up %ld), %s\n",
                time(median).c_str(), time(sorted.front()).c_str(),
                time(sorted.back()).c_str(), reps, where.c_str(), warmup, rate.c_str());
    if (!benchJson.empty()) {
      FILE *f = std::fopen(benchJson.c_str(), "w");
      if (!f)
        die(benchJson + ": cannot write");
      std::fprintf(f, "{\"median_ms\": %.6f, \"min_ms\": %.6f, \"max_ms\": %.6f, "
                      "\"reps\": %ld, \"warmup\": %ld, \"threads\": %zu, \"device\": \"%s\", "
                      "\"runs_ms\": [",
                   median, sorted.front(), sorted.back(), reps, warmup,
                   quench_session_num_threads(session), device.c_str());
      for (size_t i = 0; i < ms.size(); ++i)
        std::fprintf(f, "%s%.6f", i ? ", " : "", ms[i]);
      std::fprintf(f, "]}\n");
      std::fclose(f);
    }
  }

  std::vector<HostTensor> outputs(numOutputs);
  for (size_t i = 0; i < numOutputs; ++i) {
    quench_tensor_info info = outputInfo(i);
    size_t bytes = 0;
    const void *data = quench_session_output(session, i, &bytes);
    outputs[i].dtype = info.dtype;
    outputs[i].shape.assign(info.shape, info.shape + info.rank);
    outputs[i].data.assign(static_cast<const char *>(data),
                           static_cast<const char *>(data) + bytes);
  }

  if (!outDir.empty()) {
    for (size_t i = 0; i < numOutputs; ++i) {
      std::string file = outDir + "/" + sanitize(outputInfo(i).name) + ".npy";
      if (std::find(inputFiles.begin(), inputFiles.end(), file) != inputFiles.end())
        die(file + ": would overwrite an input");
      std::string error;
      if (!quench::tools::writeNpy(file, outputs[i], error))
        die(file + ": " + error);
    }
  }

  // Nothing asked of the outputs: say what the model produced.
  if (outDir.empty() && expectFiles.empty() && !bench)
    for (size_t i = 0; i < numOutputs; ++i)
      std::printf("output '%s': %s %s (give -o DIR to save it)\n", outputInfo(i).name,
                  quench_dtype_name(outputs[i].dtype),
                  shapeText(outputs[i].shape).c_str());

  int status = 0;
  for (auto &[index, file] : expectFiles) {
    quench_tensor_info info = outputInfo(index);
    HostTensor want;
    std::string error;
    if (!quench::tools::readTensor(file, want, error))
      die(file + ": " + error);
    if (info.dtype == QUENCH_BFLOAT16 && want.dtype == QUENCH_UINT16)
      want.dtype = QUENCH_BFLOAT16; // bit patterns, as for inputs
    if (want.shape != outputs[index].shape)
      die(file + ": expected output '" + info.name + "' has shape " + shapeText(want.shape) +
          ", the model produces " + shapeText(outputs[index].shape));
    Comparison c = compare(outputs[index], want, rtol, atol);
    std::printf("%s '%s': max abs diff %.3g, max rel diff %.3g, %zu of %zu mismatch "
                "(rtol %g, atol %g)\n",
                c.mismatches ? "FAIL" : "PASS", info.name, c.maxAbs, c.maxRel, c.mismatches,
                c.count, rtol, atol);
    if (c.mismatches)
      status = 1;
  }
  quench_session_free(session);
  quench_artifact_free(artifact);
  return status;
}
