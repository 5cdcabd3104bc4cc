"""The oracle of constraint_substitution: Lagrange's conditions solved as one linear system in
mpmath (no variable is eliminated)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("constraint_substitution")
def constraint_substitution(f: np.ndarray, g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    fxx, fxy, fyy, fx, fy = f
    a, b, c = g
    # grad f = lambda grad g and a x + b y = c
    system = mpa.mp.matrix([[2 * fxx, fxy, -a], [fxy, 2 * fyy, -b], [a, b, 0]])
    rhs = mpa.mp.matrix([-fx, -fy, c])
    x, y, _ = mpa.mp.lu_solve(system, rhs)
    value = fxx * x * x + fxy * x * y + fyy * y * y + fx * x + fy * y
    return np.asarray([x, y], dtype=object), np.asarray(value, dtype=object)
