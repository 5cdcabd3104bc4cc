"""Misbehaviour: ``available()`` raises, or returns something that is not a reason."""

from mlcanon import hookimpl
from mlcanon_hostile import numpy_backend


def _raise(self):
    raise RuntimeError("planted available() failure")


@hookimpl
def mlcanon_backends():
    return [numpy_backend("hostile_available", available=_raise),
            numpy_backend("hostile_true", available=lambda self: True)]
