"""Misbehaviour: a plugin registered under the built-in's entry-point name ``numpy``."""

from mlcanon import hookimpl
from mlcanon_hostile import wrong_numpy


@hookimpl
def mlcanon_backends():
    return [wrong_numpy()]
