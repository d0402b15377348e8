"""The generated ClickHouse XML of every environment, parsed as XML.

Renders tests/render (the config submodule fed from
infrastructure/environments/<env>.json; no provider, no resources) with
terraform and checks, with xml.etree, that every server's remote_servers
lists shards x replicas of the environment, that its macros name its own
shard and replica, that every server knows the whole Keeper ensemble and
that every keeper has its own id in the same Raft configuration.

    python3 -m pytest infrastructure/modules/clickhouse/tests -q
"""

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
ENVIRONMENTS = sorted(p.stem for p in (REPO / "infrastructure" / "environments").glob("*.json"))


def _terraform(args, work: Path) -> str:
    env = dict(os.environ, TF_DATA_DIR=str(work / "data"), CHECKPOINT_DISABLE="1",
               TF_CLI_CONFIG_FILE=str(REPO / "infrastructure" / "terraform.rc"), TF_IN_AUTOMATION="1")
    done = subprocess.run(["terraform", f"-chdir={HERE / 'render'}", *args], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    work = tmp_path_factory.mktemp("render")
    _terraform(["init", "-input=false", "-backend=false"], work)
    out = {}
    for env in ENVIRONMENTS:
        state = work / f"{env}.tfstate"
        _terraform(["apply", "-auto-approve", "-input=false", f"-state={state}",
                    "-var", f"environment={env}"], work)
        raw = json.loads(_terraform(["output", "-json", f"-state={state}"], work))
        out[env] = {k: v["value"] for k, v in raw.items()}
    return out


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_remote_servers_is_shards_by_replicas(rendered, env):
    r = rendered[env]
    shards, replicas = r["settings"]["shards"], r["settings"]["replicas"]
    assert len(r["server_xml"]) == shards * replicas
    for name, text in r["server_xml"].items():
        root = ET.fromstring(text)
        cluster = root.find(f"remote_servers/ecom_{env}")
        assert cluster is not None, name
        shard_elems = cluster.findall("shard")
        assert len(shard_elems) == shards
        for number, shard in enumerate(shard_elems, start=1):
            assert shard.findtext("internal_replication") == "true"
            hosts = [rep.findtext("host") for rep in shard.findall("replica")]
            assert hosts == [f"s{number}-r{i}.clickhouse.invalid" for i in range(1, replicas + 1)]
            assert {rep.findtext("port") for rep in shard.findall("replica")} == {"9440"}
            assert {rep.findtext("secure") for rep in shard.findall("replica")} == {"1"}


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_macros_name_the_node_itself(rendered, env):
    r = rendered[env]
    for name, text in r["server_xml"].items():
        macros = ET.fromstring(text).find("macros")
        node = r["servers"][name]
        assert macros.findtext("cluster") == f"ecom_{env}"
        assert macros.findtext("shard") == f"{node['shard']:02d}"
        assert macros.findtext("replica") == name == f"s{node['shard']}-r{node['replica']}"


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_every_server_knows_the_whole_keeper_ensemble(rendered, env):
    r = rendered[env]
    keepers = r["settings"]["keepers"]
    expected = [f"k{i}.clickhouse.invalid" for i in range(1, keepers + 1)]
    for text in r["server_xml"].values():
        nodes = ET.fromstring(text).findall("zookeeper/node")
        assert [n.findtext("host") for n in nodes] == expected
        assert {n.findtext("port") for n in nodes} == {"9181"}


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_keepers_share_one_raft_configuration_with_own_ids(rendered, env):
    r = rendered[env]
    keepers = r["settings"]["keepers"]
    assert len(r["keeper_xml"]) == keepers
    ids = []
    for name, text in r["keeper_xml"].items():
        server = ET.fromstring(text).find("keeper_server")
        own = int(server.findtext("server_id"))
        ids.append(own)
        assert name == f"k{own}"
        raft = [(int(s.findtext("id")), s.findtext("hostname"), s.findtext("port"))
                for s in server.findall("raft_configuration/server")]
        assert raft == [(i, f"k{i}.clickhouse.invalid", "9234") for i in range(1, keepers + 1)]
        assert own in [i for i, _, _ in raft]
    assert sorted(ids) == list(range(1, keepers + 1))


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_replicas_of_a_shard_in_different_azs(rendered, env):
    r = rendered[env]
    by_shard = {}
    for node in r["servers"].values():
        by_shard.setdefault(node["shard"], []).append(node["az_index"])
    for azs in by_shard.values():
        assert len(set(azs)) == len(azs)


def test_backup_disk_is_s3_with_instance_credentials(rendered):
    text = next(iter(rendered["prod"]["server_xml"].values()))
    disk = ET.fromstring(text).find("storage_configuration/disks/backups")
    assert disk.findtext("type") == "s3"
    assert disk.findtext("endpoint").startswith("https://") and disk.findtext("endpoint").endswith("/backups/")
    assert disk.findtext("use_environment_credentials") == "true"
    assert ET.fromstring(text).findtext("backups/allowed_disk") == "backups"
