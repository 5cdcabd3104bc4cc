"""The NumPy backend of mlcanon, loaded through the ``mlcanon`` entry point like any plugin."""

from mlcanon import hookimpl
from mlcanon_numpy.backend import NumpyBackend


@hookimpl
def mlcanon_backends() -> list[NumpyBackend]:
    return [NumpyBackend("cpu")]
