"""Misbehaviour: two third-party plugins offer the same backend id ``twin:cpu``."""

from mlcanon import hookimpl
from mlcanon_hostile import numpy_backend


@hookimpl
def mlcanon_backends():
    return [numpy_backend("twin")]
