"""A Jupyter kernel manager that lets rapaio-jupyter-kernel finish starting before talking to it.

rapaio-jupyter-kernel 3.0.1 binds its sockets before it installs its message handlers. A request
that arrives in between kills its shell thread (NullPointerException in Channels.getHandler) and the
kernel never answers: nbconvert then waits for its startup timeout. So after launching the kernel
this manager waits until the kernel listens on its control port (bound last), plus a few seconds
for the handlers (the kernel starts its JShell in between), before any client message is sent. Under
heavy load that may still be too short: the runner then starts the kernel again.
"""
import asyncio
import os
import socket
import time

from jupyter_client.manager import AsyncKernelManager


def _listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class DelayedStartKernelManager(AsyncKernelManager):
    async def _async_start_kernel(self, **kw):
        await super()._async_start_kernel(**kw)
        deadline = time.monotonic() + 60
        while not _listening(self.control_port) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        await asyncio.sleep(float(os.environ.get("P2PENERGY_KERNEL_SETTLE_S", "4")))

    start_kernel = _async_start_kernel
