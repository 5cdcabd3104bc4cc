"""SciPy and scikit-learn on NumPy arrays: natives only, no portable fallback.

This backend tests the libraries' own functions (``scipy.special.softmax``,
``scipy.stats.ttest_ind``, ``sklearn.cluster.KMeans``, ...): a concept neither library
implements is missing, never computed by the canon's portable code. Its results put
SciPy's and scikit-learn's conventions on the report beside the frameworks', and they
cross-check the oracles through the same harness.
"""

from __future__ import annotations

import importlib.util

import numpy as np

from mlcanon import Backend, DefaultProbe
from mlcanon_scipy import defaults
from mlcanon_scipy.deviations import KNOWN_DEVIATIONS


class ScipyBackend(Backend):
    name = "scipy"
    dtypes = ("float32", "float64")
    native_modules = ("mlcanon_scipy.natives",)
    portable = False
    known_deviations = KNOWN_DEVIATIONS

    def available(self) -> str | None:
        for module in ("scipy", "sklearn"):
            if importlib.util.find_spec(module) is None:
                return f"{module} is not installed (pip install 'mlcanon[scipy]')"
        return None

    def versions(self) -> dict[str, str]:
        import scipy
        import sklearn

        return {"scipy": scipy.__version__, "scikit-learn": sklearn.__version__,
                "numpy": np.__version__}

    def from_numpy(self, array: np.ndarray) -> np.ndarray:
        return np.array(array, copy=True)  # a library must not see the harness' copy

    def default_probes(self) -> list[DefaultProbe]:
        return [*defaults.probes(self), *super().default_probes()]
