"""MLX as an mlcanon backend, a separate distribution that uses only mlcanon's public API;
mlx is imported only when the backend is used."""

from mlcanon import hookimpl
from mlcanon_mlx.backend import MlxBackend


@hookimpl
def mlcanon_backends() -> list[MlxBackend]:
    # mlx runs on Apple GPUs through Metal; the Linux wheels have the CPU only
    return [MlxBackend("cpu"), MlxBackend("gpu")]
