//===- Reduction.cpp - ONNX reductions ------------------------------------===//

#include "OnnxLowering.h"

using namespace mlir;
using namespace quench;

void quench::populateOnnxReductionLowerings(OnnxLoweringSet &set) {}
