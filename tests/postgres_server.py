"""A throwaway PostgreSQL server for tests: Debian's `postgresql` binaries, a data folder in /tmp,
a free port on 127.0.0.1, trust authentication, stopped and deleted afterwards.

PostgreSQL refuses to run as root; as root, the server runs as the `postgres` user that Debian's
package creates. Where no server can be started, `start` raises `Unavailable` with the reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here (the message says why)."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    database: str


def _binary(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise Unavailable(f"PostgreSQL's {name} is not installed (Debian: apt-get install -y postgresql; .ci/run does this)")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def start(user: str = "dagster", database: str = "dagster") -> Iterator[Server]:
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    run_as: dict = {}
    folder = Path(tempfile.mkdtemp(prefix="compute-deals-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            raise Unavailable("running as root, and there is no 'postgres' user to run the server as") from None
        os.chown(folder, account.pw_uid, account.pw_gid)
        run_as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": [],
                  "env": {**os.environ, "HOME": str(folder), "USER": "postgres"}}
    data, log = folder / "data", folder / "server.log"
    port = _free_port()
    started = False
    try:
        _run([initdb, "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8", "--no-instructions"], run_as, "initdb")
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"], run_as, "pg_ctl start",
             log=log)
        started = True
        _create_database(port, user, database)
        yield Server("127.0.0.1", port, user, database)
    finally:
        if started:
            subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60,
                           **run_as)
        shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str], run_as: dict, what: str, log: Path | None = None) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/", **run_as)
    except (OSError, subprocess.SubprocessError) as error:
        raise Unavailable(f"{what} could not run: {error}") from error
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()[-1500:]
        if log is not None and log.exists():
            detail += "\n" + log.read_text(errors="replace")[-1500:]
        raise Unavailable(f"{what} failed: {detail}")


def _create_database(port: int, user: str, database: str) -> None:
    import psycopg2

    deadline = time.monotonic() + 30
    while True:
        try:
            connection = psycopg2.connect(host="127.0.0.1", port=port, user=user, dbname="postgres")
            break
        except psycopg2.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'create database "{database}"')
    finally:
        connection.close()
