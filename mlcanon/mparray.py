"""Arbitrary-precision arrays for oracles: NumPy object arrays of mpmath numbers.

NumPy's arithmetic (+, -, *, /, @, sum, max, comparisons) works on object arrays by
calling the elements' operators, so an oracle written with these helpers reads like
plain NumPy code while every operation runs at ``DPS`` significant digits.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import mpmath
import numpy as np

#: working precision of oracles, in decimal digits.
DPS = 50
mp = mpmath.mp


def _elementwise(fn: Callable[[Any], Any]) -> Callable[[Any], np.ndarray]:
    vectorized = np.vectorize(fn, otypes=[object])

    def apply(x: Any) -> np.ndarray:
        result = vectorized(np.asarray(x, dtype=object))
        return result

    apply.__name__ = getattr(fn, "__name__", "elementwise")
    return apply


def _one(value: Any) -> Any:
    if isinstance(value, mpmath.mpf):
        return value
    number = float(value)
    if number == 0 and math.copysign(1.0, number) < 0:
        # mpmath has no negative zero: the float -0.0 stays, so a copy or a gather of it
        # (an embedding row) keeps its sign; arithmetic on it gives mpf as usual
        return -0.0
    return mp.mpf(number)


def asmp(array: Any) -> np.ndarray:
    """A float array (or nested list) as an object array of mpf (-0.0 kept as a float)."""
    return _elementwise(_one)(array)


def tofloat(array: Any) -> np.ndarray:
    """An object array of mpf (or numbers) as float64, each element rounded to nearest."""
    with np.errstate(invalid="ignore"):  # an mpf NaN converts to NaN, which is intended
        return np.vectorize(float, otypes=[np.float64])(np.asarray(array, dtype=object))


exp = _elementwise(mp.exp)
log = _elementwise(mp.log)
log1p = _elementwise(mp.log1p)
expm1 = _elementwise(mp.expm1)
sqrt = _elementwise(mp.sqrt)
tanh = _elementwise(mp.tanh)
erf = _elementwise(mp.erf)
sin = _elementwise(mp.sin)
cos = _elementwise(mp.cos)
fabs = _elementwise(mp.fabs)
sign = _elementwise(mp.sign)
isnan = np.vectorize(mp.isnan, otypes=[bool])
isinf = np.vectorize(mp.isinf, otypes=[bool])


def mpf(value: Any) -> Any:
    return mp.mpf(value)
