"""ElastiCache (Redis OSS): replication groups with member clusters, parameter
groups, user groups, global datastores, deletions that finish.

AWS behaviour provided:

- ``CreateReplicationGroup`` creates the member cache clusters
  (``<rg>-000N-00M`` in cluster mode, ``<rg>-00M`` without), each carrying the
  group's node type, engine and version, parameter group, subnet group,
  security groups, encryption, snapshot and maintenance settings, as
  ``DescribeCacheClusters`` answers them (the provider reads those there).
  Node groups list their members and slots; cluster mode has a
  ``ConfigurationEndpoint``. Status ``creating`` on the first description, then
  ``available``. An unknown parameter group, subnet group or user group is
  refused; cluster mode needs a parameter group with ``cluster-enabled=yes``.
  ``ModifyReplicationGroup`` changes the settings it names.
  ``DeleteReplicationGroup`` answers ``deleting`` and removes the group and its
  members (a member of a global datastore → ``InvalidReplicationGroupState``).
- ``DeleteCacheCluster`` removes the cluster (``deleting`` in the answer).
- ``DeleteCacheSubnetGroup`` (in use → ``CacheSubnetGroupInUse``).
- Cache parameter groups: Create/Describe/Modify/Reset/Delete
  ``CacheParameterGroup`` and ``DescribeCacheParameters`` (user values with
  ``Source=user``); unknown group → ``CacheParameterGroupNotFound``; families
  ``redis*``/``valkey*``/``memcached*``; in use → ``InvalidCacheParameterGroupState``.
- Users: ``ModifyUser``; user groups: Create/Describe/Modify/Delete
  ``UserGroup`` (the group must contain a user named ``default`` →
  ``DefaultUserRequired``; unknown users → ``UserNotFound``).
- Global datastores: Create/Describe/Modify/Delete
  ``GlobalReplicationGroup`` (id ``ldgnf-<suffix>`` as AWS prefixes it), a
  secondary replication group in another region joins with
  ``GlobalReplicationGroupId`` and inherits the primary's node groups, cluster
  mode, automatic failover and encryption (a different shard count →
  ``InvalidParameterCombination``) and gets a parameter group of its own
  (``global-datastore-<id>``, a copy of the primary's), which can be deleted
  once the member is gone (the provider does so); ``DisassociateGlobalReplicationGroup``; members
  reported with ``ShowMemberInfo``.

moto gap (5.2.1): the member clusters of a replication group were never
created ("CacheClusterNotFound" blocked plan and destroy); replication groups
and cache clusters stayed ``deleting`` forever; parameter groups, user groups,
global datastores, ``ModifyReplicationGroup``, ``ModifyUser`` and
``DeleteCacheSubnetGroup`` did not exist.
"""

from __future__ import annotations

import random
import string
from re import compile as re_compile
from typing import Any

NAME = "elasticache"

FAMILY_PREFIXES = ("redis", "valkey", "memcached")


def apply() -> None:
    from moto.core.exceptions import ServiceException
    from moto.core.responses import ActionResult
    from moto.core.utils import utcnow
    from moto.elasticache import models
    from moto.elasticache.models import (CacheCluster, ElastiCacheBackend, ReplicationGroup,
                                         elasticache_backends)
    from moto.elasticache.responses import ElastiCacheResponse

    if getattr(ElastiCacheBackend, "_infra_emulator", False):
        return

    from moto.elasticache.exceptions import ElastiCacheException

    def error(code: str, message: str) -> ServiceException:
        exception = ElastiCacheException(code, message)
        return exception

    def state(backend: ElastiCacheBackend) -> dict[str, dict[str, Any]]:
        if not hasattr(backend, "_infra"):
            backend._infra = {"parameter_groups": {}, "user_groups": {}}
        return backend._infra

    def global_groups(account_id: str) -> dict[str, dict[str, Any]]:
        return state(elasticache_backends[account_id]["us-east-1"]).setdefault("global", {})

    def arn(backend: ElastiCacheBackend, kind: str, name: str) -> str:
        return f"arn:aws:elasticache:{backend.region_name}:{backend.account_id}:{kind}:{name}"

    def progress(obj: Any, attr: str = "status") -> None:
        if getattr(obj, attr) == "creating":
            if getattr(obj, "_infra_described", False):
                setattr(obj, attr, "available")
            else:
                obj._infra_described = True

    # --- parameter groups ------------------------------------------------------
    def parameter_group(backend: ElastiCacheBackend, name: str) -> dict[str, Any]:
        if name.startswith("default."):
            groups = state(backend)["parameter_groups"]
            if name not in groups:
                groups[name] = {"CacheParameterGroupName": name,
                                "CacheParameterGroupFamily": name[len("default."):].split(".")[0],
                                "Description": f"Default parameter group for {name[8:]}",
                                "IsGlobal": False, "ARN": arn(backend, "parametergroup", name),
                                "parameters": {"cluster-enabled": {
                                    "ParameterName": "cluster-enabled",
                                    "ParameterValue": "yes" if "cluster.on" in name else "no",
                                    "Source": "system"}}}
            return groups[name]
        group = state(backend)["parameter_groups"].get(name)
        if group is None:
            raise error("CacheParameterGroupNotFound", f"CacheParameterGroup {name} not found.")
        return group

    def public(group: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in group.items() if k != "parameters"}

    def create_cache_parameter_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        name = self._get_param("CacheParameterGroupName")
        family = self._get_param("CacheParameterGroupFamily")
        description = self._get_param("Description")
        if not name or not family or description is None:
            raise error("InvalidParameterValue", "CacheParameterGroupName, CacheParameterGroupFamily "
                        "and Description are required.")
        if not family.startswith(FAMILY_PREFIXES):
            raise error("InvalidParameterValue", f"The parameter CacheParameterGroupFamily {family} is not valid.")
        groups = state(backend)["parameter_groups"]
        if name.lower() in groups:
            raise error("CacheParameterGroupAlreadyExists",
                        f"Parameter group {name.lower()} already exists.")
        group = {"CacheParameterGroupName": name.lower(), "CacheParameterGroupFamily": family,
                 "Description": description, "IsGlobal": False,
                 "ARN": arn(backend, "parametergroup", name.lower()), "parameters": {}}
        groups[name.lower()] = group
        backend.add_tags_to_resource(group["ARN"], self._get_param("Tags", []) or []) \
            if self._get_param("Tags") else None
        return ActionResult({"CacheParameterGroup": public(group)})

    def describe_cache_parameter_groups(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        name = self._get_param("CacheParameterGroupName")
        if name:
            groups = [parameter_group(backend, name)]
        else:
            groups = list(state(backend)["parameter_groups"].values())
        return ActionResult({"CacheParameterGroups": [public(g) for g in groups]})

    def modify_cache_parameter_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        name = self._get_param("CacheParameterGroupName")
        if name and name.startswith("default."):
            raise error("InvalidParameterValue", "Default parameter groups cannot be modified.")
        group = parameter_group(backend, name)
        values = self._get_param("ParameterNameValues", [])
        if not values:
            raise error("InvalidParameterValue", "ParameterNameValues must not be empty.")
        for item in values:
            pname, value = item.get("ParameterName"), item.get("ParameterValue")
            if not pname or value is None:
                raise error("InvalidParameterValue", "ParameterName and ParameterValue are required.")
            if pname == "cluster-enabled" and value not in ("yes", "no"):
                raise error("InvalidParameterValue",
                            f"Invalid value {value} for parameter cluster-enabled: yes or no.")
            group["parameters"][pname] = {"ParameterName": pname, "ParameterValue": value,
                                          "Source": "user", "DataType": "string",
                                          "IsModifiable": True, "ChangeType": "immediate"}
        return ActionResult({"CacheParameterGroupName": group["CacheParameterGroupName"]})

    def reset_cache_parameter_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        group = parameter_group(backend, self._get_param("CacheParameterGroupName"))
        reset_all = self._get_bool_param("ResetAllParameters", False)
        names = [p.get("ParameterName") for p in self._get_param("ParameterNameValues", []) or []]
        if reset_all and names:
            raise error("InvalidParameterCombination",
                        "ResetAllParameters and ParameterNameValues cannot both be specified.")
        if reset_all:
            group["parameters"].clear()
        for pname in names:
            group["parameters"].pop(pname, None)
        return ActionResult({"CacheParameterGroupName": group["CacheParameterGroupName"]})

    def delete_cache_parameter_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        name = self._get_param("CacheParameterGroupName") or ""
        if name.startswith("default."):
            raise error("InvalidCacheParameterGroupState", "Default parameter groups cannot be deleted.")
        group = parameter_group(backend, name)
        users = [rg.replication_group_id for rg in backend.replication_groups.values()
                 if rg.cache_parameter_group_name == name] + \
                [c.cache_cluster_id for c in backend.cache_clusters.values()
                 if c.cache_parameter_group_name == name and not c.replication_group_id]
        if users:
            raise error("InvalidCacheParameterGroupState",
                        f"One or more cache clusters are still members of parameter group {name}.")
        del state(backend)["parameter_groups"][group["CacheParameterGroupName"]]
        return ActionResult({})

    def describe_cache_parameters(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        group = parameter_group(backend, self._get_param("CacheParameterGroupName"))
        source = self._get_param("Source")
        parameters = [p for p in group["parameters"].values()
                      if source in (None, p.get("Source"))]
        return ActionResult({"Parameters": parameters})

    # --- cache clusters ------------------------------------------------------------
    def decorate_cluster(cluster: CacheCluster, backend: ElastiCacheBackend) -> None:
        cluster.cache_parameter_group = {
            "CacheParameterGroupName": cluster.cache_parameter_group_name
            or default_group_name(cluster.engine, cluster.engine_version, False),
            "ParameterApplyStatus": "in-sync", "CacheNodeIdsToReboot": []}
        cluster.security_groups = [{"SecurityGroupId": sg, "Status": "active"}
                                   for sg in cluster.security_group_ids]

    def default_group_name(engine: str | None, version: str | None, cluster_mode: bool) -> str:
        major = (version or "7.1").split(".")[0]
        return f"default.{engine or 'redis'}{major}" + (".cluster.on" if cluster_mode else "")

    original_create_cluster = ElastiCacheBackend.create_cache_cluster

    def create_cache_cluster(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        group = kwargs.get("cache_parameter_group_name")
        if group:
            parameter_group(self, group)
        cluster = original_create_cluster(self, *args, **kwargs)
        cluster.cache_cluster_status = "creating"
        decorate_cluster(cluster, self)
        return cluster

    original_describe_clusters = ElastiCacheBackend.describe_cache_clusters

    def describe_cache_clusters(self, cache_cluster_id=None):  # type: ignore[no-untyped-def]
        clusters = original_describe_clusters(self, cache_cluster_id)
        for cluster in clusters:
            progress(cluster, "cache_cluster_status")
        return clusters

    def delete_cache_cluster(self, cache_cluster_id):  # type: ignore[no-untyped-def]
        cluster = self.cache_clusters.get(cache_cluster_id)
        if cluster is None:
            raise models.CacheClusterNotFound(cache_cluster_id)
        if cluster.replication_group_id and cluster.replication_group_id in self.replication_groups:
            raise error("InvalidCacheClusterState",
                        f"Cache cluster {cache_cluster_id} is a member of replication group "
                        f"{cluster.replication_group_id}; delete the replication group.")
        del self.cache_clusters[cache_cluster_id]
        cluster.cache_cluster_status = "deleting"
        return cluster

    def delete_cache_subnet_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        name = self._get_param("CacheSubnetGroupName")
        if name not in backend.cache_subnet_groups:
            raise error("CacheSubnetGroupNotFoundFault", f"CacheSubnetGroup {name} not found.")
        if any(c.cache_subnet_group_name == name for c in backend.cache_clusters.values()):
            raise error("CacheSubnetGroupInUse", f"Cache subnet group {name} is currently in use.")
        del backend.cache_subnet_groups[name]
        return ActionResult({})

    # --- replication groups --------------------------------------------------------
    original_create_rg = ElastiCacheBackend.create_replication_group

    def create_replication_group(self, **kwargs):  # type: ignore[no-untyped-def]
        rg_id = kwargs["replication_group_id"]
        if not kwargs.get("replication_group_description"):
            raise error("InvalidParameterValue", "The parameter ReplicationGroupDescription must be provided.")
        cluster_mode = bool(kwargs.get("num_node_groups") and int(kwargs["num_node_groups"]) > 1) \
            or (kwargs.get("cluster_mode") == "enabled")
        pg_name = kwargs.get("cache_parameter_group_name")
        if pg_name:
            group = parameter_group(self, pg_name)
            enabled = group["parameters"].get("cluster-enabled", {}).get("ParameterValue") == "yes"
            if kwargs.get("num_node_groups") and enabled != cluster_mode and int(kwargs["num_node_groups"]) > 1:
                raise error("InvalidParameterCombination",
                            "Cluster mode requires a parameter group with cluster-enabled set to yes.")
            cluster_mode = cluster_mode or enabled
        if cluster_mode:
            kwargs["cluster_mode"] = "enabled"
        subnet = kwargs.get("cache_subnet_group_name")
        if subnet and subnet not in self.cache_subnet_groups:
            raise error("CacheSubnetGroupNotFoundFault", f"CacheSubnetGroup {subnet} not found.")
        for ug in kwargs.get("user_group_ids") or []:
            if ug not in state(self)["user_groups"]:
                raise error("UserGroupNotFound", f"User group {ug} not found.")
        if kwargs.get("at_rest_encryption_enabled") is False and kwargs.get("kms_key_id"):
            raise error("InvalidParameterCombination", "KmsKeyId requires AtRestEncryptionEnabled.")
        if kwargs.get("auth_token") and not kwargs.get("transit_encryption_enabled"):
            raise error("InvalidParameterValue", "AuthToken requires TransitEncryptionEnabled.")
        gid = kwargs.get("global_replication_group_id")
        if gid:
            ggroup = global_groups(self.account_id).get(gid)
            if ggroup is None:
                raise error("GlobalReplicationGroupNotFoundFault", f"Global replication group {gid} not found.")
            kwargs.setdefault("engine", ggroup["Engine"])
            if not kwargs.get("engine_version"):
                kwargs["engine_version"] = ggroup["EngineVersion"]
            if not kwargs.get("cache_node_type"):
                kwargs["cache_node_type"] = ggroup["CacheNodeType"]
            # A member inherits the primary's shards, cluster mode, automatic
            # failover and encryption, as on AWS.
            primary_member = next((m for m in ggroup["members"] if m["Role"] == "PRIMARY"), None)
            primary_rg = member_rg(self.account_id, primary_member) if primary_member else None
            if kwargs.get("num_node_groups") and primary_rg is not None \
                    and int(kwargs["num_node_groups"]) != len(primary_rg.node_groups):
                raise error("InvalidParameterCombination",
                            "A Global Datastore member has the Global Datastore's number of node groups.")
            if primary_rg is not None:
                cluster_mode = bool(primary_rg.cluster_enabled)
                kwargs["num_node_groups"] = len(primary_rg.node_groups)
                if kwargs.get("automatic_failover_enabled") is None:
                    kwargs["automatic_failover_enabled"] = primary_rg.automatic_failover == "enabled"
                if kwargs.get("transit_encryption_enabled") is None:
                    kwargs["transit_encryption_enabled"] = bool(primary_rg.transit_encryption_enabled)
                if kwargs.get("at_rest_encryption_enabled") is None:
                    kwargs["at_rest_encryption_enabled"] = bool(primary_rg.at_rest_encryption_enabled)
                if cluster_mode:
                    kwargs["cluster_mode"] = "enabled"
                # The member gets a parameter group of its own, a copy of the
                # primary's; the provider deletes it after deleting the member.
                primary_backend = elasticache_backends[self.account_id][primary_member["ReplicationGroupRegion"]]
                source = parameter_group(primary_backend, primary_rg.cache_parameter_group_name or default_group_name(
                    primary_rg.engine, primary_rg.engine_version, cluster_mode))
                member_group = f"global-datastore-{gid}"
                groups = state(self)["parameter_groups"]
                if member_group not in groups:
                    groups[member_group] = {
                        "CacheParameterGroupName": member_group,
                        "CacheParameterGroupFamily": source["CacheParameterGroupFamily"],
                        "Description": f"Parameter group of the Global Datastore {gid} member",
                        "IsGlobal": True, "ARN": arn(self, "parametergroup", member_group),
                        "parameters": {k: dict(v) for k, v in source["parameters"].items()}}
                pg_name = member_group
                kwargs["cache_parameter_group_name"] = member_group
        if not cluster_mode and kwargs.get("num_cache_clusters") and not kwargs.get("replicas_per_node_group"):
            kwargs["replicas_per_node_group"] = int(kwargs["num_cache_clusters"]) - 1
        rg = original_create_rg(self, **kwargs)
        rg.status = "creating"
        rg.engine_version = kwargs.get("engine_version") or "7.1"
        rg.cluster_mode = "enabled" if cluster_mode else "disabled"
        rg.cluster_enabled = cluster_mode
        if kwargs.get("kms_key_id"):
            rg.kms_key_id = kwargs["kms_key_id"]
        rg.preferred_maintenance_window = kwargs.get("preferred_maintenance_window") or "sun:05:00-sun:06:00"
        rg.snapshot_window = kwargs.get("snapshot_window") or "06:00-07:00"
        rg.arn = arn(self, "replicationgroup", rg_id)
        if gid:
            rg.global_replication_group_id = gid
            rg.global_replication_group_member_role = "SECONDARY"
            global_groups(self.account_id)[gid]["members"].append(
                {"ReplicationGroupId": rg_id, "ReplicationGroupRegion": self.region_name,
                 "Role": "SECONDARY", "AutomaticFailover": rg.automatic_failover, "Status": "associated"})
        else:
            rg.global_replication_group_member_role = None
        if cluster_mode and not any(c.get("Slots") for c in kwargs.get("node_group_configuration") or []):
            count = len(rg.node_groups)  # the 16384 hash slots, split evenly as AWS does
            for index, group in enumerate(rg.node_groups):
                group["slots"] = f"{16384 * index // count}-{16384 * (index + 1) // count - 1}"
        azs = [f"{self.region_name}{c}" for c in "abc"]
        for index, group in enumerate(rg.node_groups):
            for m, member in enumerate(group["node_group_members"]):
                member["preferred_availability_zone"] = azs[(index + m) % 3]
                member["current_role"] = "primary" if m == 0 else "replica"
                if cluster_mode:
                    member.pop("current_role", None)
                    member["read_endpoint"] = {
                        "address": f"{member['cache_cluster_id']}.{rg_id}.cache.amazonaws.com",
                        "port": rg.port}
                cluster = CacheCluster(
                    account_id=self.account_id, region_name=self.region_name,
                    cache_cluster_id=member["cache_cluster_id"],
                    cache_node_type=rg.cache_node_type, replication_group_id=rg_id, az_mode="single-az",
                    preferred_availability_zone=member["preferred_availability_zone"],
                    num_cache_nodes=1, engine=rg.engine, engine_version=rg.engine_version,
                    cache_parameter_group_name=pg_name or default_group_name(
                        rg.engine, rg.engine_version, cluster_mode),
                    cache_subnet_group_name=subnet,
                    transit_encryption_enabled=rg.transit_encryption_enabled,
                    network_type=rg.network_type, ip_discovery=rg.ip_discovery, snapshot_name=None,
                    preferred_maintenance_window=rg.preferred_maintenance_window, port=rg.port,
                    notification_topic_arn=kwargs.get("notification_topic_arn"),
                    auto_minor_version_upgrade=kwargs.get("auto_minor_version_upgrade", True),
                    snapshot_retention_limit=rg.snapshot_retention_limit,
                    snapshot_window=rg.snapshot_window, auth_token=kwargs.get("auth_token"),
                    outpost_mode=None, preferred_outpost_arn=None, preferred_availability_zones=None,
                    cache_security_group_names=None,
                    security_group_ids=list(kwargs.get("security_group_ids") or []),
                    tags=[], snapshot_arns=None, preferred_outpost_arns=None,
                    log_delivery_configurations=[], cache_node_ids_to_remove=None,
                    cache_node_ids_to_reboot=None)
                cluster.at_rest_encryption_enabled = rg.at_rest_encryption_enabled
                cluster.transit_encryption_enabled = bool(rg.transit_encryption_enabled)
                cluster.cache_cluster_status = "creating"
                decorate_cluster(cluster, self)
                self.cache_clusters[cluster.cache_cluster_id] = cluster
        return rg

    original_describe_rgs = ElastiCacheBackend.describe_replication_groups

    def describe_replication_groups(self, replication_group_id=None):  # type: ignore[no-untyped-def]
        groups = original_describe_rgs(self, replication_group_id)
        for rg in groups:
            progress(rg)
        return groups

    def delete_replication_group(self, replication_group_id, retain_primary_cluster):  # type: ignore[no-untyped-def]
        rg = self.replication_groups.get(replication_group_id)
        if rg is None:
            raise models.ReplicationGroupNotFound(replication_group_id)
        if getattr(rg, "global_replication_group_id", ""):
            raise error("InvalidReplicationGroupState",
                        f"Replication group {replication_group_id} is a member of global replication "
                        f"group {rg.global_replication_group_id}; disassociate it first.")
        for cluster_id in rg.member_clusters:
            self.cache_clusters.pop(cluster_id, None)
        del self.replication_groups[replication_group_id]
        rg.status = "deleting"
        return rg

    def modify_replication_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        rg_id = self._get_param("ReplicationGroupId")
        rg = backend.describe_replication_groups(rg_id)[0]
        members = [backend.cache_clusters[c] for c in rg.member_clusters if c in backend.cache_clusters]
        simple = {"SnapshotRetentionLimit": "snapshot_retention_limit", "SnapshotWindow": "snapshot_window",
                  "PreferredMaintenanceWindow": "preferred_maintenance_window",
                  "CacheNodeType": "cache_node_type", "EngineVersion": "engine_version",
                  "AutoMinorVersionUpgrade": "auto_minor_version_upgrade",
                  "NotificationTopicArn": "notification_topic_arn",
                  "CacheParameterGroupName": "cache_parameter_group_name"}
        for param, attr in simple.items():
            value = self._get_param(param)
            if value is None:
                continue
            if param == "CacheParameterGroupName":
                parameter_group(backend, value)
            if param == "SnapshotRetentionLimit":
                value = int(value)
            setattr(rg, attr, value)
            for cluster in members:
                setattr(cluster, attr, value)
                decorate_cluster(cluster, backend)
        if self._get_param("ReplicationGroupDescription") is not None:
            rg.description = self._get_param("ReplicationGroupDescription")
        if self._get_param("AutomaticFailoverEnabled") is not None:
            rg.automatic_failover = "enabled" if self._get_bool_param("AutomaticFailoverEnabled") else "disabled"
        if self._get_param("MultiAZEnabled") is not None:
            rg.multi_az = "enabled" if self._get_bool_param("MultiAZEnabled") else "disabled"
        if self._get_param("SecurityGroupIds") is not None:
            rg.security_group_ids = list(self._get_param("SecurityGroupIds"))
            for cluster in members:
                cluster.security_group_ids = list(rg.security_group_ids)
                decorate_cluster(cluster, backend)
        for ug in self._get_param("UserGroupIdsToAdd", []) or []:
            if ug not in state(backend)["user_groups"]:
                raise error("UserGroupNotFound", f"User group {ug} not found.")
            rg.user_group_ids.append(ug)
        for ug in self._get_param("UserGroupIdsToRemove", []) or []:
            if ug in rg.user_group_ids:
                rg.user_group_ids.remove(ug)
        return ActionResult({"ReplicationGroup": rg})

    # --- users and user groups ---------------------------------------------------
    def modify_user(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        user_id = self._get_param("UserId")
        users = backend.describe_users(user_id)
        user = users[0]
        if self._get_param("AccessString") is not None:
            user.access_string = self._get_param("AccessString")
        if self._get_param("Passwords"):
            user.passwords = self._get_param("Passwords")
            user.authentication_type = "password"
        if self._get_bool_param("NoPasswordRequired"):
            user.no_password_required = True
            user.passwords = []
            user.authentication_type = "no-password"
        if self._get_param("AuthenticationMode"):
            mode = self._get_param("AuthenticationMode")
            user.authentication_type = mode.get("Type")
            if mode.get("Passwords"):
                user.passwords = mode["Passwords"]
        return ActionResult(user)

    def user_group_view(group: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in group.items() if not k.startswith("_")}

    def describe_user_group(backend: ElastiCacheBackend, gid: str) -> dict[str, Any]:
        group = state(backend)["user_groups"].get(gid)
        if group is None:
            raise error("UserGroupNotFound", f"User group {gid} not found.")
        return group

    def check_users(backend: ElastiCacheBackend, user_ids: list[str]) -> None:
        for uid in user_ids:
            backend.describe_users(uid)

    def create_user_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        gid = self._get_param("UserGroupId")
        engine = (self._get_param("Engine") or "").lower()
        if not gid or not engine:
            raise error("InvalidParameterValue", "UserGroupId and Engine are required.")
        if engine not in ("redis", "valkey"):
            raise error("InvalidParameterValue", f"Engine {engine} is not valid: redis or valkey.")
        if gid in state(backend)["user_groups"]:
            raise error("UserGroupAlreadyExists", f"User group {gid} already exists.")
        user_ids = list(self._get_param("UserIds", []) or [])
        check_users(backend, user_ids)
        if user_ids and not any(backend.users[u].name == "default" for u in user_ids if u in backend.users):
            raise error("DefaultUserRequired", "A user group must contain a user named default.")
        group = {"UserGroupId": gid, "Status": "creating", "Engine": engine, "UserIds": user_ids,
                 "MinimumEngineVersion": "6.0", "PendingChanges": {}, "ReplicationGroups": [],
                 "ARN": arn(backend, "usergroup", gid)}
        state(backend)["user_groups"][gid] = group
        for uid in user_ids:
            backend.users[uid].user_group_ids.append(gid)
        tags = self._get_param("Tags", [])
        if tags:
            backend.add_tags_to_resource(group["ARN"], tags)
        return ActionResult(user_group_view(group))

    def describe_user_groups(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        gid = self._get_param("UserGroupId")
        groups = [describe_user_group(backend, gid)] if gid else list(state(backend)["user_groups"].values())
        for group in groups:
            if group["Status"] in ("creating", "modifying"):
                if group.get("_described"):
                    group["Status"] = "active"
                    group["_described"] = False
                else:
                    group["_described"] = True
            group["ReplicationGroups"] = [rg.replication_group_id for rg in backend.replication_groups.values()
                                          if group["UserGroupId"] in rg.user_group_ids]
        return ActionResult({"UserGroups": [user_group_view(g) for g in groups]})

    def modify_user_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        group = describe_user_group(backend, self._get_param("UserGroupId"))
        add = list(self._get_param("UserIdsToAdd", []) or [])
        remove = list(self._get_param("UserIdsToRemove", []) or [])
        check_users(backend, add)
        ids = [u for u in group["UserIds"] if u not in remove] + [u for u in add if u not in group["UserIds"]]
        if ids and not any(backend.users[u].name == "default" for u in ids if u in backend.users):
            raise error("DefaultUserRequired", "A user group must contain a user named default.")
        group["UserIds"] = ids
        group["Status"] = "modifying"
        group["_described"] = False
        return ActionResult(user_group_view(group))

    def delete_user_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        gid = self._get_param("UserGroupId")
        group = describe_user_group(backend, gid)
        if any(gid in rg.user_group_ids for rg in backend.replication_groups.values()):
            raise error("InvalidUserGroupState", f"User group {gid} is associated with a replication group.")
        del state(backend)["user_groups"][gid]
        for uid in group["UserIds"]:
            if uid in backend.users and gid in backend.users[uid].user_group_ids:
                backend.users[uid].user_group_ids.remove(gid)
        group["Status"] = "deleting"
        return ActionResult(user_group_view(group))

    # --- global datastores ------------------------------------------------------
    def global_view(group: dict[str, Any], members: bool) -> dict[str, Any]:
        view = {k: v for k, v in group.items() if k not in ("members", "_described")}
        if members:
            view["Members"] = list(group["members"])
        return view

    def get_global(account_id: str, gid: str) -> dict[str, Any]:
        group = global_groups(account_id).get(gid)
        if group is None:
            raise error("GlobalReplicationGroupNotFoundFault", f"Global replication group {gid} not found.")
        return group

    def create_global_replication_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        suffix = self._get_param("GlobalReplicationGroupIdSuffix")
        primary_id = self._get_param("PrimaryReplicationGroupId")
        if not suffix or not primary_id:
            raise error("InvalidParameterValue",
                        "GlobalReplicationGroupIdSuffix and PrimaryReplicationGroupId are required.")
        primary = backend.describe_replication_groups(primary_id)[0]
        if getattr(primary, "global_replication_group_id", ""):
            raise error("InvalidReplicationGroupState",
                        f"Replication group {primary_id} is already in a global replication group.")
        prefix = "".join(random.choices(string.ascii_lowercase, k=5))
        gid = f"{prefix}-{suffix}"
        group = {"GlobalReplicationGroupId": gid,
                 "GlobalReplicationGroupDescription": self._get_param("GlobalReplicationGroupDescription") or "",
                 "Status": "creating", "CacheNodeType": primary.cache_node_type, "Engine": primary.engine,
                 "EngineVersion": primary.engine_version,
                 "ClusterEnabled": bool(primary.cluster_enabled),
                 "AuthTokenEnabled": bool(primary.auth_token_enabled),
                 "TransitEncryptionEnabled": bool(primary.transit_encryption_enabled),
                 "AtRestEncryptionEnabled": bool(primary.at_rest_encryption_enabled),
                 "ARN": f"arn:aws:elasticache::{backend.account_id}:globalreplicationgroup:{gid}",
                 "GlobalNodeGroups": [{"GlobalNodeGroupId": f"{gid}-{g['node_group_id']}",
                                       "Slots": g.get("slots", "0-16383")} for g in primary.node_groups],
                 "members": [{"ReplicationGroupId": primary_id, "ReplicationGroupRegion": backend.region_name,
                              "Role": "PRIMARY", "AutomaticFailover": primary.automatic_failover,
                              "Status": "associated"}]}
        global_groups(backend.account_id)[gid] = group
        primary.global_replication_group_id = gid
        primary.global_replication_group_member_role = "PRIMARY"
        return ActionResult({"GlobalReplicationGroup": global_view(group, True)})

    def describe_global_replication_groups(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        gid = self._get_param("GlobalReplicationGroupId")
        show = self._get_bool_param("ShowMemberInfo", False)
        groups = [get_global(backend.account_id, gid)] if gid else list(global_groups(backend.account_id).values())
        for group in groups:
            if group["Status"] in ("creating", "modifying"):
                if group.get("_described"):
                    group["Status"] = "available"
                    group["_described"] = False
                else:
                    group["_described"] = True
        return ActionResult({"GlobalReplicationGroups": [global_view(g, show) for g in groups]})

    def modify_global_replication_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        group = get_global(backend.account_id, self._get_param("GlobalReplicationGroupId"))
        if self._get_param("GlobalReplicationGroupDescription") is not None:
            group["GlobalReplicationGroupDescription"] = self._get_param("GlobalReplicationGroupDescription")
        for param in ("CacheNodeType", "EngineVersion"):
            if self._get_param(param):
                group[param] = self._get_param(param)
        return ActionResult({"GlobalReplicationGroup": global_view(group, False)})

    def member_rg(account_id: str, member: dict[str, Any]) -> Any:
        backend = elasticache_backends[account_id][member["ReplicationGroupRegion"]]
        return backend.replication_groups.get(member["ReplicationGroupId"])

    def disassociate_global_replication_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        group = get_global(backend.account_id, self._get_param("GlobalReplicationGroupId"))
        rg_id = self._get_param("ReplicationGroupId")
        region = self._get_param("ReplicationGroupRegion")
        for member in list(group["members"]):
            if member["ReplicationGroupId"] == rg_id and member["ReplicationGroupRegion"] == region:
                if member["Role"] == "PRIMARY":
                    raise error("InvalidParameterValue", "The primary replication group cannot be disassociated.")
                group["members"].remove(member)
                rg = member_rg(backend.account_id, member)
                if rg is not None:
                    rg.global_replication_group_id = ""
                    rg.global_replication_group_member_role = None
                return ActionResult({"GlobalReplicationGroup": global_view(group, False)})
        raise error("InvalidParameterValue",
                    f"Replication group {rg_id} in {region} is not a member of the global replication group.")

    def delete_global_replication_group(self):  # type: ignore[no-untyped-def]
        backend = self.elasticache_backend
        gid = self._get_param("GlobalReplicationGroupId")
        group = get_global(backend.account_id, gid)
        if self._get_param("RetainPrimaryReplicationGroup") is None:
            raise error("InvalidParameterValue", "RetainPrimaryReplicationGroup is required.")
        if any(m["Role"] == "SECONDARY" for m in group["members"]):
            raise error("InvalidGlobalReplicationGroupState",
                        f"Global replication group {gid} still has secondary members.")
        retain = self._get_bool_param("RetainPrimaryReplicationGroup")
        for member in group["members"]:
            rg = member_rg(backend.account_id, member)
            if rg is None:
                continue
            rg.global_replication_group_id = ""
            rg.global_replication_group_member_role = None
            if not retain:
                owner = elasticache_backends[backend.account_id][member["ReplicationGroupRegion"]]
                owner.delete_replication_group(rg.replication_group_id, False)
        del global_groups(backend.account_id)[gid]
        group["Status"] = "deleting"
        return ActionResult({"GlobalReplicationGroup": global_view(group, False)})

    def _gri(self):  # type: ignore[no-untyped-def]
        if not getattr(self, "global_replication_group_id", ""):
            return None
        return {"GlobalReplicationGroupId": self.global_replication_group_id,
                "GlobalReplicationGroupMemberRole": self.global_replication_group_member_role}

    original_init = ElastiCacheBackend.__init__

    def backend_init(self, region_name, account_id):  # type: ignore[no-untyped-def]
        original_init(self, region_name, account_id)
        # Tags on every taggable ARN kind (parameter groups and user groups included).
        self.arn_regex = re_compile(
            r"^arn:aws:elasticache:.*:[0-9]*:(cluster|snapshot|subnetgroup|replicationgroup|user|"
            r"usergroup|parametergroup|globalreplicationgroup):.*$")

    ElastiCacheBackend.__init__ = backend_init
    ReplicationGroup.global_replication_group_info = property(_gri)
    ElastiCacheBackend.create_cache_cluster = create_cache_cluster
    ElastiCacheBackend.describe_cache_clusters = describe_cache_clusters
    ElastiCacheBackend.delete_cache_cluster = delete_cache_cluster
    ElastiCacheBackend.create_replication_group = create_replication_group
    ElastiCacheBackend.describe_replication_groups = describe_replication_groups
    ElastiCacheBackend.delete_replication_group = delete_replication_group
    for function in (create_cache_parameter_group, describe_cache_parameter_groups,
                     modify_cache_parameter_group, reset_cache_parameter_group,
                     delete_cache_parameter_group, describe_cache_parameters, delete_cache_subnet_group,
                     modify_replication_group, modify_user, create_user_group, describe_user_groups,
                     modify_user_group, delete_user_group, create_global_replication_group,
                     describe_global_replication_groups, modify_global_replication_group,
                     disassociate_global_replication_group, delete_global_replication_group):
        setattr(ElastiCacheResponse, function.__name__, function)
    ElastiCacheBackend._infra_emulator = True
    _ = utcnow
