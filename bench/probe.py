"""Request URLs continuously from a few threads and record what each request got."""

import threading
import time
import urllib.error
import urllib.request


class Prober:
    """`with Prober(urls) as probe: ...` requests the URLs in turn from `threads` threads
    until the block ends; `probe.results` is [(seconds since start, url, status, ms)], with
    status 0 for a connection error or timeout."""

    def __init__(self, urls, threads=4, timeout=10, pause=0.02):
        self.urls, self.threads, self.timeout, self.pause = urls, threads, timeout, pause
        self.results, self.stop = [], threading.Event()
        self._lock = threading.Lock()

    def now(self):
        return time.monotonic() - self.started

    def _run(self, offset):
        i = offset
        while not self.stop.is_set():
            url = self.urls[i % len(self.urls)]
            i += 1
            began = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=self.timeout) as response:  # noqa: S310
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except (urllib.error.URLError, OSError):
                status = 0
            with self._lock:
                self.results.append(
                    (began - self.started, url, status, (time.monotonic() - began) * 1000)
                )
            time.sleep(self.pause)

    def __enter__(self):
        self.started = time.monotonic()
        self._workers = [
            threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(self.threads)
        ]
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for worker in self._workers:
            worker.join(self.timeout + 5)


def ok(status):
    return 200 <= status < 400


def phases(results, start, end):
    """The requests that ended before `start`, overlapped [start, end), began after `end`."""
    before = [r for r in results if r[0] + r[3] / 1000 < start]
    after = [r for r in results if r[0] >= end]
    during = [r for r in results if r not in before and r not in after]
    return before, during, after


def summary(results, start=0.0, end=float("inf")):
    """Requests, failures and median/max latency of the requests begun in [start, end)."""
    chosen = sorted(r for r in results if start <= r[0] < end)
    failed = [r for r in chosen if not ok(r[2])]
    times = sorted(r[3] for r in chosen)
    return {
        "requests": len(chosen),
        "failed": len(failed),
        "statuses": sorted({r[2] for r in failed}),
        "median_ms": times[len(times) // 2] if times else None,
        "max_ms": times[-1] if times else None,
    }
