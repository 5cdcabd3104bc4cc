"""PyTorch native bindings: layers (torch.nn.functional)."""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F

from mlcanon import KnownDeviation, native


@native("torch.nn.functional.linear")
def linear_layer(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None
                 ) -> torch.Tensor:
    return F.linear(x, weight, bias)


@native("torch.nn.functional.conv2d")
def conv2d(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> torch.Tensor:
    return F.conv2d(x, weight, bias, stride=stride, padding=padding, dilation=dilation)


_POOLS = {"max": F.max_pool2d, "avg": F.avg_pool2d}


@native("torch.nn.functional.max_pool2d / avg_pool2d", only={"kind": tuple(_POOLS)})
def pooling(x: torch.Tensor, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> torch.Tensor:
    return _POOLS[kind](x, kernel_size, stride, padding)


@native("torch.nn.functional.dropout")
def dropout(x: torch.Tensor, *, p: float = 0.5, training: bool = True,
            seed: int = 0) -> torch.Tensor:
    # F.dropout takes no generator: seed the default one inside a fork that restores it
    devices = [x.device] if x.device.type != "cpu" else []
    with torch.random.fork_rng(devices=devices, device_type=x.device.type):
        torch.manual_seed(seed)
        return F.dropout(x, p=p, training=training)


@native("torch.nn.functional.embedding")
def embedding_lookup(weight: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    return F.embedding(ids, weight)


@native("torch.nn.functional.conv1d", only={"flip_kernel": False})
def conv1d(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, *,
           stride: int = 1, padding: int = 0, dilation: int = 1,
           flip_kernel: bool = False) -> torch.Tensor:
    return F.conv1d(x, weight, bias, stride=stride, padding=padding, dilation=dilation)


def _cell_call(cell: type[torch.nn.Module], x: torch.Tensor, state: Any, weight_ih: torch.Tensor,
               weight_hh: torch.Tensor, bias_ih: torch.Tensor | None,
               bias_hh: torch.Tensor | None, **options: Any) -> Any:
    """Run a torch.nn recurrent cell module with the case's weights as its parameters.

    functional_call swaps the tensors in without copying, so gradients reach them; the
    module's own random initialization is never used.
    """
    module = cell(weight_ih.shape[1], weight_hh.shape[1], bias=bias_ih is not None,
                  device=x.device, dtype=x.dtype, **options)
    weights = {"weight_ih": weight_ih, "weight_hh": weight_hh}
    if bias_ih is not None:
        weights |= {"bias_ih": bias_ih, "bias_hh": bias_hh}
    return torch.func.functional_call(module, weights, (x, state))


@native("torch.nn.RNNCell")
def rnn_cell(x: torch.Tensor, h: torch.Tensor, weight_ih: torch.Tensor,
             weight_hh: torch.Tensor, bias_ih: torch.Tensor | None = None,
             bias_hh: torch.Tensor | None = None, *, activation: str = "tanh") -> torch.Tensor:
    return _cell_call(torch.nn.RNNCell, x, h, weight_ih, weight_hh, bias_ih, bias_hh,
                      nonlinearity=activation)


@native("torch.nn.LSTMCell")
def lstm_cell(x: torch.Tensor, h: torch.Tensor, c: torch.Tensor, weight_ih: torch.Tensor,
              weight_hh: torch.Tensor, bias_ih: torch.Tensor | None = None,
              bias_hh: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    return _cell_call(torch.nn.LSTMCell, x, (h, c), weight_ih, weight_hh, bias_ih, bias_hh)


@native("torch.nn.RNN(bidirectional=True)")
def bidirectional_rnn(x: torch.Tensor, weight_ih: torch.Tensor, weight_hh: torch.Tensor,
                      weight_ih_reverse: torch.Tensor, weight_hh_reverse: torch.Tensor,
                      bias_ih: torch.Tensor | None = None, bias_hh: torch.Tensor | None = None,
                      bias_ih_reverse: torch.Tensor | None = None,
                      bias_hh_reverse: torch.Tensor | None = None, *,
                      activation: str = "tanh") -> torch.Tensor:
    module = torch.nn.RNN(weight_ih.shape[1], weight_hh.shape[1], nonlinearity=activation,
                          bias=bias_ih is not None, bidirectional=True, device=x.device,
                          dtype=x.dtype)
    given = {"weight_ih_l0": weight_ih, "weight_hh_l0": weight_hh, "bias_ih_l0": bias_ih,
             "bias_hh_l0": bias_hh, "weight_ih_l0_reverse": weight_ih_reverse,
             "weight_hh_l0_reverse": weight_hh_reverse, "bias_ih_l0_reverse": bias_ih_reverse,
             "bias_hh_l0_reverse": bias_hh_reverse}
    weights = {name: value for name, value in given.items() if value is not None}
    output, _ = torch.func.functional_call(module, weights, (x,))
    return output


# torch's GRUCell applies the reset gate after the hidden matmul (b_hn inside it) only
@native("torch.nn.GRUCell", only={"reset_after": True})
def gru_cell(x: torch.Tensor, h: torch.Tensor, weight_ih: torch.Tensor,
             weight_hh: torch.Tensor, bias_ih: torch.Tensor | None = None,
             bias_hh: torch.Tensor | None = None, *, reset_after: bool = True) -> torch.Tensor:
    return _cell_call(torch.nn.GRUCell, x, h, weight_ih, weight_hh, bias_ih, bias_hh)


@native("torch.nn.functional.adaptive_avg_pool2d")
def global_average_pooling(x: torch.Tensor, *, keepdims: bool = False) -> torch.Tensor:
    y = F.adaptive_avg_pool2d(x, 1)  # (N, C, 1, 1)
    return y if keepdims else torch.flatten(y, 1)


@native("torch.nn.functional.conv1d")
def dilated_convolution(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None,
                        *, dilation: int = 2, stride: int = 1, padding: int = 0) -> torch.Tensor:
    return F.conv1d(x, weight, bias, stride=stride, padding=padding, dilation=dilation)


@native("torch.nn.functional.conv2d")
def pointwise_conv_1x1(x: torch.Tensor, weight: torch.Tensor,
                       bias: torch.Tensor | None = None) -> torch.Tensor:
    return F.conv2d(x, weight, bias)


@native("torch.nn.functional.conv2d (groups=C, then 1x1)")
def depthwise_separable_conv(x: torch.Tensor, depthwise_weight: torch.Tensor,
                             pointwise_weight: torch.Tensor,
                             depthwise_bias: torch.Tensor | None = None,
                             pointwise_bias: torch.Tensor | None = None, *, stride: int = 1,
                             padding: int = 0, dilation: int = 1) -> torch.Tensor:
    depth = F.conv2d(x, depthwise_weight, depthwise_bias, stride=stride, padding=padding,
                     dilation=dilation, groups=x.shape[1])
    return F.conv2d(depth, pointwise_weight, pointwise_bias)


# scheme -> (init function by distribution, the keyword arguments that select the scheme);
# kaiming_*_ with nonlinearity 'linear' has gain 1, which is LeCun's variance 1/fan
_INITS = {
    "xavier": ({"normal": torch.nn.init.xavier_normal_,
                "uniform": torch.nn.init.xavier_uniform_}, {}),
    "he": ({"normal": torch.nn.init.kaiming_normal_,
            "uniform": torch.nn.init.kaiming_uniform_}, {"nonlinearity": "relu"}),
    "lecun": ({"normal": torch.nn.init.kaiming_normal_,
               "uniform": torch.nn.init.kaiming_uniform_}, {"nonlinearity": "linear"}),
}


@native("torch.nn.init.xavier_*_ / kaiming_*_",
        only={"scheme": tuple(_INITS), "distribution": ("normal", "uniform")})
def weight_init_xavier_he(weight: torch.Tensor, *, scheme: str = "he",
                          distribution: str = "normal", mode: str = "fan_in",
                          seed: int = 0) -> torch.Tensor:
    functions, options = _INITS[scheme]
    if scheme != "xavier":
        options = {**options, "mode": mode}
    generator = torch.Generator(device=weight.device).manual_seed(seed)
    # the init functions fill their argument in place: fill a new tensor, not the input
    return functions[distribution](torch.empty_like(weight), generator=generator, **options)


_ADAPTIVE_POOL = "https://pytorch.org/docs/stable/generated/torch.nn.AdaptiveAvgPool2d.html"

KNOWN_DEVIATIONS = (
    KnownDeviation(
        concept="weight_init_xavier_he", case="empty_kernel_xavier_uniform",
        reason="torch.nn.init.xavier_uniform_ on a (2, 1, 0) weight (fan_in = fan_out = 0) "
               "raises ZeroDivisionError computing sqrt(2 / (fan_in + fan_out)); kaiming_*_ "
               "return the zero-element tensor unchanged with a warning",
        link="https://pytorch.org/docs/stable/nn.init.html#torch.nn.init.xavier_uniform_",
    ),
    KnownDeviation(
        concept="global_average_pooling", case="empty_map",
        reason="F.adaptive_avg_pool2d(x, 1) averages a 0 x 2 map to nan (0/0) instead of "
               "raising",
        link=_ADAPTIVE_POOL),
    KnownDeviation(
        concept="global_average_pooling", case="not_4d",
        reason="F.adaptive_avg_pool2d accepts an unbatched (C, H, W) map and returns "
               "(C, 1, 1) instead of raising",
        link=_ADAPTIVE_POOL),
    KnownDeviation(
        concept="bidirectional_rnn", case="not_time_major_3d",
        reason="nn.RNN(bidirectional=True) accepts a 2-D x as one unbatched (T, I) sequence and "
               "returns (T, 2H) instead of raising",
        link="https://pytorch.org/docs/stable/generated/torch.nn.RNN.html"),
)
