"""Tolerances: per dtype from its machine epsilon, scaled by the concept's error class.

An element passes when ``|actual - expected| <= k * eps * (|expected| + scale)``, where
``scale`` is the largest finite ``|expected|`` of that output (so the bound is rtol and
atol together: rtol = k*eps, atol = k*eps*scale), ``eps`` the dtype's machine epsilon
and ``k`` comes from the error class and the reduced size n:

==================  =====================  ===========================================
error class          k                     for
==================  =====================  ===========================================
exact               0                      integers, booleans, indices
elementwise         4                      one rounding per element, a few ops
reduction           4 + 2 sqrt(n)          sums, norms, matmul-like with inner size n
iterative           32 + 8 sqrt(n)         n steps of an algorithm
ill_conditioned     256 + 16 sqrt(n)       decompositions, solves
==================  =====================  ===========================================

A grad case multiplies k by ``GRAD_FACTOR``: a vector-Jacobian product chains the
forward's rounding with a second reduction over the outputs, and its entries are often
small differences of large products (softmax: y * (g - sum(g * y))).

The error of every case is recorded in the same units (``error_eps``, the smallest k
that would pass), on a pass too, so tolerances can be tightened from data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlcanon.dtypes import REGISTRY
from mlcanon.spec import Case, Concept

EPS = {name: dtype.eps for name, dtype in REGISTRY.items()}
CLASS_GROWTH = {
    "exact": (0.0, 0.0),
    "elementwise": (4.0, 0.0),
    "reduction": (4.0, 2.0),
    "iterative": (32.0, 8.0),
    "ill_conditioned": (256.0, 16.0),
}


GRAD_FACTOR = 8.0


@dataclass(frozen=True)
class Bound:
    """The tolerance one case runs under."""

    eps: float
    k: float
    printed_atol: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {"eps": self.eps, "k": self.k, "rtol": self.k * self.eps,
                "printed_atol": self.printed_atol}


def reduced_size(over: str | int | None, inputs: dict[str, np.ndarray]) -> int:
    """The n of a tolerance: an input axis length, an input's size, or a number."""
    if over is None:
        return 1
    if isinstance(over, int):
        return over
    name, _, axis = over.partition(":")
    array = np.asarray(inputs[name])
    if axis == "*":
        return max(1, array.size)
    return array.shape[int(axis)] if array.ndim else 1


def bound_for(concept: Concept, case: Case, dtype: str, inputs: dict[str, Any]) -> Bound:
    tolerance = concept.tolerance
    base, growth = CLASS_GROWTH[tolerance.error_class]
    n = reduced_size(tolerance.over, inputs)
    k = (base + growth * math.sqrt(n)) * tolerance.factor * case.tolerance_factor
    if case.kind == "grad":
        k *= GRAD_FACTOR
    printed = float(case.printed_atol or 0.0) if case.kind == "book" else 0.0
    return Bound(EPS[dtype], k, printed)
