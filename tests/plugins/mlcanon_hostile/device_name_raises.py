"""Misbehaviour: ``device_name()`` and ``default_probes()`` raise."""

from mlcanon import hookimpl
from mlcanon_hostile import numpy_backend


def _raise(self):
    raise RuntimeError("planted device_name() failure")


def _raise_in_probes(self):
    raise RuntimeError("planted default_probes() failure")


@hookimpl
def mlcanon_backends():
    return [numpy_backend("hostile_device", device_name=_raise,
                          default_probes=_raise_in_probes)]
