"""The Redis parameter group's values, checked against a real server.

The redis module builds its ElastiCache parameter group from
``parameters/redis7.json``; this test starts a real ``redis-server`` (Debian's
``redis-server`` package) with the same values in ``redis.conf`` (all but those
marked ``elasticache_only``), asserts that it starts and that ``CONFIG GET``
returns every value. A misspelt name or an invalid value fails here rather
than in a deployment. The last test proves the harness fails on a bad value.

Needs ``redis-server`` and ``redis-cli`` (``apt-get install -y redis-server``);
run with ``python3 -m pytest infrastructure/modules/redis/tests/server``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

MODULE = Path(__file__).resolve().parents[2]
DOCUMENT = json.loads((MODULE / "parameters" / "redis7.json").read_text())
PARAMETERS = DOCUMENT["parameters"]


def binary(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: apt-get install -y redis-server")
    return found


class Server:
    def __init__(self, values: dict[str, str]):
        self.values = values
        self.dir = Path(tempfile.mkdtemp(prefix="redis-params-"))
        self.socket = self.dir / "redis.sock"
        self.log = self.dir / "server.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        lines = ["port 0", f"unixsocket {self.socket}", f"dir {self.dir}",
                 "cluster-config-file nodes.conf", "save \"\"", "appendonly no",
                 "# parameters/redis7.json"]
        lines += [f"{name} {json.dumps(value)}" for name, value in self.values.items()]
        (self.dir / "redis.conf").write_text("\n".join(lines) + "\n")
        with open(self.log, "w") as log:
            self.process = subprocess.Popen([binary("redis-server"), str(self.dir / "redis.conf")],
                                            stdout=log, stderr=subprocess.STDOUT)
        return self

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([binary("redis-cli"), "-s", str(self.socket), *args],
                              capture_output=True, text=True)

    def wait_ready(self, timeout: float = 20) -> bool:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                return False
            if self.socket.exists() and self.cli("PING").stdout.strip() == "PONG":
                return True
            time.sleep(0.1)
        return False

    def config(self, name: str) -> str | None:
        out = self.cli("CONFIG", "GET", name).stdout.splitlines()
        return out[1] if len(out) >= 2 else None

    def __exit__(self, *exc: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def server_values() -> dict[str, str]:
    return {name: p["value"] for name, p in PARAMETERS.items() if not p.get("elasticache_only")}


def test_family_is_redis7():
    assert DOCUMENT["family"] == "redis7"


def test_server_accepts_the_parameter_group():
    values = server_values()
    assert values.get("cluster-enabled") == "yes", "the platform runs Redis in cluster mode"
    with Server(values) as server:
        assert server.wait_ready(), f"redis-server did not start:\n{server.log.read_text()}"
        for name, value in values.items():
            assert server.config(name) == value, \
                f"{name} = {server.config(name)!r} on the server, {value!r} in the parameter group"


def test_elasticache_only_parameters_are_not_redis_parameters():
    """A parameter marked elasticache_only must really be unknown to Redis (else check it)."""
    marked = [name for name, p in PARAMETERS.items() if p.get("elasticache_only")]
    with Server({}) as server:
        assert server.wait_ready()
        for name in marked:
            assert server.config(name) is None, f"{name} is a Redis parameter: do not mark it elasticache_only"


def test_harness_fails_on_an_invalid_value():
    with Server(dict(server_values(), **{"maxmemory-policy": "evict-everything"})) as server:
        assert not server.wait_ready(5), "a server with an invalid value must not start"
        assert "maxmemory-policy" in server.log.read_text()
