"""introspection: resources kept by the extensions (MSK configurations and
replicators, EKS parts that live on their cluster) and by moto in nested
dicts (budgets) are listed, so a destroy that leaves them behind is seen."""

import base64


def kinds(emulator, account, service):
    return {(r["type"], r["id"]) for r in emulator.resources(account) if r["service"] == service}


def test_msk_configuration_is_listed_until_deleted(emulator, account):
    kafka = emulator.client("kafka", account)
    arn = kafka.create_configuration(
        Name="platform", ServerProperties=base64.b64encode(b"auto.create.topics.enable=false"),
        KafkaVersions=["3.6.0"])["Arn"]
    assert ("configuration", arn) in kinds(emulator, account, "kafka")
    kafka.delete_configuration(Arn=arn)
    assert ("configuration", arn) not in kinds(emulator, account, "kafka")


def test_budget_is_listed_until_deleted(emulator, account):
    budgets = emulator.client("budgets", account)
    budgets.create_budget(AccountId=account, Budget={
        "BudgetName": "dev-monthly", "BudgetType": "COST", "TimeUnit": "MONTHLY",
        "BudgetLimit": {"Amount": "1200", "Unit": "USD"}})
    listed = {i for t, i in kinds(emulator, account, "budgets") if t == "budget"}
    assert any(i.endswith("/dev-monthly") for i in listed), listed
    budgets.delete_budget(AccountId=account, BudgetName="dev-monthly")
    listed = {i for t, i in kinds(emulator, account, "budgets") if t == "budget"}
    assert not any(i.endswith("/dev-monthly") for i in listed), listed


def test_eks_addon_and_access_entry_are_listed(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.50.{i}.0/24",
                                 AvailabilityZone=f"us-east-1{z}")["Subnet"]["SubnetId"]
               for i, z in ((1, "a"), (2, "b"))]
    eks = emulator.client("eks", account)
    role = f"arn:aws:iam::{account}:role/cluster"
    eks.create_cluster(name="c1", roleArn=role, resourcesVpcConfig={"subnetIds": subnets},
                       accessConfig={"authenticationMode": "API",
                                     "bootstrapClusterCreatorAdminPermissions": False})
    eks.describe_cluster(name="c1")  # CREATING -> ACTIVE
    eks.create_addon(clusterName="c1", addonName="kube-proxy")
    admin = f"arn:aws:iam::{account}:role/admin"
    eks.create_access_entry(clusterName="c1", principalArn=admin)
    listed = kinds(emulator, account, "eks")
    assert ("cluster", "c1") in listed
    assert ("addon", "c1/kube-proxy") in listed
    assert ("access_entry", f"c1/{admin}") in listed
    eks.delete_addon(clusterName="c1", addonName="kube-proxy")
    eks.delete_access_entry(clusterName="c1", principalArn=admin)
    # deletion may go through DELETING first
    for _ in range(5):
        try:
            eks.describe_addon(clusterName="c1", addonName="kube-proxy")
        except eks.exceptions.ResourceNotFoundException:
            break
    listed = kinds(emulator, account, "eks")
    assert ("addon", "c1/kube-proxy") not in listed
    assert ("access_entry", f"c1/{admin}") not in listed


def test_elasticache_parameter_and_user_groups_are_listed(emulator, account):
    ec = emulator.client("elasticache", account)
    ec.create_cache_parameter_group(CacheParameterGroupName="redis7-cluster",
                                    CacheParameterGroupFamily="redis7", Description="cluster")
    ec.create_user(UserId="app", UserName="app", Engine="redis", AccessString="on ~* +@all",
                   NoPasswordRequired=True)
    ec.create_user_group(UserGroupId="apps", Engine="redis", UserIds=["default", "app"])
    listed = kinds(emulator, account, "elasticache")
    assert ("cache_parameter_group", "redis7-cluster") in listed
    assert ("user", "app") in listed and ("user_group", "apps") in listed
    assert ("user", "default") not in listed  # AWS's own
    ec.delete_user_group(UserGroupId="apps")
    ec.delete_user(UserId="app")
    ec.delete_cache_parameter_group(CacheParameterGroupName="redis7-cluster")
    listed = kinds(emulator, account, "elasticache")
    assert not {k for k in listed if k[0] in ("cache_parameter_group", "user_group", "user")}, listed


def test_db_snapshot_outlives_its_instance_and_is_listed(emulator, account):
    rds = emulator.client("rds", account)
    rds.create_db_instance(DBInstanceIdentifier="pg", DBInstanceClass="db.t4g.micro", Engine="postgres",
                           MasterUsername="u", MasterUserPassword="password123")
    rds.delete_db_instance(DBInstanceIdentifier="pg", FinalDBSnapshotIdentifier="pg-final")
    listed = kinds(emulator, account, "rds")
    assert ("db_snapshot", "pg-final") in listed and not any(t == "db_instance" for t, _ in listed)
    rds.delete_db_snapshot(DBSnapshotIdentifier="pg-final")
    assert ("db_snapshot", "pg-final") not in kinds(emulator, account, "rds")
