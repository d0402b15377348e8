"""accessanalyzer extension: IAM Access Analyzer analyzers (absent from moto)."""

import pytest
from botocore.exceptions import ClientError


def _code(error):
    return error.value.response["Error"]["Code"]


def test_create_get_list_delete(emulator, account):
    aa = emulator.client("accessanalyzer", account)
    arn = aa.create_analyzer(analyzerName="account", type="ACCOUNT", tags={"Env": "dev"})["arn"]
    assert arn == f"arn:aws:access-analyzer:us-east-1:{account}:analyzer/account"

    analyzer = aa.get_analyzer(analyzerName="account")["analyzer"]
    assert analyzer["arn"] == arn
    assert analyzer["type"] == "ACCOUNT"
    assert analyzer["status"] == "ACTIVE"
    assert analyzer["tags"] == {"Env": "dev"}
    assert analyzer["createdAt"]

    assert [a["name"] for a in aa.list_analyzers()["analyzers"]] == ["account"]
    assert aa.list_analyzers(type="ACCOUNT_UNUSED_ACCESS")["analyzers"] == []

    aa.delete_analyzer(analyzerName="account")
    assert aa.list_analyzers()["analyzers"] == []
    with pytest.raises(ClientError) as error:
        aa.get_analyzer(analyzerName="account")
    assert _code(error) == "ResourceNotFoundException"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_tags(emulator, account):
    aa = emulator.client("accessanalyzer", account)
    arn = aa.create_analyzer(analyzerName="tagged", type="ACCOUNT")["arn"]
    aa.tag_resource(resourceArn=arn, tags={"a": "1", "b": "2"})
    aa.untag_resource(resourceArn=arn, tagKeys=["a"])
    assert aa.list_tags_for_resource(resourceArn=arn)["tags"] == {"b": "2"}
    assert aa.get_analyzer(analyzerName="tagged")["analyzer"]["tags"] == {"b": "2"}
    missing = f"arn:aws:access-analyzer:us-east-1:{account}:analyzer/missing"
    with pytest.raises(ClientError) as error:
        aa.list_tags_for_resource(resourceArn=missing)
    assert _code(error) == "ResourceNotFoundException"


def test_unused_access_configuration(emulator, account):
    aa = emulator.client("accessanalyzer", account)
    aa.create_analyzer(analyzerName="unused", type="ACCOUNT_UNUSED_ACCESS")
    analyzer = aa.get_analyzer(analyzerName="unused")["analyzer"]
    assert analyzer["configuration"] == {"unusedAccess": {"unusedAccessAge": 90}}
    aa.update_analyzer(analyzerName="unused",
                       configuration={"unusedAccess": {"unusedAccessAge": 30}})
    analyzer = aa.get_analyzer(analyzerName="unused")["analyzer"]
    assert analyzer["configuration"]["unusedAccess"]["unusedAccessAge"] == 30
    with pytest.raises(ClientError) as error:
        aa.update_analyzer(analyzerName="unused",
                           configuration={"unusedAccess": {"unusedAccessAge": 0}})
    assert _code(error) == "ValidationException"


@pytest.mark.parametrize("name,kind", [("1starts-with-digit", "ACCOUNT"),
                                       ("has space", "ACCOUNT"),
                                       ("x" * 256, "ACCOUNT"),
                                       ("good", "NOT_A_TYPE")])
def test_invalid_arguments(emulator, account, name, kind):
    aa = emulator.client("accessanalyzer", account)
    with pytest.raises(ClientError) as error:
        aa.create_analyzer(analyzerName=name, type=kind)
    assert _code(error) == "ValidationException"


def test_duplicate_name_conflicts(emulator, account):
    aa = emulator.client("accessanalyzer", account)
    aa.create_analyzer(analyzerName="dup", type="ACCOUNT")
    with pytest.raises(ClientError) as error:
        aa.create_analyzer(analyzerName="dup", type="ACCOUNT")
    assert _code(error) == "ConflictException"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_delete_unknown_is_not_found(emulator, account):
    with pytest.raises(ClientError) as error:
        emulator.client("accessanalyzer", account).delete_analyzer(analyzerName="nope")
    assert _code(error) == "ResourceNotFoundException"


def test_analyzers_are_per_account_and_region(emulator, new_account):
    dev, prod = new_account(), new_account()
    emulator.client("accessanalyzer", dev).create_analyzer(analyzerName="a", type="ACCOUNT")
    assert emulator.client("accessanalyzer", prod).list_analyzers()["analyzers"] == []
    assert emulator.client("accessanalyzer", dev, "us-west-2").list_analyzers()["analyzers"] == []
