#!/usr/bin/env python3
# Regenerates the PyTorch-exported ONNX fixtures and PyTorch's reference attention for @attn/core's interop tests.
"""Optional: CI only reads the committed files. Usage: python generate-fixtures.py [--out DIR] [--profile tiny|unseen]
[--seed N] [--only bert,vit]. Needs torch 2.x, transformers, onnx, onnxruntime, onnxscript (see README.md)."""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import onnx
import torch
import transformers

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_checks import TORCHSCRIPT_OPSET, export_dynamo, export_torchscript, opset_of, run_checks, strip_node_metadata  # noqa: E402
from fixture_models import BUILDERS, Dims, resized_inputs  # noqa: E402

PROFILES = {
    "tiny": Dims(vocab=50, hidden=16, heads=2, layers=2, intermediate=32, seq=6, pad=2, image=16, patch=4, init_std=0.3),
    "unseen": Dims(vocab=61, hidden=24, heads=3, layers=3, intermediate=40, seq=7, pad=3, image=12, patch=4, init_std=0.25),
}
EXPORTERS = ("torchscript", "dynamo")
DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "..", "packages", "core", "test", "fixtures", "pytorch")


def numbers(array: np.ndarray) -> list:
    """float32 values as the shortest decimal that reads back to the same float32; integers as integers."""
    flat = array.reshape(-1)
    if np.issubdtype(flat.dtype, np.integer) or flat.dtype == np.bool_:
        return [int(v) for v in flat]
    return [float(np.format_float_positional(v, unique=True)) for v in flat.astype(np.float32)]


def feeds_json(inputs: dict[str, torch.Tensor]) -> dict:
    kinds = {torch.int64: "int64", torch.float32: "float32", torch.bool: "bool"}
    return {name: {"dims": list(t.shape), "type": kinds[t.dtype], "data": numbers(t.numpy())} for name, t in inputs.items()}


def padded_keys(inputs: dict[str, torch.Tensor]) -> list[list[int]]:
    mask = inputs.get("attention_mask")
    if mask is None:
        return []
    return [[int(i) for i in np.flatnonzero(row == 0)] for row in mask.numpy()]


def write_json(path: str, value: dict) -> None:
    with open(path, "w") as f:
        json.dump(value, f, separators=(",", ":"))
        f.write("\n")


def write_reference(out: str, key: str, fixture) -> tuple[list[np.ndarray], dict[str, np.ndarray]]:
    """Writes feeds/<key>.json and expected/<key>.json for the fixture's current inputs; returns the reference."""
    attention, outputs = fixture.reference()
    write_json(os.path.join(out, "feeds", f"{key}.json"), feeds_json(fixture.inputs))
    write_json(os.path.join(out, "expected", f"{key}.json"), {
        "fixture": key,
        "paddedKeys": padded_keys(fixture.inputs),
        "layers": [{"shape": list(a.shape), "data": numbers(a)} for a in attention],
        "outputs": {k: {"dims": list(v.shape), "data": numbers(v)} for k, v in outputs.items()},
    })
    return attention, outputs


def resized_entries(out: str, name: str, fixture, dims: Dims, generator: torch.Generator, exported: list[dict]) -> list[dict]:
    """Runs each export at other sizes than it was exported with (batch 3, longer sequence): dynamic axes.
    Lists only the exports that onnxruntime can run there (TorchScript bakes nn.MultiheadAttention's B·H in)."""
    fixture.inputs.update(resized_inputs(fixture.inputs, dims, generator))
    key = f"{name}-resized"
    attention, outputs = write_reference(out, key, fixture)
    entries = []
    for entry in exported:
        try:
            checks = run_checks(os.path.join(out, entry["model"]), fixture, attention, outputs)
        except Exception as error:
            print(f"{entry['model']} at {list(attention[0].shape)}: not run ({str(error).splitlines()[0][-120:]})")
            continue
        print(f"{entry['model']} at {list(attention[0].shape)}: max |ORT-PyTorch| attention {checks['attention']:.2e}")
        entries.append({**entry, "id": f"{entry['id']}.resized", "feeds": f"feeds/{key}.json",
                        "expected": f"expected/{key}.json"})
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="tiny")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", default=",".join(BUILDERS))
    parser.add_argument("--exporters", default="torchscript,dynamo")
    parser.add_argument("--torchscript-opset", type=int, default=TORCHSCRIPT_OPSET)
    parser.add_argument("--keep-metadata", action="store_true", help="keep the dynamo exporter's node stack traces")
    args = parser.parse_args()
    unknown = [e for e in args.exporters.split(",") if e not in EXPORTERS] + [
        n for n in args.only.split(",") if n not in BUILDERS]
    if unknown:
        parser.error(f"unknown exporter or fixture: {', '.join(unknown)}")

    torch.backends.mha.set_fastpath_enabled(False)  # keep nn.MultiheadAttention on its exportable Python path
    os.makedirs(os.path.join(args.out, "feeds"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "expected"), exist_ok=True)
    entries = []
    for index, name in enumerate(args.only.split(",")):
        torch.manual_seed(args.seed + index)
        generator = torch.Generator().manual_seed(args.seed + index)
        fixture = BUILDERS[name](PROFILES[args.profile], generator)
        attention, outputs = write_reference(args.out, name, fixture)
        exported = []
        for exporter in args.exporters.split(","):
            model_file = f"{name}.{exporter}.onnx"
            path = os.path.join(args.out, model_file)
            try:
                if exporter == "torchscript":
                    export_torchscript(fixture, path, args.torchscript_opset)
                else:
                    export_dynamo(fixture, path)
                if exporter == "dynamo" and not args.keep_metadata:
                    strip_node_metadata(path)
                checks = run_checks(path, fixture, attention, outputs)
            except Exception as error:  # report and go on: not every exporter handles every model
                print(f"{model_file}: FAILED {type(error).__name__}: {str(error).splitlines()[0][:300]}")
                if os.path.exists(path):
                    os.remove(path)
                continue
            ranks = [s["rank"] for s in checks["softmax"]]
            print(f"{model_file}: opset {opset_of(path)}, {os.path.getsize(path)} bytes, Softmax ranks {ranks}, "
                  f"consumers {[s['consumers'] for s in checks['softmax']]}, max |ORT-PyTorch| outputs "
                  f"{checks['outputs']:.2e}, attention {checks['attention']:.2e}")
            entry = {"id": f"{name}.{exporter}", "model": model_file, "feeds": f"feeds/{name}.json",
                     "expected": f"expected/{name}.json", "exporter": exporter, "opset": opset_of(path),
                     "softmaxRanks": ranks}
            entries.append(entry)
            exported.append(entry)
        entries += resized_entries(args.out, name, fixture, PROFILES[args.profile], generator, exported)
    write_json(os.path.join(args.out, "manifest.json"), {
        "generatedWith": {"torch": torch.__version__, "transformers": transformers.__version__, "onnx": onnx.__version__,
                          "profile": args.profile, "seed": args.seed},
        "fixtures": entries,
    })


if __name__ == "__main__":
    main()
