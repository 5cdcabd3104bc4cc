"""JAX native bindings: whole small models trained with jax.grad and optax."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
import optax

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

_ACTIVATIONS: dict[str, Callable[[jnp.ndarray], jnp.ndarray]] = {
    "tanh": jnp.tanh, "sigmoid": jax.nn.sigmoid, "relu": jax.nn.relu, "identity": lambda z: z}


def _dense(v: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray) -> jnp.ndarray:
    return v @ weight.T + bias


def _mlp_mse(params: tuple[jnp.ndarray, ...], x: jnp.ndarray, y: jnp.ndarray,
             activation: str) -> jnp.ndarray:
    hidden = _ACTIVATIONS[activation](_dense(x, params[0], params[1]))
    return jnp.mean((_dense(hidden, params[2], params[3]) - y) ** 2)


@functools.partial(jax.jit, static_argnames=("activation",))
def _sgd_step(params: tuple[jnp.ndarray, ...], x: jnp.ndarray, y: jnp.ndarray, lr: Any,
              activation: str) -> tuple[jnp.ndarray, ...]:
    # jit once per shape: the case's loop and the property checks call this many times
    optimizer = optax.sgd(lr)
    updates, _ = optimizer.update(jax.grad(_mlp_mse)(params, x, y, activation),
                                  optimizer.init(params), params)
    return optax.apply_updates(params, updates)


@native("jax.grad + optax.sgd")
def zero_init_symmetry(x: jnp.ndarray, y: jnp.ndarray, weight1: jnp.ndarray, bias1: jnp.ndarray,
                       weight2: jnp.ndarray, bias2: jnp.ndarray, *, activation: str = "tanh",
                       lr: float = 0.1, steps: int = 1) -> tuple[jnp.ndarray, ...]:
    params = (weight1, bias1, weight2, bias2)
    for _ in range(steps):
        params = _sgd_step(params, x, y, jnp.asarray(lr, dtype=x.dtype), activation)
    return params


_INITS = {"he": jax.nn.initializers.he_normal(), "xavier": jax.nn.initializers.glorot_normal()}


@functools.partial(jax.jit, static_argnames=("depth", "width", "scheme", "activation"))
def _propagate(x: jnp.ndarray, key: Any, depth: int, width: int, scheme: str,
               activation: str) -> jnp.ndarray:
    hidden, squares = x, []
    for layer_key in jax.random.split(key, depth):
        # flax's kernel layout (in, out): the initializers' default in_axis=-2, out_axis=-1
        z = hidden @ _INITS[scheme](layer_key, (hidden.shape[1], width), x.dtype)
        squares.append(jnp.mean(z * z))
        hidden = _ACTIVATIONS[activation](z)
    return jnp.stack(squares)


@native("jax.nn.initializers.he_normal / glorot_normal",
        only={"scheme": ("he", "xavier"), "activation": ("relu", "identity")})
def variance_propagation(x: jnp.ndarray, *, depth: int = 10, width: int = 64,
                         scheme: str = "he", activation: str = "relu",
                         seed: int = 0) -> jnp.ndarray:
    return _propagate(x, jax.random.key(seed), depth, width, scheme, activation)


def _logistic_loss(params: tuple[jnp.ndarray, ...], x: jnp.ndarray, y: jnp.ndarray
                   ) -> jnp.ndarray:
    logits = jnp.squeeze(_dense(jnp.tanh(_dense(x, params[0], params[1])), params[2], params[3]),
                         axis=-1)
    return jnp.mean(optax.sigmoid_binary_cross_entropy(logits, y))


@jax.jit
def _adam_step(params: tuple[jnp.ndarray, ...], state: Any, x: jnp.ndarray, y: jnp.ndarray,
               hyper: tuple[jnp.ndarray, ...]) -> tuple[Any, Any, jnp.ndarray]:
    lr, beta1, beta2, eps = hyper
    loss, grads = jax.value_and_grad(_logistic_loss)(params, x, y)
    updates, state = optax.adam(lr, b1=beta1, b2=beta2, eps=eps).update(grads, state, params)
    return optax.apply_updates(params, updates), state, loss


@native("optax.sigmoid_binary_cross_entropy + optax.adam")
def mlp_training_pytorch(x: jnp.ndarray, y: jnp.ndarray, weight1: jnp.ndarray,
                         bias1: jnp.ndarray, weight2: jnp.ndarray, bias2: jnp.ndarray, *,
                         lr: float = 0.05, beta1: float = 0.9, beta2: float = 0.999,
                         eps: float = 1e-8, steps: int = 1) -> tuple[jnp.ndarray, ...]:
    params = (weight1, bias1, weight2, bias2)
    state = optax.adam(lr, b1=beta1, b2=beta2, eps=eps).init(params)
    hyper = tuple(jnp.asarray(v, dtype=x.dtype) for v in (lr, beta1, beta2, eps))
    losses = []
    for _ in range(steps):
        params, state, loss = _adam_step(params, state, x, y, hyper)
        losses.append(loss)
    history = jnp.stack(losses) if losses else jnp.zeros((0,), dtype=x.dtype)
    return (*params, history)


def _conv_block(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray) -> jnp.ndarray:
    z = jax.lax.conv_general_dilated(x, weight, (1, 1), "SAME",
                                     dimension_numbers=("NCHW", "OIHW", "NCHW"))
    relu = jax.nn.relu(z + bias[None, :, None, None])
    return jax.lax.reduce_window(relu, -jnp.inf, jax.lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")


def _cnn_loss(params: tuple[jnp.ndarray, ...], x: jnp.ndarray, labels: jnp.ndarray
              ) -> jnp.ndarray:
    features = _conv_block(_conv_block(x, params[0], params[1]), params[2], params[3])
    logits = _dense(jnp.reshape(features, (x.shape[0], -1)), params[4], params[5])
    return jnp.mean(optax.softmax_cross_entropy_with_integer_labels(logits, labels))


@jax.jit
def _cnn_sgd_step(params: tuple[jnp.ndarray, ...], x: jnp.ndarray, labels: jnp.ndarray,
                  lr: jnp.ndarray) -> tuple[tuple[jnp.ndarray, ...], jnp.ndarray]:
    loss, grads = jax.value_and_grad(_cnn_loss)(params, x, labels)
    optimizer = optax.sgd(lr)
    updates, _ = optimizer.update(grads, optimizer.init(params), params)
    return optax.apply_updates(params, updates), loss


@native("lax.conv_general_dilated + lax.reduce_window + optax.softmax_cross_entropy_with_"
        "integer_labels + optax.sgd")
def cnn_classifier_training(x: jnp.ndarray, labels: jnp.ndarray, conv1_weight: jnp.ndarray,
                            conv1_bias: jnp.ndarray, conv2_weight: jnp.ndarray,
                            conv2_bias: jnp.ndarray, head_weight: jnp.ndarray,
                            head_bias: jnp.ndarray, *, lr: float = 0.1,
                            steps: int = 1) -> tuple[jnp.ndarray, ...]:
    params = (conv1_weight, conv1_bias, conv2_weight, conv2_bias, head_weight, head_bias)
    losses = []
    for _ in range(steps):
        params, loss = _cnn_sgd_step(params, x, labels, jnp.asarray(lr, dtype=x.dtype))
        losses.append(loss)
    history = jnp.stack(losses) if losses else jnp.zeros((0,), dtype=x.dtype)
    return (*params, history)


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


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def mixer_with_defaults() -> jnp.ndarray:
        p = {name: backend.from_numpy(np.asarray(value)) for name, value in MIXER_PROBE.items()}
        mixed = _dense(jax.nn.gelu(_dense(jnp.swapaxes(jax.nn.standardize(p["x"]), -1, -2),
                                          p["token_weight1"], p["token_bias1"])),
                       p["token_weight2"], p["token_bias2"])
        u = p["x"] + jnp.swapaxes(mixed, -1, -2)
        hidden = jax.nn.gelu(_dense(jax.nn.standardize(u), p["channel_weight1"],
                                    p["channel_bias1"]))
        return u + _dense(hidden, p["channel_weight2"], p["channel_bias2"])

    return [
        DefaultProbe("mlp_mixer", "a Mixer block from jax.nn.standardize and jax.nn.gelu with "
                     "their defaults (eps 1e-5, tanh-approximate GELU)?",
                     "jax.nn.standardize(x), jax.nn.gelu(z)", MIXER_PROBE, mixer_with_defaults),
    ]


_OPTAX_ADAM = "https://optax.readthedocs.io/en/latest/api/optimizers.html#optax.adam"

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="cnn_classifier_training", case="even_kernel",
        reason="lax.conv_general_dilated with padding 'SAME' accepts a 2x2 kernel and pads "
               "asymmetrically (0 before, 1 after), so training runs (loss 2.1269) instead of "
               "raising",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.lax.conv_general_dilated.html"),
    KnownDeviation(
        concept="cnn_classifier_training", case="label_outside_classes",
        reason="optax.softmax_cross_entropy_with_integer_labels with label 2 of K = 2 returns a "
               "nan loss and a finite gradient (softmax minus an all-zero one-hot), so SGD moves "
               "the weights as if no class were right (torch's F.cross_entropy raises "
               "IndexError)",
        link="https://optax.readthedocs.io/en/latest/api/losses.html"),
    KnownDeviation(
        concept="cnn_classifier_training", case="negative_lr",
        reason="optax.sgd(-0.125) accepts a negative learning rate and the step climbs the loss "
               "(torch.optim.SGD raises ValueError)",
        link="https://optax.readthedocs.io/en/latest/api/optimizers.html#optax.sgd"),
    KnownDeviation(
        concept="zero_init_symmetry", case="negative_lr",
        reason="optax.sgd(-0.125) accepts a negative learning rate without error and the loop "
               "climbs the loss (torch.optim.SGD raises ValueError: Invalid learning rate)",
        link="https://optax.readthedocs.io/en/latest/api/optimizers.html#optax.sgd"),
    KnownDeviation(
        concept="mlp_training_pytorch", case="negative_lr",
        reason="optax.adam(-0.125) accepts a negative learning rate: the first step moves every "
               "weight by +0.125·sign(g), uphill (torch.optim.Adam raises ValueError)",
        link=_OPTAX_ADAM),
    KnownDeviation(
        concept="mlp_training_pytorch", case="beta1_one",
        reason="optax.adam(b1=1.0) accepts β₁ = 1: the bias correction divides 0 by 1 − 1ᵗ = 0 "
               "and every weight becomes nan after one step (torch.optim.Adam raises ValueError)",
        link=_OPTAX_ADAM),
    KnownDeviation(
        concept="mlp_training_pytorch", case="negative_eps",
        reason="optax.adam(eps=-0.125) accepts a negative eps: with |g| < 0.125 the step "
               "lr·g/(|g| − 0.125) flips sign and grows, W₂ moves by −0.57 instead of +0.05 "
               "(torch.optim.Adam raises ValueError)",
        link=_OPTAX_ADAM),
)
