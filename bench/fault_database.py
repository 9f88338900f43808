#!/usr/bin/env python
"""Fault test: the database restarts while the site is under load.

    .venv/bin/python bench/fault_database.py \\
        --copy-from postgres://postgres@127.0.0.1:55432/objectwar_bench

Starts a private PostgreSQL on 127.0.0.1:55433 (initdb in /tmp; the shared server is never
touched), copies a bench database into it with bin/backup and bin/restore (or migrates and
loads the demo content without --copy-from), runs gunicorn on it and requests the home page,
a country profile and news from four threads. After --before seconds PostgreSQL is stopped
(fast shutdown, every connection cut), after --down seconds started again. Prints the
failed requests before, during and after the outage, how long the site took to answer again
after the database was back, and whether gunicorn's processes are the same ones (the app
was not restarted).
"""

import argparse
import glob
import os
import shutil
import subprocess
import tempfile
import time

import djangoenv
from probe import Prober, ok, phases, summary
from server import Server

PORT = 55433


def pg_bin(name):
    return os.path.join(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1], name)


def as_postgres(command):
    """Run a PostgreSQL server command; as root, as the postgres user (initdb refuses root)."""
    if os.geteuid() == 0:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


class PrivatePostgres:
    def __init__(self, port=PORT):
        self.port = port
        self.dir = tempfile.mkdtemp(prefix=f"objectwar-bench-pg{port}-")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self):
        as_postgres(
            [
                pg_bin("pg_ctl"),
                "-D",
                self.data,
                "-l",
                os.path.join(self.dir, "log"),
                "-w",
                "-o",
                f"'-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1'",
                "start",
            ]
        )

    def stop(self):
        as_postgres([pg_bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"])

    def __enter__(self):
        as_postgres(
            [
                pg_bin("initdb"),
                "-D",
                self.data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
        self.start()
        return self

    def __exit__(self, *exc):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def fill(target_url, copy_from):
    bin_dir = djangoenv.PROJECT_DIR / "bin"
    if copy_from:
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "DATABASE_URL": copy_from, "MEDIA_ROOT": f"{tmp}/no-media"}
            dump = subprocess.run(
                [bin_dir / "backup", tmp], env=env, check=True, capture_output=True, text=True
            ).stdout.split()[0]
            env.update(DATABASE_URL=target_url, MEDIA_ROOT=f"{tmp}/media")
            subprocess.run([bin_dir / "restore", dump], env=env, check=True)
    else:
        python = djangoenv.PROJECT_DIR / ".venv" / "bin" / "python"
        env = {**os.environ, "DATABASE_URL": target_url, "DEBUG": "false"}
        for command in (["migrate", "-v0"], ["load_demo_content"]):
            subprocess.run(
                [python, "manage.py", *command], cwd=djangoenv.PROJECT_DIR, env=env, check=True
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copy-from", help="a bench database to copy (PostgreSQL URL)")
    parser.add_argument("--before", type=float, default=10)
    parser.add_argument("--down", type=float, default=8)
    parser.add_argument("--after", type=float, default=20)
    args = parser.parse_args()

    with PrivatePostgres() as postgres:
        url = postgres.url("objectwar_bench_fault")
        djangoenv.ensure_postgres_database(url)
        fill(url, args.copy_from)
        with Server(url, port=8124, PAGE_CACHE_SECONDS=0) as server:
            paths = ["/en/", "/en/knowledge/russia/", "/en/news/?page=3"]
            before_pids = set(server.pids())
            with Prober([server.url(p) for p in paths]) as probe:
                time.sleep(args.before)
                stopping = probe.now()
                postgres.stop()
                stopped = probe.now()
                time.sleep(args.down)
                postgres.start()
                restarted = probe.now()
                time.sleep(args.after)
            after_pids = set(server.pids())

    results = probe.results
    first_ok = min((r[0] for r in results if r[0] >= restarted and ok(r[2])), default=None)
    print(
        f"\nDatabase stopped at {stopping:.1f}–{stopped:.1f} s, started again at {restarted:.1f} s"
    )
    before, during, after = phases(results, stopping, restarted)
    for label, chosen in (
        ("ended before the outage", before),
        ("overlapping the outage", during),
        ("begun after the restart", after),
    ):
        s = summary(chosen)
        print(
            f"- {label}: {s['requests']} requests, {s['failed']} failed {s['statuses'] or ''}, "
            f"median {s['median_ms'] or 0:.0f} ms, max {s['max_ms'] or 0:.0f} ms"
        )
    if first_ok is None:
        print("- the site did NOT answer again after the database restart")
    else:
        later = summary(results, first_ok)
        print(
            f"- first good answer {first_ok - restarted:.2f} s after the database was back; "
            f"after that {later['failed']} of {later['requests']} failed"
        )
    same = before_pids == after_pids
    print(f"- gunicorn processes unchanged (no app restart): {same} {sorted(before_pids)}")


if __name__ == "__main__":
    main()
