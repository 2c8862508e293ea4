# -*- Python -*-
# lit configuration of the Quench FileCheck tests.

import importlib.util
import os
import shutil

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "Quench"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.quench_obj_root, "test")
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py"]

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

runner_utils = os.path.join(config.llvm_lib_dir, "libmlir_runner_utils.so")
c_runner_utils = os.path.join(config.llvm_lib_dir, "libmlir_c_runner_utils.so")
config.substitutions.append(("%mlir_runner_utils", runner_utils))
config.substitutions.append(("%mlir_c_runner_utils", c_runner_utils))
# Runs a module's @main through the reference pipeline on the host CPU.
config.substitutions.append((
    "%run_reference",
    "quench-opt --quench-reference-to-llvm | mlir-runner -e main "
    "-entry-point-result=void "
    f"-shared-libs={runner_utils},{c_runner_utils}"))
config.substitutions.append(("%shared", config.shared_dir))
onnx_node_tests = "/usr/share/libonnx-testdata/data/node"
config.substitutions.append(("%onnx_node_tests", onnx_node_tests))
if os.path.isdir(onnx_node_tests):
    config.available_features.add("onnx-node-tests")
config.substitutions.append(("%quench_src_root", config.quench_src_root))
config.substitutions.append(("%quench_obj_root", config.quench_obj_root))
if os.path.isdir(config.shared_dir):
    config.available_features.add("shared")

# Some ONNX import tests write their models at test time with the onnx module
# of the interpreter running lit (%python).
if importlib.util.find_spec("onnx") is not None:
    config.available_features.add("onnx-python")

# ONNX Runtime (npm onnxruntime-node, installed by scripts/install-deps.sh),
# the correctness oracle, driven by node through scripts/ort/ort-run.mjs.
ort_dir = os.environ.get("QUENCH_ORT_DIR") or os.path.join(
    os.path.expanduser("~"), ".cache", "quench", "onnxruntime-node-1.30.0")
node = shutil.which("node")
config.substitutions.append((
    "%ort_run",
    f"{node or 'node'} {os.path.join(config.quench_src_root, 'scripts', 'ort', 'ort-run.mjs')}"))
if node and os.path.isfile(
        os.path.join(ort_dir, "node_modules", "onnxruntime-node", "package.json")):
    config.available_features.add("ort")
    config.environment["QUENCH_ORT_DIR"] = ort_dir

# The CUDA toolkit (ptxas checks the PTX the NVPTX tests produce) and a
# usable NVIDIA GPU (the GPU execution tests; CI has none).
cuda_path = os.environ.get("CUDA_PATH") or "/usr/local/cuda"
config.substitutions.append(("%cuda_path", cuda_path))
ptxas = os.path.join(cuda_path, "bin", "ptxas")
if os.access(ptxas, os.X_OK):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
try:
    import ctypes
    cuda = ctypes.CDLL("libcuda.so.1")
    count = ctypes.c_int(0)
    if cuda.cuInit(0) == 0 and cuda.cuDeviceGetCount(ctypes.byref(count)) == 0 and count.value:
        config.available_features.add("cuda-gpu")
except OSError:
    pass

# Hosts without AMX (all but recent Intel servers) must refuse code built for
# Sapphire Rapids.
# Hosts with AVX-512 run code built for x86-64-v4.
try:
    with open("/proc/cpuinfo") as f:
        cpuinfo = f.read()
        if "amx_tile" not in cpuinfo:
            config.available_features.add("no-amx")
        if " avx512f" in cpuinfo:
            config.available_features.add("avx512")
except OSError:
    pass

tools = [
    ToolSubst("quench-opt", unresolved="fatal"),
    ToolSubst("quench-import-onnx", unresolved="fatal"),
    ToolSubst("quench-compile", unresolved="fatal"),
    ToolSubst("quench-run", unresolved="fatal"),
    ToolSubst("quench-calibrate", unresolved="fatal"),
    ToolSubst("mlir-runner", unresolved="fatal"),
]
llvm_config.add_tool_substitutions(
    tools, [config.quench_tools_dir, config.llvm_tools_dir])
