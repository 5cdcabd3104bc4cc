"""The PyTorch backends of mlcanon (cpu and cuda); torch is imported only when used."""

from mlcanon import hookimpl
from mlcanon_torch.backend import TorchBackend


@hookimpl
def mlcanon_backends() -> list[TorchBackend]:
    return [TorchBackend("cpu"), TorchBackend("cuda")]
