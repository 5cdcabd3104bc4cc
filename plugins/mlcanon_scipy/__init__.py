"""SciPy and scikit-learn as a backend, loaded through the ``mlcanon`` entry point like any
plugin."""

from mlcanon import hookimpl
from mlcanon_scipy.backend import ScipyBackend


@hookimpl
def mlcanon_backends() -> list[ScipyBackend]:
    return [ScipyBackend("cpu")]
