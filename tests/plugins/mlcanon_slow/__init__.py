"""A plugin that replaces the NumPy backend (same id, numpy:cpu) with one whose softmax is
slower on purpose: installed instead of the built-in one, it lets asv see a regression."""

from mlcanon import hookimpl
from mlcanon_numpy.backend import NumpyBackend


class SlowNumpy(NumpyBackend):
    native_modules = (*NumpyBackend.native_modules, "mlcanon_planted.slow_softmax")


@hookimpl
def mlcanon_backends() -> list[NumpyBackend]:
    return [SlowNumpy("cpu")]
