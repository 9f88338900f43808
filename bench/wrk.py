"""Run wrk and read its report: requests/s, latency percentiles, failed requests."""

import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import urlsplit

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}

# Spread the requests over several paths (wrk's Lua hooks), and count every status that
# is neither 2xx nor 3xx, plus socket errors, as failed.
ROTATE = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, paths[(counter %% #paths) + 1])
end
"""


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS[unit]


def parse(output):
    percentiles = dict(re.findall(r"^\s+(\d+)%\s+([\d.]+(?:us|ms|s|m))\s*$", output, re.M))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = re.search(r"(\d+) requests in", output)
    result = {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _ms(percentiles["50"]),
        "p99_ms": _ms(percentiles["99"]),
        "requests": int(requests.group(1)),
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, socket.groups())) if socket else 0,  # incl. timeouts
    }
    result["failed"] = result["non_2xx_3xx"] + result["socket_errors"]
    return result


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def run(urls, *, connections=8, threads=2, seconds=10):
    """wrk against one URL, or round-robin over several with the same host."""
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    urls = [urls] if isinstance(urls, str) else list(urls)
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s"]
    command += ["--latency", "--timeout", "10s"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if len(urls) > 1:
            paths = ", ".join(
                f'"{urlsplit(u)._replace(scheme="", netloc="").geturl()}"' for u in urls
            )
            script.write(ROTATE % paths)
            script.flush()
            command += ["-s", script.name]
        output = subprocess.run(
            [*command, urls[0]], capture_output=True, text=True, check=True
        ).stdout
    return parse(output)
