"""JAX native bindings: optimizers (optax), stepped once per given gradient."""

from __future__ import annotations

from collections.abc import Callable

import jax.numpy as jnp
import numpy as np
import optax

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


def _trajectory(optimizer: optax.GradientTransformation, theta: jnp.ndarray,
                grads: jnp.ndarray) -> jnp.ndarray:
    """theta after each step of the usual optax loop, one row per gradient."""
    state = optimizer.init(theta)
    path = []
    for g in grads:
        updates, state = optimizer.update(g, state, theta)
        theta = optax.apply_updates(theta, updates)
        path.append(theta)
    return jnp.stack(path)


@native("optax.adam")
def adam(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> jnp.ndarray:
    return _trajectory(optax.adam(lr, b1=beta1, b2=beta2, eps=eps), theta, grads)


@native("optax.adamw")
def adamw(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> jnp.ndarray:
    optimizer = optax.adamw(lr, b1=beta1, b2=beta2, eps=eps, weight_decay=weight_decay)
    return _trajectory(optimizer, theta, grads)


@native("optax.sgd")
def gradient_descent(theta: jnp.ndarray, a: jnp.ndarray, b: jnp.ndarray, *, lr: float = 0.1,
                     steps: int = 1) -> jnp.ndarray:
    optimizer = optax.sgd(lr)
    state = optimizer.init(theta)
    path = []
    for _ in range(steps):
        # the gradient of the quadratic 1/2 theta^T a theta - b^T theta
        updates, state = optimizer.update(a @ theta - b, state, theta)
        theta = optax.apply_updates(theta, updates)
        path.append(theta)
    return jnp.stack(path)


@native("optax.sgd", only={"form": ("library",)})
def sgd_momentum(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.01, beta: float = 0.9,
                 form: str = "ema") -> jnp.ndarray:
    # optax.trace accumulates v = g + beta v: the library form (no EMA weight exists)
    return _trajectory(optax.sgd(lr, momentum=beta), theta, grads)


@native("optax.sgd", only={"form": ("library",)})
def nesterov_momentum(theta: jnp.ndarray, a: jnp.ndarray, b: jnp.ndarray, *, lr: float = 0.1,
                      beta: float = 0.9, steps: int = 1, form: str = "sutskever") -> jnp.ndarray:
    optimizer = optax.sgd(lr, momentum=beta, nesterov=True)
    state = optimizer.init(theta)
    path = []
    for _ in range(steps):
        updates, state = optimizer.update(a @ theta - b, state, theta)
        theta = optax.apply_updates(theta, updates)
        path.append(theta)
    return jnp.stack(path)


@native("optax.rmsprop")
def rmsprop(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.01, beta: float = 0.9,
            eps: float = 1e-8, eps_in_sqrt: bool = True) -> jnp.ndarray:
    optimizer = optax.rmsprop(lr, decay=beta, eps=eps, eps_in_sqrt=eps_in_sqrt)
    return _trajectory(optimizer, theta, grads)

@native("optax.adagrad", only={"eps_in_sqrt": (True,)})
def adagrad(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 0.01, eps: float = 1e-10,
            initial_accumulator: float = 0.0, eps_in_sqrt: bool = True) -> jnp.ndarray:
    # optax always adds eps inside the square root
    optimizer = optax.adagrad(lr, initial_accumulator_value=initial_accumulator, eps=eps)
    return _trajectory(optimizer, theta, grads)

@native("optax.clip_by_global_norm", only={"scope": ("global",)})
def gradient_clipping(grads: jnp.ndarray, *, max_norm: float = 1.0,
                      scope: str = "global") -> jnp.ndarray:
    # the rows of grads are the leaves of the gradient pytree
    clipper = optax.clip_by_global_norm(max_norm)
    leaves = list(grads)
    clipped, _ = clipper.update(leaves, clipper.init(leaves))
    return jnp.stack(clipped)

@native("optax.lion")
def lion(theta: jnp.ndarray, grads: jnp.ndarray, *, lr: float = 1e-4, beta1: float = 0.9,
         beta2: float = 0.99, weight_decay: float = 0.0) -> jnp.ndarray:
    optimizer = optax.lion(lr, b1=beta1, b2=beta2, weight_decay=weight_decay)
    return _trajectory(optimizer, theta, grads)

@native("optax.warmup_cosine_decay_schedule", only={"decay": ("cosine",)})
def lr_schedule(t: jnp.ndarray, *, peak_lr: float = 1.0, warmup_steps: int = 0,
                total_steps: int = 100, final_lr: float = 0.0,
                decay: str = "cosine") -> jnp.ndarray:
    # total_steps is optax's decay_steps: it includes the warmup
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0, peak_value=peak_lr, warmup_steps=warmup_steps,
        decay_steps=total_steps, end_value=final_lr)
    return schedule(t)

@native("optax.MultiSteps", only={"scale_loss": ("mean",)})
def gradient_accumulation(grads: jnp.ndarray, *, scale_loss: str = "mean") -> jnp.ndarray:
    # MultiSteps averages k gradients and applies them on the k-th step: with sgd(1.0) from
    # theta = 0 that step moves theta to minus the accumulated gradient (0 - theta keeps
    # +0.0 where nothing accumulated)
    optimizer = optax.MultiSteps(optax.sgd(1.0), every_k_schedule=grads.shape[0])
    theta = jnp.zeros_like(grads[0])
    state = optimizer.init(theta)
    for g in grads:
        updates, state = optimizer.update(g, state, theta)
        theta = optax.apply_updates(theta, updates)
    return 0.0 - theta

# -- known deviations ------------------------------------------------------------------

_OPTAX_SGD = "https://github.com/google-deepmind/optax/blob/main/optax/_src/alias.py"
_OPTAX_SCHED = "https://github.com/google-deepmind/optax/blob/main/optax/schedules/_schedule.py"
_OPTAX_CLIP = "https://github.com/google-deepmind/optax/blob/main/optax/_src/clipping.py"

KNOWN_DEVIATIONS = (
    *(KnownDeviation(concept="nesterov_momentum", case=case, link=_OPTAX_SGD,
                     reason=f"optax.sgd(momentum={value}, nesterov=True) checks nothing and runs")
      for case, value in (("beta_negative", -0.5), ("beta_one", 1.0))),
    *(KnownDeviation(concept="rmsprop", case=case, link=_OPTAX_SGD,
                     reason=f"optax.rmsprop(decay={value}) checks nothing and runs")
      for case, value in (("beta_negative", -0.5), ("beta_one", 1.0))),
    KnownDeviation(concept="adagrad", case="negative_initial_accumulator", link=_OPTAX_SGD,
                   reason="optax.adagrad(initial_accumulator_value=-0.5) checks nothing; its "
                          "where(G > 0, rsqrt(G + eps), 0) turns the negative sum -0.4375 into "
                          "a zero step, so theta silently stays 1.0"),
    KnownDeviation(concept="adagrad", case="negative_eps", link=_OPTAX_SGD,
                   reason="optax.adagrad(eps=-1e-10) checks nothing and runs"),
    KnownDeviation(concept="gradient_clipping", case="float16_square_overflows",
                   dtype="float16", link=_OPTAX_CLIP,
                   reason="optax.clip_by_global_norm sums squares in float16: 256^2 = 65536 "
                          "overflows (max 65504), the norm is inf and [256, 256] comes out "
                          "[0, 0] instead of [0.707, 0.707]"),
    KnownDeviation(concept="gradient_clipping", case="float32_square_overflows",
                   dtype="float32", link=_OPTAX_CLIP,
                   reason="optax.clip_by_global_norm sums squares in float32: (2^64)^2 "
                          "overflows, the norm is inf and the gradient is zeroed"),
    KnownDeviation(concept="gradient_clipping", case="max_norm_zero", link=_OPTAX_CLIP,
                   reason="optax.clip_by_global_norm(0.0) checks nothing and zeroes every "
                          "gradient"),
    *(KnownDeviation(concept="lion", case=case, link=_OPTAX_SGD,
                     reason=f"optax.lion({name}={value}) checks nothing and runs")
      for case, name, value in (("beta1_one", "b1", 1.0), ("beta2_negative", "b2", -0.5))),
    KnownDeviation(concept="lr_schedule", case="negative_warmup", link=_OPTAX_SCHED,
                   reason="optax.warmup_cosine_decay_schedule(warmup_steps=-1) checks nothing "
                          "and returns 0.9913 at step 5"),
    KnownDeviation(concept="lr_schedule", case="negative_step", link=_OPTAX_SCHED,
                   reason="optax schedules accept a negative count: step -1 falls before the "
                          "first boundary and returns init_value 0.0"),
    *(KnownDeviation(concept="gradient_accumulation", case=case, dtype="float64",
                     link="https://github.com/google-deepmind/optax/blob/main/optax/_src/wrappers.py",
                     reason="optax.MultiSteps's accumulated mean of float64 gradients comes back "
                            "rounded to float32 precision (-0.2500000037 for -0.25, errors of "
                            "1e8 eps), though optax.sgd alone keeps float64")
      for case in ("mean_of_four_defaults", "random_mean")),
)


# -- default probes ----------------------------------------------------------------------

_PROBE_THETA = [100.0, -1.0]
_PROBE_GRADS = [[1.0, 2.0**-17], [1.0, 2.0**-17]]  # a gradient below sqrt(eps) shows eps


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def run(optimizer: optax.GradientTransformation) -> Callable[[], jnp.ndarray]:
        def call() -> jnp.ndarray:
            theta = backend.from_numpy(np.asarray(_PROBE_THETA))
            return _trajectory(optimizer, theta, backend.from_numpy(np.asarray(_PROBE_GRADS)))

        return call

    inputs = {"theta": _PROBE_THETA, "grads": _PROBE_GRADS}
    return [
        DefaultProbe("adagrad", "which starting accumulator and eps by default?",
                     "optax.adagrad(0.01)", inputs, run(optax.adagrad(0.01))),
        DefaultProbe("rmsprop", "which decay and eps placement by default?",
                     "optax.rmsprop(0.01)", inputs, run(optax.rmsprop(0.01))),
    ]
