"""introspection extension: /infra-emulator/health and /infra-emulator/resources."""

import json

import pytest


def test_health(emulator):
    status, body = emulator.get("/infra-emulator/health")
    assert status == 200
    assert body["status"] == "ok"
    assert body["moto_version"] == "5.2.1"
    # every registered extension, in order
    from infra_emulator.extensions import EXTENSIONS

    assert body["extensions"] == EXTENSIONS
    assert {"accounts", "cloudtrail", "ec2_network", "kms", "guardduty", "accessanalyzer",
            "introspection"} <= set(body["extensions"])


@pytest.mark.parametrize("query", ["", "?account=", "?account=12345", "?account=abcdefghijkl"])
def test_resources_needs_an_account(emulator, query):
    status, body = emulator.get("/infra-emulator/resources" + query)
    assert status == 400
    assert body["error"] == "InvalidParameterValue"


def test_unknown_endpoint_is_404(emulator):
    status, body = emulator.get("/infra-emulator/nope")
    assert status == 404
    assert "/infra-emulator/health" in body["endpoints"]


def test_defaults_are_not_resources(emulator, account):
    """What AWS creates by itself is not listed: default VPC, managed policies, aws/ keys."""
    for region in ("us-east-1", "us-west-2"):
        ec2 = emulator.client("ec2", account, region)
        assert ec2.describe_vpcs()["Vpcs"]  # the default VPC now exists
        ec2.describe_security_groups()
        ec2.describe_subnets()
    emulator.client("iam", account).list_policies(Scope="AWS", MaxItems=5)
    emulator.client("kms", account).describe_key(KeyId="alias/aws/s3")
    emulator.client("events", account).list_event_buses()
    assert emulator.resources(account) == []


def _ids(emulator, account):
    return {(r["service"], r["region"], r["type"]): r["id"] for r in emulator.resources(account)}


def test_resources_sees_what_the_account_holds(emulator, account):
    c = lambda service, region="us-east-1": emulator.client(service, account, region)  # noqa: E731
    ec2 = c("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.40.1.0/24")["Subnet"]["SubnetId"]
    rtb = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    sg = ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc)["GroupId"]
    acl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
    vpce = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName="com.amazonaws.us-east-1.s3",
                                   RouteTableIds=[rtb])["VpcEndpoint"]["VpcEndpointId"]
    c("s3").create_bucket(Bucket=f"logs-{account}")
    iam = c("iam")
    iam.create_role(RoleName="app", AssumeRolePolicyDocument="{}")
    policy = iam.create_policy(PolicyName="p", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*",
                                                 "Resource": "*"}]}))["Policy"]["Arn"]
    iam.update_account_password_policy(MinimumPasswordLength=14)
    oidc = iam.create_open_id_connect_provider(
        Url="https://token.actions.githubusercontent.com", ClientIDList=["sts.amazonaws.com"],
        ThumbprintList=["6938fd4d98bab03faadb97b34396831e3780aea1"])["OpenIDConnectProviderArn"]
    key = c("kms", "us-west-2").create_key()["KeyMetadata"]["KeyId"]
    c("kms", "us-west-2").create_alias(AliasName="alias/app", TargetKeyId=key)
    c("logs").create_log_group(logGroupName="/app")
    c("guardduty").create_detector(Enable=True)
    c("sns").create_topic(Name="alerts")
    c("sqs").create_queue(QueueName="jobs")
    c("secretsmanager").create_secret(Name="db", SecretString="x")
    c("accessanalyzer").create_analyzer(analyzerName="acct", type="ACCOUNT")

    found = _ids(emulator, account)
    expected = {
        ("ec2", "us-east-1", "vpc"): vpc, ("ec2", "us-east-1", "subnet"): subnet,
        ("ec2", "us-east-1", "route_table"): rtb, ("ec2", "us-east-1", "internet_gateway"): igw,
        ("ec2", "us-east-1", "security_group"): sg, ("ec2", "us-east-1", "network_acl"): acl,
        ("ec2", "us-east-1", "eip"): eip, ("ec2", "us-east-1", "vpc_endpoint"): vpce,
        ("s3", "global", "bucket"): f"logs-{account}",
        ("iam", "global", "role"): "app", ("iam", "global", "policy"): policy,
        ("iam", "global", "account_password_policy"): "account",
        ("iam", "global", "openid_connect_provider"): oidc,
        ("kms", "us-west-2", "key"): key, ("kms", "us-west-2", "alias"): "alias/app",
        ("logs", "us-east-1", "log_group"): "/app",
        ("sqs", "us-east-1", "queue"): "jobs",
        ("sns", "us-east-1", "topic"): f"arn:aws:sns:us-east-1:{account}:alerts",
        ("accessanalyzer", "us-east-1", "analyzer"):
            f"arn:aws:access-analyzer:us-east-1:{account}:analyzer/acct",
    }
    for k, v in expected.items():
        assert found.get(k) == v, (k, found.get(k))
    assert ("guardduty", "us-east-1", "detector") in found
    assert ("secretsmanager", "us-east-1", "secret") in found
    # The default VPC's own parts and the new VPC's default SG/NACL/main table are not listed.
    assert sum(1 for r in emulator.resources(account) if r["type"] == "vpc") == 1
    assert sum(1 for r in emulator.resources(account) if r["type"] == "security_group") == 1

    # Another account sees none of it.
    other = str(int(account) + 500000)
    assert emulator.resources(other) == []


def test_resources_see_deletion(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    c = emulator.client("config", account)
    c.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": f"arn:aws:iam::{account}:role/config"})
    emulator.client("s3", account).create_bucket(Bucket=f"cfg-{account}")
    c.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": f"cfg-{account}"})
    kinds = {r["type"] for r in emulator.resources(account)}
    assert {"vpc", "configuration_recorder", "delivery_channel", "bucket"} <= kinds

    ec2.delete_vpc(VpcId=vpc)
    c.delete_delivery_channel(DeliveryChannelName="default")
    c.delete_configuration_recorder(ConfigurationRecorderName="default")
    emulator.client("s3", account).delete_bucket(Bucket=f"cfg-{account}")
    assert emulator.resources(account) == []


def test_services_without_a_collector_are_walked_generically(emulator, account):
    emulator.client("kinesis", account).create_stream(StreamName="events", ShardCount=1)
    emulator.client("ecr", account).create_repository(repositoryName="shop/api")
    found = {(r["service"], r["type"], r["id"]) for r in emulator.resources(account)}
    assert ("kinesis", "stream", "events") in found       # generic walker
    assert ("ecr", "repository", "shop/api") in found     # explicit collector
