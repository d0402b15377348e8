import pytest
from botocore.exceptions import ClientError

RULE = {"RuleName": "api", "ResourceARN": "*", "Priority": 1000, "FixedRate": 0.05,
        "ReservoirSize": 1, "ServiceName": "api", "ServiceType": "*", "Host": "*",
        "HTTPMethod": "*", "URLPath": "/api/*", "Version": 1, "Attributes": {"tier": "api"}}


def test_sampling_rule_lifecycle(emulator, account):
    xray = emulator.client("xray", account)
    record = xray.create_sampling_rule(SamplingRule=RULE, Tags=[{"Key": "a", "Value": "b"}])
    arn = record["SamplingRuleRecord"]["SamplingRule"]["RuleARN"]
    assert arn == f"arn:aws:xray:us-east-1:{account}:sampling-rule/api"
    rules = {r["SamplingRule"]["RuleName"]: r["SamplingRule"]
             for r in xray.get_sampling_rules()["SamplingRuleRecords"]}
    assert set(rules) == {"api", "Default"} and rules["api"]["Attributes"] == {"tier": "api"}
    updated = xray.update_sampling_rule(SamplingRuleUpdate={"RuleName": "api", "FixedRate": 0.1})
    assert updated["SamplingRuleRecord"]["SamplingRule"]["FixedRate"] == 0.1
    assert xray.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "a", "Value": "b"}]
    xray.tag_resource(ResourceARN=arn, Tags=[{"Key": "c", "Value": "d"}])
    xray.untag_resource(ResourceARN=arn, TagKeys=["a"])
    assert xray.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "c", "Value": "d"}]
    with pytest.raises(ClientError) as err:
        xray.create_sampling_rule(SamplingRule=RULE)
    assert err.value.response["Error"]["Code"] == "InvalidRequestException"
    xray.delete_sampling_rule(RuleARN=arn)
    assert [r["SamplingRule"]["RuleName"] for r in xray.get_sampling_rules()["SamplingRuleRecords"]] \
        == ["Default"]
    with pytest.raises(ClientError) as err:
        xray.list_tags_for_resource(ResourceARN=arn)
    assert err.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_sampling_rule_errors(emulator, account):
    xray = emulator.client("xray", account, validate=False)
    for bad in ({"FixedRate": 2}, {"Priority": 0}, {"RuleName": "bad name"}, {"URLPath": None}):
        rule = {**RULE, **bad}
        with pytest.raises(ClientError) as err:
            xray.create_sampling_rule(SamplingRule={k: v for k, v in rule.items() if v is not None})
        assert err.value.response["Error"]["Code"] == "InvalidRequestException", bad
    with pytest.raises(ClientError) as err:
        xray.delete_sampling_rule(RuleName="Default")
    assert err.value.response["Error"]["Code"] == "InvalidRequestException"
    with pytest.raises(ClientError) as err:
        xray.update_sampling_rule(SamplingRuleUpdate={"RuleName": "none", "FixedRate": 0.1})
    assert err.value.response["Error"]["Code"] == "InvalidRequestException"
