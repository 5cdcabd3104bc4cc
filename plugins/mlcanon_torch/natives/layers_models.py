"""PyTorch native bindings: whole small models trained with torch's own machinery
(autograd, torch.nn.functional losses, torch.optim)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

_ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": F.relu, "identity": lambda z: z}


def _leaves(*tensors: torch.Tensor) -> list[torch.Tensor]:
    """Fresh trainable copies: the optimizer updates them in place, never the case's inputs."""
    return [t.detach().clone().requires_grad_(True) for t in tensors]


@native("torch.autograd + F.mse_loss + torch.optim.SGD")
def zero_init_symmetry(x: torch.Tensor, y: torch.Tensor, weight1: torch.Tensor,
                       bias1: torch.Tensor, weight2: torch.Tensor, bias2: torch.Tensor, *,
                       activation: str = "tanh", lr: float = 0.1,
                       steps: int = 1) -> tuple[torch.Tensor, ...]:
    params = _leaves(weight1, bias1, weight2, bias2)
    optimizer = torch.optim.SGD(params, lr=lr)
    act = _ACTIVATIONS[activation]
    with torch.enable_grad():
        for _ in range(steps):
            optimizer.zero_grad()
            hidden = act(F.linear(x, params[0], params[1]))
            F.mse_loss(F.linear(hidden, params[2], params[3]), y).backward()
            optimizer.step()
    return tuple(p.detach() for p in params)


_INITS: dict[str, Callable[[torch.Tensor, torch.Generator], torch.Tensor]] = {
    "he": lambda w, g: torch.nn.init.kaiming_normal_(w, nonlinearity="relu", generator=g),
    "xavier": lambda w, g: torch.nn.init.xavier_normal_(w, generator=g)}


@native("torch.nn.init.kaiming_normal_ / xavier_normal_ + F.linear",
        only={"scheme": ("he", "xavier"), "activation": ("relu", "identity")})
def variance_propagation(x: torch.Tensor, *, depth: int = 10, width: int = 64,
                         scheme: str = "he", activation: str = "relu",
                         seed: int = 0) -> torch.Tensor:
    generator = torch.Generator(device=x.device).manual_seed(seed)
    hidden, squares = x, []
    for _ in range(depth):
        weight = torch.empty(width, hidden.shape[1], dtype=x.dtype, device=x.device)
        z = F.linear(hidden, _INITS[scheme](weight, generator))
        squares.append(torch.mean(z * z))
        hidden = _ACTIVATIONS[activation](z)
    return torch.stack(squares)


@native("F.binary_cross_entropy_with_logits + torch.optim.Adam")
def mlp_training_pytorch(x: torch.Tensor, y: torch.Tensor, weight1: torch.Tensor,
                         bias1: torch.Tensor, weight2: torch.Tensor, bias2: torch.Tensor, *,
                         lr: float = 0.05, beta1: float = 0.9, beta2: float = 0.999,
                         eps: float = 1e-8, steps: int = 1) -> tuple[torch.Tensor, ...]:
    params = _leaves(weight1, bias1, weight2, bias2)
    optimizer = torch.optim.Adam(params, lr=lr, betas=(beta1, beta2), eps=eps)
    losses = []
    with torch.enable_grad():
        for _ in range(steps):
            optimizer.zero_grad()
            hidden = torch.tanh(F.linear(x, params[0], params[1]))
            loss = F.binary_cross_entropy_with_logits(
                F.linear(hidden, params[2], params[3]).squeeze(-1), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.detach())
    history = torch.stack(losses) if losses else x.new_zeros(0)
    return (*(p.detach() for p in params), history)


def _conv_block(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    return F.max_pool2d(F.relu(F.conv2d(x, weight, bias, padding="same")), 2)


@native("F.conv2d + F.max_pool2d + F.cross_entropy + torch.optim.SGD")
def cnn_classifier_training(x: torch.Tensor, labels: torch.Tensor, conv1_weight: torch.Tensor,
                            conv1_bias: torch.Tensor, conv2_weight: torch.Tensor,
                            conv2_bias: torch.Tensor, head_weight: torch.Tensor,
                            head_bias: torch.Tensor, *, lr: float = 0.1,
                            steps: int = 1) -> tuple[torch.Tensor, ...]:
    params = _leaves(conv1_weight, conv1_bias, conv2_weight, conv2_bias, head_weight, head_bias)
    optimizer = torch.optim.SGD(params, lr=lr)
    losses = []
    with torch.enable_grad():
        for _ in range(steps):
            optimizer.zero_grad()
            features = _conv_block(_conv_block(x, params[0], params[1]), params[2], params[3])
            loss = F.cross_entropy(F.linear(torch.flatten(features, 1), params[4], params[5]),
                                   labels)
            loss.backward()
            optimizer.step()
            losses.append(loss.detach())
    history = torch.stack(losses) if losses else x.new_zeros(0)
    return (*(p.detach() for p in params), history)


# a token whose channel variance (8.5e-7) is near eps: the layer norm's eps shows
MIXER_PROBE = {
    "x": [[[0.0, 0.0, 0.001953125], [0.5, 2.0, -1.0]]],
    "token_weight1": [[1.0, -0.5], [0.25, 0.75], [-1.0, 0.5]],
    "token_weight2": [[0.5, -0.25, 1.0], [-0.75, 0.5, 0.25]],
    "channel_weight1": [[0.5, -1.0, 0.25], [1.0, 0.5, -0.5], [-0.25, 0.25, 1.0],
                        [0.75, 0.0, -0.75]],
    "channel_weight2": [[0.5, -0.5, 0.25, 1.0], [-0.25, 1.0, 0.5, -0.5], [1.0, 0.25, -1.0, 0.5]],
    "token_bias1": [0.125, -0.25, 0.5], "token_bias2": [-0.5, 0.25],
    "channel_bias1": [0.25, -0.125, 0.0, 0.5], "channel_bias2": [0.125, -0.25, 0.375],
}
# XOR on the four corners through a 2-3-1 tanh network
ADAM_PROBE = {
    "x": [[1.0, 1.0], [1.0, -1.0], [-1.0, 1.0], [-1.0, -1.0]], "y": [0.0, 1.0, 1.0, 0.0],
    "weight1": [[0.5, -0.25], [-0.5, 0.75], [0.25, 0.5]], "bias1": [0.125, 0.0, -0.125],
    "weight2": [[0.5, -0.25, 1.0]], "bias2": [0.25],
}


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(table: dict[str, Any], name: str) -> torch.Tensor:
        return backend.from_numpy(np.asarray(table[name])).to(torch.float64)

    def mixer_with_layer_norm_defaults() -> torch.Tensor:
        p = {name: t(MIXER_PROBE, name) for name in MIXER_PROBE}
        norm, gelu = torch.nn.LayerNorm(3, elementwise_affine=False, dtype=torch.float64), \
            torch.nn.GELU()
        mixed = F.linear(gelu(F.linear(norm(p["x"]).transpose(-1, -2), p["token_weight1"],
                                       p["token_bias1"])), p["token_weight2"], p["token_bias2"])
        u = p["x"] + mixed.transpose(-1, -2)
        return u + F.linear(gelu(F.linear(norm(u), p["channel_weight1"], p["channel_bias1"])),
                            p["channel_weight2"], p["channel_bias2"])

    def adam_step_with_defaults() -> torch.Tensor:
        params = _leaves(*(t(ADAM_PROBE, n) for n in ("weight1", "bias1", "weight2", "bias2")))
        optimizer = torch.optim.Adam(params)
        with torch.enable_grad():
            hidden = torch.tanh(F.linear(t(ADAM_PROBE, "x"), params[0], params[1]))
            F.binary_cross_entropy_with_logits(F.linear(hidden, params[2], params[3]).squeeze(-1),
                                               t(ADAM_PROBE, "y")).backward()
        optimizer.step()
        return params[0].detach()

    return [
        DefaultProbe("mlp_mixer", "a Mixer block from nn.LayerNorm and nn.GELU with their "
                     "defaults (eps 1e-5)?", "nn.LayerNorm(C, elementwise_affine=False), "
                     "nn.GELU()", MIXER_PROBE, mixer_with_layer_norm_defaults),
        DefaultProbe("mlp_training_pytorch", "which learning rate does Adam take by default?",
                     "torch.optim.Adam(params).step()", ADAM_PROBE, adam_step_with_defaults,
                     output="weight1"),
    ]


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="cnn_classifier_training", case="even_kernel",
        reason="F.conv2d(padding='same') accepts a 2x2 kernel (only a UserWarning) and pads the "
               "extra column and row on one side, so the 4x4 map stays 4x4 and training runs "
               "(loss 2.1269) instead of raising",
        link="https://pytorch.org/docs/stable/generated/torch.nn.functional.conv2d.html"),
)
