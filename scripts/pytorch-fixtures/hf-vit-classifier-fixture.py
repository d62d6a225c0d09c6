# A Hugging Face-layout ViT image-classification folder exported from PyTorch, unseen by the project's
# own builders: module names and computation of transformers' ViTForImageClassification (eager attention).
"""Writes OUT (default packages/cli/test/fixtures/hf-vit-pytorch): config.json and preprocessor_config.json as
transformers writes them for ViT, onnx/model.onnx from torch.onnx.export, picture.png (an RGB picture already at
the model's size) and expected.json (PyTorch's logits and attention per layer for that picture, preprocessed as
ViTImageProcessor does). Needs only torch and numpy (Debian's python3-torch 1.13 works); not run by CI."""
from __future__ import annotations

import argparse
import json
import math
import struct
import zlib
from pathlib import Path

import numpy as np
import torch
from torch import nn

IMAGE, PATCH, CHANNELS, HIDDEN, HEADS, LAYERS, FFN = 32, 8, 3, 32, 4, 2, 64
LABELS = ["cat", "dog", "bird", "fish", "horse"]
MEAN, STD = [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]


class SelfAttention(nn.Module):
    """transformers' ViTSelfAttention (eager): softmax(q·kᵀ/√d) kept as the attention probabilities."""

    def __init__(self) -> None:
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
        self.probabilities: torch.Tensor | None = None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, s, _ = x.shape
        split = lambda t: t.view(b, s, HEADS, HIDDEN // HEADS).permute(0, 2, 1, 3)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(HIDDEN // HEADS)
        self.probabilities = torch.softmax(scores, dim=-1)
        context = torch.matmul(self.probabilities, v).permute(0, 2, 1, 3).reshape(b, s, HIDDEN)
        return context


class Layer(nn.Module):
    """transformers' ViTLayer: pre-LN attention and MLP blocks with residuals."""

    def __init__(self) -> None:
        super().__init__()
        self.layernorm_before = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.attention = SelfAttention()
        self.attention_output = nn.Linear(HIDDEN, HIDDEN)
        self.layernorm_after = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, FFN)
        self.output = nn.Linear(FFN, HIDDEN)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attention_output(self.attention(self.layernorm_before(x)))
        return x + self.output(nn.functional.gelu(self.intermediate(self.layernorm_after(x))))


class ViTForImageClassification(nn.Module):
    """Conv patch embedding, [CLS] + learned positions, encoder, final LayerNorm, classifier on [CLS]."""

    def __init__(self) -> None:
        super().__init__()
        self.projection = nn.Conv2d(CHANNELS, HIDDEN, kernel_size=PATCH, stride=PATCH)
        self.cls_token = nn.Parameter(torch.randn(1, 1, HIDDEN) * 0.5)
        self.position_embeddings = nn.Parameter(torch.randn(1, (IMAGE // PATCH) ** 2 + 1, HIDDEN) * 0.5)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.layernorm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.classifier = nn.Linear(HIDDEN, len(LABELS))

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        patches = self.projection(pixel_values).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls_token.expand(pixel_values.shape[0], -1, -1), patches], dim=1) + self.position_embeddings
        for layer in self.layers:
            x = layer(x)
        return self.classifier(self.layernorm(x)[:, 0])


def png_bytes(pixels: np.ndarray) -> bytes:
    """An 8-bit RGB PNG of `pixels` [H, W, 3] (filter 0 on every row)."""
    height, width, _ = pixels.shape
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + pixels[y].astype(np.uint8).tobytes() for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="packages/cli/test/fixtures/hf-vit-pytorch")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    out = Path(args.out)
    (out / "onnx").mkdir(parents=True, exist_ok=True)

    model = ViTForImageClassification().eval()
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() > 1:
                p.normal_(0, 0.4)
    picture = np.random.default_rng(args.seed).integers(0, 256, size=(IMAGE, IMAGE, CHANNELS), dtype=np.uint8)
    # ViTImageProcessor at the model's size: rescale by 1/255, normalise per channel, channels first.
    scaled = (picture.astype(np.float32) / 255.0 - np.array(MEAN, np.float32)) / np.array(STD, np.float32)
    pixel_values = torch.from_numpy(scaled.transpose(2, 0, 1)[None].copy())
    with torch.no_grad():
        logits = model(pixel_values)
    attention = [layer.attention.probabilities.numpy() for layer in model.layers]

    torch.onnx.export(
        model, (pixel_values,), str(out / "onnx" / "model.onnx"), input_names=["pixel_values"], output_names=["logits"],
        dynamic_axes={"pixel_values": {0: "batch"}, "logits": {0: "batch"}}, opset_version=17, do_constant_folding=True,
    )
    config = {
        "architectures": ["ViTForImageClassification"], "model_type": "vit", "image_size": IMAGE, "patch_size": PATCH,
        "num_channels": CHANNELS, "hidden_size": HIDDEN, "num_hidden_layers": LAYERS, "num_attention_heads": HEADS,
        "intermediate_size": FFN, "hidden_act": "gelu", "layer_norm_eps": 1e-12, "qkv_bias": True,
        "id2label": {str(i): label for i, label in enumerate(LABELS)}, "label2id": {label: i for i, label in enumerate(LABELS)},
    }
    preprocessor = {
        "image_processor_type": "ViTImageProcessor", "do_resize": True, "size": {"height": IMAGE, "width": IMAGE},
        "resample": 2, "do_rescale": True, "rescale_factor": 1 / 255, "do_normalize": True, "image_mean": MEAN, "image_std": STD,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    (out / "preprocessor_config.json").write_text(json.dumps(preprocessor, indent=2) + "\n")
    (out / "picture.png").write_bytes(png_bytes(picture))
    expected = {
        "torch": torch.__version__, "label": LABELS[int(logits.argmax())], "logits": logits[0].tolist(),
        "attention": [{"shape": list(a.shape), "data": a.reshape(-1).tolist()} for a in attention],
    }
    (out / "expected.json").write_text(json.dumps(expected) + "\n")
    print(f"wrote {out}: label {expected['label']}, torch {torch.__version__}")


if __name__ == "__main__":
    main()
