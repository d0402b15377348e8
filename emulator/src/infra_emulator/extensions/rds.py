"""RDS DB instances, read replicas and parameter groups as the provider reads them.

AWS behaviour provided:

- Every DB instance has its own ``DbiResourceId`` (``db-`` + 26 uppercase
  alphanumerics); ``DescribeDBInstances`` with the ``dbi-resource-id`` filter
  (how hashicorp/aws 5.x reads an ``aws_db_instance``, whose id is that
  resource id) finds exactly that instance.
- A new instance is ``creating`` on its first description, then ``available``.
- ``CreateDBInstanceReadReplica`` creates a new instance of its own (own
  resource id, tags, security groups) from the source: same region by
  identifier, or another region by the source's ARN. The replica's subnet
  group, parameter group, option group and KMS key are looked up in the
  replica's region (``DBSubnetGroupNotFoundFault`` / ``DBParameterGroupNotFound``
  there); an encrypted source in another region needs ``KmsKeyId``
  (``InvalidParameterCombination``). ``ReadReplicaSourceDBInstanceIdentifier``
  is what was sent (identifier or ARN); the source lists the replica (its ARN
  when cross-region). Deleting the replica detaches it from its source.
- Stored and returned as sent: Performance Insights (enabled, KMS key -- the
  account's ``alias/aws/rds`` key by default --, retention 7 by default),
  ``KmsKeyId`` as a key ARN (``alias/aws/rds`` when encrypted without one),
  enhanced monitoring (interval 0/1/5/10/15/30/60, a role required when > 0,
  ``EnhancedMonitoringResourceArn``), IAM database authentication, deletion
  protection, max allocated storage, backup
  retention and window. A managed master password's secret is a real Secrets
  Manager secret (``SecretStatus`` ``active``).
- DB parameter groups: ``ModifyDBParameterGroup`` requires ``ApplyMethod``
  ``immediate`` or ``pending-reboot`` (else ``InvalidParameterValue``); a
  static parameter (e.g. ``shared_preload_libraries``, ``max_connections``)
  with ``immediate`` is ``InvalidParameterCombination``; parameters are
  returned by ``DescribeDBParameters`` with ``Source=user``, ``ApplyType`` and
  ``IsModifiable`` (``Source`` filter honoured); ``ResetDBParameterGroup``
  (all or named parameters); unknown group → ``DBParameterGroupNotFound``.

- RDS Proxy: ``DeleteDBProxy``, ``DescribeDBProxyTargetGroups``,
  ``DescribeDBProxyTargets``, ``ModifyDBProxyTargetGroup``,
  ``RegisterDBProxyTargets`` and ``DeregisterDBProxyTargets`` of an unknown
  proxy → ``DBProxyNotFoundFault``, of an unknown target group →
  ``DBProxyTargetGroupNotFoundFault`` (``TargetGroupName`` honoured, ``default``
  when omitted); registering an unknown instance → ``DBInstanceNotFound``, one
  of another engine family (a PostgreSQL instance behind a MYSQL proxy) →
  ``InvalidDBInstanceState``, one registered already →
  ``DBProxyTargetAlreadyRegisteredFault``; a target reports the instance's
  endpoint, port and ARN; deregistering an unregistered target →
  ``DBProxyTargetNotFoundFault``. ``CreateDBProxy`` needs an IAM role ARN, an
  ``Auth`` entry with a Secrets Manager secret ARN (unless IAM-only) and subnets
  in at least two AZs (``InvalidParameterValue``). ``ModifyDBProxy`` changes
  ``RequireTLS``, ``IdleClientTimeout``, ``DebugLogging``, ``Auth``,
  ``RoleArn`` and security groups. ``ModifyDBProxyTargetGroup`` stores
  ``InitQuery``.

moto gap (5.2.1): every instance had ``db-M5ENSHXFPU6XHZ4G4ZEI5QIO2U``, so a
second instance in a region (a replica included) was read back as the first
("not found", destroy hung); the read replica was a shallow copy of its source
(shared tags and lists), and a cross-region one looked its subnet and
parameter group up in the source's region (DBSubnetGroupNotFoundFault, 500);
Performance Insights and monitoring were not stored; ``ResetDBParameterGroup`` did not exist and apply methods were
not checked; RDS Proxy calls on an unknown proxy failed with a 500 (KeyError),
targets were never checked and had no endpoint, port or ARN, target group names
were ignored and ``ModifyDBProxy`` did not exist.
"""

from __future__ import annotations

import random
import string
from typing import Any

NAME = "rds"

MONITORING_INTERVALS = (0, 1, 5, 10, 15, 30, 60)
APPLY_METHODS = ("immediate", "pending-reboot")
# Parameters of the PostgreSQL/MySQL families that only change at a reboot.
STATIC_PARAMETERS = {
    "shared_preload_libraries", "max_connections", "shared_buffers", "max_worker_processes",
    "max_wal_senders", "max_replication_slots", "wal_buffers", "max_locks_per_transaction",
    "max_prepared_transactions", "track_activity_query_size", "rds.logical_replication",
    "innodb_buffer_pool_instances", "innodb_log_file_size", "performance_schema",
}


def resource_id() -> str:
    return "db-" + "".join(random.choices(string.ascii_uppercase + string.digits, k=26))


def apply() -> None:
    from moto.rds import models
    from moto.rds.exceptions import (DBInstanceNotFoundError, DBParameterGroupNotFoundError,
                                     InvalidParameterCombination, RDSClientError)
    from moto.rds.models import DBInstance, RDSBackend, rds_backends
    from moto.rds.responses import RDSResponse
    from moto.core.responses import ActionResult

    if getattr(DBInstance, "_infra_emulator", False):
        return

    def invalid(message: str) -> RDSClientError:
        return RDSClientError("InvalidParameterValue", message)

    def default_key(backend: RDSBackend) -> str:
        kms = backend.kms
        return kms.describe_key(kms.get_key_id_from_alias("alias/aws/rds")).arn

    def key_arn(backend: RDSBackend, key: str | None) -> str | None:
        if not key:
            return None
        return backend._validate_kms_key(key)

    def configure(db: Any, kwargs: dict[str, Any], creating: bool) -> None:
        """Performance Insights and monitoring, from create or modify arguments."""
        backend = db.backend
        if creating or kwargs.get("enable_performance_insights") is not None:
            enabled = bool(kwargs.get("enable_performance_insights"))
            db.performance_insights_enabled = enabled
            if enabled:
                db.performance_insights_kms_key_id = (
                    key_arn(backend, kwargs.get("performance_insights_kms_key_id"))
                    or getattr(db, "performance_insights_kms_key_id", None)
                    or default_key(backend))
                db.performance_insights_retention_period = int(
                    kwargs.get("performance_insights_retention_period")
                    or getattr(db, "performance_insights_retention_period", None) or 7)
            else:
                db.performance_insights_kms_key_id = None
                db.performance_insights_retention_period = None
        elif getattr(db, "performance_insights_enabled", False):
            if kwargs.get("performance_insights_retention_period") is not None:
                db.performance_insights_retention_period = int(
                    kwargs["performance_insights_retention_period"])
        if creating or kwargs.get("monitoring_interval") is not None \
                or kwargs.get("monitoring_role_arn") is not None:
            interval = kwargs.get("monitoring_interval")
            interval = int(interval) if interval is not None else int(
                getattr(db, "monitoring_interval", 0) or 0)
            if interval not in MONITORING_INTERVALS:
                raise invalid("Invalid value for MonitoringInterval. Valid values are "
                              "0, 1, 5, 10, 15, 30, 60.")
            role = kwargs.get("monitoring_role_arn") or getattr(db, "monitoring_role_arn", None)
            if interval > 0 and not role:
                raise InvalidParameterCombination(
                    "A MonitoringRoleARN value is required if you specify a MonitoringInterval "
                    "value other than 0.")
            db.monitoring_interval = interval
            db.monitoring_role_arn = role if interval > 0 else None
            db.enhanced_monitoring_resource_arn = (
                f"arn:{db.partition}:logs:{db.region}:{db.account_id}:log-group:RDSOSMetrics:"
                f"log-stream:{db.dbi_resource_id}" if interval > 0 else None)

    # --- DBInstance ---------------------------------------------------------
    original_init = DBInstance.__init__

    def __init__(self, backend, **kwargs):  # type: ignore[no-untyped-def]
        original_init(self, backend, **kwargs)
        self.dbi_resource_id = resource_id()
        self.status = "creating"
        self._infra_described = False
        if self.db_cluster_identifier is None:
            if self.storage_encrypted:
                self.kms_key_id = key_arn(backend, kwargs.get("kms_key_id")) or default_key(backend)
        configure(self, kwargs, creating=True)

    original_update = DBInstance.update

    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        configure(self, kwargs, creating=False)
        for key in ("enable_performance_insights", "performance_insights_kms_key_id",
                    "performance_insights_retention_period", "monitoring_interval",
                    "monitoring_role_arn"):
            kwargs.pop(key, None)
        original_update(self, **kwargs)

    # The managed master user secret is created at once: active.
    def _secret_status(self):  # type: ignore[no-untyped-def]
        return "active" if self._status == "creating" else self._status

    models.MasterUserSecret.secret_status = property(_secret_status)

    # --- backend ------------------------------------------------------------
    original_describe = RDSBackend.describe_db_instances

    def describe_db_instances(self, db_instance_identifier=None, filters=None):  # type: ignore[no-untyped-def]
        databases = original_describe(self, db_instance_identifier, filters)
        for db in databases:
            if db.status == "creating":
                if getattr(db, "_infra_described", True):
                    db.status = "available"
                else:
                    db._infra_described = True
        return databases

    def create_db_instance_read_replica(self, db_kwargs):  # type: ignore[no-untyped-def]
        database_id = db_kwargs["db_instance_identifier"]
        source_id = db_kwargs["source_db_instance_identifier"]
        if database_id in self.databases:
            raise RDSClientError("DBInstanceAlreadyExists",
                                 f"DB instance already exists: {database_id}")
        self._validate_db_identifier(database_id)
        cross_region = bool(self.arn_regex.match(source_id)) and source_id.split(":")[3] != self.region_name
        primary = self.find_db_from_id(source_id)
        if primary.is_replica and not cross_region:
            pass  # a replica of a replica is allowed for PostgreSQL and MySQL
        if primary.status not in ("available", "creating", "backing-up", "modifying"):
            raise RDSClientError("InvalidDBInstanceState",
                                 f"DB Instance {primary.db_instance_identifier} is not available.")
        if cross_region and primary.storage_encrypted and not db_kwargs.get("kms_key_id"):
            raise InvalidParameterCombination(
                "KmsKeyId is required for an encrypted cross-region read replica.")
        kwargs: dict[str, Any] = {
            "db_instance_identifier": database_id,
            "db_instance_class": db_kwargs.get("db_instance_class") or primary.db_instance_class,
            "engine": primary.engine,
            "engine_version": primary.engine_version,
            "port": db_kwargs.get("port") or primary.port,
            "allocated_storage": db_kwargs.get("allocated_storage") or primary.allocated_storage,
            "storage_type": db_kwargs.get("storage_type") or primary.storage_type,
            "iops": db_kwargs.get("iops") or primary.iops,
            "master_username": primary.master_username,
            "storage_encrypted": primary.storage_encrypted,
            "backup_retention_period": 0,
            "source_db_instance_identifier": source_id,
            "license_model": primary.license_model,
        }
        if not cross_region:
            kwargs["db_subnet_group_name"] = getattr(primary, "_db_subnet_group_name", None)
            if not primary.is_default_parameter_group(primary.db_parameter_group_name or "default."):
                kwargs["db_parameter_group_name"] = primary.db_parameter_group_name
            if primary.storage_encrypted:
                kwargs["kms_key_id"] = primary.kms_key_id
            if primary.option_group_supplied:
                kwargs["option_group_name"] = primary.option_group_name
        passed = ("availability_zone", "multi_az", "auto_minor_version_upgrade", "option_group_name",
                  "db_parameter_group_name", "publicly_accessible", "tags", "db_subnet_group_name",
                  "vpc_security_group_ids", "copy_tags_to_snapshot", "monitoring_interval",
                  "monitoring_role_arn", "kms_key_id", "enable_iam_database_authentication",
                  "enable_performance_insights", "performance_insights_kms_key_id",
                  "performance_insights_retention_period", "enable_cloudwatch_logs_exports",
                  "deletion_protection", "max_allocated_storage", "storage_throughput",
                  "ca_certificate_identifier")
        for key in passed:
            if db_kwargs.get(key) is not None:
                kwargs[key] = db_kwargs[key]
        if kwargs.get("db_subnet_group_name") and kwargs["db_subnet_group_name"] not in self.subnet_groups:
            from moto.rds.exceptions import DBSubnetGroupNotFoundError
            raise DBSubnetGroupNotFoundError(kwargs["db_subnet_group_name"])
        if kwargs.get("db_parameter_group_name") and kwargs["db_parameter_group_name"] not in self.db_parameter_groups \
                and not kwargs["db_parameter_group_name"].startswith(f"default.{primary.engine}"):
            raise DBParameterGroupNotFoundError(kwargs["db_parameter_group_name"])
        replica = DBInstance(self, **kwargs)
        replica.is_replica = True
        replica.replicas = []
        self.databases[database_id] = replica
        replica.add_event("DB_INSTANCE_CREATE")
        primary.add_replica(replica)
        return replica

    original_delete = RDSBackend.delete_db_instance

    def delete_db_instance(self, db_instance_identifier, final_db_snapshot_identifier=None,  # type: ignore[no-untyped-def]
                           skip_final_snapshot=False, delete_automated_backups=True):
        database = self.databases.get(db_instance_identifier)
        if database is None:
            raise DBInstanceNotFoundError(db_instance_identifier)
        if database.deletion_protection:
            raise InvalidParameterCombination(
                "Cannot delete protected DB Instance, please disable deletion protection and try again.")
        if database.is_replica and final_db_snapshot_identifier:
            raise InvalidParameterCombination(
                "FinalDBSnapshotIdentifier can not be specified when deleting a replica instance")
        if not skip_final_snapshot and not final_db_snapshot_identifier and not database.is_replica:
            raise InvalidParameterCombination(
                "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.")
        if database.is_replica:
            try:
                primary = self.find_db_from_id(database.source_db_instance_identifier)
            except DBInstanceNotFoundError:
                primary = None
            if primary is not None:
                for ref in (database.db_instance_identifier, database.db_instance_arn):
                    if ref in primary.replicas:
                        primary.replicas.remove(ref)
            database.is_replica = False
            try:
                return original_delete(self, db_instance_identifier, final_db_snapshot_identifier,
                                       skip_final_snapshot, delete_automated_backups)
            finally:
                database.is_replica = True
        # The source's replicas are promoted to standalone instances.
        for ref in list(database.replicas):
            try:
                replica = self.find_db_from_id(ref)
            except DBInstanceNotFoundError:
                continue
            replica.is_replica = False
            replica.source_db_instance_identifier = None
        database.replicas = []
        return original_delete(self, db_instance_identifier, final_db_snapshot_identifier,
                               skip_final_snapshot, delete_automated_backups)

    # --- parameter groups ----------------------------------------------------
    original_modify_pg = RDSBackend.modify_db_parameter_group

    def modify_db_parameter_group(self, db_parameter_group_name, db_parameter_group_parameters):  # type: ignore[no-untyped-def]
        if db_parameter_group_name not in self.db_parameter_groups:
            raise DBParameterGroupNotFoundError(db_parameter_group_name)
        checked = []
        for parameter in db_parameter_group_parameters:
            parameter = dict(parameter)
            name = parameter.get("ParameterName")
            method = parameter.get("ApplyMethod")
            if not name:
                raise invalid("The parameter ParameterName must be provided and must not be blank.")
            if method not in APPLY_METHODS:
                raise invalid(f"Invalid apply method {method!r} for parameter {name}. "
                              "Valid values are immediate, pending-reboot.")
            static = name in STATIC_PARAMETERS
            if static and method == "immediate":
                raise InvalidParameterCombination(
                    f"cannot use immediate apply method for static parameter {name}")
            parameter.update({"Source": "user", "ApplyType": "static" if static else "dynamic",
                              "DataType": "string", "IsModifiable": True})
            checked.append(parameter)
        return original_modify_pg(self, db_parameter_group_name, checked)

    def describe_db_parameters(self):  # type: ignore[no-untyped-def]
        name = self.params.get("DBParameterGroupName")
        groups = self.backend.describe_db_parameter_groups({"db_parameter_group_name": name})
        if not groups:
            raise DBParameterGroupNotFoundError(name)
        source = self.params.get("Source")
        parameters = [dict(p, ParameterName=n) for n, p in groups[0].parameters.items()
                      if source in (None, p.get("Source", "user"))]
        return ActionResult({"Parameters": parameters})

    def reset_db_parameter_group(self):  # type: ignore[no-untyped-def]
        name = self.params.get("DBParameterGroupName")
        if not name:
            raise invalid("The parameter DBParameterGroupName must be provided and must not be blank.")
        group = self.backend.db_parameter_groups.get(name)
        if group is None:
            raise DBParameterGroupNotFoundError(name)
        reset_all = bool(self.params.get("ResetAllParameters"))
        names = [p.get("parameter_name") or p.get("ParameterName")
                 for p in self.params.get("Parameters", [])]
        if reset_all == bool(names):
            raise InvalidParameterCombination(
                "Specify either ResetAllParameters or a list of Parameters, not both.")
        if reset_all:
            group.parameters.clear()
        for parameter_name in names:
            group.parameters.pop(parameter_name, None)
        return ActionResult({"DBParameterGroupName": group.name})

    apply_proxy(RDSBackend, RDSResponse, ActionResult, RDSClientError, DBInstanceNotFoundError,
                InvalidParameterCombination)

    DBInstance.__init__ = __init__
    DBInstance.update = update
    RDSBackend.describe_db_instances = describe_db_instances
    RDSBackend.create_db_instance_read_replica = create_db_instance_read_replica
    RDSBackend.delete_db_instance = delete_db_instance
    RDSBackend.modify_db_parameter_group = modify_db_parameter_group
    RDSResponse.describe_db_parameters = describe_db_parameters
    RDSResponse.reset_db_parameter_group = reset_db_parameter_group
    DBInstance._infra_emulator = True
    _ = rds_backends


ENGINE_FAMILIES = {"postgres": "POSTGRESQL", "aurora-postgresql": "POSTGRESQL", "mysql": "MYSQL",
                   "mariadb": "MYSQL", "aurora-mysql": "MYSQL"}
ROLE_ARN = r"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"
SECRET_ARN = r"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$"


def apply_proxy(RDSBackend, RDSResponse, ActionResult, RDSClientError, DBInstanceNotFoundError,  # type: ignore[no-untyped-def]
                InvalidParameterCombination) -> None:
    """RDS Proxy: errors for unknown names, checked targets, ModifyDBProxy."""
    import re as _re

    from moto.ec2.models import ec2_backends
    from moto.rds.exceptions import DBProxyNotFoundFault
    from moto.rds.models import DBProxyTarget

    def invalid(message: str) -> Any:
        return RDSClientError("InvalidParameterValue", message)

    def proxy(backend: Any, name: str | None) -> Any:
        found = backend.db_proxies.get(name or "")
        if found is None:
            raise DBProxyNotFoundFault(name)
        return found

    def target_group(found: Any, name: str | None) -> Any:
        group = found.proxy_target_groups.get(name or "default")
        if group is None:
            raise RDSClientError("DBProxyTargetGroupNotFoundFault",
                                 f"The specified target group {name} doesn't exist for proxy {found.db_proxy_name}.")
        return group

    original_create = RDSBackend.create_db_proxy

    def create_db_proxy(self, db_proxy_name, engine_family, auth, role_arn, vpc_subnet_ids,  # type: ignore[no-untyped-def]
                        vpc_security_group_ids, require_tls, idle_client_timeout, debug_logging, tags):
        if not _re.match(ROLE_ARN, role_arn or ""):
            raise invalid(f"RoleArn {role_arn!r} is not an IAM role ARN.")
        for entry in auth or []:
            if entry.get("IAMAuth") == "ENABLED" and not entry.get("SecretArn"):
                continue
            if not _re.match(SECRET_ARN, entry.get("SecretArn") or ""):
                raise invalid("Auth needs a SecretArn of a Secrets Manager secret.")
        subnets = ec2_backends[self.account_id][self.region_name].describe_subnets(subnet_ids=vpc_subnet_ids)
        if len({s.availability_zone for s in subnets}) < 2:
            raise invalid("A DB proxy needs subnets in at least two Availability Zones.")
        return original_create(self, db_proxy_name, engine_family, auth, role_arn, vpc_subnet_ids,
                               vpc_security_group_ids, require_tls, idle_client_timeout, debug_logging, tags)

    def delete_db_proxy(self, proxy_name):  # type: ignore[no-untyped-def]
        found = proxy(self, proxy_name)
        found.status = "deleting"
        return self.db_proxies.pop(found.db_proxy_name)

    def register_db_proxy_targets(self, db_proxy_name, target_group_name, db_cluster_identifiers,  # type: ignore[no-untyped-def]
                                  db_instance_identifiers):
        found = proxy(self, db_proxy_name)
        group = target_group(found, target_group_name)
        new_targets = []
        for identifier in db_instance_identifiers or []:
            database = self.databases.get(identifier)
            if database is None:
                raise DBInstanceNotFoundError(identifier)
            family = ENGINE_FAMILIES.get(database.engine)
            if family != found.engine_family:
                raise RDSClientError(
                    "InvalidDBInstanceState",
                    f"DB instance {identifier} ({database.engine}) cannot be a target of a "
                    f"{found.engine_family} proxy.")
            if any(t.rds_resource_id == identifier for t in group.targets):
                raise RDSClientError("DBProxyTargetAlreadyRegisteredFault",
                                     f"DB instance {identifier} is already registered with proxy {found.db_proxy_name}.")
            target = DBProxyTarget(backend=self, resource_id=identifier, endpoint=database.address,
                                   type="RDS_INSTANCE")
            target.port = database.port
            target.target_arn = database.db_instance_arn
            new_targets.append(target)
        for identifier in db_cluster_identifiers or []:
            if identifier not in self.clusters:
                from moto.rds.exceptions import DBClusterNotFoundError
                raise DBClusterNotFoundError(identifier)
            cluster = self.clusters[identifier]
            target = DBProxyTarget(backend=self, resource_id=identifier, endpoint=cluster.endpoint,
                                   type="TRACKED_CLUSTER")
            new_targets.append(target)
        group.targets.extend(new_targets)
        return new_targets

    def deregister_db_proxy_targets(self, db_proxy_name, target_group_name, db_cluster_identifiers,  # type: ignore[no-untyped-def]
                                    db_instance_identifiers):
        found = proxy(self, db_proxy_name)
        group = target_group(found, target_group_name)
        wanted = list(db_cluster_identifiers or []) + list(db_instance_identifiers or [])
        registered = {t.rds_resource_id for t in group.targets}
        for identifier in wanted:
            if identifier not in registered:
                raise RDSClientError("DBProxyTargetNotFoundFault",
                                     f"{identifier} is not registered with proxy {found.db_proxy_name}.")
        group.targets = [t for t in group.targets if t.rds_resource_id not in wanted]

    def describe_db_proxy_targets(self):  # type: ignore[no-untyped-def]
        found = proxy(self.backend, self.params.get("DBProxyName"))
        group = target_group(found, self.params.get("TargetGroupName"))
        return ActionResult({"Targets": group.targets})

    def describe_db_proxy_target_groups(self):  # type: ignore[no-untyped-def]
        found = proxy(self.backend, self.params.get("DBProxyName"))
        name = self.params.get("TargetGroupName")
        groups = [target_group(found, name)] if name else list(found.proxy_target_groups.values())
        return ActionResult({"TargetGroups": groups})

    def modify_db_proxy_target_group(self):  # type: ignore[no-untyped-def]
        found = proxy(self.backend, self.params.get("DBProxyName"))
        group = target_group(found, self.params.get("TargetGroupName"))
        config = self.params.get("ConnectionPoolConfig", {}) or {}
        for key, low, high in (("MaxConnectionsPercent", 1, 100), ("MaxIdleConnectionsPercent", 0, 100),
                               ("ConnectionBorrowTimeout", 0, 3600)):
            if config.get(key) is not None and not low <= int(config[key]) <= high:
                raise invalid(f"{key} must be between {low} and {high}.")
        if config.get("MaxConnectionsPercent") is not None:
            group.max_connections = int(config["MaxConnectionsPercent"])
        if config.get("MaxIdleConnectionsPercent") is not None:
            group.max_idle_connections = int(config["MaxIdleConnectionsPercent"])
        if int(group.max_idle_connections) > int(group.max_connections):
            raise invalid("MaxIdleConnectionsPercent cannot exceed MaxConnectionsPercent.")
        if config.get("ConnectionBorrowTimeout") is not None:
            group.borrow_timeout = int(config["ConnectionBorrowTimeout"])
        if "SessionPinningFilters" in config:
            group.session_pinning_filters = config["SessionPinningFilters"] or []
        if "InitQuery" in config:
            group._infra_init_query = config["InitQuery"]
        return ActionResult({"DBProxyTargetGroup": group})

    def modify_db_proxy(self):  # type: ignore[no-untyped-def]
        found = proxy(self.backend, self.params.get("DBProxyName"))
        params = self.params
        if params.get("NewDBProxyName"):
            self.backend.db_proxies[params["NewDBProxyName"]] = self.backend.db_proxies.pop(found.db_proxy_name)
            found.db_proxy_name = params["NewDBProxyName"]
        if params.get("RoleArn"):
            if not _re.match(ROLE_ARN, params["RoleArn"]):
                raise invalid(f"RoleArn {params['RoleArn']!r} is not an IAM role ARN.")
            found.role_arn = params["RoleArn"]
        if params.get("Auth"):
            found.auth = params["Auth"]
        if params.get("SecurityGroups"):
            found.vpc_security_group_ids = params["SecurityGroups"]
        for key, attr in (("RequireTLS", "require_tls"), ("DebugLogging", "debug_logging")):
            if params.get(key) is not None:
                setattr(found, attr, params[key] in (True, "true", "True"))
        if params.get("IdleClientTimeout") is not None:
            found.idle_client_timeout = int(params["IdleClientTimeout"])
        return ActionResult({"DBProxy": found})

    # ConnectionPoolConfig with InitQuery, as the provider reads it.
    from moto.rds.models import DBProxyTargetGroup

    original_connection_pool = DBProxyTargetGroup.connection_pool_config

    def connection_pool_config(self):  # type: ignore[no-untyped-def]
        config = original_connection_pool.fget(self)
        if getattr(self, "_infra_init_query", None):
            config["InitQuery"] = self._infra_init_query
        return config

    DBProxyTargetGroup.connection_pool_config = property(connection_pool_config)
    RDSBackend.create_db_proxy = create_db_proxy
    RDSBackend.delete_db_proxy = delete_db_proxy
    RDSBackend.register_db_proxy_targets = register_db_proxy_targets
    RDSBackend.deregister_db_proxy_targets = deregister_db_proxy_targets
    RDSResponse.describe_db_proxy_targets = describe_db_proxy_targets
    RDSResponse.describe_db_proxy_target_groups = describe_db_proxy_target_groups
    RDSResponse.modify_db_proxy_target_group = modify_db_proxy_target_group
    RDSResponse.modify_db_proxy = modify_db_proxy
