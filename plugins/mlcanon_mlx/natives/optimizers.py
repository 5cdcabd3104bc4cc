"""MLX native bindings: optimizers (mlx.optimizers), stepped once per gradient.

An mlx optimizer updates a tree of parameters: here the tree is ``{"theta": theta}`` and
``apply_gradients`` returns the stepped tree, MLX's usual training loop.
"""

from __future__ import annotations

import mlx.core as mx
import mlx.optimizers as optim
import numpy as np

from mlcanon import Backend, DefaultProbe, native
from mlcanon_mlx.deviations import cases as _cases


def _trajectory(optimizer: optim.Optimizer, theta: mx.array, grads: mx.array) -> mx.array:
    """theta after each step, one row per given gradient."""
    params = {"theta": theta}
    optimizer.init(params)
    path = []
    for t in range(grads.shape[0]):
        params = optimizer.apply_gradients({"theta": grads[t]}, params)
        path.append(params["theta"])
    return mx.stack(path)


def _descent(optimizer: optim.Optimizer, theta: mx.array, a: mx.array, b: mx.array,
             steps: int) -> mx.array:
    """theta after each step on the quadratic 1/2 theta^T a theta - b^T theta, whose
    gradient a theta - b is taken at the current theta."""
    params = {"theta": theta}
    optimizer.init(params)
    path = []
    for _ in range(steps):
        params = optimizer.apply_gradients({"theta": a @ params["theta"] - b}, params)
        path.append(params["theta"])
    return mx.stack(path)


@native("mlx.optimizers.Adam")
def adam(theta: mx.array, grads: mx.array, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> mx.array:
    # mlx's Adam leaves out the bias correction of the moments unless asked
    optimizer = optim.Adam(lr, betas=[beta1, beta2], eps=eps, bias_correction=True)
    return _trajectory(optimizer, theta, grads)


@native("mlx.optimizers.AdamW")
def adamw(theta: mx.array, grads: mx.array, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> mx.array:
    optimizer = optim.AdamW(lr, betas=[beta1, beta2], eps=eps, weight_decay=weight_decay,
                            bias_correction=True)
    return _trajectory(optimizer, theta, grads)


@native("mlx.optimizers.SGD")
def gradient_descent(theta: mx.array, a: mx.array, b: mx.array, *, lr: float = 0.1,
                     steps: int = 1) -> mx.array:
    return _descent(optim.SGD(lr), theta, a, b, steps)


@native("mlx.optimizers.SGD", only={"form": ("ema", "library")})
def sgd_momentum(theta: mx.array, grads: mx.array, *, lr: float = 0.01, beta: float = 0.9,
                 form: str = "ema") -> mx.array:
    # SGD's dampening d weights the new gradient by 1 - d: d = beta is the EMA form,
    # d = 0 the library form
    optimizer = optim.SGD(lr, momentum=beta, dampening=beta if form == "ema" else 0.0)
    return _trajectory(optimizer, theta, grads)


# mlx's Nesterov step is g + beta v, PyTorch's reformulation (the canon's 'library' form)
@native("mlx.optimizers.SGD", only={"form": ("library",)})
def nesterov_momentum(theta: mx.array, a: mx.array, b: mx.array, *, lr: float = 0.1,
                      beta: float = 0.9, steps: int = 1, form: str = "sutskever") -> mx.array:
    return _descent(optim.SGD(lr, momentum=beta, nesterov=True), theta, a, b, steps)


# mlx adds eps outside the square root, lr g / (sqrt(v) + eps)
@native("mlx.optimizers.RMSprop", only={"eps_in_sqrt": False})
def rmsprop(theta: mx.array, grads: mx.array, *, lr: float = 0.01, beta: float = 0.9,
            eps: float = 1e-8, eps_in_sqrt: bool = True) -> mx.array:
    return _trajectory(optim.RMSprop(lr, alpha=beta, eps=eps), theta, grads)


@native("mlx.optimizers.Adagrad", only={"eps_in_sqrt": False, "initial_accumulator": 0.0})
def adagrad(theta: mx.array, grads: mx.array, *, lr: float = 0.01, eps: float = 1e-10,
            initial_accumulator: float = 0.0, eps_in_sqrt: bool = True) -> mx.array:
    return _trajectory(optim.Adagrad(lr, eps=eps), theta, grads)


THETA = [1.0, -2.0]
GRADS = [[0.5, 0.25], [0.5, 0.25]]


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def run(optimizer: optim.Optimizer) -> mx.array:
        theta, grads = (backend.from_numpy(np.asarray(v)) for v in (THETA, GRADS))
        return _trajectory(optimizer, theta, grads)

    inputs = {"theta": THETA, "grads": GRADS}
    return [
        DefaultProbe("adam", "are the moments bias-corrected by default?",
                     "mlx.optimizers.Adam(learning_rate=0.001)", inputs,
                     lambda: run(optim.Adam(0.001))),
        DefaultProbe("rmsprop", "which decay of the squared-gradient average by default?",
                     "mlx.optimizers.RMSprop(learning_rate=0.01)",
                     {**inputs}, lambda: run(optim.RMSprop(0.01))),
    ]


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_ADAGRAD_EPS0 = (
    "mlx.optimizers.Adagrad rejects eps = 0 (ValueError 'Adagrad epsilon should be >0') "
    "where the canon allows it with eps outside the root",
    "https://ml-explore.github.io/mlx/build/html/python/optimizers/_autosummary/mlx.optimizers.Adagrad.html",
)

_LR32 = (
    "mlx.optimizers keep the learning rate as a float32 mx.array and cast it to the "
    "parameter's dtype: float64 steps use lr = 0.0010000000474974513 for 0.001 (5e-8 "
    "relative)",
    "https://ml-explore.github.io/mlx/build/html/python/optimizers.html",
)

_MOMENTUM_UNCHECKED = (
    "mlx.optimizers.SGD accepts momentum < 0 and momentum = 1 without an error",
    "https://ml-explore.github.io/mlx/build/html/python/optimizers/_autosummary/mlx.optimizers.SGD.html",
)

_NESTEROV_BETA0 = (
    "mlx.optimizers.SGD(nesterov=True) rejects momentum = 0 (ValueError 'Nesterov "
    "momentum requires a momentum and zero dampening') where the canon's beta = 0 is "
    "plain gradient descent",
    "https://ml-explore.github.io/mlx/build/html/python/optimizers/_autosummary/mlx.optimizers.SGD.html",
)

KNOWN_DEVIATIONS = (
    *_cases("adagrad", ("eps_zero_outside_rational",), *_ADAGRAD_EPS0),
    *_cases("adagrad", (
        "random_matrix_torch_style", "tiny_gradient_eps_outside",
    ), *_LR32, dtype="float64"),
    *_cases("adam", (
        "bias_correction_constant_gradient", "book_004_136_first_step", "eps_outside_sqrt",
        "first_step_scale_free", "random_matrix_defaults", "random_walk",
        "sign_flips_shrink_steps",
    ), *_LR32, dtype="float64"),
    *_cases("adamw", (
        "book_001_40_two_steps", "decay_only_zero_gradient", "decay_uses_pre_step_theta",
        "no_decay_is_adam", "random_matrix_defaults", "random_walk",
    ), *_LR32, dtype="float64"),
    *_cases("gradient_descent", (
        "book_002_25_flip_flop", "book_004_135_ill_conditioned", "one_step_full_hessian",
        "random_quadratic",
    ), *_LR32, dtype="float64"),
    *_cases("nesterov_momentum", (
        "one_step_library", "parabola_library", "random_quadratic_library",
    ), *_LR32, dtype="float64"),
    *_cases("rmsprop", (
        "first_step_eps_outside", "random_matrix_torch_style", "tiny_gradient_eps_outside",
    ), *_LR32, dtype="float64"),
    *_cases("sgd_momentum", (
        "alternating_gradients_damped", "beta_zero_is_sgd_ema", "beta_zero_is_sgd_library",
        "constant_gradient_ema", "constant_gradient_library", "first_step_ema_defaults",
        "first_step_library", "random_matrix_library", "random_scalar_defaults",
        "random_walk_ema",
    ), *_LR32, dtype="float64"),
    *_cases("nesterov_momentum", ("beta_one",), *_MOMENTUM_UNCHECKED),
    *_cases("sgd_momentum", ("beta_negative", "beta_one"), *_MOMENTUM_UNCHECKED),
    *_cases("nesterov_momentum", ("beta_zero_is_gradient_descent_library",), *_NESTEROV_BETA0),
)
