"""What an emulated account holds: every resource, across services and regions.

Used by ``GET /infra-emulator/resources?account=<id>`` (see
``extensions/introspection.py``). Reads moto's backends without creating any
(``dict.get``/``dict.items`` on the ``BackendDict``s, so asking never brings a
region's default VPC into being) and leaves out what AWS (or moto) creates by
itself: default VPCs with their subnets, route table, NACL, security group and
internet gateway; the default security group, NACL and main route table of every
VPC; AWS-managed IAM policies; AWS-managed KMS keys and ``alias/aws/*``; the
default event bus; SSM public parameters.

Services are listed explicitly where their resources are known (``COLLECTORS``);
every other moto backend in use for the account is walked generically (its
dict attributes whose values are moto models), so nothing an account holds goes
unseen.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from moto.core.base_backend import BackendDict
from moto.core.common_models import BaseModel

Resource = dict[str, str]
# collector(backend) -> (type, id) pairs
Collector = Callable[[Any], Iterable[tuple[str, str]]]


def _ec2(b: Any) -> Iterator[tuple[str, str]]:
    default_vpc_ids = {v.id for v in b.vpcs.values() if v.is_default}
    for vpc in b.vpcs.values():
        if not vpc.is_default:
            yield "vpc", vpc.id
    for az_subnets in b.subnets.values():
        for subnet in az_subnets.values():
            if not (subnet.vpc_id in default_vpc_ids and subnet.default_for_az):
                yield "subnet", subnet.id
    for rtb in b.route_tables.values():
        if rtb.main_association_id is None:
            yield "route_table", rtb.id
    for igw in b.internet_gateways.values():
        if not (igw.vpc and igw.vpc.id in default_vpc_ids):
            yield "internet_gateway", igw.id
    for eigw in getattr(b, "egress_only_internet_gateways", {}).values():
        yield "egress_only_internet_gateway", eigw.id
    for nat in b.nat_gateways.values():
        if getattr(nat, "state", "available") != "deleted":
            yield "nat_gateway", nat.id
    for eip in b.addresses:
        yield "eip", eip.allocation_id or eip.public_ip
    for endpoint in b.vpc_end_points.values():
        if getattr(endpoint, "state", "available") != "deleted":
            yield "vpc_endpoint", endpoint.id
    for vpc_groups in b.groups.values():
        for group in vpc_groups.values():
            if group.name != "default":
                yield "security_group", group.id
    for acl in b.network_acls.values():
        if not acl.default:
            yield "network_acl", acl.id
    for flow_log in b.flow_logs.values():
        yield "flow_log", flow_log.id
    for reservation in b.reservations.values():
        for instance in reservation.instances:
            if instance.state_name != "terminated":
                yield "instance", instance.id
    for volume in b.volumes.values():
        yield "volume", volume.id
    for key_pair in b.key_pairs.values():
        yield "key_pair", key_pair.name
    for template in b.launch_templates.values():
        yield "launch_template", template.id
    for tgw in b.transit_gateways.values():
        if getattr(tgw, "state", "available") != "deleted":
            yield "transit_gateway", tgw.id
    for attachment in b.transit_gateway_attachments.values():
        if getattr(attachment, "state", "available") != "deleted":
            yield "transit_gateway_attachment", attachment.id
    for pcx in b.vpc_pcxs.values():
        if pcx._status.code not in ("deleted", "rejected"):
            yield "vpc_peering_connection", pcx.id
    for eni in b.enis.values():
        yield "network_interface", eni.id
    for options in getattr(b, "dhcp_options_sets", {}).values():
        yield "dhcp_options", options.id
    for prefix_list in getattr(b, "managed_prefix_lists", {}).values():
        if getattr(prefix_list, "owner_id", "") != "aws" and not str(
                getattr(prefix_list, "prefix_list_name", "")).startswith("com.amazonaws."):
            yield "managed_prefix_list", prefix_list.id


def _s3(b: Any) -> Iterator[tuple[str, str]]:
    for name in b.buckets:
        yield "bucket", name


def _iam(b: Any) -> Iterator[tuple[str, str]]:
    for role in b.roles.values():
        yield "role", role.name
    for arn in b.managed_policies:
        if ":aws:policy/" not in arn:
            yield "policy", arn
    for user in b.users.values():
        yield "user", user.name
    for group in b.groups.values():
        yield "group", group.name
    for profile in b.instance_profiles.values():
        yield "instance_profile", profile.name
    for arn in b.open_id_providers:
        yield "openid_connect_provider", arn
    for arn in b.saml_providers:
        yield "saml_provider", arn
    if b.account_password_policy is not None:
        yield "account_password_policy", "account"
    for alias in b.account_aliases:
        yield "account_alias", alias


def _kms(b: Any) -> Iterator[tuple[str, str]]:
    for key in b.keys.values():
        if key.key_manager != "AWS" and key.key_state != "PendingDeletion":
            yield "key", key.id
            for alias in getattr(key, "aliases", {}):
                if not alias.startswith("alias/aws/"):
                    yield "alias", alias


def _logs(b: Any) -> Iterator[tuple[str, str]]:
    for name in b.groups:
        yield "log_group", name
    for name in b.resource_policies:
        yield "resource_policy", name


def _cloudtrail(b: Any) -> Iterator[tuple[str, str]]:
    for trail in b.trails.values():
        yield "trail", trail.arn


def _guardduty(b: Any) -> Iterator[tuple[str, str]]:
    for detector_id in b.detectors:
        yield "detector", detector_id


def _config(b: Any) -> Iterator[tuple[str, str]]:
    for name in b.recorders:
        yield "configuration_recorder", name
    for name in b.delivery_channels:
        yield "delivery_channel", name
    for name in b.config_rules:
        yield "config_rule", name
    for name in b.config_aggregators:
        yield "configuration_aggregator", name


def _accessanalyzer(b: Any) -> Iterator[tuple[str, str]]:
    for analyzer in b.analyzers.values():
        yield "analyzer", analyzer.arn


def _sns(b: Any) -> Iterator[tuple[str, str]]:
    for arn in b.topics:
        yield "topic", arn
    for arn in b.subscriptions:
        yield "subscription", arn


def _sqs(b: Any) -> Iterator[tuple[str, str]]:
    for name in b.queues:
        yield "queue", name


def _secretsmanager(b: Any) -> Iterator[tuple[str, str]]:
    for secret in dict.values(b.secrets):
        yield "secret", secret.arn


def _dynamodb(b: Any) -> Iterator[tuple[str, str]]:
    for name in b.tables:
        yield "table", name


def _events(b: Any) -> Iterator[tuple[str, str]]:
    for name, bus in b.event_buses.items():
        if name != "default":
            yield "event_bus", name
        for rule_name in getattr(bus, "rules", {}):
            yield "rule", f"{name}/{rule_name}"


def _ssm(b: Any) -> Iterator[tuple[str, str]]:
    for name in dict.keys(b._parameters):
        if not name.startswith("/aws/"):
            yield "parameter", name


def _attr(*specs: tuple[str, str]) -> Collector:
    """A collector listing the keys of dict attributes: (attribute, type)."""

    def collect(b: Any) -> Iterator[tuple[str, str]]:
        for attribute, kind in specs:
            for key in getattr(b, attribute, {}) or {}:
                yield kind, str(key)

    return collect


def _eks(b: Any) -> Iterator[tuple[str, str]]:
    # Node groups, add-ons, access entries and Pod Identity associations live
    # on their cluster (extensions/eks.py); each is listed as its own type.
    for name, cluster in (getattr(b, "clusters", {}) or {}).items():
        yield "cluster", str(name)
        for ng in (getattr(cluster, "nodegroups", {}) or {}):
            yield "nodegroup", f"{name}/{ng}"
        for addon in (getattr(cluster, "addons", {}) or {}):
            yield "addon", f"{name}/{addon}"
        for principal in (getattr(cluster, "access_entries", {}) or {}):
            yield "access_entry", f"{name}/{principal}"
        for assoc in (getattr(cluster, "pod_identity_associations", {}) or {}):
            yield "pod_identity_association", f"{name}/{assoc}"


def _kafka(b: Any) -> Iterator[tuple[str, str]]:
    # A resource in DELETING is on its way out (gone on its next read, as on
    # AWS once deletion finishes): not a leftover.
    for arn, cluster in (getattr(b, "clusters", {}) or {}).items():
        if getattr(cluster, "state", None) != "DELETING":
            yield "cluster", str(arn)
    ext = b.__dict__.get("_msk_ext")  # extensions/msk.py
    if ext is not None:
        for arn, config in ext.configurations.items():
            if config.get("state") != "DELETING":
                yield "configuration", str(arn)
        for arn, replicator in ext.replicators.items():
            if replicator.get("state", replicator.get("replicatorState")) != "DELETING":
                yield "replicator", str(arn)


def _elasticache(b: Any) -> Iterator[tuple[str, str]]:
    for attribute, kind in (("cache_clusters", "cache_cluster"),
                            ("replication_groups", "replication_group"),
                            ("cache_subnet_groups", "cache_subnet_group"),
                            ("snapshots", "snapshot")):
        for key in getattr(b, attribute, {}) or {}:
            yield kind, str(key)
    for name, user in (getattr(b, "users", {}) or {}).items():
        # every region has AWS's default user; a deleting user is on its way out
        if name != "default" and getattr(user, "status", None) != "deleting":
            yield "user", str(name)
    extra = b.__dict__.get("_infra", {})  # extensions/elasticache.py
    for attribute, kind in (("parameter_groups", "cache_parameter_group"),
                            ("user_groups", "user_group"),
                            ("global", "global_replication_group")):
        for key in extra.get(attribute, {}) or {}:
            if kind == "cache_parameter_group" and str(key).startswith("default."):
                continue  # AWS's default groups exist in every region
            yield kind, str(key)


def _budgets(b: Any) -> Iterator[tuple[str, str]]:
    # moto keeps budgets as nested dicts (account -> name -> budget).
    for account, by_name in (getattr(b, "budgets", {}) or {}).items():
        for name in by_name:
            yield "budget", f"{account}/{name}"


# moto backend name -> collector. Everything else is walked by _generic.
COLLECTORS: dict[str, Collector] = {
    "ec2": _ec2,
    "s3": _s3,
    "iam": _iam,
    "kms": _kms,
    "logs": _logs,
    "cloudtrail": _cloudtrail,
    "guardduty": _guardduty,
    "config": _config,
    "accessanalyzer": _accessanalyzer,
    "sns": _sns,
    "sqs": _sqs,
    "secretsmanager": _secretsmanager,
    "dynamodb": _dynamodb,
    "events": _events,
    "ssm": _ssm,
    "eks": _eks,
    "budgets": _budgets,
    "ecr": _attr(("repositories", "repository")),
    "rds": _attr(("databases", "db_instance"), ("clusters", "db_cluster"),
                 ("global_clusters", "global_cluster"), ("subnet_groups", "db_subnet_group"),
                 ("db_parameter_groups", "db_parameter_group"),
                 ("db_cluster_parameter_groups", "db_cluster_parameter_group"),
                 ("db_proxies", "db_proxy"), ("database_snapshots", "db_snapshot"),
                 ("cluster_snapshots", "db_cluster_snapshot")),
    "elbv2": _attr(("load_balancers", "load_balancer"), ("target_groups", "target_group")),
    "route53": _attr(("zones", "hosted_zone"), ("health_checks", "health_check")),
    "cloudwatch": _attr(("alarms", "alarm"), ("dashboards", "dashboard")),
    "backup": _attr(("vaults", "vault"), ("plans", "plan")),
    "wafv2": _attr(("wacls", "web_acl"), ("ip_sets", "ip_set"), ("rule_groups", "rule_group")),
    "elasticache": _elasticache,
    "opensearch": _attr(("domains", "domain")),
    "kafka": _kafka,
    "amp": _attr(("workspaces", "workspace")),
    "autoscaling": _attr(("autoscaling_groups", "autoscaling_group"),
                         ("launch_configurations", "launch_configuration")),
    "acm": _attr(("_certificates", "certificate")),
    "glue": _attr(("registries", "registry"), ("databases", "database"), ("jobs", "job")),
}

# Backends that hold no resources of their own (sessions, views, requests).
SKIP = {"sts", "moto_api", "instance_metadata", "resourcegroupstaggingapi",
        "s3bucket_path", "dynamodbstreams"}


def _singular(name: str) -> str:
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith(("sses", "xes")):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name


def _generic(b: Any) -> Iterator[tuple[str, str]]:
    """Dict attributes of the backend whose values are moto models."""
    for attribute, value in vars(b).items():
        if attribute.startswith("_") or not isinstance(value, dict) or not value:
            continue
        if all(isinstance(v, BaseModel) for v in list(value.values())[:3]):
            kind = _singular(attribute)
            for key in value:
                yield kind, str(key)


def _region_label(region: str) -> str:
    return "global" if region in ("aws", "aws-cn", "aws-us-gov", "global") else region


def resources(account_id: str) -> tuple[list[Resource], list[dict[str, str]]]:
    """All resources of the account, and the errors met while reading them."""
    found: list[Resource] = []
    errors: list[dict[str, str]] = []
    seen: set[tuple[str, str, str, str]] = set()
    for backend_dict in list(BackendDict._instances):
        service = backend_dict.service_name
        if service in SKIP:
            continue
        account_backends = dict.get(backend_dict, account_id)
        if account_backends is None:
            continue
        collector = COLLECTORS.get(service, _generic)
        for region, backend in list(dict.items(account_backends)):
            try:
                for kind, resource_id in collector(backend):
                    key = (service, _region_label(region), kind, resource_id)
                    if key not in seen:
                        seen.add(key)
                        found.append({"service": service, "region": key[1],
                                      "type": kind, "id": resource_id})
            except Exception as exc:  # noqa: BLE001 - report, keep listing the rest
                errors.append({"service": service, "region": region,
                               "error": f"{type(exc).__name__}: {exc}"})
    found.sort(key=lambda r: (r["service"], r["region"], r["type"], r["id"]))
    return found, errors


def accounts() -> list[str]:
    """Accounts that have any backend instantiated."""
    ids: set[str] = set()
    for backend_dict in list(BackendDict._instances):
        ids.update(dict.keys(backend_dict))
    return sorted(ids)
