"""The JAX backends of mlcanon (cpu and gpu); jax is imported only when used."""

from mlcanon import hookimpl
from mlcanon_jax.backend import JaxBackend


@hookimpl
def mlcanon_backends() -> list[JaxBackend]:
    return [JaxBackend("cpu"), JaxBackend("gpu")]
