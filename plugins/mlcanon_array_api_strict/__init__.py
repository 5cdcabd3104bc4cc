"""The array API standard's strict namespace as a backend, loaded through the ``mlcanon``
entry point like any plugin."""

from mlcanon import hookimpl
from mlcanon_array_api_strict.backend import ArrayApiStrictBackend


@hookimpl
def mlcanon_backends() -> list[ArrayApiStrictBackend]:
    return [ArrayApiStrictBackend("cpu")]
