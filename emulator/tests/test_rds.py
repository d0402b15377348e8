"""RDS extension: unique resource ids, read replicas, stored settings, parameter groups."""

import re

import pytest
from botocore.exceptions import ClientError


def code(error: pytest.ExceptionInfo) -> str:
    return error.value.response["Error"]["Code"]


def network(emulator, account, region):
    ec2 = emulator.client("ec2", account, region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24",
                                 AvailabilityZone=f"{region}{az}")["Subnet"]["SubnetId"]
               for i, az in enumerate("ab")]
    emulator.client("rds", account, region).create_db_subnet_group(
        DBSubnetGroupName="data", DBSubnetGroupDescription="data", SubnetIds=subnets)


def primary(rds, kms_arn, **extra):
    args = dict(DBInstanceIdentifier="pg", DBInstanceClass="db.r6g.large", Engine="postgres",
                EngineVersion="16.3", AllocatedStorage=100, MaxAllocatedStorage=500,
                MasterUsername="app_admin", ManageMasterUserPassword=True,
                MasterUserSecretKmsKeyId=kms_arn, StorageEncrypted=True, KmsKeyId=kms_arn,
                EnablePerformanceInsights=True, PerformanceInsightsKMSKeyId=kms_arn,
                PerformanceInsightsRetentionPeriod=7, MonitoringInterval=60,
                MonitoringRoleArn="arn:aws:iam::111111111111:role/rds-monitoring",
                EnableIAMDatabaseAuthentication=True, DeletionProtection=True,
                BackupRetentionPeriod=7, PreferredBackupWindow="03:00-04:00", MultiAZ=True)
    args.update(extra)
    return rds.create_db_instance(**args)["DBInstance"]


def test_instance_reads_back_as_sent(emulator, account):
    rds = emulator.client("rds", account)
    key = emulator.client("kms", account).create_key()["KeyMetadata"]["Arn"]
    created = primary(rds, key)
    assert created["DBInstanceStatus"] == "creating"
    assert re.fullmatch(r"db-[A-Z0-9]{26}", created["DbiResourceId"])
    first = rds.describe_db_instances(DBInstanceIdentifier="pg")["DBInstances"][0]
    db = rds.describe_db_instances(DBInstanceIdentifier="pg")["DBInstances"][0]
    assert (first["DBInstanceStatus"], db["DBInstanceStatus"]) == ("creating", "available")
    assert db["PerformanceInsightsEnabled"] is True
    assert db["PerformanceInsightsKMSKeyId"] == key and db["PerformanceInsightsRetentionPeriod"] == 7
    assert db["KmsKeyId"] == key and db["StorageEncrypted"] is True
    assert db["MonitoringInterval"] == 60
    assert db["MonitoringRoleArn"].endswith(":role/rds-monitoring")
    assert db["EnhancedMonitoringResourceArn"].endswith(f"log-stream:{db['DbiResourceId']}")
    assert db["IAMDatabaseAuthenticationEnabled"] is True and db["DeletionProtection"] is True
    assert db["BackupRetentionPeriod"] == 7 and db["PreferredBackupWindow"] == "03:00-04:00"
    assert db["MaxAllocatedStorage"] == 500 and db["MultiAZ"] is True
    secret = db["MasterUserSecret"]
    assert secret["SecretStatus"] == "active" and secret["KmsKeyId"] == key
    sm = emulator.client("secretsmanager", account)
    assert sm.describe_secret(SecretId=secret["SecretArn"])["ARN"] == secret["SecretArn"]


def test_resource_ids_unique_and_filterable(emulator, account):
    rds = emulator.client("rds", account)
    ids = []
    for name in ("one", "two"):
        ids.append(rds.create_db_instance(
            DBInstanceIdentifier=name, DBInstanceClass="db.t3.micro", Engine="postgres",
            MasterUsername="u", MasterUserPassword="password123")["DBInstance"]["DbiResourceId"])
    assert ids[0] != ids[1]
    for name, rid in zip(("one", "two"), ids):
        found = rds.describe_db_instances(
            Filters=[{"Name": "dbi-resource-id", "Values": [rid]}])["DBInstances"]
        assert [d["DBInstanceIdentifier"] for d in found] == [name]


def test_performance_insights_defaults_and_monitoring_checks(emulator, account):
    rds = emulator.client("rds", account)
    db = rds.create_db_instance(DBInstanceIdentifier="pi", DBInstanceClass="db.t3.micro",
                                Engine="postgres", MasterUsername="u", MasterUserPassword="password123",
                                EnablePerformanceInsights=True, StorageEncrypted=True)["DBInstance"]
    assert db["PerformanceInsightsRetentionPeriod"] == 7
    assert db["PerformanceInsightsKMSKeyId"].startswith(f"arn:aws:kms:us-east-1:{account}:key/")
    assert db["KmsKeyId"] == db["PerformanceInsightsKMSKeyId"]  # alias/aws/rds
    with pytest.raises(ClientError) as error:
        rds.create_db_instance(DBInstanceIdentifier="mon", DBInstanceClass="db.t3.micro",
                               Engine="postgres", MasterUsername="u",
                               MasterUserPassword="password123", MonitoringInterval=60)
    assert code(error) == "InvalidParameterCombination"
    with pytest.raises(ClientError) as error:
        rds.create_db_instance(DBInstanceIdentifier="mon", DBInstanceClass="db.t3.micro",
                               Engine="postgres", MasterUsername="u", MasterUserPassword="password123",
                               MonitoringInterval=7, MonitoringRoleArn="arn:aws:iam::1:role/r")
    assert code(error) == "InvalidParameterValue"
    modified = rds.modify_db_instance(DBInstanceIdentifier="pi", EnablePerformanceInsights=False,
                                      ApplyImmediately=True)["DBInstance"]
    assert modified["PerformanceInsightsEnabled"] is False


def test_deletion_protection_and_final_snapshot(emulator, account):
    rds = emulator.client("rds", account)
    key = emulator.client("kms", account).create_key()["KeyMetadata"]["Arn"]
    primary(rds, key)
    with pytest.raises(ClientError) as error:
        rds.delete_db_instance(DBInstanceIdentifier="pg", SkipFinalSnapshot=True)
    assert code(error) == "InvalidParameterCombination"
    rds.modify_db_instance(DBInstanceIdentifier="pg", DeletionProtection=False, ApplyImmediately=True)
    with pytest.raises(ClientError) as error:
        rds.delete_db_instance(DBInstanceIdentifier="pg")
    assert code(error) == "InvalidParameterCombination"
    rds.delete_db_instance(DBInstanceIdentifier="pg", FinalDBSnapshotIdentifier="pg-final")
    snap = rds.describe_db_snapshots(DBSnapshotIdentifier="pg-final")["DBSnapshots"][0]
    assert snap["DBInstanceIdentifier"] == "pg" and snap["SnapshotType"] == "manual"
    with pytest.raises(ClientError) as error:
        rds.describe_db_instances(DBInstanceIdentifier="pg")
    assert code(error) == "DBInstanceNotFound"
    with pytest.raises(ClientError) as error:
        rds.delete_db_instance(DBInstanceIdentifier="pg", SkipFinalSnapshot=True)
    assert code(error) == "DBInstanceNotFound"


def test_same_region_replica(emulator, account):
    rds = emulator.client("rds", account)
    network(emulator, account, "us-east-1")
    rds.create_db_parameter_group(DBParameterGroupName="pg16", DBParameterGroupFamily="postgres16",
                                  Description="pg16")
    key = emulator.client("kms", account).create_key()["KeyMetadata"]["Arn"]
    source = primary(rds, key, DeletionProtection=False, DBSubnetGroupName="data",
                     DBParameterGroupName="pg16", Tags=[{"Key": "role", "Value": "primary"}])
    replica = rds.create_db_instance_read_replica(
        DBInstanceIdentifier="pg-replica", SourceDBInstanceIdentifier="pg",
        DBInstanceClass="db.r6g.large", Tags=[{"Key": "role", "Value": "replica"}])["DBInstance"]
    assert replica["DbiResourceId"] != source["DbiResourceId"]
    found = rds.describe_db_instances(
        Filters=[{"Name": "dbi-resource-id", "Values": [replica["DbiResourceId"]]}])["DBInstances"]
    assert [d["DBInstanceIdentifier"] for d in found] == ["pg-replica"]
    read = found[0]
    assert read["ReadReplicaSourceDBInstanceIdentifier"] == "pg"
    assert read["DBSubnetGroup"]["DBSubnetGroupName"] == "data"
    assert read["DBParameterGroups"][0]["DBParameterGroupName"] == "pg16"
    assert read["KmsKeyId"] == key and "MasterUserSecret" not in read
    assert read["TagList"] == [{"Key": "role", "Value": "replica"}]
    assert rds.list_tags_for_resource(ResourceName=source["DBInstanceArn"])["TagList"] == [
        {"Key": "role", "Value": "primary"}]
    src = rds.describe_db_instances(DBInstanceIdentifier="pg")["DBInstances"][0]
    assert src["ReadReplicaDBInstanceIdentifiers"] == ["pg-replica"]
    # As on AWS, a replica has no final snapshot.
    with pytest.raises(ClientError) as error:
        rds.delete_db_instance(DBInstanceIdentifier="pg-replica", FinalDBSnapshotIdentifier="pg-replica-final")
    assert code(error) == "InvalidParameterCombination"
    rds.delete_db_instance(DBInstanceIdentifier="pg-replica", SkipFinalSnapshot=True)
    src = rds.describe_db_instances(DBInstanceIdentifier="pg")["DBInstances"][0]
    assert src["ReadReplicaDBInstanceIdentifiers"] == []
    with pytest.raises(ClientError) as error:
        rds.create_db_instance_read_replica(DBInstanceIdentifier="x", SourceDBInstanceIdentifier="nope")
    assert code(error) == "DBInstanceNotFound"


def test_cross_region_replica(emulator, account):
    rds = emulator.client("rds", account)
    west = emulator.client("rds", account, "us-west-2")
    network(emulator, account, "us-west-2")
    rds.create_db_parameter_group(DBParameterGroupName="pg16", DBParameterGroupFamily="postgres16",
                                  Description="pg16")
    key = emulator.client("kms", account).create_key()["KeyMetadata"]["Arn"]
    west_key = emulator.client("kms", account, "us-west-2").create_key()["KeyMetadata"]["Arn"]
    source = primary(rds, key, DeletionProtection=False, DBParameterGroupName="pg16")
    args = dict(DBInstanceIdentifier="pg-west", SourceDBInstanceIdentifier=source["DBInstanceArn"],
                DBInstanceClass="db.r6g.large", DBSubnetGroupName="data")
    with pytest.raises(ClientError) as error:
        west.create_db_instance_read_replica(**args)
    assert code(error) == "InvalidParameterCombination"  # encrypted source: KmsKeyId needed
    with pytest.raises(ClientError) as error:
        west.create_db_instance_read_replica(**dict(args, KmsKeyId=west_key, DBSubnetGroupName="nope"))
    assert code(error) == "DBSubnetGroupNotFoundFault"
    replica = west.create_db_instance_read_replica(**dict(args, KmsKeyId=west_key))["DBInstance"]
    assert replica["ReadReplicaSourceDBInstanceIdentifier"] == source["DBInstanceArn"]
    assert replica["KmsKeyId"] == west_key
    assert replica["DBSubnetGroup"]["DBSubnetGroupName"] == "data"
    assert replica["DBParameterGroups"][0]["DBParameterGroupName"].startswith("default.postgres16")
    assert replica["DBInstanceArn"].startswith("arn:aws:rds:us-west-2:")
    src = rds.describe_db_instances(DBInstanceIdentifier="pg")["DBInstances"][0]
    assert src["ReadReplicaDBInstanceIdentifiers"] == [replica["DBInstanceArn"]]
    west.delete_db_instance(DBInstanceIdentifier="pg-west", SkipFinalSnapshot=True)
    assert rds.describe_db_instances(
        DBInstanceIdentifier="pg")["DBInstances"][0]["ReadReplicaDBInstanceIdentifiers"] == []


def test_parameter_group_parameters(emulator, account):
    rds = emulator.client("rds", account)
    rds.create_db_parameter_group(DBParameterGroupName="pg16", DBParameterGroupFamily="postgres16",
                                  Description="pg16")
    rds.modify_db_parameter_group(DBParameterGroupName="pg16", Parameters=[
        {"ParameterName": "log_min_duration_statement", "ParameterValue": "500",
         "ApplyMethod": "immediate"},
        {"ParameterName": "shared_preload_libraries", "ParameterValue": "pg_stat_statements",
         "ApplyMethod": "pending-reboot"}])
    params = rds.describe_db_parameters(DBParameterGroupName="pg16", Source="user")["Parameters"]
    by_name = {p["ParameterName"]: p for p in params}
    assert by_name["log_min_duration_statement"]["ParameterValue"] == "500"
    assert by_name["log_min_duration_statement"]["ApplyMethod"] == "immediate"
    assert by_name["shared_preload_libraries"]["ApplyMethod"] == "pending-reboot"
    assert {p["Source"] for p in params} == {"user"}
    assert by_name["shared_preload_libraries"]["ApplyType"] == "static"
    assert rds.describe_db_parameters(DBParameterGroupName="pg16",
                                      Source="engine-default")["Parameters"] == []
    bad = emulator.client("rds", account, validate=False)
    with pytest.raises(ClientError) as error:
        bad.modify_db_parameter_group(DBParameterGroupName="pg16", Parameters=[
            {"ParameterName": "max_connections", "ParameterValue": "10", "ApplyMethod": "later"}])
    assert code(error) == "InvalidParameterValue"
    with pytest.raises(ClientError) as error:
        rds.modify_db_parameter_group(DBParameterGroupName="pg16", Parameters=[
            {"ParameterName": "max_connections", "ParameterValue": "10", "ApplyMethod": "immediate"}])
    assert code(error) == "InvalidParameterCombination"
    rds.reset_db_parameter_group(DBParameterGroupName="pg16", Parameters=[
        {"ParameterName": "log_min_duration_statement", "ApplyMethod": "immediate"}])
    names = [p["ParameterName"] for p in rds.describe_db_parameters(
        DBParameterGroupName="pg16")["Parameters"]]
    assert names == ["shared_preload_libraries"]
    rds.reset_db_parameter_group(DBParameterGroupName="pg16", ResetAllParameters=True)
    assert rds.describe_db_parameters(DBParameterGroupName="pg16")["Parameters"] == []
    for call in (lambda: rds.describe_db_parameters(DBParameterGroupName="nope"),
                 lambda: rds.reset_db_parameter_group(DBParameterGroupName="nope",
                                                      ResetAllParameters=True),
                 lambda: rds.modify_db_parameter_group(DBParameterGroupName="nope", Parameters=[
                     {"ParameterName": "a", "ParameterValue": "1", "ApplyMethod": "immediate"}])):
        with pytest.raises(ClientError) as error:
            call()
        assert code(error) == "DBParameterGroupNotFound"


# --- RDS Proxy -------------------------------------------------------------------

def proxy_setup(emulator, account, azs="ab"):
    ec2 = emulator.client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24",
                                 AvailabilityZone=f"us-east-1{az}")["Subnet"]["SubnetId"]
               for i, az in enumerate(azs)]
    secret = emulator.client("secretsmanager", account).create_secret(
        Name="master", SecretString="{}")["ARN"]
    return subnets, secret


def create_proxy(rds, account, subnets, secret, **extra):
    args = dict(DBProxyName="pg", EngineFamily="POSTGRESQL", RoleArn=f"arn:aws:iam::{account}:role/proxy",
                Auth=[{"AuthScheme": "SECRETS", "SecretArn": secret, "IAMAuth": "REQUIRED"}],
                VpcSubnetIds=subnets, RequireTLS=True, IdleClientTimeout=1800)
    args.update(extra)
    return rds.create_db_proxy(**args)["DBProxy"]


def test_proxy_targets_and_target_group(emulator, account):
    subnets, secret = proxy_setup(emulator, account)
    rds = emulator.client("rds", account)
    key = emulator.client("kms", account).create_key()["KeyMetadata"]["Arn"]
    db = primary(rds, key, DeletionProtection=False, MultiAZ=False)
    created = create_proxy(rds, account, subnets, secret)
    assert created["RequireTLS"] is True and created["Auth"][0]["IAMAuth"] == "REQUIRED"
    rds.modify_db_proxy_target_group(
        DBProxyName="pg", TargetGroupName="default",
        ConnectionPoolConfig={"MaxConnectionsPercent": 90, "MaxIdleConnectionsPercent": 30,
                              "ConnectionBorrowTimeout": 120, "SessionPinningFilters": ["EXCLUDE_VARIABLE_SETS"],
                              "InitQuery": "SET statement_timeout = 30000"})
    group = rds.describe_db_proxy_target_groups(DBProxyName="pg", TargetGroupName="default")["TargetGroups"][0]
    assert group["ConnectionPoolConfig"] == {
        "MaxConnectionsPercent": 90, "MaxIdleConnectionsPercent": 30, "ConnectionBorrowTimeout": 120,
        "SessionPinningFilters": ["EXCLUDE_VARIABLE_SETS"], "InitQuery": "SET statement_timeout = 30000"}

    rds.register_db_proxy_targets(DBProxyName="pg", TargetGroupName="default", DBInstanceIdentifiers=["pg"])
    target = rds.describe_db_proxy_targets(DBProxyName="pg", TargetGroupName="default")["Targets"][0]
    instance = rds.describe_db_instances(DBInstanceIdentifier="pg")["DBInstances"][0]
    assert target["Type"] == "RDS_INSTANCE" and target["RdsResourceId"] == "pg"
    assert target["Endpoint"] == instance["Endpoint"]["Address"] and target["Port"] == 5432
    assert target["TargetArn"] == db["DBInstanceArn"]
    with pytest.raises(ClientError) as err:
        rds.register_db_proxy_targets(DBProxyName="pg", DBInstanceIdentifiers=["pg"])
    assert code(err) == "DBProxyTargetAlreadyRegisteredFault"

    rds.modify_db_proxy(DBProxyName="pg", IdleClientTimeout=600, DebugLogging=True)
    described = rds.describe_db_proxies(DBProxyName="pg")["DBProxies"][0]
    assert described["IdleClientTimeout"] == 600 and described["DebugLogging"] is True

    rds.deregister_db_proxy_targets(DBProxyName="pg", TargetGroupName="default", DBInstanceIdentifiers=["pg"])
    assert rds.describe_db_proxy_targets(DBProxyName="pg")["Targets"] == []
    with pytest.raises(ClientError) as err:
        rds.deregister_db_proxy_targets(DBProxyName="pg", DBInstanceIdentifiers=["pg"])
    assert code(err) == "DBProxyTargetNotFoundFault"
    rds.delete_db_proxy(DBProxyName="pg")
    with pytest.raises(ClientError) as err:
        rds.describe_db_proxies(DBProxyName="pg")
    assert code(err) == "DBProxyNotFoundFault"


@pytest.mark.parametrize("call", [
    lambda rds: rds.delete_db_proxy(DBProxyName="nope"),
    lambda rds: rds.describe_db_proxy_targets(DBProxyName="nope"),
    lambda rds: rds.describe_db_proxy_target_groups(DBProxyName="nope"),
    lambda rds: rds.register_db_proxy_targets(DBProxyName="nope", DBInstanceIdentifiers=["x"]),
    lambda rds: rds.modify_db_proxy_target_group(DBProxyName="nope", TargetGroupName="default"),
    lambda rds: rds.modify_db_proxy(DBProxyName="nope", RequireTLS=True),
])
def test_unknown_proxy(emulator, account, call):
    with pytest.raises(ClientError) as err:
        call(emulator.client("rds", account))
    assert code(err) == "DBProxyNotFoundFault"


def test_proxy_refuses_bad_targets(emulator, account):
    subnets, secret = proxy_setup(emulator, account)
    rds = emulator.client("rds", account)
    key = emulator.client("kms", account).create_key()["KeyMetadata"]["Arn"]
    primary(rds, key, DeletionProtection=False, MultiAZ=False)
    create_proxy(rds, account, subnets, secret, DBProxyName="my", EngineFamily="MYSQL")
    with pytest.raises(ClientError) as err:
        rds.register_db_proxy_targets(DBProxyName="my", DBInstanceIdentifiers=["pg"])
    assert code(err) == "InvalidDBInstanceState"
    with pytest.raises(ClientError) as err:
        rds.register_db_proxy_targets(DBProxyName="my", DBInstanceIdentifiers=["missing"])
    assert code(err) == "DBInstanceNotFound"
    with pytest.raises(ClientError) as err:
        rds.describe_db_proxy_targets(DBProxyName="my", TargetGroupName="other")
    assert code(err) == "DBProxyTargetGroupNotFoundFault"
    with pytest.raises(ClientError) as err:
        rds.modify_db_proxy_target_group(DBProxyName="my", TargetGroupName="default",
                                         ConnectionPoolConfig={"MaxConnectionsPercent": 20,
                                                               "MaxIdleConnectionsPercent": 50})
    assert code(err) == "InvalidParameterValue"


@pytest.mark.parametrize("azs, extra", [
    ("a", {}),
    ("ab", {"RoleArn": "proxy-role"}),
    ("ab", {"Auth": [{"AuthScheme": "SECRETS", "SecretArn": "plain-password"}]}),
])
def test_proxy_creation_checks(emulator, account, azs, extra):
    subnets, secret = proxy_setup(emulator, account, azs)
    with pytest.raises(ClientError) as err:
        # Unvalidated: newer SDKs refuse some of these values client-side; the
        # server must refuse them too.
        create_proxy(emulator.client("rds", account, validate=False), account, subnets, secret, **extra)
    assert code(err) == "InvalidParameterValue"
