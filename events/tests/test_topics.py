"""events/topics.json: the validation rules, each shown to fire, and the
commands `topics.py render` produces from it."""

import copy
import json

import pytest

import topics

CATALOG = topics.load_catalog()
ENVS = topics.load_environments()


def errors_after(change, envs=None):
    catalog = copy.deepcopy(CATALOG)
    change(catalog)
    return topics.validate(catalog, envs or ENVS)


def test_the_catalog_is_valid():
    assert topics.validate(CATALOG, ENVS) == []


def test_every_environment_has_an_events_section():
    assert set(ENVS) == {"dev", "staging", "prod"}
    assert all("events" in e for e in ENVS.values())


def test_the_platform_topics_are_declared():
    assert {"orders", "payments", "inventory"} <= set(CATALOG["topics"])


@pytest.mark.parametrize("change,message", [
    (lambda c: c["topics"]["orders"].update(partitions=0), "topics.orders: partitions must be an integer from 1"),
    (lambda c: c["topics"]["orders"].update(partitions="12"), "topics.orders: partitions must be an integer"),
    (lambda c: c["topics"]["orders"].update(replication_factor=7), "replication_factor 7 exceeds dev's 3 brokers"),
    (lambda c: c["topics"]["orders"].update(replication_factor=2, min_insync_replicas=1), "in prod (production) replication_factor must be 3"),
    (lambda c: c["topics"]["orders"].update(min_insync_replicas=3), "min_insync_replicas must be at least 1 and below replication_factor"),
    (lambda c: c["topics"]["orders"].update(cleanup_policy="purge"), "cleanup_policy must be one of"),
    (lambda c: c["topics"]["orders"].update(retention_hours=-1), "retention_hours -1 keeps a delete topic forever"),
    (lambda c: c["topics"]["orders"].update(retention_hours=0), "retention_hours must be -1 (forever) or at least 1"),
    (lambda c: c["topics"]["orders"].update(key="order_ref"), "key 'order_ref' is not a field of schema orders-value"),
    (lambda c: c["topics"]["payments"].update(key="failure_reason"), "key field failure_reason must be a required string"),
    (lambda c: c["topics"]["products"].pop("key"), "topics.products: key None is not a field"),
    (lambda c: c["topics"]["orders"].update(schema="order-v9"), "schema 'order-v9' has no file"),
    (lambda c: c["topics"]["orders"].update(producers=[]), "producers must be a list of services (at least one)"),
    (lambda c: c["topics"]["orders"].update(consumers=["Payment Service"]), "'Payment Service' is not a service name"),
    (lambda c: c["topics"].update(Orders_V2=c["topics"]["orders"]), "a topic name is lower case"),
    (lambda c: c["topics"].pop("customers"), "schema customers-value.avsc belongs to no topic"),
    (lambda c: c["schema_registry"].update(compatibility="STRICT"), "schema_registry.compatibility must be one of"),
    (lambda c: c["schema_registry"].update(data_format="JSON"), "schema_registry.data_format must be AVRO"),
])
def test_rule_fires(change, message):
    errors = errors_after(change)
    assert any(message in e for e in errors), errors


def test_a_smaller_environment_limits_replication():
    envs = copy.deepcopy(ENVS)
    envs["dev"]["events"]["broker_count"] = 2
    errors = topics.validate(CATALOG, envs)
    assert "topics.orders: replication_factor 3 exceeds dev's 2 brokers" in errors


def test_an_environment_without_events_is_reported():
    envs = copy.deepcopy(ENVS)
    del envs["staging"]["events"]
    assert "environment staging: no events section" in topics.validate(CATALOG, envs)


def test_kafka_configs():
    assert topics.kafka_configs(topics.topic_settings(CATALOG, "orders")) == {
        "cleanup.policy": "delete", "min.insync.replicas": "2", "retention.ms": "604800000"}
    assert topics.kafka_configs(topics.topic_settings(CATALOG, "products")) == {
        "cleanup.policy": "compact", "min.insync.replicas": "2", "retention.ms": "-1"}
    assert topics.kafka_configs(topics.topic_settings(CATALOG, "payments"))["retention.ms"] == str(720 * 3_600_000)


def test_render():
    lines = topics.render(CATALOG, "b-1.x:9098,b-2.x:9098", "client-iam.properties")
    assert lines[:3] == ["#!/usr/bin/env bash",
                         "# Rendered by events/topics.py from events/topics.json; do not edit.",
                         "set -euo pipefail"]
    common = "--bootstrap-server b-1.x:9098,b-2.x:9098 --command-config client-iam.properties"
    assert (f"kafka-topics.sh {common} --create --if-not-exists --topic orders --partitions 12 "
            "--replication-factor 3 --config cleanup.policy=delete --config min.insync.replicas=2 "
            "--config retention.ms=604800000") in lines
    assert (f"kafka-configs.sh {common} --alter --entity-type topics --entity-name products "
            "--add-config cleanup.policy=compact,min.insync.replicas=2,retention.ms=-1") in lines
    creates = [line for line in lines if "--create" in line]
    assert len(creates) == len(CATALOG["topics"])
    assert not any("--alter --topic" in line or "--delete" in line for line in lines), \
        "render never changes partition counts or deletes topics"


def test_render_quotes_what_the_shell_would_split():
    lines = topics.render(CATALOG, "b-1.x:9098", "my dir/client.properties")
    assert all("--command-config 'my dir/client.properties'" in line for line in lines if "--command-config" in line)


def test_cli(capsys):
    assert topics.main(["validate"]) == 0
    assert "6 topics valid" in capsys.readouterr().out
    assert topics.main(["client-properties"]) == 0
    assert "sasl.mechanism=AWS_MSK_IAM" in capsys.readouterr().out
    assert topics.main(["render", "--bootstrap", "b-1.x:9098"]) == 0
    out = capsys.readouterr().out
    assert out.count("kafka-topics.sh") == len(CATALOG["topics"])


def test_every_topic_names_its_key_in_the_schema_doc():
    """The ordering guarantee is written where developers read it: the schema's doc."""
    for name, t in CATALOG["topics"].items():
        doc = json.loads((topics.ROOT / "schemas" / f"{t['schema']}.avsc").read_text())["doc"]
        assert f"key {t['key']}" in doc, f"{t['schema']}.avsc doc must say 'key {t['key']}'"
