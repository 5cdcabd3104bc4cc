"""Misbehaviour: the hook returns a backend id as a string."""

from mlcanon import hookimpl


@hookimpl
def mlcanon_backends():
    return "numpy:cpu"
