"""PyTorch native bindings: composite layer blocks (torch.nn.functional convolutions and
attention, chained as users write them in their nn.Module forward)."""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F
from torch.nn.attention.bias import causal_lower_right

from mlcanon import KnownDeviation, native


@native("torch.nn.functional.conv2d (kernel = stride = patch)")
def vit_patch_embedding(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None,
                        cls: torch.Tensor | None = None, pos: torch.Tensor | None = None, *,
                        patch: Any = None) -> torch.Tensor:
    # timm's PatchEmbed: proj = nn.Conv2d(C, D, kernel_size=P, stride=P), then
    # flatten(2).transpose(1, 2); VisionTransformer prepends cls_token, adds pos_embed
    stride = weight.shape[-1] if patch is None else patch
    y = F.conv2d(x, weight, bias, stride=stride).flatten(2).transpose(1, 2)
    if cls is not None:
        y = torch.cat([cls.expand(x.shape[0], 1, -1), y], dim=1)
    return y if pos is None else y + pos


_TEXT_ACTIVATIONS = {"relu": F.relu, "tanh": torch.tanh, "identity": lambda z: z}


@native("torch.nn.functional.conv1d + max_pool1d over the whole length",
        only={"activation": tuple(_TEXT_ACTIVATIONS)})
def textcnn_max_over_time(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None,
                          weight2: torch.Tensor | None = None, bias2: torch.Tensor | None = None,
                          weight3: torch.Tensor | None = None, bias3: torch.Tensor | None = None,
                          *, activation: str = "relu") -> torch.Tensor:
    # as Kim's PyTorch ports: conv per width on (N, E, L), activation, max_pool1d with the
    # window the whole output length, squeeze, cat
    act = _TEXT_ACTIVATIONS[activation]
    words = x.transpose(1, 2)
    maps = [act(F.conv1d(words, w, b)) for w, b in ((weight, bias), (weight2, bias2),
                                                    (weight3, bias3)) if w is not None]
    return torch.cat([F.max_pool1d(m, m.shape[2]).squeeze(2) for m in maps], dim=1)


@native("torch.nn.functional.conv2d 1×1, 3×3, 1×1 + relu (torchvision Bottleneck)")
def bottleneck_block(x: torch.Tensor, weight1: torch.Tensor, weight2: torch.Tensor,
                     weight3: torch.Tensor, bias1: torch.Tensor | None = None,
                     bias2: torch.Tensor | None = None, bias3: torch.Tensor | None = None,
                     projection: torch.Tensor | None = None, *, stride: int = 1) -> torch.Tensor:
    # torchvision.models.resnet.Bottleneck.forward without its batch norms (folded into
    # the biases): conv1, relu, conv2 (stride, padding 1), relu, conv3, + identity, relu
    out = F.relu(F.conv2d(x, weight1, bias1))
    out = F.relu(F.conv2d(out, weight2, bias2, stride=stride, padding=1))
    out = F.conv2d(out, weight3, bias3)
    identity = x if projection is None else F.conv2d(x, projection, stride=stride)
    return F.relu(out + identity)


@native("torch.nn.functional.relu + conv2d + torch.cat (torchvision _DenseBlock)")
def densenet_concat(x: torch.Tensor, weight1: torch.Tensor, weight2: torch.Tensor | None = None,
                    weight3: torch.Tensor | None = None) -> torch.Tensor:
    # torchvision's _DenseBlock.forward: features = [x]; each layer convolves
    # relu(cat(features, 1)) and appends; the block returns cat(features, 1)
    features = [x]
    for w in (weight1, weight2, weight3):
        if w is not None:
            features.append(F.conv2d(F.relu(torch.cat(features, 1)), w,
                                     padding=w.shape[-1] // 2))
    return torch.cat(features, 1)


# F.gelu's default approximate='none' is the erf form the canon pins
_ADAPTER_ACTIVATIONS = {"relu": F.relu, "gelu": F.gelu, "tanh": torch.tanh,
                        "sigmoid": torch.sigmoid, "identity": lambda z: z}


@native("torch.nn.functional.linear, activation, linear + residual add",
        only={"activation": tuple(_ADAPTER_ACTIVATIONS)})
def adapter_layer(x: torch.Tensor, down_weight: torch.Tensor, up_weight: torch.Tensor,
                  down_bias: torch.Tensor | None = None, up_bias: torch.Tensor | None = None, *,
                  activation: str = "relu", scale: float = 1.0) -> torch.Tensor:
    h = _ADAPTER_ACTIVATIONS[activation](F.linear(x, down_weight, down_bias))
    return x + scale * F.linear(h, up_weight, up_bias)


@native("torch.nn.functional.scaled_dot_product_attention on torch.cat([prefix, k])")
def prefix_tuning(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, prefix_k: torch.Tensor,
                  prefix_v: torch.Tensor, *, causal: bool = False) -> torch.Tensor:
    # PEFT's prefix tuning: the prefix expanded over the batch, concatenated before the keys
    n = k.shape[0]
    keys = torch.cat([prefix_k.expand(n, *prefix_k.shape), k], dim=-2)
    values = torch.cat([prefix_v.expand(n, *prefix_v.shape), v], dim=-2)
    # is_causal=True would align its tril top-left over the prefixed keys; the canon's mask
    # is torch's bottom-right aligned one
    mask = causal_lower_right(q.shape[-2], keys.shape[-2]) if causal else None
    return F.scaled_dot_product_attention(q, keys, values, attn_mask=mask)


_CONV2D = "https://pytorch.org/docs/stable/generated/torch.nn.functional.conv2d.html"

KNOWN_DEVIATIONS = (
    KnownDeviation(
        concept="vit_patch_embedding", case="image_not_a_multiple_of_the_patch",
        reason="F.conv2d with kernel = stride = 2 on a 5×4 image drops the fifth row and "
               "returns 4 tokens instead of raising (timm asserts the size only in its "
               "PatchEmbed module)",
        link=_CONV2D),
    KnownDeviation(
        concept="vit_patch_embedding", case="patch_disagrees_with_weight",
        reason="F.conv2d takes its kernel from the weight: stride 4 with a 2×2 weight on a "
               "4×4 image returns 1 token read from the top-left 2×2 corner instead of raising",
        link=_CONV2D),
    KnownDeviation(
        concept="bottleneck_block", case="unbatched_map",
        reason="F.conv2d accepts an unbatched (C, H, W) map, so the block returns a (C, H, W) "
               "result instead of raising",
        link=_CONV2D),
    KnownDeviation(
        concept="densenet_concat", case="unbatched_map",
        reason="F.conv2d accepts an unbatched (C, H, W) map and torch.cat(features, 1) then "
               "joins the maps along their rows, returning a (1, 4, 2) block instead of raising",
        link=_CONV2D),
    KnownDeviation(
        concept="prefix_tuning", case="causal_with_more_queries_than_keys",
        reason="causal_lower_right(2, 2) over 1 prefix vector and 1 key accepts 2 queries for 1 "
               "key: query 0 attends to the prefix alone instead of raising",
        link="https://pytorch.org/docs/stable/generated/torch.nn.attention.bias.CausalBias.html"),
)
