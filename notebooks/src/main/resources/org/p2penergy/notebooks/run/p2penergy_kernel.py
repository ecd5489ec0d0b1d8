"""A Jupyter kernel manager that lets rapaio-jupyter-kernel finish starting before talking to it.

rapaio-jupyter-kernel 3.0.1 binds its sockets before it installs its message handlers. A request
that arrives in between kills its shell thread (NullPointerException in Channels.getHandler) and the
kernel never answers: nbconvert then waits for its startup timeout. So after launching the kernel
this manager waits until the kernel listens on its shell and control ports (read from
/proc/net/tcp: connecting to the ports to find out could upset the kernel), plus a few seconds for
the handlers (the kernel starts its JShell in between), before any client message is sent. Under
heavy load that may still be too short: the runner then starts the kernel again.
"""
import asyncio
import os
import time

from jupyter_client.manager import AsyncKernelManager

_LISTEN = "0A"


def _listening_ports():
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if fields[3] == _LISTEN:
                        ports.add(int(fields[1].rsplit(":", 1)[1], 16))
        except OSError:
            return None
    return ports


class DelayedStartKernelManager(AsyncKernelManager):
    async def _async_start_kernel(self, **kw):
        await super()._async_start_kernel(**kw)
        wanted = {self.shell_port, self.control_port}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ports = _listening_ports()
            if ports is None or wanted <= ports:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(float(os.environ.get("P2PENERGY_KERNEL_SETTLE_S", "4")))

    start_kernel = _async_start_kernel
