//===- Quant.cpp - ONNX quantized ops into the qnt dialect ----------------===//

#include "OnnxLowering.h"

using namespace mlir;
using namespace quench;

void quench::populateOnnxQuantLowerings(OnnxLoweringSet &set) {}
