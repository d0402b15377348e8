"""Session fixture: one emulator subprocess on a free port for the whole test run.

Each test uses its own emulated account (a fresh 12-digit access key id from
``new_account``), so tests never see each other's resources and need no reset.
"""

import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))  # for tests that read the registry (no moto state is shared)
_accounts = itertools.count(200000000001)


class Emulator:
    def __init__(self, url: str):
        self.url = url

    def client(self, service: str, account: str = "111111111111", region: str = "us-east-1",
               validate: bool = True):
        """A boto3 client for the account; validate=False sends bad values to the server."""
        return boto3.client(
            service, region_name=region, endpoint_url=self.url,
            aws_access_key_id=account, aws_secret_access_key="local",
            config=Config(retries={"max_attempts": 1, "mode": "standard"},
                          parameter_validation=validate))

    def get(self, path: str) -> tuple[int, dict]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def resources(self, account: str) -> list[dict]:
        status, body = self.get(f"/infra-emulator/resources?account={account}")
        assert status == 200, body
        assert body["errors"] == [], body["errors"]
        return body["resources"]


@pytest.fixture(scope="session")
def emulator():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(SRC))
    for var in ("MOTO_ACCOUNT_ID", "AWS_PROFILE"):
        env.pop(var, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "infra_emulator", "--host", "127.0.0.1", "--port", str(port),
         "--quiet"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    emu = Emulator(f"http://127.0.0.1:{port}")
    deadline = time.time() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError("emulator exited:\n" + process.stdout.read().decode())
        try:
            emu.get("/infra-emulator/health")
            break
        except OSError:
            if time.time() > deadline:
                process.kill()
                raise RuntimeError("emulator did not start within 60 s")
            time.sleep(0.2)
    yield emu
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise


@pytest.fixture
def account() -> str:
    """A fresh emulated account for one test."""
    return str(next(_accounts))


@pytest.fixture
def new_account():
    return lambda: str(next(_accounts))
