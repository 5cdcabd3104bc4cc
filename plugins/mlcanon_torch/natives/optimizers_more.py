"""PyTorch native bindings of more optimizers: torch.optim.Muon's orthogonalization, and
mini-batch SGD as the DataLoader + SGD loop users write."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

_MUON_COEFFICIENTS = {"quintic": (3.4445, -4.7750, 2.0315), "cubic": (1.5, -0.5, 0.0)}


@native("torch.optim.Muon")
def muon_newton_schulz(g: torch.Tensor, *, steps: int = 5, form: str = "quintic",
                       eps: float = 1e-7) -> torch.Tensor:
    # one step from a zero parameter with the gradient g and no momentum or decay moves the
    # parameter by -lr * scale * NS(g); Muon's shape scale sqrt(max(1, m / n)) is undone
    # through lr, so the step is the orthogonalized g itself
    rows, cols = g.shape
    param = torch.zeros_like(g, requires_grad=True)
    optimizer = torch.optim.Muon([param], lr=1.0 / max(1.0, rows / cols) ** 0.5,
                                 weight_decay=0.0, momentum=0.0, nesterov=False,
                                 ns_coefficients=_MUON_COEFFICIENTS[form], eps=eps,
                                 ns_steps=steps)
    param.grad = g.clone()
    optimizer.step()
    return 0.0 - param.detach()


@native("torch.utils.data.DataLoader")
def sgd_minibatch(x: torch.Tensor, y: torch.Tensor, theta: torch.Tensor, *, lr: float = 0.01,
                  batch_size: int = 32, epochs: int = 1, drop_last: bool = False) -> torch.Tensor:
    # the loop users write: DataLoader batches, mse_loss, backward, torch.optim.SGD
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y),
                                         batch_size=batch_size, shuffle=False,
                                         drop_last=drop_last)
    param = theta.detach().clone().requires_grad_(True)
    optimizer = torch.optim.SGD([param], lr=lr)
    path = []
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            torch.nn.functional.mse_loss(xb @ param, yb).backward()
            optimizer.step()
            path.append(param.detach().clone())
    return torch.stack(path) if path else theta.new_empty((0, *theta.shape))


# -- known deviations ------------------------------------------------------------------

_MUON_LINK = "https://github.com/pytorch/pytorch/blob/main/torch/optim/_muon.py"
_LOADER_LINK = "https://github.com/pytorch/pytorch/blob/main/torch/utils/data/dataloader.py"
_MUON_BF16 = ("torch.optim.Muon casts the gradient to bfloat16 before the normalization and "
              "runs every Newton-Schulz step in bfloat16 whatever the parameter dtype, so the "
              "orthogonalized update carries errors of about 1e-2 (quintic_defaults: 0.609375 "
              "for 0.6177685; steps = 0: 0.6015625 for 0.6), 1e13 eps in float64")
_MUON_BF16_CASES = (
    "quintic_defaults_not_orthogonal", "cubic_converges_to_polar_factor", "cubic_one_step",
    "steps_zero_is_normalization", "row_matrix_singular_value_oscillates",
    "row_matrix_two_steps", "wide_matrix", "tall_matrix_is_transpose_of_wide",
    "tiny_matrix_eps_dominates", "eps_zero_accepted", "random_square_defaults",
    "random_wide_cubic", "random_tall_quintic")

KNOWN_DEVIATIONS = (
    *(KnownDeviation(concept="muon_newton_schulz", case=case, link=_MUON_LINK,
                     reason=_MUON_BF16)
      for case in _MUON_BF16_CASES),
    KnownDeviation(concept="muon_newton_schulz", case="large_entries_no_overflow",
                   link=_MUON_LINK,
                   reason="torch.optim.Muon's Frobenius norm of the bfloat16 copy squares the "
                          "entries 2^70..2^72 unscaled: 2^142 overflows bfloat16, the norm is inf "
                          "and the update is all zeros instead of the orthogonalized [[1, 2], "
                          "[3, 4]] (float64 and float32 alike)"),
    KnownDeviation(concept="muon_newton_schulz", case="negative_steps", link=_MUON_LINK,
                   reason="torch.optim.Muon(ns_steps=-1) checks only ns_steps < 100 and runs "
                          "no step: it returns the normalized gradient"),
    KnownDeviation(concept="sgd_minibatch", case="drop_last_batch_larger_than_data",
                   link=_LOADER_LINK,
                   reason="DataLoader(batch_size=3, drop_last=True) over 2 samples yields no "
                          "batch and raises nothing: the loop silently trains nothing and the "
                          "parameters come back unchanged (an empty path)"),
    KnownDeviation(concept="sgd_minibatch", case="epochs_zero", link=_LOADER_LINK,
                   reason="nothing in DataLoader or torch.optim.SGD sees the epoch count: zero "
                          "epochs run no step and return an empty path"),
    KnownDeviation(concept="muon_newton_schulz", case="negative_eps", link=_MUON_LINK,
                   reason="torch.optim.Muon(eps=-1e-7) checks nothing and runs (the norm is "
                          "clamped to at least -1e-7)"),
)


# -- default probes ----------------------------------------------------------------------

# ||g||_F = 5.1e-9 lies below every eps in use, so the probe shows how eps enters
_PROBE_G = (2.0**-30 * np.array([[1.0, 2.0], [3.0, 4.0]])).tolist()


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def orthogonalize() -> Callable[[], torch.Tensor]:
        def call() -> torch.Tensor:
            # Muon's own Newton-Schulz defaults (coefficients, steps, eps, bfloat16); the
            # step is made the bare update: lr 1, no momentum, no decay, a square matrix
            param = torch.zeros_like(backend.from_numpy(np.asarray(_PROBE_G)),
                                     requires_grad=True)
            optimizer = torch.optim.Muon([param], lr=1.0, weight_decay=0.0, momentum=0.0,
                                         nesterov=False)
            param.grad = backend.from_numpy(np.asarray(_PROBE_G))
            optimizer.step()
            return 0.0 - param.detach()

        return call

    return [
        DefaultProbe("muon_newton_schulz", "which Newton-Schulz iteration, eps and dtype by "
                     "default?", "torch.optim.Muon([W]) (lr=1, momentum=0, weight_decay=0)",
                     {"g": _PROBE_G}, orthogonalize()),
    ]
