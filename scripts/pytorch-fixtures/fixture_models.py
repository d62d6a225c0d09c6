# Tiny PyTorch models for the interop fixtures: BERT, nn.MultiheadAttention, nn.TransformerEncoder, GPT-2, ViT.
# Each builder returns a Fixture: the module to export, example inputs, and a function giving PyTorch's own attention.
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
from torch import nn


@dataclass
class Fixture:
    """A model ready to export plus the reference attention PyTorch computes for the example inputs."""

    name: str
    module: nn.Module
    input_names: list[str]
    output_names: list[str]
    inputs: dict[str, torch.Tensor]
    dynamic_axes: dict[str, dict[int, str]]
    # Returns (attention per layer as [B,H,Q,K] float32 arrays, named model outputs).
    reference: Callable[[], tuple[list[np.ndarray], dict[str, np.ndarray]]]


@dataclass
class Dims:
    """Sizes shared by every fixture of one generation run (tiny for the committed set)."""

    vocab: int
    hidden: int
    heads: int
    layers: int
    intermediate: int
    seq: int
    pad: int  # how many trailing positions of batch row 1 are padding
    image: int
    patch: int
    init_std: float  # larger than the library defaults so attention is far from uniform


def _token_inputs(dims: Dims, generator: torch.Generator) -> dict[str, torch.Tensor]:
    ids = torch.randint(1, dims.vocab, (2, dims.seq), generator=generator, dtype=torch.int64)
    mask = torch.ones((2, dims.seq), dtype=torch.int64)
    mask[1, dims.seq - dims.pad :] = 0
    ids[1, dims.seq - dims.pad :] = 0
    return {"input_ids": ids, "attention_mask": mask}


def _pixels(batch: int, dims: Dims, generator: torch.Generator) -> torch.Tensor:
    """Normalised pixel values, rounded to 3 decimals so feeds.json stays short."""
    return torch.round(torch.randn((batch, 3, dims.image, dims.image), generator=generator) * 1000) / 1000


def resized_inputs(inputs: dict[str, torch.Tensor], dims: Dims, generator: torch.Generator) -> dict[str, torch.Tensor]:
    """Inputs of other sizes than the export's example (batch 3, sequence + 2): exercises dynamic axes."""
    if "pixel_values" in inputs:
        return {"pixel_values": _pixels(3, dims, generator)}
    longer = _token_inputs(Dims(**{**dims.__dict__, "seq": dims.seq + 2, "pad": dims.pad + 1}), generator)
    return {k: torch.cat([v, v[:1]]) for k, v in longer.items()}


def _token_axes() -> dict[str, dict[int, str]]:
    return {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"}}


def _numpy(t: torch.Tensor) -> np.ndarray:
    return t.detach().to(torch.float32).cpu().numpy()


class _HfOutputs(nn.Module):
    """Wraps a transformers model so the export has plain tensor outputs and no attention outputs."""

    def __init__(self, model: nn.Module, output_names: list[str]):
        super().__init__()
        self.model = model
        self.output_names = output_names

    def outputs(self, **inputs: torch.Tensor) -> tuple[torch.Tensor, ...]:
        out = self.model(**inputs, return_dict=True)
        return tuple(out[k] for k in self.output_names)


class _HfTokenModel(_HfOutputs):
    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        return self.outputs(input_ids=input_ids, attention_mask=attention_mask)


class _HfImageModel(_HfOutputs):
    def forward(self, pixel_values: torch.Tensor):
        return self.outputs(pixel_values=pixel_values)


def _hf_fixture(name: str, model: nn.Module, inputs: dict[str, torch.Tensor], axes, output_names: list[str]) -> Fixture:
    model.eval()
    wrapper_class = _HfImageModel if "pixel_values" in inputs else _HfTokenModel
    wrapper = wrapper_class(model, output_names).eval()

    def reference():
        with torch.no_grad():
            out = model(**inputs, output_attentions=True, return_dict=True)
        return [_numpy(a) for a in out.attentions], {k: _numpy(out[k]) for k in output_names}

    output_axes = {k: {0: "batch"} for k in output_names}
    return Fixture(name, wrapper, list(inputs), output_names, inputs, {**axes, **output_axes}, reference)


def _scale_init(model: nn.Module, std: float, generator: torch.Generator) -> None:
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() >= 2:
                p.copy_(torch.randn(p.shape, generator=generator) * std)


def bert(dims: Dims, generator: torch.Generator) -> Fixture:
    from transformers import BertConfig, BertModel

    config = BertConfig(vocab_size=dims.vocab, hidden_size=dims.hidden, num_hidden_layers=dims.layers,
                        num_attention_heads=dims.heads, intermediate_size=dims.intermediate,
                        max_position_embeddings=32, type_vocab_size=1, attn_implementation="eager")
    model = BertModel(config)
    _scale_init(model, dims.init_std, generator)
    return _hf_fixture("bert", model, _token_inputs(dims, generator), _token_axes(),
                       ["last_hidden_state", "pooler_output"])


def gpt2(dims: Dims, generator: torch.Generator) -> Fixture:
    from transformers import GPT2Config, GPT2Model

    config = GPT2Config(vocab_size=dims.vocab, n_embd=dims.hidden, n_layer=dims.layers, n_head=dims.heads,
                        n_inner=dims.intermediate, n_positions=32, use_cache=False, attn_implementation="eager")
    model = GPT2Model(config)
    _scale_init(model, dims.init_std, generator)
    return _hf_fixture("gpt2", model, _token_inputs(dims, generator), _token_axes(), ["last_hidden_state"])


def vit(dims: Dims, generator: torch.Generator) -> Fixture:
    from transformers import ViTConfig, ViTModel

    config = ViTConfig(image_size=dims.image, patch_size=dims.patch, num_channels=3, hidden_size=dims.hidden,
                       num_hidden_layers=dims.layers, num_attention_heads=dims.heads,
                       intermediate_size=dims.intermediate, attn_implementation="eager")
    model = ViTModel(config)
    _scale_init(model, dims.init_std, generator)
    pixels = _pixels(2, dims, generator)
    return _hf_fixture("vit", model, {"pixel_values": pixels}, {"pixel_values": {0: "batch"}},
                       ["last_hidden_state", "pooler_output"])


class MhaEncoder(nn.Module):
    """Post-LN encoder over nn.MultiheadAttention with need_weights=True: explicit rank-3 [B·H,Q,K] Softmax."""

    def __init__(self, dims: Dims):
        super().__init__()
        self.embed = nn.Embedding(dims.vocab, dims.hidden)
        self.position = nn.Parameter(torch.zeros(32, dims.hidden))
        self.attn = nn.ModuleList(nn.MultiheadAttention(dims.hidden, dims.heads, batch_first=True) for _ in range(dims.layers))
        self.ln1 = nn.ModuleList(nn.LayerNorm(dims.hidden) for _ in range(dims.layers))
        self.ffn = nn.ModuleList(nn.Sequential(nn.Linear(dims.hidden, dims.intermediate), nn.GELU(),
                                               nn.Linear(dims.intermediate, dims.hidden)) for _ in range(dims.layers))
        self.ln2 = nn.ModuleList(nn.LayerNorm(dims.hidden) for _ in range(dims.layers))
        self.weights: list[torch.Tensor] = []

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        x = self.embed(input_ids) + self.position[: input_ids.shape[1]]
        padding = attention_mask == 0
        self.weights = []
        for attn, ln1, ffn, ln2 in zip(self.attn, self.ln1, self.ffn, self.ln2):
            context, weights = attn(x, x, x, key_padding_mask=padding, need_weights=True, average_attn_weights=False)
            self.weights.append(weights)
            x = ln1(x + context)
            x = ln2(x + ffn(x))
        return x


def mha_weights(dims: Dims, generator: torch.Generator) -> Fixture:
    module = MhaEncoder(dims)
    _scale_init(module, dims.init_std, generator)
    module.eval()
    inputs = _token_inputs(dims, generator)

    def reference():
        with torch.no_grad():
            out = module(**inputs)
        return [_numpy(w) for w in module.weights], {"hidden": _numpy(out)}

    return Fixture("mha-weights", module, list(inputs), ["hidden"], inputs,
                   {**_token_axes(), "hidden": {0: "batch", 1: "sequence"}}, reference)


class TorchEncoder(nn.Module):
    """nn.TransformerEncoder (need_weights=False inside, so PyTorch uses scaled_dot_product_attention)."""

    def __init__(self, dims: Dims):
        super().__init__()
        self.embed = nn.Embedding(dims.vocab, dims.hidden)
        layer = nn.TransformerEncoderLayer(dims.hidden, dims.heads, dims.intermediate, dropout=0.1,
                                           activation="gelu", batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, dims.layers, enable_nested_tensor=False)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        return self.encoder(self.embed(input_ids), src_key_padding_mask=attention_mask == 0)


def _recomputed_weights(attn: nn.MultiheadAttention, args, kwargs) -> torch.Tensor:
    """PyTorch's own probabilities for a call made with need_weights=False: the same call with weights on,
    cross-checked against softmax(QKᵀ/√d + mask) computed from the layer's projection weights."""
    weights = attn.forward(*args, **{**kwargs, "need_weights": True, "average_attn_weights": False})[1]
    x = args[0]
    batch, seq, hidden = x.shape
    heads = attn.num_heads
    q, k, _ = (x @ attn.in_proj_weight.T + attn.in_proj_bias).split(hidden, dim=-1)
    q, k = (t.reshape(batch, seq, heads, hidden // heads).transpose(1, 2) for t in (q, k))
    padding = kwargs["key_padding_mask"]
    bias = padding.masked_fill(padding, float("-inf")) if padding.dtype == torch.bool else padding
    manual = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hidden // heads) + bias.float()[:, None, None, :], dim=-1)
    assert torch.allclose(weights, manual, atol=1e-6), "recomputed attention disagrees with softmax(QKᵀ/√d + mask)"
    return weights


def torch_encoder(dims: Dims, generator: torch.Generator) -> Fixture:
    module = TorchEncoder(dims)
    _scale_init(module, dims.init_std, generator)
    module.eval()
    inputs = _token_inputs(dims, generator)

    def reference():
        captured: list[torch.Tensor] = []
        hooks = [layer.self_attn.register_forward_hook(
            lambda m, args, kwargs, _out: captured.append(_recomputed_weights(m, args, kwargs)), with_kwargs=True)
            for layer in module.encoder.layers]
        with torch.no_grad():
            out = module(**inputs)
        for h in hooks:
            h.remove()
        return [_numpy(w) for w in captured], {"hidden": _numpy(out)}

    return Fixture("torch-encoder", module, list(inputs), ["hidden"], inputs,
                   {**_token_axes(), "hidden": {0: "batch", 1: "sequence"}}, reference)


BUILDERS: dict[str, Callable[[Dims, torch.Generator], Fixture]] = {
    "bert": bert,
    "mha-weights": mha_weights,
    "torch-encoder": torch_encoder,
    "gpt2": gpt2,
    "vit": vit,
}
