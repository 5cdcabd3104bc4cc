"""Misbehaviour: the hook returns None instead of a list."""

from mlcanon import hookimpl


@hookimpl
def mlcanon_backends():
    return None
