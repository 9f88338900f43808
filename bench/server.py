"""Run the site under gunicorn on 127.0.0.1 for a benchmark, as production would.

Uses the project's gunicorn.conf.py when there is one (with the workers and address given
here on the command line, which take precedence), otherwise plain `gunicorn website.wsgi`.
Production settings, with a throwaway secret and no HTTPS redirect (plain HTTP on
localhost), static files collected into a temporary directory.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from djangoenv import PROJECT_DIR, check_database_url

# The project's virtualenv, or (a git worktree without one) the Python running the bench.
VENV_BIN = (
    PROJECT_DIR / ".venv" / "bin"
    if (PROJECT_DIR / ".venv" / "bin").exists()
    else Path(sys.executable).parent
)


def environment(database_url, static_root, **extra):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=check_database_url(database_url),
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY="bench-only-not-secret",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        DEBUG="false",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def collect_static(static_root, database_url):
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT_DIR,
        env=environment(database_url, static_root),
        check=True,
    )


def gunicorn_command(port, workers=2):
    command = [str(VENV_BIN / "gunicorn")]
    if (PROJECT_DIR / "gunicorn.conf.py").exists():
        command += ["-c", "gunicorn.conf.py"]
    return command + [
        "website.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
    ]


class Server:
    """`with Server(url, port=8123, PAGE_CACHE_SECONDS=0) as server:` — gunicorn while the
    block runs; `server.url(path)` gives full URLs."""

    def __init__(self, database_url, port=8123, workers=2, **extra_env):
        self.database_url, self.port, self.workers = database_url, port, workers
        self.extra_env = extra_env
        self.static = tempfile.TemporaryDirectory(prefix="objectwar-bench-static-")
        self.log = open(  # noqa: SIM115 (closed in __exit__)
            os.path.join(self.static.name, "gunicorn.log"), "w+"
        )
        self.process = None

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        collect_static(self.static.name, self.database_url)
        env = environment(self.database_url, self.static.name, **self.extra_env)
        self.process = subprocess.Popen(
            gunicorn_command(self.port, self.workers),
            cwd=PROJECT_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_until_up()
        return self

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                sys.exit(f"gunicorn exited:\n{self.log.read()}")
            try:
                with urllib.request.urlopen(self.url("/en/"), timeout=5):  # noqa: S310
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        sys.exit("gunicorn did not answer within a minute")

    def pids(self):
        """gunicorn's master and its workers."""
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        return [self.process.pid, *map(int, children)]

    def cpu_seconds(self):
        """CPU time (user + system) used so far by gunicorn's processes. Per request, it is
        the server's own cost, which other load on the machine does not inflate."""
        total = 0
        for pid in self.pids():
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        self.static.cleanup()
