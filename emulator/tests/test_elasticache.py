"""ElastiCache extension: replication groups with members, parameter groups, users, global datastores."""

import pytest
from botocore.exceptions import ClientError


def code(error: pytest.ExceptionInfo) -> str:
    return error.value.response["Error"]["Code"]


def setup(emulator, account, region="us-east-1"):
    ec = emulator.client("elasticache", account, region)
    ec2 = emulator.client("ec2", account, region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    ec.create_cache_subnet_group(CacheSubnetGroupName="redis", CacheSubnetGroupDescription="redis",
                                 SubnetIds=[subnet])
    ec.create_cache_parameter_group(CacheParameterGroupName="redis7-cluster",
                                    CacheParameterGroupFamily="redis7", Description="cluster")
    ec.modify_cache_parameter_group(CacheParameterGroupName="redis7-cluster", ParameterNameValues=[
        {"ParameterName": "cluster-enabled", "ParameterValue": "yes"}])
    return ec


def cluster_mode_group(ec, **extra):
    args = dict(ReplicationGroupId="cache", ReplicationGroupDescription="cache", Engine="redis",
                EngineVersion="7.1", CacheNodeType="cache.r7g.large", NumNodeGroups=2,
                ReplicasPerNodeGroup=1, AutomaticFailoverEnabled=True, MultiAZEnabled=True,
                CacheParameterGroupName="redis7-cluster", CacheSubnetGroupName="redis",
                SecurityGroupIds=["sg-12345678"], AtRestEncryptionEnabled=True,
                KmsKeyId="arn:aws:kms:us-east-1:111111111111:key/abc", TransitEncryptionEnabled=True,
                SnapshotRetentionLimit=7, SnapshotWindow="03:00-04:00",
                PreferredMaintenanceWindow="sun:05:00-sun:06:00")
    args.update(extra)
    return ec.create_replication_group(**args)["ReplicationGroup"]


def test_cluster_mode_replication_group(emulator, account):
    ec = setup(emulator, account)
    created = cluster_mode_group(ec)
    assert created["Status"] == "creating"
    first = ec.describe_replication_groups(ReplicationGroupId="cache")["ReplicationGroups"][0]
    rg = ec.describe_replication_groups(ReplicationGroupId="cache")["ReplicationGroups"][0]
    assert (first["Status"], rg["Status"]) == ("creating", "available")
    assert rg["MemberClusters"] == ["cache-0001-001", "cache-0001-002", "cache-0002-001", "cache-0002-002"]
    assert [g["Slots"] for g in rg["NodeGroups"]] == ["0-8191", "8192-16383"]
    assert [len(g["NodeGroupMembers"]) for g in rg["NodeGroups"]] == [2, 2]
    assert rg["ConfigurationEndpoint"]["Port"] == 6379 and rg["ClusterEnabled"] is True
    assert rg["ClusterMode"] == "enabled"
    assert rg["AtRestEncryptionEnabled"] and rg["TransitEncryptionEnabled"]
    assert rg["KmsKeyId"].endswith("key/abc") and rg["AuthTokenEnabled"] is False
    assert rg["AutomaticFailover"] == "enabled" and rg["MultiAZ"] == "enabled"
    assert rg["SnapshotRetentionLimit"] == 7 and rg["SnapshotWindow"] == "03:00-04:00"
    assert rg["ARN"] == f"arn:aws:elasticache:us-east-1:{account}:replicationgroup:cache"
    member = ec.describe_cache_clusters(CacheClusterId="cache-0002-002")["CacheClusters"][0]
    assert member["ReplicationGroupId"] == "cache" and member["EngineVersion"] == "7.1"
    assert member["CacheParameterGroup"]["CacheParameterGroupName"] == "redis7-cluster"
    assert member["CacheSubnetGroupName"] == "redis"
    assert member["SecurityGroups"] == [{"SecurityGroupId": "sg-12345678", "Status": "active"}]
    assert member["PreferredMaintenanceWindow"] == "sun:05:00-sun:06:00"
    assert member["AtRestEncryptionEnabled"] and member["TransitEncryptionEnabled"]
    modified = ec.modify_replication_group(ReplicationGroupId="cache", SnapshotRetentionLimit=3,
                                           ApplyImmediately=True)["ReplicationGroup"]
    assert modified["SnapshotRetentionLimit"] == 3
    deleted = ec.delete_replication_group(ReplicationGroupId="cache")["ReplicationGroup"]
    assert deleted["Status"] == "deleting"
    with pytest.raises(ClientError) as error:
        ec.describe_replication_groups(ReplicationGroupId="cache")
    assert code(error) == "ReplicationGroupNotFoundFault"
    with pytest.raises(ClientError) as error:
        ec.describe_cache_clusters(CacheClusterId="cache-0001-001")
    assert code(error) == "CacheClusterNotFound"


def test_replication_group_without_cluster_mode_and_errors(emulator, account):
    ec = setup(emulator, account)
    rg = ec.create_replication_group(ReplicationGroupId="single", ReplicationGroupDescription="s",
                                     Engine="redis", EngineVersion="7.1", CacheNodeType="cache.t4g.small",
                                     NumCacheClusters=2, CacheSubnetGroupName="redis")["ReplicationGroup"]
    assert rg["MemberClusters"] == ["single-001", "single-002"]
    roles = [m["CurrentRole"] for m in rg["NodeGroups"][0]["NodeGroupMembers"]]
    assert roles == ["primary", "replica"] and "ConfigurationEndpoint" not in rg
    member = ec.describe_cache_clusters(CacheClusterId="single-001")["CacheClusters"][0]
    assert member["CacheParameterGroup"]["CacheParameterGroupName"] == "default.redis7"
    for extra, expected in ((dict(CacheParameterGroupName="nope"), "CacheParameterGroupNotFound"),
                            (dict(CacheSubnetGroupName="nope"), "CacheSubnetGroupNotFoundFault"),
                            (dict(UserGroupIds=["nope"]), "UserGroupNotFound")):
        with pytest.raises(ClientError) as error:
            cluster_mode_group(ec, ReplicationGroupId="bad", **extra)
        assert code(error) == expected
    with pytest.raises(ClientError) as error:
        ec.delete_replication_group(ReplicationGroupId="nope")
    assert code(error) == "ReplicationGroupNotFoundFault"


def test_parameter_groups(emulator, account):
    ec = setup(emulator, account)
    group = ec.describe_cache_parameter_groups(
        CacheParameterGroupName="redis7-cluster")["CacheParameterGroups"][0]
    assert group["CacheParameterGroupFamily"] == "redis7"
    assert group["ARN"] == f"arn:aws:elasticache:us-east-1:{account}:parametergroup:redis7-cluster"
    ec.modify_cache_parameter_group(CacheParameterGroupName="redis7-cluster", ParameterNameValues=[
        {"ParameterName": "maxmemory-policy", "ParameterValue": "volatile-lru"}])
    params = {p["ParameterName"]: p for p in ec.describe_cache_parameters(
        CacheParameterGroupName="redis7-cluster", Source="user")["Parameters"]}
    assert params["maxmemory-policy"]["ParameterValue"] == "volatile-lru"
    assert params["cluster-enabled"]["Source"] == "user"
    ec.reset_cache_parameter_group(CacheParameterGroupName="redis7-cluster", ParameterNameValues=[
        {"ParameterName": "maxmemory-policy"}])
    assert [p["ParameterName"] for p in ec.describe_cache_parameters(
        CacheParameterGroupName="redis7-cluster")["Parameters"]] == ["cluster-enabled"]
    with pytest.raises(ClientError) as error:
        ec.create_cache_parameter_group(CacheParameterGroupName="redis7-cluster",
                                        CacheParameterGroupFamily="redis7", Description="x")
    assert code(error) == "CacheParameterGroupAlreadyExists"
    with pytest.raises(ClientError) as error:
        ec.create_cache_parameter_group(CacheParameterGroupName="x", CacheParameterGroupFamily="mysql8",
                                        Description="x")
    assert code(error) == "InvalidParameterValue"
    cluster_mode_group(ec)
    with pytest.raises(ClientError) as error:
        ec.delete_cache_parameter_group(CacheParameterGroupName="redis7-cluster")
    assert code(error) == "InvalidCacheParameterGroupState"
    ec.delete_replication_group(ReplicationGroupId="cache")
    ec.delete_cache_parameter_group(CacheParameterGroupName="redis7-cluster")
    for call in (lambda: ec.describe_cache_parameters(CacheParameterGroupName="redis7-cluster"),
                 lambda: ec.delete_cache_parameter_group(CacheParameterGroupName="redis7-cluster")):
        with pytest.raises(ClientError) as error:
            call()
        assert code(error) == "CacheParameterGroupNotFound"


def test_subnet_group_and_cluster_deletion(emulator, account):
    ec = setup(emulator, account)
    ec.create_cache_cluster(CacheClusterId="solo", Engine="redis", CacheNodeType="cache.t4g.small",
                            NumCacheNodes=1, CacheSubnetGroupName="redis")
    with pytest.raises(ClientError) as error:
        ec.delete_cache_subnet_group(CacheSubnetGroupName="redis")
    assert code(error) == "CacheSubnetGroupInUse"
    assert ec.delete_cache_cluster(CacheClusterId="solo")["CacheCluster"]["CacheClusterStatus"] == "deleting"
    with pytest.raises(ClientError) as error:
        ec.describe_cache_clusters(CacheClusterId="solo")
    assert code(error) == "CacheClusterNotFound"
    ec.delete_cache_subnet_group(CacheSubnetGroupName="redis")
    assert ec.describe_cache_subnet_groups()["CacheSubnetGroups"] == []
    with pytest.raises(ClientError) as error:
        ec.delete_cache_subnet_group(CacheSubnetGroupName="redis")
    assert code(error) == "CacheSubnetGroupNotFoundFault"


def test_user_groups(emulator, account):
    ec = setup(emulator, account)
    ec.create_user(UserId="dflt", UserName="default", AccessString="off -@all", Engine="redis",
                   NoPasswordRequired=True)
    ec.create_user(UserId="app", UserName="app", AccessString="on ~app:* +@read", Engine="redis",
                   AuthenticationMode={"Type": "iam"})
    with pytest.raises(ClientError) as error:
        ec.create_user_group(UserGroupId="users", Engine="redis", UserIds=["app"])
    assert code(error) == "DefaultUserRequired"
    with pytest.raises(ClientError) as error:
        ec.create_user_group(UserGroupId="users", Engine="redis", UserIds=["dflt", "ghost"])
    assert code(error) == "UserNotFound"
    group = ec.create_user_group(UserGroupId="users", Engine="redis", UserIds=["dflt", "app"])
    assert group["Status"] == "creating"
    assert group["ARN"] == f"arn:aws:elasticache:us-east-1:{account}:usergroup:users"
    ec.describe_user_groups(UserGroupId="users")
    assert ec.describe_user_groups(UserGroupId="users")["UserGroups"][0]["Status"] == "active"
    cluster_mode_group(ec, UserGroupIds=["users"])
    assert ec.describe_user_groups(UserGroupId="users")["UserGroups"][0]["ReplicationGroups"] == ["cache"]
    with pytest.raises(ClientError) as error:
        ec.delete_user_group(UserGroupId="users")
    assert code(error) == "InvalidUserGroupState"
    ec.modify_user_group(UserGroupId="users", UserIdsToRemove=["app"])
    assert ec.describe_user_groups(UserGroupId="users")["UserGroups"][0]["UserIds"] == ["dflt"]
    ec.delete_replication_group(ReplicationGroupId="cache")
    ec.delete_user_group(UserGroupId="users")
    with pytest.raises(ClientError) as error:
        ec.describe_user_groups(UserGroupId="users")
    assert code(error) == "UserGroupNotFound"


def test_global_datastore(emulator, account):
    ec = setup(emulator, account)
    west = setup(emulator, account, "us-west-2")
    cluster_mode_group(ec)
    created = ec.create_global_replication_group(
        GlobalReplicationGroupIdSuffix="cache", PrimaryReplicationGroupId="cache",
        GlobalReplicationGroupDescription="global")["GlobalReplicationGroup"]
    gid = created["GlobalReplicationGroupId"]
    assert gid.endswith("-cache") and created["Status"] == "creating"
    assert created["ARN"] == f"arn:aws:elasticache::{account}:globalreplicationgroup:{gid}"
    ec.describe_global_replication_groups(GlobalReplicationGroupId=gid)
    group = ec.describe_global_replication_groups(GlobalReplicationGroupId=gid,
                                                  ShowMemberInfo=True)["GlobalReplicationGroups"][0]
    assert group["Status"] == "available" and group["ClusterEnabled"] is True
    assert group["EngineVersion"] == "7.1" and group["CacheNodeType"] == "cache.r7g.large"
    rg = ec.describe_replication_groups(ReplicationGroupId="cache")["ReplicationGroups"][0]
    assert rg["GlobalReplicationGroupInfo"] == {"GlobalReplicationGroupId": gid,
                                                "GlobalReplicationGroupMemberRole": "PRIMARY"}
    west.create_replication_group(ReplicationGroupId="cache-west", ReplicationGroupDescription="w",
                                  GlobalReplicationGroupId=gid, NumNodeGroups=2, ReplicasPerNodeGroup=1,
                                  CacheParameterGroupName="redis7-cluster", CacheSubnetGroupName="redis")
    members = west.describe_global_replication_groups(
        GlobalReplicationGroupId=gid, ShowMemberInfo=True)["GlobalReplicationGroups"][0]["Members"]
    assert {(m["ReplicationGroupId"], m["Role"]) for m in members} == {
        ("cache", "PRIMARY"), ("cache-west", "SECONDARY")}
    with pytest.raises(ClientError) as error:
        ec.delete_replication_group(ReplicationGroupId="cache")
    assert code(error) == "InvalidReplicationGroupState"
    with pytest.raises(ClientError) as error:
        ec.delete_global_replication_group(GlobalReplicationGroupId=gid,
                                           RetainPrimaryReplicationGroup=True)
    assert code(error) == "InvalidGlobalReplicationGroupState"
    ec.disassociate_global_replication_group(GlobalReplicationGroupId=gid,
                                             ReplicationGroupId="cache-west",
                                             ReplicationGroupRegion="us-west-2")
    west.delete_replication_group(ReplicationGroupId="cache-west")
    ec.delete_global_replication_group(GlobalReplicationGroupId=gid, RetainPrimaryReplicationGroup=True)
    with pytest.raises(ClientError) as error:
        ec.describe_global_replication_groups(GlobalReplicationGroupId=gid)
    assert code(error) == "GlobalReplicationGroupNotFoundFault"
    assert "GlobalReplicationGroupInfo" not in ec.describe_replication_groups(
        ReplicationGroupId="cache")["ReplicationGroups"][0]
    ec.delete_replication_group(ReplicationGroupId="cache")


def test_global_member_inherits_from_the_primary(emulator, account):
    ec = setup(emulator, account)
    west = setup(emulator, account, "us-west-2")
    cluster_mode_group(ec)
    gid = ec.create_global_replication_group(
        GlobalReplicationGroupIdSuffix="cache", PrimaryReplicationGroupId="cache",
        GlobalReplicationGroupDescription="global")["GlobalReplicationGroup"]["GlobalReplicationGroupId"]
    # What the provider sends for a member: no shard count, failover or encryption flags.
    west.create_replication_group(ReplicationGroupId="cache-west", ReplicationGroupDescription="w",
                                  GlobalReplicationGroupId=gid, ReplicasPerNodeGroup=1,
                                  CacheSubnetGroupName="redis", MultiAZEnabled=True,
                                  KmsKeyId="arn:aws:kms:us-west-2:111111111111:key/west")
    member = west.describe_replication_groups(ReplicationGroupId="cache-west")["ReplicationGroups"][0]
    assert member["AutomaticFailover"] == "enabled"
    assert member["ClusterEnabled"] is True and len(member["NodeGroups"]) == 2
    assert member["TransitEncryptionEnabled"] is True and member["AtRestEncryptionEnabled"] is True
    assert member["KmsKeyId"] == "arn:aws:kms:us-west-2:111111111111:key/west"
    # The member's own parameter group: a copy of the primary's, deletable once the member is gone.
    clusters = west.describe_cache_clusters(ShowCacheNodeInfo=True)["CacheClusters"]
    member_group = {c["CacheParameterGroup"]["CacheParameterGroupName"] for c in clusters
                    if c.get("ReplicationGroupId") == "cache-west"}
    assert member_group == {f"global-datastore-{gid}"}
    parameters = west.describe_cache_parameters(CacheParameterGroupName=f"global-datastore-{gid}")["Parameters"]
    assert {p["ParameterName"]: p["ParameterValue"] for p in parameters}["cluster-enabled"] == "yes"
    with pytest.raises(ClientError) as error:
        west.delete_cache_parameter_group(CacheParameterGroupName=f"global-datastore-{gid}")
    assert code(error) == "InvalidCacheParameterGroupState"
    with pytest.raises(ClientError) as error:
        west.create_replication_group(ReplicationGroupId="cache-west2", ReplicationGroupDescription="w",
                                      GlobalReplicationGroupId=gid, NumNodeGroups=3,
                                      CacheSubnetGroupName="redis")
    assert code(error) == "InvalidParameterCombination"

    ec.disassociate_global_replication_group(GlobalReplicationGroupId=gid, ReplicationGroupId="cache-west",
                                             ReplicationGroupRegion="us-west-2")
    west.delete_replication_group(ReplicationGroupId="cache-west")
    west.delete_cache_parameter_group(CacheParameterGroupName=f"global-datastore-{gid}")
    with pytest.raises(ClientError) as error:
        west.delete_cache_parameter_group(CacheParameterGroupName="default.redis7")
    assert code(error) == "InvalidCacheParameterGroupState"
    assert not [r for r in emulator.resources(account) if r["type"] == "cache_parameter_group"
                and r["region"] == "us-west-2" and r["id"] != "redis7-cluster"]
