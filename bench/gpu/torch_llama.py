#!/usr/bin/env python3
"""PyTorch side of the GPU benchmark: a Llama ONNX model's own weights in
Hugging Face's LlamaForCausalLM (what a PyTorch user would run), timed in
eager mode and with torch.compile, side by side with Quench in one run.

    torch_llama.py --onnx model.onnx --config config.json --ids ids.npy \
                   [--weights-map weights_map.json] [--logits out.npy] \
                   [--modes eager,compile,compile-cudagraphs] [--reps 50] [--json out.json]

Weights (the times do not depend on them; omit --onnx for random ones):
from --weights-map (HF name -> ONNX initializer), else from the
order of the MatMul weights in the graph (q, k, v, o, gate, up, down per
layer, then lm_head), norms and embeddings by name. fp32 throughout (TF32 off,
as Quench computes), CUDA-event medians after warm-up.
"""
import argparse
import json
import statistics
import time

import numpy as np
import onnx
import onnx.numpy_helper
import torch
import transformers


def load_weights(onnx_path, config, weights_map):
    model = onnx.load(onnx_path)
    inits = {i.name: i for i in model.graph.initializer}
    tensors = {}
    if weights_map:
        for name, entry in json.load(open(weights_map))["tensors"].items():
            array = onnx.numpy_helper.to_array(inits[entry["onnx"]])
            tensors[name] = array.T if entry["transposed"] else array
        return tensors
    matmuls = []
    for node in model.graph.node:
        if node.op_type == "MatMul":
            for x in node.input:
                if x in inits and len(inits[x].dims) == 2:
                    matmuls.append(x)
    layers = config.num_hidden_layers
    if len(matmuls) != 7 * layers + 1:
        raise SystemExit(f"expected {7 * layers + 1} MatMul weights, found {len(matmuls)}")
    names = []
    for layer in range(layers):
        p = f"model.layers.{layer}."
        names += [p + "self_attn.q_proj.weight", p + "self_attn.k_proj.weight",
                  p + "self_attn.v_proj.weight", p + "self_attn.o_proj.weight",
                  p + "mlp.gate_proj.weight", p + "mlp.up_proj.weight",
                  p + "mlp.down_proj.weight"]
    names.append("lm_head.weight")
    for name, init in zip(names, matmuls):
        tensors[name] = onnx.numpy_helper.to_array(inits[init]).T
    for name, init in inits.items():
        if name.startswith("m.model."):
            tensors[name[2:]] = onnx.numpy_helper.to_array(init)
    return tensors


def time_mode(fn, ids, reps, warmup):
    for _ in range(warmup):
        fn(ids)
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        start = torch.cuda.Event(enable_timing=True)
        stop = torch.cuda.Event(enable_timing=True)
        start.record()
        fn(ids)
        stop.record()
        stop.synchronize()
        times.append(start.elapsed_time(stop))
    return statistics.median(times), min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", help="the model's weights (omitted: the config's shapes with "
                                   "random weights, for timing only)")
    ap.add_argument("--config", required=True)
    ap.add_argument("--ids", required=True)
    ap.add_argument("--weights-map")
    ap.add_argument("--logits")
    ap.add_argument("--modes", default="eager,compile,compile-cudagraphs")
    ap.add_argument("--reps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--json")
    args = ap.parse_args()

    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    config = transformers.LlamaConfig.from_dict(json.load(open(args.config)))
    config.use_cache = False
    model = transformers.LlamaForCausalLM(config)
    if args.onnx:
        tensors = load_weights(args.onnx, config, args.weights_map)
        state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in tensors.items()}
        missing, unexpected = model.load_state_dict(state, strict=False)
        missing = [m for m in missing if "rotary" not in m]
        if missing or unexpected:
            raise SystemExit(f"weights: missing {missing}, unexpected {unexpected}")
    model = model.cuda().eval()
    ids = torch.from_numpy(np.load(args.ids).astype(np.int64)).cuda()

    def eager(x):
        with torch.no_grad():
            return model(input_ids=x, use_cache=False).logits

    results = {"device": torch.cuda.get_device_name(), "torch": torch.__version__,
               "shape": list(ids.shape), "weights": args.onnx or "random"}
    logits = eager(ids)
    if args.logits:
        np.save(args.logits, logits.float().cpu().numpy())
    for mode in args.modes.split(","):
        if mode == "eager":
            fn = eager
        elif mode == "compile":
            fn = torch.compile(eager)
        elif mode == "compile-cudagraphs":
            fn = torch.compile(eager, mode="reduce-overhead")
        else:
            raise SystemExit(f"unknown mode {mode}")
        t0 = time.time()
        fn(ids)
        torch.cuda.synchronize()
        compile_s = time.time() - t0
        median, best = time_mode(fn, ids, args.reps, args.warmup)
        results[mode] = {"median_ms": median, "min_ms": best, "first_call_s": compile_s}
        print(f"torch {mode}: median {median:.3f} ms (min {best:.3f}) on {results['device']}",
              flush=True)
    if args.json:
        json.dump(results, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
