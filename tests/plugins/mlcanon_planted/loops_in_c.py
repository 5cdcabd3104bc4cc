"""Misbehaviour: the implementation never returns from C code that holds the interpreter
lock, where no signal handler can run: it waits for a lock it already holds."""

import ctypes

_api = ctypes.pythonapi
_api.PyThread_allocate_lock.restype = ctypes.c_void_p
_api.PyThread_acquire_lock.argtypes = [ctypes.c_void_p, ctypes.c_int]


def softmax(x, *, axis=-1, temperature=1.0):
    lock = _api.PyThread_allocate_lock()
    _api.PyThread_acquire_lock(lock, 1)
    _api.PyThread_acquire_lock(lock, 1)  # waits for ever, the lock is ours
