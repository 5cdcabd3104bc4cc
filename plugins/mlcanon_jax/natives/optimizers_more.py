"""JAX native bindings of more optimizers: optax.contrib's Muon orthogonalization and
schedule-free SGD."""

from __future__ import annotations

from collections.abc import Callable

import jax.numpy as jnp
import numpy as np
import optax

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

_MUON_COEFFICIENTS = {"quintic": (3.4445, -4.7750, 2.0315), "cubic": (1.5, -0.5, 0.0)}


@native("optax.contrib.scale_by_muon")
def muon_newton_schulz(g: jnp.ndarray, *, steps: int = 5, form: str = "quintic",
                       eps: float = 1e-7) -> jnp.ndarray:
    # beta = 0 without Nesterov makes the (bias-corrected) momentum g itself
    transform = optax.contrib.scale_by_muon(ns_coeffs=_MUON_COEFFICIENTS[form], ns_steps=steps,
                                            beta=0.0, eps=eps, nesterov=False)
    update, _ = transform.update(g, transform.init(g))
    return update


@native("optax.contrib.schedule_free_sgd")
def schedule_free(theta: jnp.ndarray, a: jnp.ndarray, b: jnp.ndarray, *, lr: float = 1.0,
                  beta: float = 0.9, steps: int = 1) -> jnp.ndarray:
    # optax's params are y, where the gradient is taken; x comes from eval_params
    optimizer = optax.contrib.schedule_free_sgd(learning_rate=lr, b1=beta)
    state = optimizer.init(theta)
    y = theta
    path = []
    for _ in range(steps):
        updates, state = optimizer.update(a @ y - b, state, y)
        y = optax.apply_updates(y, updates)
        path.append(optax.contrib.schedule_free_eval_params(state, y))
    return jnp.stack(path)


# -- known deviations ------------------------------------------------------------------

_MUON_LINK = "https://github.com/google-deepmind/optax/blob/main/optax/contrib/_muon.py"
_SF_LINK = "https://github.com/google-deepmind/optax/blob/main/optax/contrib/_schedule_free.py"

KNOWN_DEVIATIONS = (
    KnownDeviation(concept="muon_newton_schulz", case="large_entries_no_overflow",
                   dtype="float32", link=_MUON_LINK,
                   reason="optax's Frobenius normalization jnp.linalg.norm(x, 'fro') squares "
                          "the entries unscaled: (2^72)^2 overflows float32, the norm is inf and "
                          "the update is all zeros instead of the orthogonalized [[1, 2], [3, 4]]"),
    KnownDeviation(concept="muon_newton_schulz", case="negative_steps", link=_MUON_LINK,
                   reason="optax.contrib.scale_by_muon(ns_steps=-1) checks nothing; the "
                          "fori_loop runs no step and returns the normalized gradient"),
    KnownDeviation(concept="muon_newton_schulz", case="negative_eps", link=_MUON_LINK,
                   reason="optax.contrib.scale_by_muon(eps=-1e-7) checks nothing and runs"),
    KnownDeviation(concept="schedule_free", case="beta_zero_polyak_averaging", link=_SF_LINK,
                   reason="optax.contrib.schedule_free_sgd(b1=0) keeps y and z and recovers the "
                          "averaged point as (y - (1 - b1) z) / b1: with b1 = 0 that is 0 / 0, "
                          "so schedule_free_eval_params returns NaN at every step (and the "
                          "update itself divides by b1 too) instead of the Polyak average of "
                          "the SGD iterates"),
    *(KnownDeviation(concept="schedule_free", case=case, link=_SF_LINK,
                     reason=f"optax.contrib.schedule_free_sgd(b1={value}) checks nothing and "
                            "runs with y extrapolated outside [z, x]")
      for case, value in (("beta_above_one", 1.5), ("beta_negative", -0.5))),
)


# -- default probes ----------------------------------------------------------------------

# ||g||_F = 5.1e-9 lies below every eps in use, so the probe shows how eps enters
_PROBE_G = (2.0**-30 * np.array([[1.0, 2.0], [3.0, 4.0]])).tolist()


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def orthogonalize() -> Callable[[], jnp.ndarray]:
        def call() -> jnp.ndarray:
            # the defaults of the orthogonalization (coefficients, steps, eps); beta = 0
            # without Nesterov makes the momentum the gradient itself
            g = backend.from_numpy(np.asarray(_PROBE_G))
            transform = optax.contrib.scale_by_muon(beta=0.0, nesterov=False)
            update, _ = transform.update(g, transform.init(g))
            return update

        return call

    return [
        DefaultProbe("muon_newton_schulz", "which Newton-Schulz iteration and eps by default?",
                     "optax.contrib.scale_by_muon(beta=0.0, nesterov=False)", {"g": _PROBE_G},
                     orthogonalize()),
    ]
