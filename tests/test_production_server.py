"""The site as production runs it: gunicorn with gunicorn.conf.py, production settings,
static files collected and served by WhiteNoise. The server is a real subprocess."""

import gzip
import json
import os
import runpy
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(tmp_path, **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "GUNICORN_", "ELASTICSEARCH_", "SEARCH_"))
        and k not in {"DATABASE_URL", "REDIS_URL", "CACHE_URL", "WEB_CONCURRENCY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    env.update(extra)
    return env


class Server:
    def __init__(self, tmp_path, **env_extra):
        self.port = free_port()
        self.access_log = tmp_path / f"access-{self.port}.log"
        self.error_log = tmp_path / f"error-{self.port}.log"
        self.stderr_path = tmp_path / f"stderr-{self.port}.log"
        env = production_env(
            tmp_path,
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            GUNICORN_WORKERS="1",
            GUNICORN_ACCESS_LOG=str(self.access_log),
            GUNICORN_ERROR_LOG=str(self.error_log),
            **env_extra,
        )
        self.stderr = open(self.stderr_path, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=self.stderr,
            stderr=self.stderr,
        )
        self._wait_until_up()

    def _wait_until_up(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited: {self.stderr_path.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("gunicorn did not start within 60 s")

    def get(self, path, headers=None):
        url = f"http://127.0.0.1:{self.port}{path}"
        request = urllib.request.Request(url, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def logs(self, path):
        # gunicorn writes its log lines as the request ends; give it a moment.
        for _ in range(50):
            if path.exists() and path.read_text():
                break
            time.sleep(0.1)
        return path.read_text()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.stderr.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=PROJECT_DIR,
        env=production_env(tmp_path),
        check=True,
        timeout=300,
    )
    server = Server(tmp_path)
    server.tmp_path = tmp_path
    yield server
    server.stop()


def test_health_check_reports_database_and_search(server):
    status, headers, body = server.get("/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "database": "ok", "search": "database backend"}
    assert "no-store" in headers["Cache-Control"]
    assert "Set-Cookie" not in headers


def test_access_log_has_no_client_address_nor_query(server):
    server.get("/healthz?q=desertion+penalty", headers={"User-Agent": "reader-browser/1.0"})
    log = server.logs(server.access_log)
    line = next(line for line in log.splitlines() if 'path="/healthz"' in line)
    assert "status=200" in line and "method=GET" in line and "duration_ms=" in line
    assert "127.0.0.1" not in log
    assert "desertion" not in log and "reader-browser" not in log


def test_error_log_hides_the_address_of_a_malformed_request(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
        connection.sendall(b"NOT A REQUEST\r\n\r\n")
        connection.recv(1024)
    error_log = server.logs(server.error_log)
    for _ in range(50):
        if "Invalid request" in error_log:
            break
        time.sleep(0.1)
        error_log = server.error_log.read_text()
    line = next(line for line in error_log.splitlines() if "Invalid request" in line)
    assert "ip=[address]" in line
    assert "127.0.0.1" not in line


def test_error_log_keeps_no_search_terms_of_a_malformed_request(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
        connection.sendall("GET /ru/search/?q=дезертир HTTP/1.1 junk\r\n\r\n".encode())
        connection.recv(1024)
    for _ in range(50):
        error_log = server.error_log.read_text() if server.error_log.exists() else ""
        if "?[query]" in error_log:
            break
        time.sleep(0.1)
    assert "Invalid" in error_log
    assert "?[query]" in error_log
    assert "дезертир" not in error_log and "%D0%B4" not in error_log


def test_a_wrong_host_header_is_one_log_line_without_traceback(server):
    status, _headers, _body = server.get("/en/", headers={"Host": "attacker.example"})
    assert status == 400
    for _ in range(50):
        lines = [line for line in server.stderr_path.read_text().splitlines() if "attacker" in line]
        if lines:
            break
        time.sleep(0.1)
    records = [json.loads(line) for line in lines]
    assert records and all("exception" not in record for record in records)
    assert "Traceback" not in server.stderr_path.read_text()


def test_static_files_have_hashed_names_and_are_served_compressed(server):
    manifest = json.loads((server.tmp_path / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"  # the name carries a content hash
    status, headers, body = server.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(body)
    assert "immutable" in headers["Cache-Control"]  # browsers keep it until the name changes


def test_health_check_answers_503_when_the_database_is_down(tmp_path):
    unused = free_port()  # nothing listens there
    down = Server(tmp_path, DATABASE_URL=f"postgres://postgres@127.0.0.1:{unused}/objectwar")
    try:
        status, headers, body = down.get("/healthz")
    finally:
        down.stop()
    assert status == 503
    assert json.loads(body)["database"] == "down"
    assert json.loads(body)["status"] == "down"
    # The application's own log: JSON lines, no address (the database's address included).
    records = [
        json.loads(line)
        for line in down.stderr_path.read_text().splitlines()
        if line.startswith("{")
    ]
    warning = next(r for r in records if r["logger"] == "core.health")
    assert warning["level"] == "WARNING"
    assert "127.0.0.1" not in down.stderr_path.read_text()


def test_worker_count_follows_the_cpus_unless_the_environment_says(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = runpy.run_path(str(PROJECT_DIR / "gunicorn.conf.py"))
    assert config["workers"] == os.cpu_count() * 2 + 1
    assert config["timeout"] == 30
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert runpy.run_path(str(PROJECT_DIR / "gunicorn.conf.py"))["workers"] == 3


def test_log_scrubbing_removes_addresses_with_ports_and_query_strings():
    from core.log_format import private

    assert private("client 203.0.113.7:51234 closed") == "client [address]:51234 closed"
    assert "2001:db8::7" not in private("peer [2001:db8::7]:443 reset")
    assert private("Error handling request /uk/knowledge/situation/?country=BY&situation=x") == (
        "Error handling request /uk/knowledge/situation/?[query]"
    )
    assert private("at 12:30:45, Python 3.11.7") == "at 12:30:45, Python 3.11.7"
