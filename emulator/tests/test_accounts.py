"""accounts extension: a 12-digit access key id selects the account."""

import boto3
import pytest
from botocore.exceptions import ClientError

DEFAULT = "123456789012"


@pytest.mark.parametrize("account", ["111111111111", "222222222222", "333333333333"])
def test_caller_identity_is_the_key_account(emulator, account):
    identity = emulator.client("sts", account).get_caller_identity()
    assert identity["Account"] == account
    assert identity["Arn"].startswith(f"arn:aws:sts::{account}:")


@pytest.mark.parametrize("key", ["AKIAIOSFODNN7EXAMPLE", "test", "11111111111", "1111111111111",
                                 "11111111111a"])
def test_other_keys_keep_the_default_account(emulator, key):
    assert emulator.client("sts", key).get_caller_identity()["Account"] == DEFAULT


def test_region_does_not_change_the_account(emulator, account):
    for region in ("us-east-1", "us-west-2", "eu-west-1"):
        assert emulator.client("sts", account, region).get_caller_identity()["Account"] == account


def test_s3_buckets_are_per_account(emulator, new_account):
    dev, staging = new_account(), new_account()
    emulator.client("s3", dev).create_bucket(Bucket=f"state-{dev}")
    assert [b["Name"] for b in emulator.client("s3", dev).list_buckets()["Buckets"]] == [f"state-{dev}"]
    assert emulator.client("s3", staging).list_buckets()["Buckets"] == []


def test_s3_bucket_names_stay_globally_unique(emulator, new_account):
    dev, staging = new_account(), new_account()
    emulator.client("s3", dev).create_bucket(Bucket=f"shared-{dev}")
    with pytest.raises(ClientError) as error:
        emulator.client("s3", staging).create_bucket(Bucket=f"shared-{dev}")
    assert error.value.response["Error"]["Code"] == "BucketAlreadyExists"


def test_iam_is_per_account(emulator, new_account):
    dev, staging = new_account(), new_account()
    role = emulator.client("iam", dev).create_role(
        RoleName="deploy", AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[]}')
    assert role["Role"]["Arn"] == f"arn:aws:iam::{dev}:role/deploy"
    with pytest.raises(ClientError) as error:
        emulator.client("iam", staging).get_role(RoleName="deploy")
    assert error.value.response["Error"]["Code"] == "NoSuchEntity"


def test_kms_is_per_account(emulator, new_account):
    dev, staging = new_account(), new_account()
    key = emulator.client("kms", dev).create_key()["KeyMetadata"]
    assert key["AWSAccountId"] == dev
    assert key["Arn"].startswith(f"arn:aws:kms:us-east-1:{dev}:key/")
    with pytest.raises(ClientError) as error:
        emulator.client("kms", staging).describe_key(KeyId=key["KeyId"])
    assert error.value.response["Error"]["Code"] == "NotFoundException"


def test_ec2_is_per_account(emulator, new_account):
    dev, staging = new_account(), new_account()
    vpc = emulator.client("ec2", dev).create_vpc(CidrBlock="10.10.0.0/16")["Vpc"]
    assert vpc["OwnerId"] == dev
    with pytest.raises(ClientError) as error:
        emulator.client("ec2", staging).describe_vpcs(VpcIds=[vpc["VpcId"]])
    assert error.value.response["Error"]["Code"] == "InvalidVpcID.NotFound"


def test_keys_issued_by_moto_keep_their_account(emulator, account):
    iam = emulator.client("iam", account)
    iam.create_user(UserName="ci")
    key = iam.create_access_key(UserName="ci")["AccessKey"]
    sts = boto3.client("sts", region_name="us-east-1", endpoint_url=emulator.url,
                       aws_access_key_id=key["AccessKeyId"],
                       aws_secret_access_key=key["SecretAccessKey"])
    identity = sts.get_caller_identity()
    assert identity["Account"] == account
    assert identity["Arn"] == f"arn:aws:iam::{account}:user/ci"


def test_account_singletons_do_not_collide_across_accounts(emulator, new_account):
    """Password policy, GitHub OIDC provider, GuardDuty detector: once per account, as on AWS."""
    url = "https://token.actions.githubusercontent.com"
    accounts = [new_account() for _ in range(3)]
    for acct in accounts:
        iam = emulator.client("iam", acct)
        iam.update_account_password_policy(MinimumPasswordLength=14 + int(acct[-1]))
        arn = iam.create_open_id_connect_provider(
            Url=url, ClientIDList=["sts.amazonaws.com"],
            ThumbprintList=["6938fd4d98bab03faadb97b34396831e3780aea1"])["OpenIDConnectProviderArn"]
        assert arn == f"arn:aws:iam::{acct}:oidc-provider/token.actions.githubusercontent.com"
        emulator.client("guardduty", acct).create_detector(Enable=True)
    for acct in accounts:
        policy = emulator.client("iam", acct).get_account_password_policy()["PasswordPolicy"]
        assert policy["MinimumPasswordLength"] == 14 + int(acct[-1])
    with pytest.raises(ClientError) as error:
        emulator.client("iam", accounts[0]).create_open_id_connect_provider(
            Url=url, ClientIDList=["sts.amazonaws.com"],
            ThumbprintList=["6938fd4d98bab03faadb97b34396831e3780aea1"])
    assert error.value.response["Error"]["Code"] == "EntityAlreadyExists"
