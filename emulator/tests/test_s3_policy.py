"""S3 bucket policies: conditions evaluated as on AWS (extension ``s3_policy``)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

from infra_emulator.extensions.s3_policy import (  # noqa: E402
    DENIED,
    NEUTRAL,
    PERMITTED,
    condition_matches,
    evaluate,
)


def state_bucket_policy(bucket: str) -> str:
    """The policy of infrastructure/modules/state-bucket, as the provider renders it."""
    arn = f"arn:aws:s3:::{bucket}"
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "DenyInsecureTransport", "Effect": "Deny",
             "Principal": "*", "Action": "s3:*", "Resource": [arn, f"{arn}/*"],
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            {"Sid": "DenyNonKmsEncryption", "Effect": "Deny",
             "Principal": "*", "Action": "s3:PutObject", "Resource": f"{arn}/*",
             "Condition": {"Null": {"s3:x-amz-server-side-encryption": "false"},
                           "StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}},
        ],
    })


def error_code(excinfo) -> str:
    return excinfo.value.response["Error"]["Code"]


# ---------------------------------------------------------------- evaluator


CTX = {"aws:SecureTransport": "true", "aws:PrincipalAccount": "111111111111",
       "aws:PrincipalArn": "arn:aws:iam::111111111111:root"}


def policy(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def deny(condition=None, action="s3:*", resource="*", principal="*"):
    statement = {"Effect": "Deny", "Principal": principal, "Action": action,
                 "Resource": resource}
    if condition is not None:
        statement["Condition"] = condition
    return statement


def test_string_like_and_not_like():
    ctx = {"s3:prefix": "home/alice/notes"}
    assert condition_matches("StringLike", "s3:prefix", "home/*", ctx)
    assert condition_matches("StringLike", "s3:prefix", ["x", "home/?lice/*"], ctx)
    assert not condition_matches("StringLike", "s3:prefix", "Home/*", ctx)
    assert condition_matches("StringNotLike", "s3:prefix", "tmp/*", ctx)
    assert not condition_matches("StringNotLike", "s3:prefix", ["tmp/*", "home/*"], ctx)
    assert condition_matches("StringEqualsIgnoreCase", "S3:Prefix", "HOME/ALICE/NOTES", ctx)
    assert condition_matches("StringNotEqualsIgnoreCase", "s3:prefix", "home", ctx)


def test_arn_operators():
    ctx = {"aws:principalarn": "arn:aws:iam::111111111111:role/deploy/terraform"}
    assert condition_matches("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/deploy/*", ctx)
    assert condition_matches("ArnEquals", "aws:PrincipalArn",
                             "arn:aws:iam::111111111111:role/deploy/terraform", ctx)
    assert not condition_matches("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:user/*", ctx)
    assert condition_matches("ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::*:user/*", ctx)
    assert not condition_matches("ArnNotEquals", "aws:PrincipalArn",
                                 "arn:aws:iam::111111111111:role/deploy/terraform", ctx)
    # not an ARN: ArnLike never matches
    assert not condition_matches("ArnLike", "aws:PrincipalArn", "*", {"aws:principalarn": "x"})


def test_null_condition():
    assert condition_matches("Null", "s3:x-amz-server-side-encryption", "true", {})
    assert not condition_matches("Null", "s3:x-amz-server-side-encryption", "false", {})
    present = {"s3:x-amz-server-side-encryption": "aws:kms"}
    assert condition_matches("Null", "s3:x-amz-server-side-encryption", "false", present)
    assert not condition_matches("Null", "s3:x-amz-server-side-encryption", "true", present)


def test_if_exists_and_missing_keys():
    key = "s3:x-amz-server-side-encryption"
    # IfExists: an absent key makes the condition true
    assert condition_matches("StringNotEqualsIfExists", key, "aws:kms", {})
    assert condition_matches("StringEqualsIfExists", key, "aws:kms", {})
    assert not condition_matches("StringNotEqualsIfExists", key, "aws:kms", {key: "aws:kms"})
    assert condition_matches("StringNotEqualsIfExists", key, "aws:kms", {key: "AES256"})
    # without IfExists an absent key does not match a positive operator ...
    assert not condition_matches("StringEquals", key, "aws:kms", {})
    assert not condition_matches("Bool", "aws:SecureTransport", "false", {})
    assert not condition_matches("ArnLike", "aws:SourceArn", "arn:*", {})
    assert not condition_matches("NumericLessThan", "s3:max-keys", "10", {})
    # ... and (IAM reference, "Condition operators") matches a negated one
    assert condition_matches("StringNotEquals", key, "aws:kms", {})
    assert condition_matches("ArnNotLike", "aws:SourceArn", "arn:*", {})


def test_for_any_value_and_for_all_values():
    ctx = {"aws:tagkeys": ["env", "owner"]}
    assert condition_matches("ForAnyValue:StringEquals", "aws:TagKeys", ["owner", "x"], ctx)
    assert not condition_matches("ForAnyValue:StringEquals", "aws:TagKeys", ["x"], ctx)
    assert condition_matches("ForAnyValue:StringLike", "aws:TagKeys", "own*", ctx)
    assert condition_matches("ForAllValues:StringEquals", "aws:TagKeys",
                             ["env", "owner", "cost"], ctx)
    assert not condition_matches("ForAllValues:StringEquals", "aws:TagKeys", ["env"], ctx)
    # absent key: ForAllValues is true, ForAnyValue false
    assert condition_matches("ForAllValues:StringEquals", "aws:TagKeys", ["env"], {})
    assert not condition_matches("ForAnyValue:StringEquals", "aws:TagKeys", ["env"], {})
    assert condition_matches("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", ["env"], {})


def test_bool_numeric_date_ip():
    assert condition_matches("Bool", "aws:SecureTransport", "false",
                             {"aws:securetransport": "false"})
    assert condition_matches("Bool", "aws:SecureTransport", True,
                             {"aws:securetransport": "true"})
    assert not condition_matches("Bool", "aws:SecureTransport", "false",
                                 {"aws:securetransport": "true"})
    ctx = {"s3:max-keys": "50"}
    assert condition_matches("NumericLessThanEquals", "s3:max-keys", "50", ctx)
    assert condition_matches("NumericGreaterThan", "s3:max-keys", "10", ctx)
    assert not condition_matches("NumericLessThan", "s3:max-keys", "10", ctx)
    assert condition_matches("NumericNotEquals", "s3:max-keys", "10", ctx)
    ctx = {"aws:currenttime": "2026-06-01T12:00:00Z"}
    assert condition_matches("DateGreaterThan", "aws:CurrentTime", "2026-01-01T00:00:00Z", ctx)
    assert condition_matches("DateLessThan", "aws:CurrentTime", "2027-01-01", ctx)
    assert not condition_matches("DateLessThan", "aws:CurrentTime", "1700000000", ctx)
    ctx = {"aws:sourceip": "10.1.2.3"}
    assert condition_matches("IpAddress", "aws:SourceIp", "10.0.0.0/8", ctx)
    assert condition_matches("NotIpAddress", "aws:SourceIp", ["192.168.0.0/16"], ctx)


def test_statement_matching_and_effects():
    bucket = "arn:aws:s3:::b"
    # explicit Deny wins over Allow
    doc = policy({"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
                 deny(action="s3:Delete*", resource=f"{bucket}/locked/*"))
    assert evaluate(doc, "s3:DeleteObject", f"{bucket}/locked/a", CTX) == DENIED
    assert evaluate(doc, "s3:deleteobject", f"{bucket}/locked/a", CTX) == DENIED  # case
    assert evaluate(doc, "s3:DeleteObject", f"{bucket}/open/a", CTX) == PERMITTED
    assert evaluate(policy(), "s3:GetObject", f"{bucket}/a", CTX) == NEUTRAL
    # NotAction / NotResource
    doc = policy({"Effect": "Deny", "Principal": "*", "NotAction": "s3:Get*",
                  "NotResource": f"{bucket}/scratch/*"})
    assert evaluate(doc, "s3:PutObject", f"{bucket}/a", CTX) == DENIED
    assert evaluate(doc, "s3:GetObject", f"{bucket}/a", CTX) == NEUTRAL
    assert evaluate(doc, "s3:PutObject", f"{bucket}/scratch/a", CTX) == NEUTRAL
    # Principal: account id, root ARN, other account, service
    for principal, expected in (({"AWS": "111111111111"}, DENIED),
                                ({"AWS": ["arn:aws:iam::111111111111:root"]}, DENIED),
                                ({"AWS": "*"}, DENIED),
                                ({"AWS": "arn:aws:iam::999999999999:root"}, NEUTRAL),
                                ({"Service": "cloudtrail.amazonaws.com"}, NEUTRAL)):
        doc = policy(deny(principal=principal))
        assert evaluate(doc, "s3:GetObject", f"{bucket}/a", CTX) == expected, principal
    doc = policy({"Effect": "Deny", "NotPrincipal": {"AWS": "111111111111"},
                  "Action": "s3:*", "Resource": "*"})
    assert evaluate(doc, "s3:GetObject", f"{bucket}/a", CTX) == NEUTRAL
    # several conditions: AND
    doc = policy(deny({"Bool": {"aws:SecureTransport": "true"},
                       "StringEquals": {"s3:x-amz-acl": "public-read"}}))
    assert evaluate(doc, "s3:PutObject", f"{bucket}/a", CTX) == NEUTRAL
    assert evaluate(doc, "s3:PutObject", f"{bucket}/a",
                    dict(CTX, **{"s3:x-amz-acl": "public-read"})) == DENIED
    # unknown operators never match (the statement does not apply)
    assert evaluate(policy(deny({"StringSortOf": {"a": "b"}})), "s3:GetObject", "x",
                    CTX) == NEUTRAL


def test_state_bucket_policy_evaluation():
    doc = state_bucket_policy("tf-state")
    obj = "arn:aws:s3:::tf-state/env/terraform.tfstate"
    kms = dict(CTX, **{"s3:x-amz-server-side-encryption": "aws:kms"})
    assert evaluate(doc, "s3:PutObject", obj, kms) == NEUTRAL
    assert evaluate(doc, "s3:GetObject", obj, CTX) == NEUTRAL
    assert evaluate(doc, "s3:PutObject", obj,
                    dict(CTX, **{"s3:x-amz-server-side-encryption": "AES256"})) == DENIED
    # no header: the Null condition (header present) does not hold, so the
    # deny does not apply and the bucket's default encryption takes over
    assert evaluate(doc, "s3:PutObject", obj, CTX) == NEUTRAL
    insecure = dict(kms, **{"aws:SecureTransport": "false"})
    assert evaluate(doc, "s3:GetObject", obj, insecure) == DENIED
    assert evaluate(doc, "s3:ListBucket", "arn:aws:s3:::tf-state", insecure) == DENIED


# ---------------------------------------------------------------- through the server


def make_bucket(s3, name, versioned=False):
    s3.create_bucket(Bucket=name)
    if versioned:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})


def test_state_bucket_policy_allows_kms_and_denies_other_encryption(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"state-{account}"
    make_bucket(s3, bucket, versioned=True)
    s3.put_bucket_policy(Bucket=bucket, Policy=state_bucket_policy(bucket))

    put = s3.put_object(Bucket=bucket, Key="dev/terraform.tfstate", Body=b"{}",
                        ServerSideEncryption="aws:kms")
    assert put["ResponseMetadata"]["HTTPStatusCode"] == 200
    got = s3.get_object(Bucket=bucket, Key="dev/terraform.tfstate")
    assert got["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert got["Body"].read() == b"{}"
    assert s3.head_object(Bucket=bucket, Key="dev/terraform.tfstate")[
        "ResponseMetadata"]["HTTPStatusCode"] == 200
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="dev/")
    assert [o["Key"] for o in listed["Contents"]] == ["dev/terraform.tfstate"]

    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="dev/other", Body=b"x", ServerSideEncryption="AES256")
    assert error_code(excinfo) == "AccessDenied"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    # no encryption header: allowed (both conditions of the deny must hold)
    plain = s3.put_object(Bucket=bucket, Key="dev/plain", Body=b"x")
    assert plain["ResponseMetadata"]["HTTPStatusCode"] == 200

    deleted = s3.delete_object(Bucket=bucket, Key="dev/terraform.tfstate")
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_conditional_deny_is_evaluated_not_skipped(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"secure-{account}"
    make_bucket(s3, bucket)
    s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    arn = f"arn:aws:s3:::{bucket}"
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy(deny(
        {"Bool": {"aws:SecureTransport": "true"}}, resource=[arn, f"{arn}/*"]))))
    for call in (lambda: s3.get_object(Bucket=bucket, Key="a"),
                 lambda: s3.put_object(Bucket=bucket, Key="b", Body=b"2"),
                 lambda: s3.list_objects_v2(Bucket=bucket)):
        with pytest.raises(ClientError) as excinfo:
            call()
        assert error_code(excinfo) == "AccessDenied"
    # the owner can still remove the policy
    s3.delete_bucket_policy(Bucket=bucket)
    assert s3.get_object(Bucket=bucket, Key="a")["Body"].read() == b"1"


def test_condition_that_does_not_hold_denies_nothing(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"cond-{account}"
    make_bucket(s3, bucket)
    arn = f"arn:aws:s3:::{bucket}"
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy(
        deny({"StringEquals": {"s3:x-amz-acl": "public-read"}}, resource=f"{arn}/*"),
        deny({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:user/*"}},
             resource=f"{arn}/*"))))
    s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    assert s3.get_object(Bucket=bucket, Key="a")["Body"].read() == b"1"
    with pytest.raises(ClientError) as excinfo:
        s3.put_object(Bucket=bucket, Key="b", Body=b"2", ACL="public-read")
    assert error_code(excinfo) == "AccessDenied"


def test_list_bucket_prefix_condition(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"prefix-{account}"
    make_bucket(s3, bucket)
    s3.put_object(Bucket=bucket, Key="public/a", Body=b"1")
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy(deny(
        {"StringNotLike": {"s3:prefix": "public/*"}}, action="s3:ListBucket",
        resource=f"arn:aws:s3:::{bucket}"))))
    assert s3.list_objects_v2(Bucket=bucket, Prefix="public/")["KeyCount"] == 1
    with pytest.raises(ClientError) as excinfo:
        s3.list_objects_v2(Bucket=bucket, Prefix="private/")
    assert error_code(excinfo) == "AccessDenied"
    # no prefix at all: s3:prefix is absent, a negated operator is true
    with pytest.raises(ClientError):
        s3.list_objects_v2(Bucket=bucket)
    # objects themselves are not affected
    assert s3.get_object(Bucket=bucket, Key="public/a")["Body"].read() == b"1"


def test_delete_objects_reports_denied_keys(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"delkeys-{account}"
    make_bucket(s3, bucket)
    for key in ("locked/a", "open/b"):
        s3.put_object(Bucket=bucket, Key=key, Body=b"x")
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy(deny(
        action="s3:DeleteObject", resource=f"arn:aws:s3:::{bucket}/locked/*"))))
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [
        {"Key": "locked/a"}, {"Key": "open/b"}]})
    assert [d["Key"] for d in result["Deleted"]] == ["open/b"]
    assert [(e["Key"], e["Code"]) for e in result["Errors"]] == [("locked/a", "AccessDenied")]


def test_allow_only_policy_denies_nobody(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"allow-{account}"
    make_bucket(s3, bucket)
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy({
        "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"},
        "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*",
        "Condition": {"Bool": {"aws:SecureTransport": "true"}}})))
    s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    assert s3.get_object(Bucket=bucket, Key="a")["Body"].read() == b"1"
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 1
    s3.delete_object(Bucket=bucket, Key="a")


def test_deny_for_another_account_does_not_apply_to_owner(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"other-{account}"
    make_bucket(s3, bucket)
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy(deny(
        principal={"AWS": "arn:aws:iam::999999999999:root"},
        resource=f"arn:aws:s3:::{bucket}/*"))))
    s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    assert s3.get_object(Bucket=bucket, Key="a")["Body"].read() == b"1"


# ---------------------------------------------------------------- INFRA_EMULATOR_SECURE_TRANSPORT=request


@pytest.fixture(scope="module")
def request_mode_emulator():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(SRC), INFRA_EMULATOR_SECURE_TRANSPORT="request")
    for var in ("MOTO_ACCOUNT_ID", "AWS_PROFILE"):
        env.pop(var, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "infra_emulator", "--host", "127.0.0.1", "--port", str(port),
         "--quiet"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError("emulator exited:\n" + process.stdout.read().decode())
        try:
            urllib.request.urlopen(url + "/infra-emulator/health", timeout=5).read()
            break
        except OSError:
            if time.time() > deadline:
                process.kill()
                raise RuntimeError("emulator did not start within 60 s")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(10)


def test_request_mode_denies_plain_http(request_mode_emulator):
    s3 = boto3.client("s3", region_name="us-east-1", endpoint_url=request_mode_emulator,
                      aws_access_key_id="111111111111", aws_secret_access_key="local",
                      config=Config(retries={"max_attempts": 1, "mode": "standard"}))
    bucket = "state-request-mode"
    make_bucket(s3, bucket, versioned=True)
    s3.put_object(Bucket=bucket, Key="before", Body=b"1", ServerSideEncryption="aws:kms")
    s3.put_bucket_policy(Bucket=bucket, Policy=state_bucket_policy(bucket))
    calls = (
        lambda: s3.put_object(Bucket=bucket, Key="k", Body=b"x", ServerSideEncryption="aws:kms"),
        lambda: s3.get_object(Bucket=bucket, Key="before"),
        lambda: s3.delete_object(Bucket=bucket, Key="before"),
        lambda: s3.list_objects_v2(Bucket=bucket),
        lambda: s3.list_object_versions(Bucket=bucket),
    )
    for call in calls:
        with pytest.raises(ClientError) as excinfo:
            call()
        assert error_code(excinfo) == "AccessDenied"
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "before"}]})
    assert [e["Code"] for e in result["Errors"]] == ["AccessDenied"]
    # https (as reported by a TLS-terminating proxy) is secure transport
    s3.meta.events.register(
        "before-send.s3.*",
        lambda request, **_: request.headers.__setitem__("X-Forwarded-Proto", "https"))
    assert s3.get_object(Bucket=bucket, Key="before")["Body"].read() == b"1"
