"""An SDK retry of a call the emulator already served gets the first answer
(the SDKs keep `amz-sdk-invocation-id` across attempts), so a slow answer
never turns one create into `...AlreadyExists`."""

import pytest
from botocore.exceptions import ClientError


def with_headers(client, invocation: str, attempt: int):
    def hook(request, **_):
        request.headers["amz-sdk-invocation-id"] = invocation
        request.headers["amz-sdk-request"] = f"attempt={attempt}; max=3"

    client.meta.events.register_first("before-send.ec2.CreateNetworkAclEntry", hook)
    return client


def entry(client, acl: str) -> dict:
    return client.create_network_acl_entry(
        NetworkAclId=acl, RuleNumber=102, Protocol="-1", RuleAction="allow",
        Egress=False, CidrBlock="10.0.2.0/24")


def acl_id(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    return ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]


def test_a_retry_gets_the_first_answer(emulator, account):
    acl = acl_id(emulator, account)
    entry(with_headers(emulator.client("ec2", account), "inv-1", 1), acl)
    # The same call, second attempt: answered as the first was.
    entry(with_headers(emulator.client("ec2", account), "inv-1", 2), acl)
    entries = emulator.client("ec2", account).describe_network_acls(
        NetworkAclIds=[acl])["NetworkAcls"][0]["Entries"]
    assert [e["RuleNumber"] for e in entries if e["RuleNumber"] == 102] == [102]


def test_a_new_call_is_not_a_retry(emulator, account):
    acl = acl_id(emulator, account)
    entry(with_headers(emulator.client("ec2", account), "inv-a", 1), acl)
    # Another invocation (a second, real call): AWS's answer.
    with pytest.raises(ClientError) as err:
        entry(with_headers(emulator.client("ec2", account), "inv-b", 1), acl)
    assert err.value.response["Error"]["Code"] == "NetworkAclEntryAlreadyExists"
    # A first attempt repeated with the same id is not a retry either.
    with pytest.raises(ClientError):
        entry(with_headers(emulator.client("ec2", account), "inv-a", 1), acl)


def test_an_unknown_retry_is_served_normally(emulator, account):
    acl = acl_id(emulator, account)
    # attempt=2 whose first attempt never arrived: served as a new call.
    entry(with_headers(emulator.client("ec2", account), "inv-x", 2), acl)
    with pytest.raises(ClientError):
        entry(with_headers(emulator.client("ec2", account), "inv-y", 1), acl)
