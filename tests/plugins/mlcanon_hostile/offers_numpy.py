"""Misbehaviour: a third-party plugin offers the built-in backend id ``numpy:cpu``."""

from mlcanon import hookimpl
from mlcanon_hostile import wrong_numpy


@hookimpl
def mlcanon_backends():
    return [wrong_numpy()]
