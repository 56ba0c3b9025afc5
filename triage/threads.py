"""How many threads the numeric libraries may use while serving.

A suggestion multiplies one report by a few thousand rows (the heads, the memory of decisions). OpenBLAS
splits even such small products across all cores, and on a busy 2-core machine its threads wait for one
another: measured here, one 1×256 by 256×12,500 product took 14 ms with OpenBLAS's 2 threads on a loaded
machine and 1 ms with one. A service already runs requests side by side (workers, threads), so each
product is best done on one thread. Training keeps the libraries' defaults.
"""

from __future__ import annotations

from threadpoolctl import threadpool_limits


def limit_blas_threads(threads: int = 1):
    """Limit BLAS (OpenBLAS/MKL) to `threads` in this process, from now on (returns the limiter)."""
    return threadpool_limits(limits=threads, user_api="blas")
