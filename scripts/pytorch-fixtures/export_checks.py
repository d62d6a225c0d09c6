# Exports a Fixture with torch.onnx.export (TorchScript or dynamo) and checks the ONNX file on the Python side:
# onnxruntime's outputs against PyTorch's, and every Softmax output against PyTorch's attention probabilities.
from __future__ import annotations

import warnings

import numpy as np
import onnx
import onnxruntime as ort
import torch

from fixture_models import Fixture

TORCHSCRIPT_OPSET = 17


def export_torchscript(fixture: Fixture, path: str, opset: int = TORCHSCRIPT_OPSET) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(fixture.module, tuple(fixture.inputs.values()), path, dynamo=False,
                          opset_version=opset, input_names=fixture.input_names,
                          output_names=fixture.output_names, dynamic_axes=fixture.dynamic_axes)


def export_dynamo(fixture: Fixture, path: str) -> None:
    batch = torch.export.Dim("batch", min=1, max=64)
    shapes = {}
    for name, tensor in fixture.inputs.items():
        axes = {0: batch}
        if tensor.dim() == 2:
            axes[1] = torch.export.Dim.AUTO
        shapes[name] = axes
    program = torch.onnx.export(fixture.module, tuple(fixture.inputs.values()), dynamo=True,
                                input_names=fixture.input_names, output_names=fixture.output_names,
                                dynamic_shapes=tuple(shapes.values()), external_data=False)
    program.save(path, external_data=False)


def strip_node_metadata(path: str) -> None:
    """Drops the dynamo exporter's per-node metadata_props (stack traces, ~3/4 of a tiny file); the graph is unchanged."""
    model = onnx.load(path)
    for node in model.graph.node:
        del node.metadata_props[:]
    onnx.save(model, path)


def softmax_nodes(path: str) -> list[dict]:
    """Each Softmax with its input rank (from shape inference) and the op types that consume its output."""
    model = onnx.shape_inference.infer_shapes(onnx.load(path))
    graph = model.graph
    ranks = {v.name: len(v.type.tensor_type.shape.dim) for v in list(graph.value_info) + list(graph.output)
             if v.type.tensor_type.HasField("shape")}
    found = []
    for node in graph.node:
        if node.op_type != "Softmax":
            continue
        consumers = [n.op_type for n in graph.node if node.output[0] in n.input]
        found.append({"name": node.name, "rank": ranks.get(node.input[0]), "output": node.output[0],
                      "consumers": consumers})
    return found


def opset_of(path: str) -> int:
    return next(o.version for o in onnx.load(path).opset_import if o.domain in ("", "ai.onnx"))


def run_checks(path: str, fixture: Fixture, attention: list[np.ndarray], outputs: dict[str, np.ndarray]) -> dict:
    """Max abs differences ONNX Runtime vs PyTorch for the outputs and for each Softmax output (as [B,H,Q,K])."""
    model = onnx.load(path)
    softmaxes = softmax_nodes(path)
    for s in softmaxes:
        model.graph.output.append(onnx.ValueInfoProto(name=s["output"]))
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    feeds = {k: v.numpy() for k, v in fixture.inputs.items()}
    names = fixture.output_names + [s["output"] for s in softmaxes]
    results = dict(zip(names, session.run(names, feeds)))
    output_diff = max(float(np.abs(results[k] - v).max()) for k, v in outputs.items())
    if len(softmaxes) != len(attention):
        raise RuntimeError(f"{path}: {len(softmaxes)} Softmax nodes but PyTorch gave {len(attention)} attention layers")
    attention_diff = max(float(np.abs(results[s["output"]].reshape(ref.shape) - ref).max())
                         for s, ref in zip(softmaxes, attention))
    return {"outputs": output_diff, "attention": attention_diff, "softmax": softmaxes}
