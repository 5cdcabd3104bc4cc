"""The one dtype registry: every float dtype the canon runs in, and what it is.

Names are the ones NumPy (with ``ml_dtypes`` for bfloat16), PyTorch, JAX and the array
API standard share (``torch.bfloat16``, ``jnp.bfloat16``, ``np.dtype("bfloat16")``), so a
backend looks a dtype up by its name. :data:`FLOATS` is narrowest first: storage width,
then the wider exponent range last, so rounding a float64 value through them in this
order (:func:`round_through`) leaves a value every one of them represents exactly.

bfloat16 runs wherever float16 runs (:func:`with_implied`): both are the low-precision
formats of accelerators, and a concept that is checked in one is checked in the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FloatDType:
    name: str
    #: storage width in bits.
    bits: int
    #: significand bits, the implicit leading one included.
    significand: int
    #: largest finite value.
    max: float

    @property
    def eps(self) -> float:
        """The gap between 1 and the next representable number."""
        return 2.0 ** (1 - self.significand)

    @property
    def tiny(self) -> float:
        """The smallest positive normal number; below it lie the subnormals, which some
        backends (XLA on CPU) flush to zero."""
        return 2.0 ** (2 - 2 ** (self.bits - self.significand - 1))

    @property
    def itemsize(self) -> int:
        return self.bits // 8

    def numpy(self) -> np.dtype:
        """The NumPy dtype (bfloat16 comes from ``ml_dtypes``, imported on first use)."""
        if self.name == "bfloat16":
            import ml_dtypes

            return np.dtype(ml_dtypes.bfloat16)
        return np.dtype(self.name)


REGISTRY: dict[str, FloatDType] = {d.name: d for d in (
    FloatDType("float16", 16, 11, 65504.0),
    FloatDType("bfloat16", 16, 8, 3.3895313892515355e38),
    FloatDType("float32", 32, 24, 3.4028234663852886e38),
    FloatDType("float64", 64, 53, 1.7976931348623157e308),
)}
#: every float dtype, narrowest first.
FLOATS = tuple(REGISTRY)
#: dtypes that run wherever the key runs, unless a case's literal inputs do not fit them.
IMPLIED = {"float16": "bfloat16"}


def get(name: str) -> FloatDType:
    found = REGISTRY.get(name)
    if found is None:
        msg = f"unknown dtype {name!r}; mlcanon knows {list(FLOATS)}"
        raise KeyError(msg)
    return found


def eps(name: str) -> float:
    return get(name).eps


def tiny(name: str) -> float:
    return get(name).tiny


def numpy_dtype(name: str) -> np.dtype:
    """The NumPy dtype of a float dtype name; other names (int64, bool) pass through."""
    return REGISTRY[name].numpy() if name in REGISTRY else np.dtype(name)


def ordered(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` in the registry's order, narrowest first; unknown names last."""
    rank = {name: i for i, name in enumerate(FLOATS)}
    return tuple(sorted(set(names), key=lambda n: (rank.get(n, len(rank)), n)))


def with_implied(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` plus the dtypes they imply (float16 brings bfloat16)."""
    found = list(names)
    found += [IMPLIED[n] for n in found if n in IMPLIED]
    return ordered(found)


def cast(values: np.ndarray, name: str) -> np.ndarray:
    """``values`` in dtype ``name``; overflow to inf is the point of some cases."""
    with np.errstate(over="ignore"):
        return np.asarray(values).astype(numpy_dtype(name))


def round_through(values: np.ndarray, names: Iterable[str]) -> np.ndarray:
    """float64 ``values`` rounded through each float dtype of ``names`` in turn."""
    rounded = np.asarray(values, dtype=np.float64)
    for name in ordered(n for n in names if n in REGISTRY):
        rounded = cast(rounded, name).astype(np.float64)
    return rounded


def representable(values: np.ndarray, name: str) -> bool:
    """True if every float64 value survives a round trip through ``name``."""
    values = np.asarray(values, dtype=np.float64)
    back = cast(values, name).astype(np.float64)
    same = (back == values) | (np.isnan(back) & np.isnan(values))
    return bool(np.all(same))
