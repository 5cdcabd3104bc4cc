"""Misbehaviour: the hook's list holds a class, a dict and a backend without a name beside
one valid backend."""

from mlcanon import hookimpl
from mlcanon_hostile import numpy_backend
from mlcanon_numpy.backend import NumpyBackend


@hookimpl
def mlcanon_backends():
    return [NumpyBackend, {"name": "dict"}, numpy_backend(""), numpy_backend("hostile_survivor")]
