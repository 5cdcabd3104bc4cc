"""NumPy on the CPU: arrays are already NumPy; there is no autodiff."""

from __future__ import annotations

import numpy as np

from mlcanon import Backend, DefaultProbe
from mlcanon_numpy import defaults
from mlcanon_numpy.deviations import KNOWN_DEVIATIONS


class NumpyBackend(Backend):
    name = "numpy"
    native_modules = ("mlcanon_numpy.natives",)
    known_deviations = KNOWN_DEVIATIONS

    def from_numpy(self, array: np.ndarray) -> np.ndarray:
        return np.array(array, copy=True)  # an implementation must not see the harness' copy

    def to_numpy(self, value: object) -> np.ndarray:
        return np.asarray(value)

    def default_probes(self) -> list[DefaultProbe]:
        return [*defaults.probes(self), *super().default_probes()]
