"""Worker processes that die with their parent.

``quoteattr extract --jobs N`` runs a :class:`~concurrent.futures.ProcessPoolExecutor`.
When the parent is killed by a signal it does not handle (SIGTERM from a job
scheduler, SIGKILL), nothing tells the workers: they were left orphaned,
asleep on their task queue, for ever. :func:`die_with_parent`, the pool's
initializer, makes each worker end when its parent does:

* on Linux, ``prctl(PR_SET_PDEATHSIG, SIGTERM)`` has the kernel send the
  worker SIGTERM the moment its parent exits;
* everywhere, a daemon thread checks every half second that the parent is
  still the same process (``os.getppid()``), and ends the worker otherwise.

SIGINT already reached every worker through the terminal's process group;
this covers the signals that reach the parent alone.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_POLL_SECONDS = 0.5


def die_with_parent() -> None:
    """Make this (worker) process end when its parent ends; call it first thing in the worker."""
    parent = os.getppid()
    # A worker forked from a parent with a SIGTERM handler inherits it:
    # the default action (end the process) is what a worker needs.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):  # (no libc prctl: the thread below still works)
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="quoteattr-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
