"""The PostgreSQL parameter group's values, checked against a real server.

The postgres module builds its DB parameter group from
``parameters/postgres.json`` plus the environment's ``postgres.max_connections``;
this test starts a real PostgreSQL (Debian's ``postgresql`` package) with the
same values in ``postgresql.conf`` (all but those marked ``rds_only``), asserts
that it starts and that ``pg_settings`` reports every value, once per
environment. A misspelt name or an invalid value fails here rather than in a
deployment. The last test proves the harness itself fails on a bad value.

Needs ``initdb``/``postgres``/``psql`` (``apt-get install -y postgresql``);
run with ``python3 -m pytest infrastructure/modules/postgres/tests/server``.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

MODULE = Path(__file__).resolve().parents[2]
ENVIRONMENTS = MODULE.parents[1] / "environments"
PARAMETERS = json.loads((MODULE / "parameters" / "postgres.json").read_text())["parameters"]


def bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
        if (Path(out) / "postgres").exists():
            return Path(out)
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), reverse=True)
    if not candidates:
        pytest.fail("PostgreSQL is not installed: apt-get install -y postgresql")
    return candidates[0].parent


def as_server_user(cmd: list[str]) -> list[str]:
    """postgres refuses to run as root: run it as the `postgres` user then."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--"] + cmd


def server_values(max_connections: int) -> dict[str, str]:
    values = {name: p["value"] for name, p in PARAMETERS.items() if not p.get("rds_only")}
    values["max_connections"] = str(max_connections)
    return values


def quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Server:
    def __init__(self, values: dict[str, str]):
        self.values = values
        self.dir = Path(tempfile.mkdtemp(prefix="pg-params-"))
        self.data = self.dir / "data"
        self.process: subprocess.Popen | None = None
        self.log = self.dir / "server.log"

    def __enter__(self) -> "Server":
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
        subprocess.run(as_server_user([str(bindir() / "initdb"), "-D", str(self.data), "-A", "trust",
                                       "-U", "postgres", "--no-sync"]),
                       check=True, capture_output=True)
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write("\n# parameters/postgres.json\n")
            for name, value in self.values.items():
                conf.write(f"{name} = {quote(value)}\n")
        self.port = 15432 + os.getpid() % 1000
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                as_server_user([str(bindir() / "postgres"), "-D", str(self.data), "-p", str(self.port),
                                "-k", str(self.dir), "-c", "listen_addresses="]),
                stdout=log, stderr=subprocess.STDOUT)
        return self

    def wait_ready(self, timeout: float = 30) -> bool:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                return False
            ready = subprocess.run([str(bindir() / "pg_isready"), "-h", str(self.dir), "-p", str(self.port)],
                                   capture_output=True)
            if ready.returncode == 0:
                return True
            time.sleep(0.2)
        return False

    def settings(self) -> dict[str, dict[str, str]]:
        out = subprocess.run(
            ["psql", "-h", str(self.dir), "-p", str(self.port), "-U", "postgres", "-AtF", "\t", "-c",
             "select name, setting, vartype from pg_settings"],
            check=True, capture_output=True, text=True).stdout
        rows = [line.split("\t") for line in out.splitlines() if line]
        return {name: {"setting": setting, "vartype": vartype} for name, setting, vartype in rows}

    def __exit__(self, *exc: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def normalise(value: str, vartype: str) -> str:
    if vartype == "bool":
        return {"1": "on", "true": "on", "on": "on", "0": "off", "false": "off", "off": "off"}[value.lower()]
    if vartype == "real":
        return repr(float(value))
    return value


def environments() -> list[tuple[str, int]]:
    result = []
    for path in sorted(ENVIRONMENTS.glob("*.json")):
        doc = json.loads(path.read_text())
        if "postgres" in doc:
            result.append((path.stem, int(doc["postgres"]["max_connections"])))
    return result


def test_every_environment_has_postgres_settings():
    assert {env for env, _ in environments()} >= {"dev", "staging", "prod"}


@pytest.mark.parametrize("env, max_connections", environments())
def test_server_accepts_the_parameter_group(env, max_connections):
    values = server_values(max_connections)
    with Server(values) as server:
        assert server.wait_ready(), f"{env}: PostgreSQL did not start:\n{server.log.read_text()}"
        settings = server.settings()
    for name, value in values.items():
        assert name in settings, f"{env}: {name} is not a PostgreSQL parameter"
        row = settings[name]
        assert normalise(row["setting"], row["vartype"]) == normalise(value, row["vartype"]), \
            f"{env}: {name} = {row['setting']} on the server, {value} in the parameter group"


def test_rds_only_parameters_are_marked():
    """Parameters RDS adds (rds.*) cannot be checked on a plain server: they must be marked."""
    for name, parameter in PARAMETERS.items():
        assert parameter.get("rds_only", False) == name.startswith("rds."), name


def test_harness_fails_on_an_invalid_value():
    values = dict(server_values(100), log_min_duration_statement="half a second")
    with Server(values) as server:
        assert not server.wait_ready(10), "a server with an invalid value must not start"
        assert "log_min_duration_statement" in server.log.read_text()
