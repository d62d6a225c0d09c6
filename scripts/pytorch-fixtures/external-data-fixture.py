#!/usr/bin/env python3
# Makes the `bert.external` interop fixture: a tiny BERT classifier exported with torch.onnx.export's
# defaults, which keep the weights in model.onnx.data beside model.onnx, and PyTorch's own attention.
"""Optional: CI only reads the committed files. Usage: python external-data-fixture.py [--out DIR].
Writes bert-external/model.onnx(.data), feeds/bert-external.json, expected/bert-external.json and the
manifest entry. Needs torch 2.x, transformers, onnx, onnxscript."""
from __future__ import annotations

import argparse
import json
import os

import onnx
import torch
import transformers
from transformers import BertConfig, BertForSequenceClassification

DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "..", "packages", "core", "test", "fixtures", "pytorch")


def write_json(path: str, value: dict) -> None:
    with open(path, "w") as f:
        json.dump(value, f, separators=(",", ":"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=DEFAULT_OUT)
    out = parser.parse_args().out
    torch.manual_seed(7)
    config = BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64,
                        max_position_embeddings=64, num_labels=2, attn_implementation="eager")
    model = BertForSequenceClassification(config).eval()
    ids = torch.tensor([[2, 15, 27, 33, 8, 3, 0, 0]])
    mask = torch.tensor([[1, 1, 1, 1, 1, 1, 0, 0]])
    with torch.no_grad():
        reference = model(input_ids=ids, attention_mask=mask, output_attentions=True)
    os.makedirs(os.path.join(out, "bert-external"), exist_ok=True)
    path = os.path.join(out, "bert-external", "model.onnx")
    torch.onnx.export(model, (ids, mask), path, input_names=["input_ids", "attention_mask"], output_names=["logits"], dynamo=True)
    graph = onnx.load(path, load_external_data=False).graph
    external = sum(t.data_location == onnx.TensorProto.EXTERNAL for t in graph.initializer)
    print(f"torch {torch.__version__}, transformers {transformers.__version__}: {external} of {len(graph.initializer)} initializers in model.onnx.data")

    write_json(os.path.join(out, "feeds", "bert-external.json"), {
        name: {"dims": list(t.shape), "type": "int64", "data": t.flatten().tolist()} for name, t in (("input_ids", ids), ("attention_mask", mask))
    })
    write_json(os.path.join(out, "expected", "bert-external.json"), {
        "fixture": "bert-external",
        "paddedKeys": [[int(i) for i in (row == 0).nonzero().flatten()] for row in mask],
        "layers": [{"shape": list(a.shape), "data": a.flatten().tolist()} for a in reference.attentions],
        "outputs": {"logits": {"dims": list(reference.logits.shape), "data": reference.logits.flatten().tolist()}},
    })
    manifest_path = os.path.join(out, "manifest.json")
    with open(manifest_path) as f:
        manifest = json.load(f)
    manifest["fixtures"] = [f for f in manifest["fixtures"] if f["id"] != "bert.external"] + [{
        "id": "bert.external", "model": "bert-external/model.onnx", "feeds": "feeds/bert-external.json",
        "expected": "expected/bert-external.json", "exporter": "dynamo", "opset": graph_opset(path), "softmaxRanks": [4, 4],
        "generatedWith": {"torch": torch.__version__, "transformers": transformers.__version__, "onnx": onnx.__version__,
                          "export": f"torch.onnx.export defaults (dynamo, external data: {external} of {len(graph.initializer)} initializers in model.onnx.data)",
                          "seed": 7},
    }]
    write_json(manifest_path, manifest)


def graph_opset(path: str) -> int:
    return next(o.version for o in onnx.load(path, load_external_data=False).opset_import if o.domain in ("", "ai.onnx"))


if __name__ == "__main__":
    main()
