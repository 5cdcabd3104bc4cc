"""The optimizer oracles agree with hand-written float64 loops and closed forms."""

from __future__ import annotations

import numpy as np
from scipy import linalg

from tests.oracles.conftest import concept, frozen_inputs, oracle_outputs

VALUE_KINDS = ("generated", "book", "edge")


def _params(concept_id: str, case_params: dict) -> dict:
    return {**concept(concept_id).signature.params, **case_params}


def _adam_float64(theta, grads, lr, beta1, beta2, eps, weight_decay=0.0):
    """Kingma & Ba's Algorithm 1 as printed, plus Loshchilov & Hutter's decoupled decay."""
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    path = []
    for t in range(1, len(grads) + 1):
        g = grads[t - 1]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        theta = theta * (1 - lr * weight_decay) - lr * m_hat / (np.sqrt(v_hat) + eps)
        path.append(theta)
    return np.array(path)


def test_adam_matches_float64_loop(close):
    for case, inputs in frozen_inputs("adam", VALUE_KINDS):
        p = _params("adam", case.params)
        theirs = _adam_float64(inputs["theta"], inputs["grads"], **p)
        close(oracle_outputs("adam", inputs, case.params)["path"], theirs, atol=1e-15)


def test_adamw_matches_float64_loop(close):
    for case, inputs in frozen_inputs("adamw", VALUE_KINDS):
        p = _params("adamw", case.params)
        theirs = _adam_float64(inputs["theta"], inputs["grads"], **p)
        close(oracle_outputs("adamw", inputs, case.params)["path"], theirs, atol=1e-15)


def test_adam_first_step_is_lr_times_sign(close):
    """Bias correction makes step 1 exactly lr * g / (|g| + eps)."""
    for case, inputs in frozen_inputs("adam", VALUE_KINDS):
        p = _params("adam", case.params)
        g = inputs["grads"][0]
        first = inputs["theta"] - p["lr"] * g / (np.abs(g) + p["eps"])
        close(oracle_outputs("adam", inputs, case.params)["path"][0], first, atol=1e-15)


def test_adamw_is_adam_on_decayed_parameters(close):
    """One AdamW step = Adam's step taken from theta * (1 - lr * weight_decay)."""
    for case, inputs in frozen_inputs("adamw", VALUE_KINDS):
        p = _params("adamw", case.params)
        decay = 1 - p["lr"] * p["weight_decay"]
        adam_params = {k: v for k, v in case.params.items() if k != "weight_decay"}
        adam_step = oracle_outputs("adam", {"theta": inputs["theta"],
                                            "grads": inputs["grads"][:1]}, adam_params)["path"]
        ours = oracle_outputs("adamw", inputs, case.params)["path"][0]
        close(ours, adam_step[0] - inputs["theta"] + inputs["theta"] * decay, atol=1e-15)


def test_gradient_descent_matches_closed_form(close):
    """theta_k - theta* = (I - lr a)^k (theta_0 - theta*), theta* = a^-1 b."""
    for case, inputs in frozen_inputs("gradient_descent", VALUE_KINDS):
        p = _params("gradient_descent", case.params)
        a, b, theta = inputs["a"], inputs["b"], inputs["theta"]
        optimum = linalg.solve(a, b, assume_a="sym")
        contraction = np.eye(len(b)) - p["lr"] * a
        theirs = [optimum + np.linalg.matrix_power(contraction, k) @ (theta - optimum)
                  for k in range(1, p["steps"] + 1)]
        ours = oracle_outputs("gradient_descent", inputs, case.params)["path"]
        scale = np.max(np.abs(theirs))
        close(ours, np.array(theirs), rtol=1e-10, atol=1e-12 * scale)
