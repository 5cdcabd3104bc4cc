"""Misbehaviour: ``versions()`` raises."""

from mlcanon import hookimpl
from mlcanon_hostile import numpy_backend


def _raise(self):
    raise RuntimeError("planted versions() failure")


@hookimpl
def mlcanon_backends():
    return [numpy_backend("hostile_versions", versions=_raise)]
