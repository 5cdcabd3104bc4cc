"""Converting spec values (TOML literals, JSON sidecars) to NumPy arrays and back.

JSON has no NaN or infinity, so the sidecars write them as the strings ``"nan"``,
``"inf"`` and ``"-inf"``, like the catalog does. TOML has them natively.

Nested lists cannot say the shape of an empty array whose zero-length axis comes before
others (``(0, 3)`` would read back as ``(0,)``): such an array is written as a table
``{"shape": [0, 3], "values": []}``, in a sidecar and in a TOML literal alike.
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
    """A spec literal (nested lists, numbers, non-finite strings, or the table of an
    empty array) as an array."""
    if isinstance(value, dict):
        return _empty_array(value, dtype)
    return np.array(_decode(value), dtype=dtype)


def _empty_array(table: dict[str, Any], dtype: str | np.dtype) -> np.ndarray:
    shape, values = table.get("shape"), table.get("values")
    if set(table) != {"shape", "values"} or not isinstance(shape, list) \
            or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0
                       for n in shape):
        msg = (f"an array table needs exactly 'shape' (a list of lengths) and 'values', "
               f"got {table!r}")
        raise ValueError(msg)
    if values != [] or 0 not in shape:
        msg = f"an array table holds an empty array only (a 0 in its shape, no values): {table!r}"
        raise ValueError(msg)
    return np.zeros(shape, dtype=dtype)


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
    if 0 in array.shape[:-1]:  # nested lists would lose the axes after the empty one
        return {"shape": list(array.shape), "values": []}
    return [to_json(sub) for sub in array]


def exactly_representable(values: np.ndarray, dtype: str) -> bool:
    """True if every float64 value survives a round trip through ``dtype``."""
    from mlcanon.dtypes import representable

    return representable(values, dtype)
