"""MSK (Kafka): configurations, cluster lifecycle, bootstrap brokers, operations, replicators.

AWS behaviour (API 2018-11-14, rest-json, camelCase on the wire):

- Configurations: CreateConfiguration (``name`` ``[0-9A-Za-z][0-9A-Za-z-]{0,}``,
  ``serverProperties`` a base64 blob of ``key=value`` lines, returned byte for
  byte), DescribeConfiguration, DescribeConfigurationRevision,
  ListConfigurationRevisions, ListConfigurations, UpdateConfiguration (a new
  revision), DeleteConfiguration (``DELETING``, gone on the next read; a
  configuration used by a cluster → ``BadRequestException``). ARN
  ``arn:aws:kafka:<region>:<account>:configuration/<name>/<uuid>-<n>``. A
  second configuration of the same name → ``ConflictException`` (409).
- Clusters: CreateCluster validates what AWS validates (name, broker count a
  multiple of the client subnets, a configuration ARN/revision that exists);
  the ARN is ``arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>-<n>``;
  the state is ``CREATING`` on the first read and ``ACTIVE`` after it;
  DeleteCluster → ``DELETING``, gone on the next read. DescribeCluster returns
  broker node group, client authentication, encryption, logging, open
  monitoring, enhanced monitoring and configuration as sent (AWS's defaults
  filled in: TLS in transit, in-cluster encryption, an at-rest key, DEFAULT
  monitoring). GetBootstrapBrokers answers the broker strings matching the
  client authentication and in-transit setting (plaintext 9092, TLS 9094,
  SASL/SCRAM 9096, SASL/IAM 9098), one broker per node, spread over the client
  subnets' AZs: ``b-1.<name>.<id>.c2.kafka.<region>.amazonaws.com:9098``.
- UpdateBrokerStorage, UpdateMonitoring, UpdateClusterConfiguration,
  UpdateBrokerCount, UpdateBrokerType, UpdateSecurity check ``currentVersion``
  (a stale one → ``BadRequestException``), change the cluster, give it a new
  version and return a cluster operation; DescribeClusterOperation reports it
  ``UPDATE_IN_PROGRESS`` on the first read and ``UPDATE_COMPLETE`` after it.
- Replicators: CreateReplicator (clusters referenced by ARN must exist, in any
  region of the account; exactly two clusters; the replication info names them),
  DescribeReplicator (``CREATING`` then ``RUNNING``; clusters carry the alias
  AWS gives them, the replication info refers to the aliases), ListReplicators,
  UpdateReplicationInfo (``UPDATING`` then ``RUNNING``), DeleteReplicator
  (``DELETING``, gone on the next read). ARN
  ``arn:aws:kafka:<region>:<account>:replicator/<name>/<uuid>-<n>``; tags.
- Unknown ARNs → ``NotFoundException`` (404); bad values → ``BadRequestException``
  (400).

moto gap (5.2.1): no configurations or replicators (404 HTML), clusters stay
``CREATING`` forever, GetBootstrapBrokers and the Update* operations are not
implemented, DescribeCluster of an unknown ARN is a 500 (KeyError), the ARN
has no cluster name (the provider's ``cluster_uuid`` was empty) and a cluster
without a configuration reported the configuration ARN ``"string"``.

Extension (in moto's terms): methods added to moto's ``KafkaBackend`` and
``KafkaResponse`` (dispatch on botocore's operation model), the missing paths
added to ``moto.kafka.urls.url_paths``.
"""

import base64
import binascii
import json
import random
import re
import string
import uuid
from typing import Any
from urllib.parse import unquote

from moto.core.exceptions import JsonRESTError
from moto.core.utils import iso_8601_datetime_with_milliseconds, utcnow
from moto.utilities.utils import get_partition

NAME = "msk"

CONFIG_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,63}$")
CLUSTER_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,63}$")
REPLICATOR_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,127}$")
KAFKA_ARN = re.compile(
    r"^arn:[^:]+:kafka:([a-z0-9-]+):(\d{12}):(cluster|configuration|replicator)/([^/]+)/(.+)$")
ENHANCED = ("DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION")
CLIENT_BROKER = ("TLS", "TLS_PLAINTEXT", "PLAINTEXT")
COMPRESSION = ("NONE", "GZIP", "SNAPPY", "LZ4", "ZSTD")


class NotFoundException(JsonRESTError):
    code = 404

    def __init__(self, message: str):
        super().__init__("NotFoundException", message)


class BadRequestException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("BadRequestException", message)


class ConflictException(JsonRESTError):
    code = 409

    def __init__(self, message: str):
        super().__init__("ConflictException", message)


def _now() -> str:
    return iso_8601_datetime_with_milliseconds(utcnow())


def _suffix_id() -> str:
    return f"{uuid.uuid4()}-{random.randint(1, 25)}"


def _version() -> str:
    return "K" + "".join(random.choices(string.ascii_uppercase + string.digits, k=13))


def _arn(region: str, account: str, kind: str, name: str) -> str:
    return f"arn:{get_partition(region)}:kafka:{region}:{account}:{kind}/{name}/{_suffix_id()}"


def _decode_properties(blob: Any) -> str:
    if not blob or not isinstance(blob, str):
        raise BadRequestException("serverProperties is required.")
    try:
        text = base64.b64decode(blob, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise BadRequestException("serverProperties must be base64-encoded UTF-8 text.")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" not in line:
            raise BadRequestException(
                f"Invalid server property line: '{line}'. Expected key=value.")
    return blob


class _Ext:
    """Extra state of one KafkaBackend (configurations, operations, replicators)."""

    def __init__(self) -> None:
        self.configurations: dict[str, dict[str, Any]] = {}
        self.operations: dict[str, dict[str, Any]] = {}
        self.replicators: dict[str, dict[str, Any]] = {}


def _ext(backend: Any) -> _Ext:
    if "_msk_ext" not in backend.__dict__:
        backend.__dict__["_msk_ext"] = _Ext()
    return backend.__dict__["_msk_ext"]


# ---------------------------------------------------------------- backend ---

def _find_cluster(backend: Any, arn: str) -> Any:
    cluster = backend.clusters.get(arn)
    if cluster is None:
        raise NotFoundException(f"The cluster {arn} does not exist.")
    return cluster


def _observe_cluster(backend: Any, cluster: Any) -> None:
    """CREATING is seen once, then ACTIVE; DELETING is seen once, then gone."""
    seen = cluster.__dict__.setdefault("_msk_seen", 0)
    cluster._msk_seen = seen + 1
    if cluster.state == "CREATING" and seen >= 1:
        cluster.state = "ACTIVE"
        cluster._msk_seen = 0
    elif cluster.state == "DELETING" and seen >= 1:
        backend.clusters.pop(cluster.arn, None)
        raise NotFoundException(f"The cluster {cluster.arn} does not exist.")


def _cluster_for_read(backend: Any, arn: str) -> Any:
    cluster = _find_cluster(backend, arn)
    _observe_cluster(backend, cluster)
    return cluster


def _check_config_info(backend: Any, info: dict[str, Any] | None) -> None:
    if not info:
        return
    arn, revision = info.get("arn"), info.get("revision")
    if not arn or revision is None:
        raise BadRequestException("configurationInfo requires arn and revision.")
    config = _ext(backend).configurations.get(arn)
    if config is None or config["state"] != "ACTIVE":
        raise BadRequestException(f"The configuration {arn} does not exist.")
    if not 1 <= int(revision) <= len(config["revisions"]):
        raise BadRequestException(
            f"The revision {revision} of configuration {arn} does not exist.")


def create_cluster(self: Any, body: dict[str, Any]) -> Any:
    from moto.kafka.models import FakeKafkaCluster

    name = body.get("clusterName")
    broker = body.get("brokerNodeGroupInfo")
    version = body.get("kafkaVersion")
    nodes = body.get("numberOfBrokerNodes")
    if not name or not broker or not version or nodes is None:
        raise BadRequestException(
            "clusterName, brokerNodeGroupInfo, kafkaVersion and numberOfBrokerNodes are required.")
    if not CLUSTER_NAME.match(name):
        raise BadRequestException(
            f"Cluster name '{name}' is invalid: use 1-64 letters, digits and hyphens, "
            "starting with a letter or digit.")
    if any(c.cluster_name == name and c.state != "DELETING" for c in self.clusters.values()):
        raise ConflictException(f"A cluster with name {name} already exists.")
    subnets = broker.get("clientSubnets") or []
    if not broker.get("instanceType") or len(subnets) < 2:
        raise BadRequestException(
            "brokerNodeGroupInfo requires instanceType and at least 2 clientSubnets.")
    if int(nodes) < 1 or int(nodes) % len(subnets):
        raise BadRequestException(
            "The number of broker nodes must be a multiple of the number of client subnets.")
    monitoring = body.get("enhancedMonitoring") or "DEFAULT"
    if monitoring not in ENHANCED:
        raise BadRequestException(f"Invalid enhancedMonitoring: {monitoring}")
    _check_config_info(self, body.get("configurationInfo"))
    encryption = json.loads(json.dumps(body.get("encryptionInfo") or {}))
    transit = encryption.setdefault("encryptionInTransit", {})
    transit.setdefault("clientBroker", "TLS")
    transit.setdefault("inCluster", True)
    if transit["clientBroker"] not in CLIENT_BROKER:
        raise BadRequestException(f"Invalid clientBroker: {transit['clientBroker']}")
    at_rest = encryption.setdefault("encryptionAtRest", {})
    at_rest.setdefault("dataVolumeKMSKeyId",
                       f"arn:{get_partition(self.region_name)}:kms:{self.region_name}:"
                       f"{self.account_id}:key/{uuid.uuid4()}")
    auth = body.get("clientAuthentication")
    sasl = (auth or {}).get("sasl") or {}
    if (sasl.get("iam", {}).get("enabled") or sasl.get("scram", {}).get("enabled")) \
            and transit["clientBroker"] == "PLAINTEXT":
        raise BadRequestException(
            "SASL authentication requires TLS encryption between clients and brokers.")
    broker = json.loads(json.dumps(broker))
    broker.setdefault("brokerAZDistribution", "DEFAULT")

    cluster = FakeKafkaCluster(
        cluster_name=name, account_id=self.account_id, region_name=self.region_name,
        cluster_type="PROVISIONED", broker_node_group_info=broker,
        client_authentication=auth, kafka_version=version,
        number_of_broker_nodes=int(nodes), configuration_info=body.get("configurationInfo"),
        encryption_info=encryption, enhanced_monitoring=monitoring,
        open_monitoring=body.get("openMonitoring"), logging_info=body.get("loggingInfo"),
        storage_mode=body.get("storageMode") or "LOCAL")
    cluster.arn = _arn(self.region_name, self.account_id, "cluster", name)
    cluster.current_version = _version()
    short = uuid.uuid4().hex[:6]
    cluster._msk_host = f"{name.lower()}.{short}.c2.kafka.{self.region_name}.amazonaws.com"
    self.clusters[cluster.arn] = cluster
    if body.get("tags"):
        self.tag_resource(cluster.arn, body["tags"])
    return cluster


def _describe(self: Any, cluster: Any) -> dict[str, Any]:
    info: dict[str, Any] = {
        "brokerNodeGroupInfo": cluster.broker_node_group_info or {},
        "clusterArn": cluster.arn,
        "clusterName": cluster.cluster_name,
        "creationTime": cluster.creation_time,
        "currentBrokerSoftwareInfo": {"kafkaVersion": cluster.kafka_version},
        "currentVersion": cluster.current_version,
        "encryptionInfo": cluster.encryption_info or {},
        "enhancedMonitoring": cluster.enhanced_monitoring,
        "numberOfBrokerNodes": cluster.number_of_broker_nodes,
        "state": cluster.state,
        "tags": self.list_tags_for_resource(cluster.arn),
        "storageMode": cluster.storage_mode,
        "customerActionStatus": "NONE",
    }
    if cluster.configuration_info:
        info["currentBrokerSoftwareInfo"].update({
            "configurationArn": cluster.configuration_info["arn"],
            "configurationRevision": cluster.configuration_info["revision"]})
    if cluster.client_authentication:
        info["clientAuthentication"] = cluster.client_authentication
    if cluster.open_monitoring:
        info["openMonitoring"] = cluster.open_monitoring
    if cluster.logging_info:
        info["loggingInfo"] = cluster.logging_info
    if getattr(cluster, "_msk_host", None):
        zk = ",".join(f"z-{i}.{cluster._msk_host}:2181" for i in (1, 2, 3))
        info["zookeeperConnectString"] = zk
        info["zookeeperConnectStringTls"] = zk.replace(":2181", ":2182")
    if cluster.active_operation_arn:
        info["activeOperationArn"] = cluster.active_operation_arn
    return info


def bootstrap_brokers(cluster: Any) -> dict[str, str]:
    host = getattr(cluster, "_msk_host", None) or (
        f"{cluster.cluster_name.lower()}.{cluster.cluster_id[:6]}.c2.kafka."
        f"{cluster.region_name}.amazonaws.com")
    nodes = cluster.number_of_broker_nodes or 1

    def brokers(port: int) -> str:
        return ",".join(f"b-{i}.{host}:{port}" for i in range(1, nodes + 1))

    transit = ((cluster.encryption_info or {}).get("encryptionInTransit") or {})
    client_broker = transit.get("clientBroker", "TLS")
    auth = cluster.client_authentication or {}
    sasl = auth.get("sasl") or {}
    iam = bool((sasl.get("iam") or {}).get("enabled"))
    scram = bool((sasl.get("scram") or {}).get("enabled"))
    tls_auth = bool((auth.get("tls") or {}).get("enabled")
                    or (auth.get("tls") or {}).get("certificateAuthorityArnList"))
    unauthenticated = (auth.get("unauthenticated") or {}).get("enabled")
    if unauthenticated is None:
        unauthenticated = not (iam or scram or tls_auth)
    out: dict[str, str] = {}
    if client_broker in ("PLAINTEXT", "TLS_PLAINTEXT") and unauthenticated:
        out["bootstrapBrokerString"] = brokers(9092)
    if client_broker in ("TLS", "TLS_PLAINTEXT") and (tls_auth or unauthenticated):
        out["bootstrapBrokerStringTls"] = brokers(9094)
    if scram and client_broker != "PLAINTEXT":
        out["bootstrapBrokerStringSaslScram"] = brokers(9096)
    if iam and client_broker != "PLAINTEXT":
        out["bootstrapBrokerStringSaslIam"] = brokers(9098)
    return out


def _start_operation(self: Any, cluster: Any, current_version: str | None, op_type: str,
                     change: dict[str, Any]) -> str:
    if cluster.state != "ACTIVE":
        raise BadRequestException(
            f"The cluster is in state {cluster.state}; it must be ACTIVE to be updated.")
    if not current_version:
        raise BadRequestException("currentVersion is required.")
    if current_version != cluster.current_version:
        raise BadRequestException(
            f"The request's current version ({current_version}) does not match the "
            f"cluster's current version ({cluster.current_version}).")
    source = {k: v for k, v in _describe(self, cluster).items()
              if k in ("brokerEBSVolumeInfo", "configurationInfo", "numberOfBrokerNodes",
                       "enhancedMonitoring", "openMonitoring", "loggingInfo")}
    for key, value in change.items():
        setattr(cluster, key, value)
    cluster.current_version = _version()
    arn = cluster.arn.replace(":cluster/", ":cluster-operation/", 1) + f"/{uuid.uuid4()}"
    _ext(self).operations[arn] = {
        "clusterArn": cluster.arn, "creationTime": _now(), "operationArn": arn,
        "operationState": "UPDATE_IN_PROGRESS", "operationType": op_type,
        "sourceClusterInfo": source, "_seen": 0}
    return arn


# -------------------------------------------------------------- responses ---

def _uri(resp: Any, name: str) -> str:
    match = resp.uri_match
    if isinstance(match, dict):
        return unquote(match.get(name) or "")
    try:
        return unquote(match.group(name)) if match else ""
    except IndexError:
        return ""


def _body(resp: Any) -> dict[str, Any]:
    try:
        return json.loads(resp.body or "{}")
    except ValueError:
        raise BadRequestException("The request body is not valid JSON.")


def _ok(body: Any) -> tuple[int, dict[str, str], str]:
    return 200, {"Content-Type": "application/json"}, json.dumps(body)


def _config_out(config: dict[str, Any]) -> dict[str, Any]:
    latest = config["revisions"][-1]
    return {"arn": config["arn"], "creationTime": config["creationTime"],
            "description": config["description"], "kafkaVersions": config["kafkaVersions"],
            "latestRevision": {"creationTime": latest["creationTime"],
                               "description": latest["description"],
                               "revision": latest["revision"]},
            "name": config["name"], "state": config["state"]}


def _find_config(resp: Any, arn: str) -> dict[str, Any]:
    configs = _ext(resp.kafka_backend).configurations
    config = configs.get(arn)
    if config is None:
        raise BadRequestException(f"Configuration ARN does not exist: {arn}")
    if config["state"] == "DELETING":
        if config.setdefault("_seen", 0) >= 1:
            del configs[arn]
            raise BadRequestException(f"Configuration ARN does not exist: {arn}")
        config["_seen"] += 1
    return config


class Handlers:
    """Methods added to moto's KafkaResponse (names = botocore operation names)."""

    # configurations
    def create_configuration(self) -> Any:
        body = _body(self)
        name = body.get("name")
        if not name:
            raise BadRequestException("name is required.")
        if not CONFIG_NAME.match(name):
            raise BadRequestException(
                f"Configuration name '{name}' is invalid: use letters, digits and hyphens.")
        props = _decode_properties(body.get("serverProperties"))
        backend = self.kafka_backend
        configs = _ext(backend).configurations
        if any(c["name"] == name for c in configs.values()):
            raise ConflictException(f"A configuration with name {name} already exists.")
        now = _now()
        arn = _arn(backend.region_name, backend.account_id, "configuration", name)
        configs[arn] = {
            "arn": arn, "name": name, "creationTime": now, "state": "ACTIVE",
            "description": body.get("description") or "",
            "kafkaVersions": body.get("kafkaVersions") or [],
            "revisions": [{"revision": 1, "creationTime": now,
                           "description": body.get("description") or "",
                           "serverProperties": props}]}
        out = _config_out(configs[arn])
        return _ok({k: out[k] for k in ("arn", "creationTime", "latestRevision", "name", "state")})

    def describe_configuration(self) -> Any:
        return _ok(_config_out(_find_config(self, _uri(self, "arn"))))

    def describe_configuration_revision(self) -> Any:
        config = _find_config(self, _uri(self, "arn"))
        try:
            revision = int(_uri(self, "revision"))
        except ValueError:
            raise BadRequestException("revision must be a number.")
        if not 1 <= revision <= len(config["revisions"]):
            raise NotFoundException(
                f"The revision {revision} of configuration {config['arn']} does not exist.")
        rev = config["revisions"][revision - 1]
        return _ok({"arn": config["arn"], "creationTime": rev["creationTime"],
                    "description": rev["description"], "revision": rev["revision"],
                    "serverProperties": rev["serverProperties"]})

    def list_configuration_revisions(self) -> Any:
        config = _find_config(self, _uri(self, "arn"))
        return _ok({"revisions": [{k: r[k] for k in ("creationTime", "description", "revision")}
                                  for r in config["revisions"]]})

    def list_configurations(self) -> Any:
        configs = _ext(self.kafka_backend).configurations.values()
        return _ok({"configurations": [_config_out(c) for c in configs]})

    def update_configuration(self) -> Any:
        config = _find_config(self, _uri(self, "arn"))
        if config["state"] != "ACTIVE":
            raise BadRequestException(f"The configuration is in state {config['state']}.")
        body = _body(self)
        props = _decode_properties(body.get("serverProperties"))
        revision = len(config["revisions"]) + 1
        config["revisions"].append({
            "revision": revision, "creationTime": _now(),
            "description": body.get("description", config["revisions"][-1]["description"]),
            "serverProperties": props})
        out = _config_out(config)
        return _ok({"arn": config["arn"], "latestRevision": out["latestRevision"]})

    def delete_configuration(self) -> Any:
        config = _find_config(self, _uri(self, "arn"))
        backend = self.kafka_backend
        for cluster in backend.clusters.values():
            if (cluster.configuration_info or {}).get("arn") == config["arn"] \
                    and cluster.state != "DELETING":
                raise BadRequestException(
                    f"The configuration {config['arn']} is in use by cluster {cluster.arn}.")
        config["state"] = "DELETING"
        config["_seen"] = 0
        return _ok({"arn": config["arn"], "state": "DELETING"})

    # clusters
    def create_cluster(self) -> Any:
        cluster = create_cluster(self.kafka_backend, _body(self))
        return _ok({"clusterArn": cluster.arn, "clusterName": cluster.cluster_name,
                    "state": cluster.state})

    def describe_cluster(self) -> Any:
        backend = self.kafka_backend
        cluster = _cluster_for_read(backend, _uri(self, "clusterArn"))
        return _ok({"clusterInfo": _describe(backend, cluster)})

    def describe_cluster_v2(self) -> Any:
        backend = self.kafka_backend
        cluster = _cluster_for_read(backend, _uri(self, "clusterArn"))
        return _ok({"clusterInfo": backend.describe_cluster_v2(cluster.arn)})

    def delete_cluster(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        version = self._get_param("currentVersion")
        if version and version != cluster.current_version:
            raise BadRequestException(
                f"The request's current version ({version}) does not match the cluster's "
                f"current version ({cluster.current_version}).")
        for ext_backend in _account_backends(backend):
            for rep in _ext(ext_backend).replicators.values():
                if rep["state"] != "DELETING" and cluster.arn in rep["_clusterArns"]:
                    raise BadRequestException(
                        f"The cluster {cluster.arn} is used by replicator {rep['replicatorArn']}.")
        cluster.state = "DELETING"
        cluster._msk_seen = 0
        return _ok({"clusterArn": cluster.arn, "state": "DELETING"})

    def get_bootstrap_brokers(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        if cluster.state == "CREATING":
            raise BadRequestException(
                "The cluster is still being created; bootstrap brokers are not available yet.")
        return _ok(bootstrap_brokers(cluster))

    def update_broker_storage(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        body = _body(self)
        targets = body.get("targetBrokerEBSVolumeInfo") or []
        if not targets:
            raise BadRequestException("targetBrokerEBSVolumeInfo is required.")
        broker = json.loads(json.dumps(cluster.broker_node_group_info))
        ebs = broker.setdefault("storageInfo", {}).setdefault("ebsStorageInfo", {})
        target = targets[0]
        size = target.get("volumeSizeGB")
        if size is not None:
            if size < ebs.get("volumeSize", 1) or size > 16384:
                raise BadRequestException(
                    "The target volume size must be larger than the current size and at most 16384 GiB.")
            ebs["volumeSize"] = size
        if target.get("provisionedThroughput") is not None:
            ebs["provisionedThroughput"] = target["provisionedThroughput"]
        arn = _start_operation(backend, cluster, body.get("currentVersion"), "UPDATE_BROKER_STORAGE",
                               {"broker_node_group_info": broker})
        return _ok({"clusterArn": cluster.arn, "clusterOperationArn": arn})

    def update_monitoring(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        body = _body(self)
        monitoring = body.get("enhancedMonitoring") or cluster.enhanced_monitoring
        if monitoring not in ENHANCED:
            raise BadRequestException(f"Invalid enhancedMonitoring: {monitoring}")
        change = {"enhanced_monitoring": monitoring}
        if "openMonitoring" in body:
            change["open_monitoring"] = body["openMonitoring"]
        if "loggingInfo" in body:
            change["logging_info"] = body["loggingInfo"]
        arn = _start_operation(backend, cluster, body.get("currentVersion"), "UPDATE_MONITORING",
                               change)
        return _ok({"clusterArn": cluster.arn, "clusterOperationArn": arn})

    def update_cluster_configuration(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        body = _body(self)
        if not body.get("configurationInfo"):
            raise BadRequestException("configurationInfo is required.")
        _check_config_info(backend, body["configurationInfo"])
        arn = _start_operation(backend, cluster, body.get("currentVersion"),
                               "UPDATE_CLUSTER_CONFIGURATION",
                               {"configuration_info": body["configurationInfo"]})
        return _ok({"clusterArn": cluster.arn, "clusterOperationArn": arn})

    def update_broker_count(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        body = _body(self)
        target = body.get("targetNumberOfBrokerNodes")
        subnets = len((cluster.broker_node_group_info or {}).get("clientSubnets") or [1])
        if not target or target <= (cluster.number_of_broker_nodes or 0) or target % subnets:
            raise BadRequestException(
                "The target number of broker nodes must be larger than the current one and a "
                "multiple of the number of client subnets.")
        arn = _start_operation(backend, cluster, body.get("currentVersion"), "INCREASE_BROKER_COUNT",
                               {"number_of_broker_nodes": target})
        return _ok({"clusterArn": cluster.arn, "clusterOperationArn": arn})

    def update_broker_type(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        body = _body(self)
        if not body.get("targetInstanceType"):
            raise BadRequestException("targetInstanceType is required.")
        broker = dict(cluster.broker_node_group_info, instanceType=body["targetInstanceType"])
        arn = _start_operation(backend, cluster, body.get("currentVersion"), "UPDATE_BROKER_TYPE",
                               {"broker_node_group_info": broker})
        return _ok({"clusterArn": cluster.arn, "clusterOperationArn": arn})

    def update_security(self) -> Any:
        backend = self.kafka_backend
        cluster = _find_cluster(backend, _uri(self, "clusterArn"))
        body = _body(self)
        change: dict[str, Any] = {}
        if body.get("clientAuthentication") is not None:
            change["client_authentication"] = body["clientAuthentication"]
        if body.get("encryptionInfo") is not None:
            encryption = json.loads(json.dumps(cluster.encryption_info or {}))
            transit = (body["encryptionInfo"].get("encryptionInTransit") or {})
            if "clientBroker" in transit:
                encryption.setdefault("encryptionInTransit", {})["clientBroker"] = \
                    transit["clientBroker"]
            change["encryption_info"] = encryption
        arn = _start_operation(backend, cluster, body.get("currentVersion"), "UPDATE_SECURITY",
                               change)
        return _ok({"clusterArn": cluster.arn, "clusterOperationArn": arn})

    def describe_cluster_operation(self) -> Any:
        arn = _uri(self, "clusterOperationArn")
        op = _ext(self.kafka_backend).operations.get(arn)
        if op is None:
            raise NotFoundException(f"The cluster operation {arn} does not exist.")
        if op["operationState"] == "UPDATE_IN_PROGRESS":
            if op["_seen"] >= 1:
                op["operationState"] = "UPDATE_COMPLETE"
                op["endTime"] = _now()
            op["_seen"] += 1
        return _ok({"clusterOperationInfo": {k: v for k, v in op.items()
                                             if not k.startswith("_")}})

    # replicators
    def create_replicator(self) -> Any:
        backend = self.kafka_backend
        body = _body(self)
        name = body.get("replicatorName")
        for field in ("replicatorName", "serviceExecutionRoleArn", "kafkaClusters",
                      "replicationInfoList"):
            if not body.get(field):
                raise BadRequestException(f"{field} is required.")
        if not REPLICATOR_NAME.match(name):
            raise BadRequestException(f"Replicator name '{name}' is invalid.")
        reps = _ext(backend).replicators
        if any(r["replicatorName"] == name for r in reps.values()):
            raise ConflictException(f"A replicator with name {name} already exists.")
        clusters = body["kafkaClusters"]
        if len(clusters) != 2:
            raise BadRequestException("A replicator needs exactly two Kafka clusters.")
        described = []
        aliases: dict[str, str] = {}
        for entry in clusters:
            arn = ((entry.get("amazonMskCluster") or {}).get("mskClusterArn"))
            if not arn:
                raise BadRequestException("kafkaClusters[].amazonMskCluster.mskClusterArn is required.")
            cluster = _cluster_anywhere(backend, arn)
            if cluster.state != "ACTIVE":
                raise BadRequestException(f"The cluster {arn} is not ACTIVE.")
            vpc = entry.get("vpcConfig") or {}
            if not vpc.get("subnetIds"):
                raise BadRequestException("kafkaClusters[].vpcConfig.subnetIds is required.")
            alias = cluster.cluster_name
            if alias in aliases.values():
                alias = f"{alias}-{cluster.region_name}"
            aliases[arn] = alias
            described.append({"amazonMskCluster": {"mskClusterArn": arn},
                              "kafkaClusterAlias": alias, "vpcConfig": vpc})
        infos = []
        for info in body["replicationInfoList"]:
            src, tgt = info.get("sourceKafkaClusterArn"), info.get("targetKafkaClusterArn")
            if src not in aliases or tgt not in aliases or src == tgt:
                raise BadRequestException(
                    "sourceKafkaClusterArn and targetKafkaClusterArn must name the two "
                    "kafkaClusters.")
            if info.get("targetCompressionType") not in COMPRESSION:
                raise BadRequestException(
                    f"Invalid targetCompressionType: {info.get('targetCompressionType')}")
            if not info.get("topicReplication") or info.get("consumerGroupReplication") is None:
                raise BadRequestException(
                    "topicReplication and consumerGroupReplication are required.")
            topic = dict(info["topicReplication"])
            if not topic.get("topicsToReplicate"):
                raise BadRequestException("topicReplication.topicsToReplicate is required.")
            infos.append({"sourceKafkaClusterAlias": aliases[src],
                          "targetKafkaClusterAlias": aliases[tgt],
                          "targetCompressionType": info["targetCompressionType"],
                          "topicReplication": topic,
                          "consumerGroupReplication": info["consumerGroupReplication"]})
        arn = _arn(backend.region_name, backend.account_id, "replicator", name)
        reps[arn] = {
            "replicatorArn": arn, "replicatorName": name, "creationTime": _now(),
            "currentVersion": _version(), "isReplicatorReference": False,
            "kafkaClusters": described, "replicationInfoList": infos,
            "replicatorDescription": body.get("description"),
            "serviceExecutionRoleArn": body["serviceExecutionRoleArn"],
            "state": "CREATING", "_seen": 0, "_clusterArns": list(aliases)}
        if body.get("logDelivery"):
            reps[arn]["logDelivery"] = body["logDelivery"]
        if body.get("tags"):
            backend.tag_resource(arn, body["tags"])
        return _ok({"replicatorArn": arn, "replicatorName": name, "replicatorState": "CREATING"})

    def describe_replicator(self) -> Any:
        backend = self.kafka_backend
        rep = _read_replicator(backend, _uri(self, "replicatorArn"))
        out = {k: v for k, v in rep.items() if not k.startswith("_") and k != "state"
               and v is not None}
        out["replicatorState"] = rep["state"]
        out["tags"] = backend.list_tags_for_resource(rep["replicatorArn"])
        return _ok(out)

    def list_replicators(self) -> Any:
        backend = self.kafka_backend
        prefix = self._get_param("replicatorNameFilter") or ""
        out = []
        for rep in _ext(backend).replicators.values():
            if rep["replicatorName"].startswith(prefix):
                out.append({
                    "creationTime": rep["creationTime"], "currentVersion": rep["currentVersion"],
                    "isReplicatorReference": False,
                    "kafkaClustersSummary": [
                        {"amazonMskCluster": c["amazonMskCluster"],
                         "kafkaClusterAlias": c["kafkaClusterAlias"]}
                        for c in rep["kafkaClusters"]],
                    "replicationInfoSummaryList": [
                        {"sourceKafkaClusterAlias": i["sourceKafkaClusterAlias"],
                         "targetKafkaClusterAlias": i["targetKafkaClusterAlias"]}
                        for i in rep["replicationInfoList"]],
                    "replicatorArn": rep["replicatorArn"],
                    "replicatorName": rep["replicatorName"], "replicatorState": rep["state"]})
        return _ok({"replicators": out})

    def update_replication_info(self) -> Any:
        backend = self.kafka_backend
        rep = _find_replicator(backend, _uri(self, "replicatorArn"))
        body = _body(self)
        if rep["state"] != "RUNNING":
            raise BadRequestException(f"The replicator is in state {rep['state']}.")
        if body.get("currentVersion") != rep["currentVersion"]:
            raise BadRequestException(
                f"The request's current version ({body.get('currentVersion')}) does not match "
                f"the replicator's current version ({rep['currentVersion']}).")
        info = rep["replicationInfoList"][0]
        for key in ("topicReplication", "consumerGroupReplication"):
            if body.get(key) is not None:
                info[key] = {**info[key], **body[key]}
        rep["currentVersion"] = _version()
        rep["state"] = "UPDATING"
        rep["_seen"] = 0
        return _ok({"replicatorArn": rep["replicatorArn"], "replicatorState": "UPDATING"})

    def delete_replicator(self) -> Any:
        backend = self.kafka_backend
        rep = _find_replicator(backend, _uri(self, "replicatorArn"))
        version = self._get_param("currentVersion")
        if version and version != rep["currentVersion"]:
            raise BadRequestException("currentVersion does not match.")
        rep["state"] = "DELETING"
        rep["_seen"] = 0
        return _ok({"replicatorArn": rep["replicatorArn"], "replicatorState": "DELETING"})

    def list_tags_for_resource(self) -> Any:
        arn = _uri(self, "resourceArn")
        _check_taggable(self.kafka_backend, arn)
        return _ok({"tags": self.kafka_backend.list_tags_for_resource(arn)})

    def tag_resource(self) -> Any:
        arn = _uri(self, "resourceArn")
        _check_taggable(self.kafka_backend, arn)
        tags = _body(self).get("tags")
        if not tags:
            raise BadRequestException("tags is required.")
        self.kafka_backend.tag_resource(arn, tags)
        return _ok({})

    def untag_resource(self) -> Any:
        arn = _uri(self, "resourceArn")
        _check_taggable(self.kafka_backend, arn)
        self.kafka_backend.untag_resource(arn, self.querystring.get("tagKeys", []))
        return _ok({})


def _account_backends(backend: Any) -> list[Any]:
    from moto.kafka.models import kafka_backends

    regions = dict.get(kafka_backends, backend.account_id) or {}
    return list(dict.values(regions))


def _cluster_anywhere(backend: Any, arn: str) -> Any:
    from moto.kafka.models import kafka_backends

    match = KAFKA_ARN.match(arn or "")
    if not match or match.group(3) != "cluster":
        raise BadRequestException(f"Invalid cluster ARN: {arn}")
    region, account = match.group(1), match.group(2)
    if account != backend.account_id:
        raise BadRequestException(f"The cluster {arn} belongs to another account.")
    return _find_cluster(kafka_backends[account][region], arn)


def _find_replicator(backend: Any, arn: str) -> dict[str, Any]:
    rep = _ext(backend).replicators.get(arn)
    if rep is None:
        raise NotFoundException(f"The replicator {arn} does not exist.")
    return rep


def _read_replicator(backend: Any, arn: str) -> dict[str, Any]:
    rep = _find_replicator(backend, arn)
    if rep["state"] in ("CREATING", "UPDATING", "DELETING"):
        if rep["_seen"] >= 1:
            if rep["state"] == "DELETING":
                del _ext(backend).replicators[arn]
                raise NotFoundException(f"The replicator {arn} does not exist.")
            rep["state"] = "RUNNING"
            rep["_seen"] = 0
        else:
            rep["_seen"] += 1
    return rep


def _check_taggable(backend: Any, arn: str) -> None:
    match = KAFKA_ARN.match(arn or "")
    if not match and ":cluster/" not in (arn or "") and ":serverless-cluster/" not in (arn or ""):
        raise BadRequestException(f"Invalid resource ARN: {arn}")
    if arn in backend.clusters or arn in _ext(backend).replicators \
            or arn in _ext(backend).configurations:
        return
    raise NotFoundException(f"The resource {arn} does not exist.")


EXTRA_PATHS = {
    "{0}/v1/configurations$": None,
    "{0}/v1/configurations/(?P<arn>.+)$": None,
    "{0}/v1/operations/(?P<clusterOperationArn>.+)$": None,
    "{0}/api/v2/operations/(?P<clusterOperationArn>.+)$": None,
    "{0}/replication/v1/replicators$": None,
    "{0}/replication/v1/replicators/(?P<replicatorArn>.+)$": None,
}


def apply() -> None:
    import moto.kafka.urls as kafka_urls
    from moto.kafka.responses import KafkaResponse

    if getattr(KafkaResponse, "_infra_emulator_msk", False):
        return
    for name, func in vars(Handlers).items():
        if not name.startswith("_") and callable(func):
            setattr(KafkaResponse, name, func)
    KafkaResponse._infra_emulator_msk = True
    for path in EXTRA_PATHS:
        kafka_urls.url_paths.setdefault(path, KafkaResponse.dispatch)
