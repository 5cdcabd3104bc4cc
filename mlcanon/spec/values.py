"""Converting spec values (TOML literals, JSON sidecars) to NumPy arrays and back.

JSON has no NaN or infinity, so the sidecars write them as the strings ``"nan"``,
``"inf"`` and ``"-inf"``, like the catalog does. TOML has them natively.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

_NONFINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "-nan": math.nan}


def _decode_scalar(value: Any) -> Any:
    if isinstance(value, str):
        if value not in _NONFINITE:
            msg = f"unexpected string {value!r} in numeric data"
            raise ValueError(msg)
        return _NONFINITE[value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return _decode_scalar(value)


def to_array(value: Any, dtype: str | np.dtype = "float64") -> np.ndarray:
    """A spec literal (nested lists, numbers, non-finite strings) as an array."""
    array = np.array(_decode(value), dtype=dtype)
    return array


def _encode_scalar(x: Any) -> Any:
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def to_json(array: np.ndarray) -> Any:
    """An array as nested lists with exact float64 repr and non-finite strings."""
    array = np.asarray(array)
    if array.ndim == 0:
        return _encode_scalar(array[()])
    return [to_json(sub) for sub in array]


def exactly_representable(values: np.ndarray, dtype: str) -> bool:
    """True if every float64 value survives a round trip through ``dtype``."""
    from mlcanon.dtypes import representable

    return representable(values, dtype)
