#!/usr/bin/env python3
"""The platform's Kafka topics (events/topics.json): validate them, and render
the commands that create and configure them on an MSK cluster.

Terraform has no Kafka provider here (docs/decisions/0004), so topics are not
Terraform resources: the file is the declaration and this script turns it into
Kafka's own admin commands (docs/decisions/0010). They run where the brokers
can be reached and an IAM principal with the events stack's `topic_admin`
policy is available: a Kubernetes Job of the GitOps layer, or a shell in the
VPC.

  python3 events/topics.py validate
  python3 events/topics.py client-properties > client-iam.properties
  python3 events/topics.py render --bootstrap "$BROKERS" > apply-topics.sh

`render` is idempotent: `--create --if-not-exists`, then `--alter` of every
topic's configuration (so a retention change in the file reaches existing
topics). Partition counts only grow, and growing one re-maps keys to
partitions (see docs/decisions/0010): the script never changes them for an
existing topic; that is a deliberate, separate step.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import avro_compat

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
TOPIC_NAME = re.compile(r"^[a-z][a-z0-9-]{0,99}$")
SERVICE_NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
CLEANUP = ("delete", "compact", "compact,delete")
HOUR_MS = 3_600_000

CLIENT_PROPERTIES = """\
# Kafka admin client over SASL/IAM (port 9098), for kafka-topics.sh and kafka-configs.sh.
# Needs the aws-msk-iam-auth jar on the classpath (CLASSPATH=.../aws-msk-iam-auth-all.jar).
security.protocol=SASL_SSL
sasl.mechanism=AWS_MSK_IAM
sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;
sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler
"""


def load_catalog(path: Path = ROOT / "topics.json") -> dict[str, Any]:
    return json.loads(path.read_text())


def load_environments(directory: Path = REPO / "infrastructure" / "environments") -> dict[str, Any]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(directory.glob("*.json"))}


def topic_settings(catalog: dict[str, Any], name: str) -> dict[str, Any]:
    """A topic with the file's defaults filled in."""
    return {**catalog.get("defaults", {}), **catalog["topics"][name]}


def kafka_configs(topic: dict[str, Any]) -> dict[str, str]:
    """The topic-level Kafka configuration of one topic."""
    hours = topic["retention_hours"]
    return {
        "cleanup.policy": topic["cleanup_policy"],
        "min.insync.replicas": str(topic["min_insync_replicas"]),
        "retention.ms": "-1" if hours == -1 else str(hours * HOUR_MS),
    }


def _schema_fields(schema: dict[str, Any]) -> dict[str, Any]:
    return {f["name"]: f for f in schema.get("fields", [])}


def validate(catalog: dict[str, Any], environments: dict[str, Any],
             schema_dir: Path = ROOT / "schemas") -> list[str]:
    """Every reason the catalog is wrong ([] = valid)."""
    errors: list[str] = []
    registry = catalog.get("schema_registry", {})
    if registry.get("compatibility") not in avro_compat.MODES:
        errors.append(f"schema_registry.compatibility must be one of {', '.join(avro_compat.MODES)}")
    if registry.get("data_format") != "AVRO":
        errors.append("schema_registry.data_format must be AVRO (the schemas are .avsc files)")
    topics = catalog.get("topics") or {}
    if not topics:
        errors.append("topics: none declared")
    used_schemas: set[str] = set()
    for name in sorted(topics):
        where = f"topics.{name}"
        t = topic_settings(catalog, name)
        if not TOPIC_NAME.match(name):
            errors.append(f"{where}: a topic name is lower case letters, digits and '-'")
        parts = t.get("partitions")
        if not isinstance(parts, int) or isinstance(parts, bool) or not 1 <= parts <= 1000:
            errors.append(f"{where}: partitions must be an integer from 1 to 1000")
        rf, isr = t.get("replication_factor"), t.get("min_insync_replicas")
        if not isinstance(rf, int) or rf < 1:
            errors.append(f"{where}: replication_factor must be at least 1")
            rf = None
        if not isinstance(isr, int) or isr < 1 or (rf is not None and isr >= rf and rf > 1):
            errors.append(f"{where}: min_insync_replicas must be at least 1 and below "
                          f"replication_factor (so one broker can be lost without stopping producers)")
        for env, data in sorted(environments.items()):
            events = data.get("events")
            if events is None:
                errors.append(f"environment {env}: no events section")
                continue
            if rf is not None and rf > events["broker_count"]:
                errors.append(f"{where}: replication_factor {rf} exceeds {env}'s "
                              f"{events['broker_count']} brokers")
            if data.get("tier") == "production" and (rf != 3 or isr != 2):
                errors.append(f"{where}: in {env} (production) replication_factor must be 3 "
                              f"and min_insync_replicas 2")
        if t.get("cleanup_policy") not in CLEANUP:
            errors.append(f"{where}: cleanup_policy must be one of {', '.join(CLEANUP)}")
        hours = t.get("retention_hours")
        if not isinstance(hours, int) or (hours != -1 and hours < 1):
            errors.append(f"{where}: retention_hours must be -1 (forever) or at least 1")
        elif hours == -1 and t.get("cleanup_policy") == "delete":
            errors.append(f"{where}: retention_hours -1 keeps a delete topic forever; "
                          f"use compact or a retention")
        for role in ("producers", "consumers"):
            services = t.get(role)
            if not isinstance(services, list) or (role == "producers" and not services):
                errors.append(f"{where}: {role} must be a list of services"
                              + (" (at least one)" if role == "producers" else ""))
                continue
            errors += [f"{where}: {role}: '{s}' is not a service name" for s in services
                       if not isinstance(s, str) or not SERVICE_NAME.match(s)]
        schema_name = t.get("schema")
        path = schema_dir / f"{schema_name}.avsc"
        if not schema_name or not path.is_file():
            errors.append(f"{where}: schema {schema_name!r} has no file {path.relative_to(REPO)}")
            continue
        used_schemas.add(schema_name)
        fields = _schema_fields(json.loads(path.read_text()))
        key = t.get("key")
        field = fields.get(key) if key else None
        if field is None:
            errors.append(f"{where}: key {key!r} is not a field of schema {schema_name}: "
                          f"the key decides the partition, so the ordering guarantee")
        elif field["type"] != "string":
            errors.append(f"{where}: key field {key} must be a required string "
                          f"(a null key spreads events over partitions with no order)")
    for path in sorted(schema_dir.glob("*.avsc")):
        if path.stem not in used_schemas:
            errors.append(f"schema {path.name} belongs to no topic")
    return errors


def render(catalog: dict[str, Any], bootstrap: str, command_config: str) -> list[str]:
    """Shell lines that create the topics if missing and set their configuration."""
    common = f"--bootstrap-server {shlex.quote(bootstrap)} --command-config {shlex.quote(command_config)}"
    lines = ["#!/usr/bin/env bash",
             "# Rendered by events/topics.py from events/topics.json; do not edit.",
             "set -euo pipefail"]
    for name in sorted(catalog["topics"]):
        t = topic_settings(catalog, name)
        configs = kafka_configs(t)
        lines.append(f"# {name}: key {t['key']} ({t['partitions']} partitions)")
        create = [f"kafka-topics.sh {common} --create --if-not-exists --topic {name}",
                  f"--partitions {t['partitions']} --replication-factor {t['replication_factor']}"]
        create += [f"--config {k}={v}" for k, v in configs.items()]
        lines.append(" ".join(create))
        pairs = ",".join(f"{k}={v}" for k, v in configs.items())
        lines.append(f"kafka-configs.sh {common} --alter --entity-type topics "
                     f"--entity-name {name} --add-config {pairs}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check topics.json against the schemas and environments")
    sub.add_parser("client-properties", help="print the IAM client properties file")
    r = sub.add_parser("render", help="print the shell commands that apply the topics")
    r.add_argument("--bootstrap", required=True,
                   help="the cluster's SASL/IAM bootstrap brokers (events stack output bootstrap_brokers_sasl_iam)")
    r.add_argument("--command-config", default="client-iam.properties",
                   help="the client properties file (client-properties writes it)")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    errors = validate(catalog, load_environments())
    if errors:
        print("\n".join(f"topics.json: {e}" for e in errors), file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"topics.json: {len(catalog['topics'])} topics valid")
    elif args.command == "client-properties":
        print(CLIENT_PROPERTIES, end="")
    else:
        print("\n".join(render(catalog, args.bootstrap, args.command_config)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
