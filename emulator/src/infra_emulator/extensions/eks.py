"""EKS: clusters and managed node groups read back as sent, add-ons, access
entries and access policies, Pod Identity associations, updates, tags.

AWS behaviour (API 2017-11-01, rest-json):
- CreateCluster stores and DescribeCluster returns ``accessConfig``
  (``authenticationMode`` CONFIG_MAP by default, API / API_AND_CONFIG_MAP;
  ``bootstrapClusterCreatorAdminPermissions`` true by default, which gives the
  creator an access entry with AmazonEKSClusterAdminPolicy), ``upgradePolicy``
  (``supportType`` EXTENDED by default), ``zonalShiftConfig`` /
  ``computeConfig`` / ``storageConfig`` when sent, ``resourcesVpcConfig`` with
  ``vpcId``, ``clusterSecurityGroupId``, endpoint access (public true, private
  false, ``publicAccessCidrs`` ["0.0.0.0/0"] by default) and
  ``kubernetesNetworkConfig`` with ``ipFamily``. Create answers ``CREATING``,
  Describe then ``ACTIVE``; Delete answers ``DELETING`` and the cluster is gone
  (with its add-ons, access entries and Pod Identity associations); a cluster
  with node groups is a 409 ResourceInUseException.
- UpdateClusterConfig (vpc config, logging, accessConfig, upgradePolicy,
  zonalShiftConfig, ...) and UpdateClusterVersion answer an ``update``;
  DescribeUpdate / ListUpdates report it ``Successful``. authenticationMode only
  moves CONFIG_MAP -> API_AND_CONFIG_MAP -> API (else InvalidParameterException).
- Node groups: ``remoteAccess`` only when sent; ``updateConfig``
  (maxUnavailable or maxUnavailablePercentage, 1-100) and ``nodeRepairConfig``
  stored; ``launchTemplate`` must exist (id or name, both returned, with the
  version); no ``diskSize`` with a launch template; version defaults to the
  cluster's; capacityType ON_DEMAND/SPOT/CAPACITY_BLOCK; scaling sizes checked;
  Create answers CREATING, Delete DELETING; UpdateNodegroupConfig /
  UpdateNodegroupVersion answer an update (DescribeUpdate with nodegroupName).
- Add-ons: Create/Describe/List/Update/DeleteAddon, DescribeAddonVersions for
  vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver, eks-pod-identity-agent
  (an unknown add-on or version is InvalidParameterException); ARN
  ``arn:aws:eks:<region>:<account>:addon/<cluster>/<addon>/<uuid>``.
- Access entries (STANDARD, FARGATE_LINUX, EC2_LINUX, EC2_WINDOWS; not on a
  CONFIG_MAP cluster: InvalidRequestException), ARN
  ``access-entry/<cluster>/<role|user>/<account>/<name>/<uuid>``; access
  policies (ListAccessPolicies, Associate/ListAssociated/Disassociate with
  accessScope cluster|namespace, STANDARD entries only).
- Pod Identity associations: ids ``a-`` + 17 characters, ARN
  ``podidentityassociation/<cluster>/<id>``, one per namespace/service account.
- TagResource/UntagResource/ListTagsForResource for every ARN above.
- A node group's Auto Scaling group (``resources.autoScalingGroups``) is a
  real group to EC2 Auto Scaling: PutScheduledUpdateGroupAction accepts it
  (the scale-down schedules of dev), and deleting the node group deletes the
  group's scheduled actions. A scheduled action on a group that is neither an
  Auto Scaling group nor a node group's is a ValidationError ("AutoScalingGroup
  name not found"), as on AWS.
Unknown cluster/add-on/entry/association: 404 ResourceNotFoundException;
duplicates: 409 ResourceInUseException; bad values: 400 InvalidParameterException.

moto gap (5.2.1): no accessConfig (the provider replaces the cluster), an
invented remoteAccess and no updateConfig on node groups (replacement),
UpdateClusterConfig answers a cluster instead of an update, no DescribeUpdate,
tags only on clusters, and add-ons, access entries, access policies and Pod
Identity associations are 404.

moto (5.2.1) also accepts a scheduled action for any group name, existing or
not, and keeps it forever.

Extension (in moto's terms): a subclass of moto's ``EKSResponse`` serving every
EKS path (``moto.eks.urls.url_paths``), with the missing operations; the new
resources live on moto's ``Cluster`` model (so they go with it). Data in
``eks_data.py``.
"""

import copy
import re
import uuid
from typing import Any

NAME = "eks"

AUTH_MODES = ("API", "API_AND_CONFIG_MAP", "CONFIG_MAP")
AUTH_ORDER = {"CONFIG_MAP": 0, "API_AND_CONFIG_MAP": 1, "API": 2}
CAPACITY_TYPES = ("ON_DEMAND", "SPOT", "CAPACITY_BLOCK")
TAINT_EFFECTS = ("NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE")
ACCESS_ENTRY_TYPES = ("STANDARD", "FARGATE_LINUX", "EC2_LINUX", "EC2_WINDOWS", "EC2",
                      "HYBRID_LINUX", "HYPERPOD_LINUX")
RESOLVE_CONFLICTS = ("OVERWRITE", "NONE", "PRESERVE")
PRINCIPAL = re.compile(r"^arn:(aws[a-z-]*):(iam|sts)::(\d{12}):(role|user|assumed-role)/(.+)$")
ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/.+$")
KMS_ARN = re.compile(r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)/.+$")


def _uuid() -> str:
    return str(uuid.uuid4())


def apply() -> None:
    import moto.eks.urls as eks_urls
    from moto.core.responses import ActionResult, EmptyResult
    from moto.core.utils import utcnow
    from moto.eks import models
    from moto.eks.exceptions import (
        InvalidParameterException,
        InvalidRequestException,
        ResourceInUseException,
        ResourceNotFoundException,
    )
    from moto.eks.responses import EKSResponse
    from moto.moto_api._internal import mock_random as random

    from infra_emulator.extensions.eks_data import ACCESS_POLICIES, ADDONS

    if getattr(models.EKSBackend, "_infra_emulator", False):
        return

    def not_found(message: str, **kw: Any) -> Exception:
        return ResourceNotFoundException(message=message, **kw)

    def in_use(message: str, **kw: Any) -> Exception:
        return ResourceInUseException(message=message, **kw)

    def invalid(message: str) -> Exception:
        return InvalidParameterException(message=message)

    def invalid_request(message: str) -> Exception:
        return InvalidRequestException(message=message)

    def snapshot(obj: Any, status: str) -> Any:
        shown = copy.copy(obj)
        shown.status = status
        return shown

    def extras(cluster: Any) -> Any:
        if not hasattr(cluster, "addons"):
            cluster.addons = {}
            cluster.access_entries = {}
            cluster.pod_identity_associations = {}
            cluster.updates = {}
        return cluster

    def version_key(v: str) -> tuple[int, ...]:
        return tuple(int(p) for p in re.findall(r"\d+", v)[:2])

    # --- the backend -------------------------------------------------------

    Backend = models.EKSBackend

    def get_cluster(self: Any, name: str) -> Any:
        if name not in self.clusters:
            raise not_found(models.CLUSTER_NOT_FOUND_MSG.format(clusterName=name),
                            clusterName=name)
        return extras(self.clusters[name])

    def record_update(self: Any, cluster: Any, update_type: str, params: list[dict],
                      nodegroup: str | None = None, addon: str | None = None) -> dict:
        update = {"id": _uuid(), "status": "Successful", "type": update_type,
                  "params": params, "createdAt": utcnow(), "errors": []}
        cluster.updates[update["id"]] = (nodegroup, addon, update)
        return update

    def all_arn_holders(self: Any) -> list[Any]:
        holders = []
        for cluster in self.clusters.values():
            extras(cluster)
            holders.append((cluster.arn, cluster))
            holders += [(n.arn, n) for n in cluster.nodegroups.values()]
            holders += [(f.fargate_profile_arn, f) for f in cluster.fargate_profiles.values()]
            holders += [(a["addonArn"], a) for a in cluster.addons.values()]
            holders += [(e["accessEntryArn"], e) for e in cluster.access_entries.values()]
            holders += [(p["associationArn"], p) for p in
                        cluster.pod_identity_associations.values()]
        return holders

    def find_tagged(self: Any, arn: str) -> Any:
        if not re.match(r"^arn:aws[a-z-]*:eks:", arn or ""):
            raise invalid(f"{arn} is not a valid ARN")
        for holder_arn, holder in all_arn_holders(self):
            if holder_arn == arn:
                return holder
        raise not_found(f"Resource was not found: {arn}")

    def tag_store(holder: Any) -> dict:
        if isinstance(holder, dict):
            return holder.setdefault("tags", {})
        if getattr(holder, "tags", None) is None:
            holder.tags = {}
        return holder.tags

    def tag_resource(self: Any, resource_arn: str, tags: dict[str, str]) -> None:
        tag_store(find_tagged(self, resource_arn)).update(tags or {})

    def untag_resource(self: Any, resource_arn: str, tag_keys: list[str]) -> None:
        store = tag_store(find_tagged(self, resource_arn))
        for key in [tag_keys] if isinstance(tag_keys, str) else tag_keys or []:
            store.pop(key, None)

    def list_tags_for_resource(self: Any, resource_arn: str) -> dict[str, str]:
        return dict(tag_store(find_tagged(self, resource_arn)))

    Backend.get_cluster = get_cluster
    Backend.record_update = record_update
    Backend.tag_resource = tag_resource
    Backend.untag_resource = untag_resource
    Backend.list_tags_for_resource = list_tags_for_resource
    Backend._infra_emulator = True

    # --- the responses ------------------------------------------------------

    def vpc_id_of(account: str, region: str, subnet_ids: list[str]) -> str | None:
        try:
            from moto.ec2.models import ec2_backends

            ec2 = ec2_backends[account][region]
            for subnet in ec2.describe_subnets(subnet_ids=subnet_ids[:1]):
                return subnet.vpc_id
        except Exception:  # noqa: BLE001 - unknown subnets: as moto, accept them
            return None
        return None

    def check_auth_mode(mode: Any) -> None:
        if mode is not None and mode not in AUTH_MODES:
            raise invalid(f"Unsupported authentication mode: {mode}. Valid values: "
                          f"{list(AUTH_MODES)}")

    def merge_vpc_config(current: dict, sent: dict) -> dict:
        out = dict(current)
        for key in ("subnetIds", "securityGroupIds", "endpointPublicAccess",
                    "endpointPrivateAccess", "publicAccessCidrs"):
            if key in sent and sent[key] is not None:
                out[key] = sent[key]
        if not out.get("endpointPublicAccess") and not out.get("endpointPrivateAccess"):
            raise invalid("Cluster must have either public or private API endpoint access "
                          "enabled.")
        return out

    def principal_parts(arn: str) -> tuple[str, str, str]:
        root = re.match(r"^arn:aws[a-z-]*:iam::(\d{12}):root$", arn or "")
        if root:
            return "user", root.group(1), "root"
        match = PRINCIPAL.match(arn or "")
        if not match:
            raise invalid(f"The specified principalArn is invalid: {arn}")
        kind = "role" if match.group(4) in ("role", "assumed-role") else "user"
        return kind, match.group(3), match.group(5).split("/")[-1]

    class EKSExtendedResponse(EKSResponse):
        """moto's EKS responses plus the operations moto lacks."""

        def _cluster(self) -> Any:
            return self.eks_backend.get_cluster(self._get_param("name"))

        # clusters
        def create_cluster(self) -> ActionResult:
            access = self._get_param("accessConfig") or {}
            check_auth_mode(access.get("authenticationMode"))
            vpc = self._get_param("resourcesVpcConfig") or {}
            if not vpc.get("subnetIds"):
                raise invalid("Subnets are required.")
            for item in self._get_param("encryptionConfig") or []:
                key = (item.get("provider") or {}).get("keyArn", "")
                if not KMS_ARN.match(key):
                    raise invalid(f"Invalid KMS key ARN: {key}")
                if item.get("resources") != ["secrets"]:
                    raise invalid("Only 'secrets' can be encrypted.")
            result = super().create_cluster()
            cluster = extras(self.eks_backend.clusters[self._get_param("name")])
            cluster.access_config = {
                "authenticationMode": access.get("authenticationMode") or "CONFIG_MAP",
                "bootstrapClusterCreatorAdminPermissions":
                    access.get("bootstrapClusterCreatorAdminPermissions", True),
            }
            cluster.upgrade_policy = self._get_param("upgradePolicy") or {"supportType": "EXTENDED"}
            cluster.zonal_shift_config = self._get_param("zonalShiftConfig")
            cluster.compute_config = self._get_param("computeConfig")
            cluster.storage_config = self._get_param("storageConfig")
            cluster.outpost_config = self._get_param("outpostConfig")
            cluster.deletion_protection = self._get_param("deletionProtection")
            cluster.id = None
            base = {"securityGroupIds": [], "endpointPublicAccess": True,
                    "endpointPrivateAccess": False, "publicAccessCidrs": ["0.0.0.0/0"],
                    "clusterSecurityGroupId": "sg-" + random.get_random_hex(17),
                    "vpcId": vpc_id_of(self.current_account, self.region, vpc["subnetIds"])}
            cluster.resources_vpc_config = merge_vpc_config(base, vpc)
            network = dict(self._get_param("kubernetesNetworkConfig") or {})
            network.setdefault("serviceIpv4Cidr", "172.20.0.0/16")
            network.setdefault("ipFamily", "ipv4")
            cluster.kubernetes_network_config = network
            cluster.logging = copy.deepcopy(cluster.logging)
            if not self._get_param("version"):
                cluster.version = "1.33"
            if (cluster.access_config["bootstrapClusterCreatorAdminPermissions"]
                    and cluster.access_config["authenticationMode"] != "CONFIG_MAP"):
                creator = f"arn:aws:iam::{self.current_account}:root"
                entry = self._new_access_entry(cluster, creator, "STANDARD", [], None, {})
                entry["_policies"]["arn:aws:eks::aws:cluster-access-policy/"
                                   "AmazonEKSClusterAdminPolicy"] = {
                    "policyArn": "arn:aws:eks::aws:cluster-access-policy/"
                                 "AmazonEKSClusterAdminPolicy",
                    "accessScope": {"type": "cluster", "namespaces": []},
                    "associatedAt": utcnow(), "modifiedAt": utcnow()}
            return ActionResult({"cluster": snapshot(cluster, "CREATING")})

        def delete_cluster(self) -> ActionResult:
            cluster = self._cluster()
            self.eks_backend.delete_cluster(name=cluster.name)
            return ActionResult({"cluster": snapshot(cluster, "DELETING")})

        def update_cluster_config(self) -> ActionResult:
            cluster = self._cluster()
            params = []
            vpc = self._get_param("resourcesVpcConfig")
            if vpc:
                cluster.resources_vpc_config = merge_vpc_config(cluster.resources_vpc_config, vpc)
                params.append(("EndpointAccessUpdate", vpc))
            logging = self._get_param("logging")
            if logging:
                enabled = {t for c in cluster.logging.get("clusterLogging", [])
                           if c.get("enabled") for t in c.get("types", [])}
                for item in logging.get("clusterLogging", []):
                    types = set(item.get("types") or [])
                    enabled = enabled | types if item.get("enabled") else enabled - types
                all_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
                cluster.logging = {"clusterLogging": [
                    {"types": [t for t in all_types if t in enabled], "enabled": True},
                    {"types": [t for t in all_types if t not in enabled], "enabled": False}]}
                cluster.logging["clusterLogging"] = [
                    c for c in cluster.logging["clusterLogging"] if c["types"]]
                params.append(("LoggingUpdate", logging))
            access = self._get_param("accessConfig")
            if access and access.get("authenticationMode"):
                mode = access["authenticationMode"]
                check_auth_mode(mode)
                current = cluster.access_config["authenticationMode"]
                if AUTH_ORDER[mode] < AUTH_ORDER[current]:
                    raise invalid(f"Unsupported authentication mode update from {current} "
                                  f"to {mode}")
                if mode == current:
                    raise invalid_request(f"Unsupported authentication mode update: the "
                                          f"cluster already uses {mode}")
                cluster.access_config = dict(cluster.access_config, authenticationMode=mode)
                params.append(("AccessConfigUpdate", access))
            for key, attr, kind in (("upgradePolicy", "upgrade_policy", "UpgradePolicyUpdate"),
                                    ("zonalShiftConfig", "zonal_shift_config",
                                     "ZonalShiftConfigUpdate"),
                                    ("computeConfig", "compute_config", "AutoModeUpdate"),
                                    ("storageConfig", "storage_config", "AutoModeUpdate"),
                                    ("remoteNetworkConfig", "remote_network_config",
                                     "RemoteNetworkConfigUpdate"),
                                    ("deletionProtection", "deletion_protection",
                                     "DeletionProtectionUpdate")):
                value = self._get_param(key)
                if value is not None:
                    setattr(cluster, attr, value)
                    params.append((kind, value))
            network = self._get_param("kubernetesNetworkConfig")
            if network:
                cluster.kubernetes_network_config = dict(cluster.kubernetes_network_config,
                                                         **network)
                params.append(("AutoModeUpdate", network))
            if not params:
                raise invalid_request("No changes needed")
            update = self.eks_backend.record_update(
                cluster, params[0][0],
                [{"type": k, "value": str(v)} for k, v in params])
            return ActionResult({"update": update})

        def update_cluster_version(self) -> ActionResult:
            cluster = self._cluster()
            version = self._get_param("version")
            if not version or version_key(version) <= version_key(cluster.version):
                raise invalid(f"Unsupported Kubernetes minor version update from "
                              f"{cluster.version} to {version}")
            cluster.version = version
            update = self.eks_backend.record_update(
                cluster, "VersionUpdate", [{"type": "Version", "value": version}])
            return ActionResult({"update": update})

        def describe_update(self) -> ActionResult:
            cluster = self._cluster()
            update_id = self._get_param("updateId")
            nodegroup = self._get_param("nodegroupName")
            addon = self._get_param("addonName")
            stored = cluster.updates.get(update_id)
            if not stored or stored[0] != nodegroup or stored[1] != addon:
                raise not_found(f"No update found for ID: {update_id}.")
            return ActionResult({"update": stored[2]})

        def list_updates(self) -> ActionResult:
            cluster = self._cluster()
            nodegroup = self._get_param("nodegroupName")
            addon = self._get_param("addonName")
            ids = [i for i, (n, a, _) in cluster.updates.items() if n == nodegroup and a == addon]
            return ActionResult({"updateIds": ids})

        # node groups
        def create_nodegroup(self) -> ActionResult:
            cluster = self._cluster()
            name = self._get_param("nodegroupName")
            if name in cluster.nodegroups:
                raise in_use(models.NODEGROUP_EXISTS_MSG.format(
                    nodegroupName=name, clusterName=cluster.name),
                    clusterName=cluster.name, nodegroupName=name)
            scaling = dict(self._get_param("scalingConfig")
                           or {"minSize": 1, "maxSize": 2, "desiredSize": 2})
            check_scaling(scaling)
            capacity = self._get_param("capacityType")
            if capacity is not None and capacity not in CAPACITY_TYPES:
                raise invalid(f"Invalid capacityType: {capacity}")
            update_config = self._get_param("updateConfig")
            check_update_config(update_config)
            for taint in self._get_param("taints") or []:
                check_taint(taint)
            template = self._get_param("launchTemplate")
            if template:
                resolve_template(self.current_account, self.region, template)
            if not self._get_param("subnets"):
                raise invalid("Subnets are required.")
            super().create_nodegroup()
            nodegroup = cluster.nodegroups[name]
            nodegroup.scaling_config = scaling
            nodegroup.remote_access = self._get_param("remoteAccess")
            nodegroup.update_config = update_config or {"maxUnavailable": 1}
            nodegroup.node_repair_config = self._get_param("nodeRepairConfig")
            nodegroup.labels = dict(self._get_param("labels") or {})
            nodegroup.taints = list(self._get_param("taints") or [])
            nodegroup.version = self._get_param("version") or cluster.version
            if not self._get_param("amiType"):
                nodegroup.ami_type = ("AL2023_x86_64_STANDARD"
                                      if version_key(nodegroup.version) >= (1, 30)
                                      else "AL2_x86_64")
            if not self._get_param("releaseVersion"):
                nodegroup.release_version = f"{nodegroup.version}.0-20250101"
            if template:
                nodegroup.launch_template = resolve_template(
                    self.current_account, self.region, template)
                nodegroup.disk_size = None
            else:
                nodegroup.disk_size = self._get_int_param("diskSize") or 20
            if not nodegroup.remote_access:
                nodegroup.resources = {"autoScalingGroups":
                                       nodegroup.resources["autoScalingGroups"]}
            return ActionResult({"nodegroup": snapshot(nodegroup, "CREATING")})

        def update_nodegroup_config(self) -> ActionResult:
            cluster = self._cluster()
            name = self._get_param("nodegroupName")
            if name not in cluster.nodegroups:
                raise not_found(models.NODEGROUP_NOT_FOUND_MSG.format(nodegroupName=name),
                                clusterName=cluster.name, nodegroupName=name)
            nodegroup = cluster.nodegroups[name]
            scaling = self._get_param("scalingConfig")
            if scaling:
                check_scaling(dict(nodegroup.scaling_config, **scaling))
            check_update_config(self._get_param("updateConfig"))
            for taint in (self._get_param("taints") or {}).get("addOrUpdateTaints", []):
                check_taint(taint)
            update = self.eks_backend.update_nodegroup_config(
                cluster_name=cluster.name, nodegroup_name=name,
                labels=self._get_param("labels"), taints=self._get_param("taints"),
                scaling_config=scaling, update_config=self._get_param("updateConfig"),
                node_repair_config=self._get_param("nodeRepairConfig"))
            update["status"] = "Successful"
            cluster.updates[update["id"]] = (name, None, update)
            return ActionResult({"update": update})

        def update_nodegroup_version(self) -> ActionResult:
            cluster = self._cluster()
            name = self._get_param("nodegroupName")
            if name not in cluster.nodegroups:
                raise not_found(models.NODEGROUP_NOT_FOUND_MSG.format(nodegroupName=name),
                                clusterName=cluster.name, nodegroupName=name)
            nodegroup = cluster.nodegroups[name]
            params = []
            if self._get_param("version"):
                nodegroup.version = self._get_param("version")
                params.append({"type": "Version", "value": nodegroup.version})
            if self._get_param("releaseVersion"):
                nodegroup.release_version = self._get_param("releaseVersion")
                params.append({"type": "ReleaseVersion", "value": nodegroup.release_version})
            template = self._get_param("launchTemplate")
            if template:
                nodegroup.launch_template = resolve_template(
                    self.current_account, self.region, template)
                params.append({"type": "LaunchTemplateVersion",
                               "value": nodegroup.launch_template.get("version")})
            update = self.eks_backend.record_update(cluster, "VersionUpdate", params,
                                                    nodegroup=name)
            return ActionResult({"update": update})

        # add-ons
        def _addon(self, cluster: Any, name: str) -> dict:
            if name not in cluster.addons:
                raise not_found(f"No addon: {name} found in cluster: {cluster.name}",
                                clusterName=cluster.name, addonName=name)
            return cluster.addons[name]

        def create_addon(self) -> ActionResult:
            cluster = self._cluster()
            name = self._get_param("addonName")
            if name not in ADDONS:
                raise invalid(f"Addon {name} specified is not supported in "
                              f"{cluster.version} kubernetes version")
            if name in cluster.addons:
                raise in_use(f"Addon already exists: {name}", clusterName=cluster.name,
                             addonName=name)
            version = self._addon_version(name, cluster, self._get_param("addonVersion"))
            self._check_addon_args()
            addon = {
                "addonName": name, "clusterName": cluster.name, "status": "ACTIVE",
                "addonVersion": version, "health": {"issues": []},
                "addonArn": (f"arn:aws:eks:{self.region}:{self.current_account}:addon/"
                             f"{cluster.name}/{name}/{_uuid()}"),
                "createdAt": utcnow(), "modifiedAt": utcnow(),
                "tags": dict(self._get_param("tags") or {}),
                "configurationValues": self._get_param("configurationValues") or "",
                "podIdentityAssociations": [],
            }
            if self._get_param("serviceAccountRoleArn"):
                addon["serviceAccountRoleArn"] = self._get_param("serviceAccountRoleArn")
            self._addon_pod_identities(cluster, addon, self._get_param("podIdentityAssociations"))
            cluster.addons[name] = addon
            return ActionResult({"addon": dict(addon, status="CREATING")})

        def _check_addon_args(self) -> None:
            resolve = self._get_param("resolveConflicts")
            if resolve is not None and resolve not in RESOLVE_CONFLICTS:
                raise invalid(f"Invalid resolveConflicts: {resolve}")
            role = self._get_param("serviceAccountRoleArn")
            if role and not ROLE_ARN.match(role):
                raise invalid(f"Invalid serviceAccountRoleArn: {role}")

        def _addon_version(self, name: str, cluster: Any, version: str | None) -> str:
            versions = ADDONS[name]["versions"]
            if version is None:
                return versions[0]
            if version not in versions:
                raise invalid(f"Addon version specified is not supported: {name} {version}")
            return version

        def _addon_pod_identities(self, cluster: Any, addon: dict,
                                  associations: list[dict] | None) -> None:
            if associations is None:
                return
            for association_id in addon["podIdentityAssociations"]:
                cluster.pod_identity_associations.pop(association_id.split("/")[-1], None)
            addon["podIdentityAssociations"] = []
            for item in associations:
                association = self._new_pod_identity(
                    cluster, ADDONS[addon["addonName"]]["namespace"], item["serviceAccount"],
                    item["roleArn"], {}, owner=addon["addonArn"])
                addon["podIdentityAssociations"].append(association["associationArn"])

        def describe_addon(self) -> ActionResult:
            cluster = self._cluster()
            return ActionResult({"addon": self._addon(cluster, self._get_param("addonName"))})

        def list_addons(self) -> ActionResult:
            return ActionResult({"addons": sorted(self._cluster().addons)})

        def update_addon(self) -> ActionResult:
            cluster = self._cluster()
            addon = self._addon(cluster, self._get_param("addonName"))
            self._check_addon_args()
            params = []
            if self._get_param("addonVersion"):
                addon["addonVersion"] = self._addon_version(
                    addon["addonName"], cluster, self._get_param("addonVersion"))
                params.append({"type": "AddonVersion", "value": addon["addonVersion"]})
            if self._get_param("serviceAccountRoleArn") is not None:
                role = self._get_param("serviceAccountRoleArn")
                if role:
                    addon["serviceAccountRoleArn"] = role
                else:
                    addon.pop("serviceAccountRoleArn", None)
                params.append({"type": "ServiceAccountRoleArn", "value": role})
            if self._get_param("configurationValues") is not None:
                addon["configurationValues"] = self._get_param("configurationValues")
                params.append({"type": "ConfigurationValues",
                               "value": addon["configurationValues"]})
            if self._get_param("podIdentityAssociations") is not None:
                self._addon_pod_identities(cluster, addon,
                                           self._get_param("podIdentityAssociations"))
                params.append({"type": "PodIdentityAssociations",
                               "value": str(addon["podIdentityAssociations"])})
            addon["modifiedAt"] = utcnow()
            update = self.eks_backend.record_update(cluster, "AddonUpdate", params,
                                                    addon=addon["addonName"])
            return ActionResult({"update": update})

        def delete_addon(self) -> ActionResult:
            cluster = self._cluster()
            addon = self._addon(cluster, self._get_param("addonName"))
            for association_arn in addon["podIdentityAssociations"]:
                cluster.pod_identity_associations.pop(association_arn.split("/")[-1], None)
            del cluster.addons[addon["addonName"]]
            return ActionResult({"addon": dict(addon, status="DELETING")})

        def describe_addon_versions(self) -> ActionResult:
            name = self._get_param("addonName")
            k8s = self._get_param("kubernetesVersion")
            out = []
            for addon_name, info in ADDONS.items():
                if name and name != addon_name:
                    continue
                versions = []
                for i, version in enumerate(info["versions"]):
                    versions.append({
                        "addonVersion": version, "architecture": ["amd64", "arm64"],
                        "computeTypes": ["ec2"],
                        "compatibilities": [
                            {"clusterVersion": cv, "platformVersions": ["*"],
                             "defaultVersion": i == 0}
                            for cv in info["clusterVersions"] if not k8s or cv == k8s],
                        "requiresConfiguration": False,
                        "requiresIamPermissions": info.get("iam", False)})
                if k8s and k8s not in info["clusterVersions"]:
                    continue
                out.append({"addonName": addon_name, "type": info["type"],
                            "addonVersions": versions, "publisher": "eks", "owner": "aws",
                            "defaultNamespace": info["namespace"]})
            return ActionResult({"addons": out})

        # access entries
        def _new_access_entry(self, cluster: Any, principal: str, entry_type: str,
                              groups: list[str], username: str | None,
                              tags: dict) -> dict:
            kind, account, short = principal_parts(principal)
            if username is None:
                username = (f"arn:aws:sts::{account}:assumed-role/{short}/{{{{SessionName}}}}"
                            if kind == "role" and entry_type == "STANDARD" and
                            ":role/" in principal else principal)
                if entry_type != "STANDARD":
                    username = "system:node:{{EC2PrivateDNSName}}"
            entry = {
                "clusterName": cluster.name, "principalArn": principal,
                "kubernetesGroups": list(groups),
                "accessEntryArn": (f"arn:aws:eks:{self.region}:{self.current_account}:"
                                   f"access-entry/{cluster.name}/{kind}/{account}/{short}/"
                                   f"{_uuid()}"),
                "createdAt": utcnow(), "modifiedAt": utcnow(), "tags": dict(tags),
                "username": username, "type": entry_type, "_policies": {},
            }
            cluster.access_entries[principal] = entry
            return entry

        def _entry(self, cluster: Any, principal: str) -> dict:
            if principal not in cluster.access_entries:
                raise not_found(f"The specified principalArn could not be found. You can "
                                f"view your available access entries with "
                                f"'list-access-entries'.", clusterName=cluster.name)
            return cluster.access_entries[principal]

        @staticmethod
        def _public(entry: dict) -> dict:
            return {k: v for k, v in entry.items() if not k.startswith("_")}

        def create_access_entry(self) -> ActionResult:
            cluster = self._cluster()
            if cluster.access_config["authenticationMode"] == "CONFIG_MAP":
                raise invalid_request("The cluster's authentication mode must be set to one "
                                      "of [API, API_AND_CONFIG_MAP] to perform this operation.")
            principal = self._get_param("principalArn")
            principal_parts(principal)
            entry_type = self._get_param("type") or "STANDARD"
            if entry_type not in ACCESS_ENTRY_TYPES:
                raise invalid(f"The type {entry_type} is not valid. Valid values: "
                              f"{list(ACCESS_ENTRY_TYPES)}")
            groups = self._get_param("kubernetesGroups") or []
            if entry_type != "STANDARD" and (groups or self._get_param("username")):
                raise invalid(f"kubernetesGroups and username cannot be specified for "
                              f"access entries of type {entry_type}")
            for group in groups:
                if group.startswith("system:"):
                    raise invalid(f"The kubernetes group name {group} is invalid, it cannot "
                                  "start with system:")
            if principal in cluster.access_entries:
                raise in_use("The specified access entry resource is already in use on "
                             "this cluster.", clusterName=cluster.name)
            entry = self._new_access_entry(cluster, principal, entry_type, groups,
                                           self._get_param("username"),
                                           self._get_param("tags") or {})
            return ActionResult({"accessEntry": self._public(entry)})

        def describe_access_entry(self) -> ActionResult:
            cluster = self._cluster()
            entry = self._entry(cluster, self._get_param("principalArn"))
            return ActionResult({"accessEntry": self._public(entry)})

        def list_access_entries(self) -> ActionResult:
            cluster = self._cluster()
            policy = self._get_param("associatedPolicyArn")
            names = [p for p, e in cluster.access_entries.items()
                     if policy is None or policy in e["_policies"]]
            return ActionResult({"accessEntries": sorted(names)})

        def update_access_entry(self) -> ActionResult:
            cluster = self._cluster()
            entry = self._entry(cluster, self._get_param("principalArn"))
            groups = self._get_param("kubernetesGroups")
            if groups is not None:
                if entry["type"] != "STANDARD":
                    raise invalid("kubernetesGroups can only be updated for STANDARD entries")
                entry["kubernetesGroups"] = list(groups)
            if self._get_param("username") is not None:
                entry["username"] = self._get_param("username")
            entry["modifiedAt"] = utcnow()
            return ActionResult({"accessEntry": self._public(entry)})

        def delete_access_entry(self) -> ActionResult:
            cluster = self._cluster()
            entry = self._entry(cluster, self._get_param("principalArn"))
            del cluster.access_entries[entry["principalArn"]]
            return EmptyResult()

        def list_access_policies(self) -> ActionResult:
            return ActionResult({"accessPolicies": [
                {"name": name, "arn": f"arn:aws:eks::aws:cluster-access-policy/{name}"}
                for name in ACCESS_POLICIES]})

        def associate_access_policy(self) -> ActionResult:
            cluster = self._cluster()
            entry = self._entry(cluster, self._get_param("principalArn"))
            policy = self._get_param("policyArn") or ""
            match = re.match(r"^arn:aws[a-z-]*:eks::aws:cluster-access-policy/(.+)$", policy)
            if not match or match.group(1) not in ACCESS_POLICIES:
                raise invalid(f"The policyArn {policy} is not valid.")
            if entry["type"] != "STANDARD":
                raise invalid_request("Access policies can only be associated with access "
                                      "entries of type STANDARD.")
            scope = dict(self._get_param("accessScope") or {})
            if scope.get("type") not in ("cluster", "namespace"):
                raise invalid(f"The accessScope type {scope.get('type')} is not valid.")
            namespaces = list(scope.get("namespaces") or [])
            if scope["type"] == "namespace" and not namespaces:
                raise invalid("At least one namespace is required for accessScope type "
                              "namespace.")
            if scope["type"] == "cluster" and namespaces:
                raise invalid("Namespaces cannot be specified for accessScope type cluster.")
            existing = entry["_policies"].get(policy)
            associated = {"policyArn": policy,
                          "accessScope": {"type": scope["type"], "namespaces": namespaces},
                          "associatedAt": existing["associatedAt"] if existing else utcnow(),
                          "modifiedAt": utcnow()}
            entry["_policies"][policy] = associated
            return ActionResult({"clusterName": cluster.name,
                                 "principalArn": entry["principalArn"],
                                 "associatedAccessPolicy": associated})

        def list_associated_access_policies(self) -> ActionResult:
            cluster = self._cluster()
            entry = self._entry(cluster, self._get_param("principalArn"))
            return ActionResult({"clusterName": cluster.name,
                                 "principalArn": entry["principalArn"],
                                 "associatedAccessPolicies": list(entry["_policies"].values())})

        def disassociate_access_policy(self) -> ActionResult:
            cluster = self._cluster()
            entry = self._entry(cluster, self._get_param("principalArn"))
            policy = self._get_param("policyArn")
            if policy not in entry["_policies"]:
                raise not_found(f"The specified policy {policy} is not associated with the "
                                f"access entry.", clusterName=cluster.name)
            del entry["_policies"][policy]
            return EmptyResult()

        # Pod Identity
        def _new_pod_identity(self, cluster: Any, namespace: str, service_account: str,
                              role_arn: str, tags: dict, owner: str | None = None) -> dict:
            if not ROLE_ARN.match(role_arn or ""):
                raise invalid(f"Invalid roleArn: {role_arn}")
            for existing in cluster.pod_identity_associations.values():
                if (existing["namespace"], existing["serviceAccount"]) == (namespace,
                                                                           service_account):
                    raise in_use("Association already exists: " + existing["associationArn"],
                                 clusterName=cluster.name)
            association_id = "a-" + random.get_random_string(17, lower_case=True)
            association = {
                "clusterName": cluster.name, "namespace": namespace,
                "serviceAccount": service_account, "roleArn": role_arn,
                "associationArn": (f"arn:aws:eks:{self.region}:{self.current_account}:"
                                   f"podidentityassociation/{cluster.name}/{association_id}"),
                "associationId": association_id, "tags": dict(tags),
                "createdAt": utcnow(), "modifiedAt": utcnow(), "disableSessionTags": False,
            }
            if owner:
                association["ownerArn"] = owner
            cluster.pod_identity_associations[association_id] = association
            return association

        def _pod_identity(self, cluster: Any, association_id: str) -> dict:
            if association_id not in cluster.pod_identity_associations:
                raise not_found(f"Association not found: {association_id}",
                                clusterName=cluster.name)
            return cluster.pod_identity_associations[association_id]

        def create_pod_identity_association(self) -> ActionResult:
            cluster = self._cluster()
            for key in ("namespace", "serviceAccount"):
                if not self._get_param(key):
                    raise invalid(f"{key} is required.")
            association = self._new_pod_identity(
                cluster, self._get_param("namespace"), self._get_param("serviceAccount"),
                self._get_param("roleArn"), self._get_param("tags") or {})
            if self._get_param("disableSessionTags") is not None:
                association["disableSessionTags"] = self._get_param("disableSessionTags")
            if self._get_param("targetRoleArn"):
                association["targetRoleArn"] = self._get_param("targetRoleArn")
            return ActionResult({"association": association})

        def describe_pod_identity_association(self) -> ActionResult:
            cluster = self._cluster()
            return ActionResult({"association": self._pod_identity(
                cluster, self._get_param("associationId"))})

        def list_pod_identity_associations(self) -> ActionResult:
            cluster = self._cluster()
            namespace = self._get_param("namespace")
            account = self._get_param("serviceAccount")
            summaries = [
                {k: a[k] for k in ("clusterName", "namespace", "serviceAccount",
                                   "associationArn", "associationId", "ownerArn") if k in a}
                for a in cluster.pod_identity_associations.values()
                if (namespace is None or a["namespace"] == namespace)
                and (account is None or a["serviceAccount"] == account)]
            return ActionResult({"associations": summaries})

        def update_pod_identity_association(self) -> ActionResult:
            cluster = self._cluster()
            association = self._pod_identity(cluster, self._get_param("associationId"))
            role = self._get_param("roleArn")
            if role is not None:
                if not ROLE_ARN.match(role):
                    raise invalid(f"Invalid roleArn: {role}")
                association["roleArn"] = role
            if self._get_param("disableSessionTags") is not None:
                association["disableSessionTags"] = self._get_param("disableSessionTags")
            if self._get_param("targetRoleArn") is not None:
                association["targetRoleArn"] = self._get_param("targetRoleArn")
            association["modifiedAt"] = utcnow()
            return ActionResult({"association": association})

        def delete_pod_identity_association(self) -> ActionResult:
            cluster = self._cluster()
            association = self._pod_identity(cluster, self._get_param("associationId"))
            if association.get("ownerArn"):
                raise invalid_request("This association is owned by an add-on and can only "
                                      "be changed through the add-on.")
            del cluster.pod_identity_associations[association["associationId"]]
            return ActionResult({"association": association})

    def delete_nodegroup(self: Any) -> ActionResult:
        cluster = self._cluster()
        nodegroup = self.eks_backend.delete_nodegroup(
            cluster_name=cluster.name, nodegroup_name=self._get_param("nodegroupName"))
        # The node group's Auto Scaling group goes with it, and its scheduled actions.
        groups = {g["name"] for g in nodegroup.resources.get("autoScalingGroups", [])}
        from moto.autoscaling.models import autoscaling_backends
        actions = autoscaling_backends[self.current_account][self.region].scheduled_actions
        for action_name in [n for n, a in actions.items()
                            if a.auto_scaling_group_name in groups]:
            del actions[action_name]
        return ActionResult({"nodegroup": snapshot(nodegroup, "DELETING")})

    def nodegroup_autoscaling_groups(account: str, region: str) -> set[str]:
        from moto.eks.models import eks_backends
        if account not in eks_backends or region not in eks_backends[account]:
            return set()
        return {g["name"] for c in eks_backends[account][region].clusters.values()
                for ng in c.nodegroups.values()
                for g in ng.resources.get("autoScalingGroups", [])}

    from moto.autoscaling.exceptions import ValidationError as AutoScalingValidationError
    from moto.autoscaling.models import AutoScalingBackend

    if not getattr(AutoScalingBackend, "_infra_emulator_eks_schedules", False):
        original_put_scheduled = AutoScalingBackend.put_scheduled_update_group_action

        def put_scheduled_update_group_action(self: Any, name: str, *args: Any, **kw: Any) -> Any:
            if name not in self.autoscaling_groups and name not in nodegroup_autoscaling_groups(
                    self.account_id, self.region_name):
                raise AutoScalingValidationError(f"AutoScalingGroup name not found - {name}")
            return original_put_scheduled(self, name, *args, **kw)

        AutoScalingBackend.put_scheduled_update_group_action = put_scheduled_update_group_action
        AutoScalingBackend._infra_emulator_eks_schedules = True

    EKSExtendedResponse.delete_nodegroup = delete_nodegroup

    def check_scaling(scaling: dict) -> None:
        low, high, want = (scaling.get("minSize"), scaling.get("maxSize"),
                           scaling.get("desiredSize"))
        if high is not None and high < 1:
            raise invalid("maxSize must be at least 1")
        if low is not None and low < 0:
            raise invalid("minSize must be at least 0")
        if None not in (low, high) and low > high:
            raise invalid("Minimum capacity %s can't be greater than maximum capacity %s"
                          % (low, high))
        if want is not None and None not in (low, high) and not low <= want <= high:
            raise invalid("Desired capacity %s can't be greater than max size %s or less "
                          "than min size %s" % (want, high, low))

    def check_update_config(update_config: dict | None) -> None:
        if not update_config:
            return
        given = [k for k in ("maxUnavailable", "maxUnavailablePercentage")
                 if update_config.get(k) is not None]
        if len(given) != 1:
            raise invalid("Exactly one of maxUnavailable and maxUnavailablePercentage "
                          "must be specified")
        value = update_config[given[0]]
        if not isinstance(value, int) or not 1 <= value <= 100:
            raise invalid(f"{given[0]} must be between 1 and 100")

    def check_taint(taint: dict) -> None:
        if not taint.get("key") or taint.get("effect") not in TAINT_EFFECTS:
            raise invalid(f"Invalid taint: {taint}")

    def resolve_template(account: str, region: str, template: dict) -> dict:
        from moto.ec2.models import ec2_backends

        ec2 = ec2_backends[account][region]
        if bool(template.get("id")) == bool(template.get("name")):
            raise invalid("Either the launch template ID or name must be specified, not both.")
        found = [t for t in ec2.launch_templates.values()
                 if t.id == template.get("id") or t.name == template.get("name")]
        if not found:
            raise invalid(f"Launch template {template.get('id') or template.get('name')} "
                          f"does not exist")
        lt = found[0]
        version = str(template.get("version") or lt.default_version_number)
        if version in ("$Latest", "$Default"):
            version = str(lt.latest_version_number if version == "$Latest"
                          else lt.default_version_number)
        if not version.isdigit() or not 1 <= int(version) <= lt.latest_version_number:
            raise invalid(f"Launch template version {version} does not exist")
        return {"name": lt.name, "id": lt.id, "version": version}

    new_paths = {
        "{0}/clusters/(?P<name>[^/]+)/updates$": None,
        "{0}/clusters/(?P<name>[^/]+)/updates/(?P<updateId>[^/]+)$": None,
        "{0}/clusters/(?P<name>[^/]+)/node-groups/(?P<nodegroupName>[^/]+)/update-version$": None,
        "{0}/clusters/(?P<name>[^/]+)/addons$": None,
        "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)$": None,
        "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)/update$": None,
        "{0}/addons/supported-versions$": None,
        "{0}/access-policies$": None,
        "{0}/clusters/(?P<name>[^/]+)/access-entries$": None,
        "{0}/clusters/(?P<name>[^/]+)/access-entries/(?P<principalArn>.+)$": None,
        "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations$": None,
        "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations/(?P<associationId>[^/]+)$": None,
    }
    for path in list(eks_urls.url_paths) + list(new_paths):
        eks_urls.url_paths[path] = EKSExtendedResponse.dispatch
    eks_urls.EKSExtendedResponse = EKSExtendedResponse
