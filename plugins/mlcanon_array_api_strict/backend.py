"""array-api-strict: the standard's reference namespace, with no native op at all.

Every concept runs through its portable implementation here, so a pass proves the
portable code uses nothing outside the Python array API standard. The namespace has no
float16 (the standard does not define it) and no autodiff.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import numpy as np

from mlcanon import Backend, DefaultProbe
from mlcanon_array_api_strict import defaults
from mlcanon_array_api_strict.deviations import KNOWN_DEVIATIONS


def _strict() -> Any:
    import array_api_strict

    return array_api_strict


class ArrayApiStrictBackend(Backend):
    name = "array_api_strict"
    dtypes = ("float32", "float64")
    native_modules = ("mlcanon_array_api_strict.natives",)
    known_deviations = KNOWN_DEVIATIONS

    def available(self) -> str | None:
        if importlib.util.find_spec("array_api_strict") is None:
            return "array_api_strict is not installed (pip install array-api-strict)"
        return None

    def versions(self) -> dict[str, str]:
        return {"array_api_strict": _strict().__version__, "numpy": np.__version__}

    def namespace(self) -> Any:
        return _strict()

    def from_numpy(self, array: np.ndarray) -> Any:
        return _strict().asarray(np.array(array, copy=True))

    def to_numpy(self, value: Any) -> np.ndarray:
        # the strict namespace refuses implicit conversion; DLPack is its sanctioned exit
        if hasattr(value, "__dlpack__"):
            return np.from_dlpack(value)
        return np.asarray(value)

    def default_probes(self) -> list[DefaultProbe]:
        return [*defaults.probes(self), *super().default_probes()]
