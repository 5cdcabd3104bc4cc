"""Print this machine's benchmark name: the host, plus the GPU model when there is one.

Results from several machines (a CPU box, a GPU box) then sit side by side in one asv
dashboard under names that say what hardware produced them.
"""

from __future__ import annotations

import re
import socket


def gpu_name() -> str:
    try:
        import torch
    except ImportError:
        return ""
    if not torch.cuda.is_available():
        return ""
    return torch.cuda.get_device_name()


def machine_name() -> str:
    gpu = re.sub(r"[^A-Za-z0-9]+", "-", gpu_name()).strip("-").lower()
    host = socket.gethostname()
    return f"{host}-{gpu}" if gpu else f"{host}-cpu"


if __name__ == "__main__":
    print(machine_name())
