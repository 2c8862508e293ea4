//===- gptq.cpp - time GPTQ and RTN on one layer --------------------------===//
//
// Times quantizeGptq on one rows x cols layer from a given Hessian (built
// here from random correlated inputs, not timed) and prints the layer
// objective of GPTQ next to RTN's with the same grid.
//
//   quench-bench-gptq [--rows N] [--cols K] [--bits B] [--group G]
//                     [--act-order] [--mse] [--samples S]
//
//===----------------------------------------------------------------------===//

#include "quench/Quant/Gptq.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace quench::quant;
using Clock = std::chrono::steady_clock;

int main(int argc, char **argv) {
  int64_t rows = 4096, cols = 4096, samples = 2048, group = 128;
  unsigned bits = 4;
  bool actOrder = false, mse = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> long {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "quench-bench-gptq: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return std::atol(argv[++i]);
    };
    if (a == "--rows")
      rows = next();
    else if (a == "--cols")
      cols = next();
    else if (a == "--bits")
      bits = static_cast<unsigned>(next());
    else if (a == "--group")
      group = next();
    else if (a == "--samples")
      samples = next();
    else if (a == "--act-order")
      actOrder = true;
    else if (a == "--mse")
      mse = true;
    else {
      std::fprintf(stderr, "usage: quench-bench-gptq [--rows N] [--cols K] [--bits B] "
                           "[--group G] [--act-order] [--mse] [--samples S]\n");
      return 2;
    }
  }
  // Inputs with correlated features: x = z + 0.5 * (z shifted by one).
  std::mt19937 rng(1);
  std::normal_distribution<float> normal;
  HessianAccumulator acc(cols);
  std::vector<float> x(64 * cols), z(64 * cols + 1);
  for (int64_t done = 0; done < samples; done += 64) {
    for (float &v : z)
      v = normal(rng);
    for (int64_t i = 0; i < 64 * cols; ++i)
      x[i] = z[i] + 0.5f * z[i + 1];
    acc.add(x.data(), 64);
  }
  std::vector<float> w(rows * cols);
  for (float &v : w)
    v = normal(rng) * 0.02f;

  GptqOptions options;
  options.grid = {bits, group, false, mse};
  options.actOrder = actOrder;
  try {
    auto start = Clock::now();
    GptqResult g = quantizeGptq(w.data(), rows, cols, acc.hessian().data(), options);
    double gptqSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    start = Clock::now();
    QuantizedWeight r = quantizeRtn(w.data(), rows, cols, options.grid);
    double rtnSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<float> gd = g.weight.dequantize(), rd = r.dequantize();
    double objG = layerObjective(w.data(), gd.data(), rows, cols, acc.hessian().data());
    double objR = layerObjective(w.data(), rd.data(), rows, cols, acc.hessian().data());
    std::printf("layer %lld x %lld, %u bits, group %lld%s%s\n", (long long)rows, (long long)cols,
                bits, (long long)group, actOrder ? ", act-order" : "", mse ? ", clipping search" : "");
    std::printf("  GPTQ  %.2f s   objective %.6g\n", gptqSeconds, objG);
    std::printf("  RTN   %.2f s   objective %.6g  (GPTQ / RTN = %.3f)\n", rtnSeconds, objR,
                objG / objR);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "quench-bench-gptq: %s\n", e.what());
    return 1;
  }
  return 0;
}
