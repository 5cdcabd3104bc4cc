"""Misbehaviour: an error message carrying markup, which reports must show as text."""


def softmax(x, *, axis=-1, temperature=1.0):
    raise RuntimeError("<script>window.__mlcanon_injected = 1</script><b>bold</b>")
