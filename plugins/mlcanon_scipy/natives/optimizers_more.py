"""SciPy native bindings of more optimizers: scipy.optimize.newton on the derivative."""

from __future__ import annotations

import numpy as np
import scipy.optimize
from numpy.polynomial import polynomial

from mlcanon import KnownDeviation, native


@native("scipy.optimize.newton")
def newton_optimization(coeffs: np.ndarray, x0: np.ndarray, *, steps: int = 1) -> np.ndarray:
    # Newton's root finder on f' with fprime = f'' is Newton's optimizer. One scalar call per
    # starting point (the array form raises when no point has converged within maxiter);
    # tol = 5e-324 with rtol = 0 stops only at a fixed point, maxiter = t gives step t
    first, second = polynomial.polyder(coeffs), polynomial.polyder(coeffs, 2)

    def after(t: int) -> np.ndarray:
        return np.vectorize(
            lambda start: scipy.optimize.newton(
                lambda x: polynomial.polyval(x, first), start,
                fprime=lambda x: polynomial.polyval(x, second), tol=5e-324, rtol=0.0,
                maxiter=t, disp=False),
            otypes=[np.float64])(x0)

    return np.stack([after(t) for t in range(1, steps + 1)]).astype(x0.dtype)


# -- known deviations ------------------------------------------------------------------

_NEWTON_LINK = "https://github.com/scipy/scipy/blob/main/scipy/optimize/_zeros_py.py"

KNOWN_DEVIATIONS = (
    KnownDeviation(concept="newton_optimization", case="zero_curvature_diverges",
                   link=_NEWTON_LINK,
                   reason="scipy.optimize.newton stops where fprime is 0 (f'' = 0 at x = 0 of "
                          "x^3 - 6x), warns 'Derivative was zero.' and returns the current "
                          "point 0 instead of stepping to -f'/0 = +inf and then NaN"),
    KnownDeviation(concept="newton_optimization", case="flat_inflection_nan",
                   link=_NEWTON_LINK,
                   reason="scipy.optimize.newton returns x = 0 of x^3 as converged because "
                          "func (f' = 0) is exactly 0 there, instead of the canon's 0 / 0 = NaN"),
    KnownDeviation(concept="newton_optimization", case="linear_objective", link=_NEWTON_LINK,
                   reason="scipy.optimize.newton accepts a line: fprime (f'') is identically 0, "
                          "so it warns 'Derivative was zero.' and returns the start unchanged "
                          "instead of rejecting the objective"),
)
