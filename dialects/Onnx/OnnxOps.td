//===- OnnxOps.td - the ONNX front-end dialect ---------------*- tablegen -*-===//
//
// A total import target for ONNX graphs: every node of every domain becomes
// one `onnx.node` op, known or not, so any valid model loads. Lowerings then
// match nodes by domain, op type and opset.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_DIALECT_ONNX_ONNXOPS_TD
#define QUENCH_DIALECT_ONNX_ONNXOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Onnx_Dialect : Dialect {
  let name = "onnx";
  let cppNamespace = "::quench::onnx";
  let summary = "ONNX graphs as imported, before lowering";
  let description = [{
    `quench-import-onnx` turns an ONNX model into a `func.func` whose body is
    a sequence of `onnx.node` ops, one per ONNX node, in the graph's
    (topological) order. Graph inputs are function arguments, initializers
    are `arith.constant`s (large ones as `dense_resource` blobs), graph
    outputs are returned. Absent optional inputs are `onnx.none` values.

    Result types come from the model's `value_info` and outputs when it has
    them (with dimensions the user fixed on the command line substituted);
    a result the model says nothing about has type `!onnx.unknown`. The
    lowering (`convert-onnx-to-linalg`) recomputes every type from the
    operands, so these types are informative only.
  }];
  let useDefaultTypePrinterParser = 1;
}

def Onnx_UnknownType : TypeDef<Onnx_Dialect, "Unknown"> {
  let mnemonic = "unknown";
  let summary = "A value whose type the model does not state";
}

def Onnx_NodeOp : Op<Onnx_Dialect, "node", [RecursiveMemoryEffects]> {
  let summary = "One ONNX node of any domain, op type and opset";
  let description = [{
    Holds everything an ONNX `NodeProto` says: `op_type`, `domain` (empty
    for the default `ai.onnx` domain), `opset` (the version of that domain
    the model imports, which selects the operator's semantics), the node
    `name`, and its attributes in `attrs`:

    | ONNX attribute | MLIR attribute |
    |---|---|
    | INT, INTS | `i64`, `array<i64: ...>` |
    | FLOAT, FLOATS | `f32`, `array<f32: ...>` |
    | STRING, STRINGS | string, array of strings |
    | TENSOR | a dense (or `dense_resource`) elements attribute |
    | GRAPH, GRAPHS | the node's regions, in attribute order; `subgraphs` lists their names |
    | TYPE_PROTO, SPARSE_TENSOR | a string naming what was not imported |

    A subgraph is a region with one block whose arguments are the
    subgraph's inputs, ending in `onnx.yield` of its outputs; values of the
    enclosing graph are used directly.

    ```mlir
    %y = onnx.node "MatMul"(%x, %w) {domain = "", opset = 17 : i64,
        name = "/layers.0/MatMul", attrs = {}}
        : (tensor<1x8x64xf32>, tensor<64x64xf32>) -> tensor<1x8x64xf32>
    ```
  }];
  let arguments = (ins StrAttr:$op_type, StrAttr:$domain, I64Attr:$opset,
                       StrAttr:$name, DictionaryAttr:$attrs,
                       Variadic<AnyType>:$inputs);
  let results = (outs Variadic<AnyType>:$outputs);
  let regions = (region VariadicRegion<SizedRegion<1>>:$subgraphs);
  let assemblyFormat = [{
    $op_type `(` $inputs `)` attr-dict (`subgraphs` $subgraphs^)? `:` functional-type($inputs, results)
  }];
}

def Onnx_NoneOp : Op<Onnx_Dialect, "none", [Pure]> {
  let summary = "An absent optional input";
  let description = [{
    ONNX marks an omitted optional input with an empty name; the importer
    passes this value instead, so operand positions keep their meaning.
  }];
  let results = (outs NoneType:$result);
  let assemblyFormat = "attr-dict";
}

def Onnx_YieldOp : Op<Onnx_Dialect, "yield", [Pure, Terminator,
                                              ParentOneOf<["NodeOp"]>]> {
  let summary = "Returns a subgraph's outputs";
  let arguments = (ins Variadic<AnyType>:$outputs);
  let assemblyFormat = "($outputs^ `:` type($outputs))? attr-dict";
}

#endif // QUENCH_DIALECT_ONNX_ONNXOPS_TD
