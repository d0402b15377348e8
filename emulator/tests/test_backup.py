"""Backup extension: selections, plan checks, deletion that frees the name, UpdateBackupPlan."""

import pytest
from botocore.exceptions import ClientError


def code(error: pytest.ExceptionInfo) -> str:
    return error.value.response["Error"]["Code"]


def vault(emulator, account, name="data", region="us-east-1"):
    key = emulator.client("kms", account, region).create_key()["KeyMetadata"]["Arn"]
    return emulator.client("backup", account, region).create_backup_vault(
        BackupVaultName=name, EncryptionKeyArn=key)["BackupVaultArn"]


def plan_document(name="data", **rule):
    base = {"RuleName": "daily", "TargetBackupVaultName": "data",
            "ScheduleExpression": "cron(0 3 * * ? *)", "Lifecycle": {"DeleteAfterDays": 35}}
    base.update(rule)
    return {"BackupPlanName": name, "Rules": [base]}


ROLE = "arn:aws:iam::{}:role/backup"


def test_plan_with_continuous_rule_and_cross_region_copy(emulator, account):
    vault(emulator, account)
    destination = vault(emulator, account, region="us-west-2")
    backup = emulator.client("backup", account)
    document = {"BackupPlanName": "data", "Rules": [
        {"RuleName": "continuous", "TargetBackupVaultName": "data", "EnableContinuousBackup": True,
         "ScheduleExpression": "cron(0 * * * ? *)", "Lifecycle": {"DeleteAfterDays": 35}},
        {"RuleName": "daily", "TargetBackupVaultName": "data", "ScheduleExpression": "cron(0 3 * * ? *)",
         "Lifecycle": {"DeleteAfterDays": 35},
         "CopyActions": [{"DestinationBackupVaultArn": destination, "Lifecycle": {"DeleteAfterDays": 35}}]}]}
    plan_id = backup.create_backup_plan(BackupPlan=document)["BackupPlanId"]
    rules = backup.get_backup_plan(BackupPlanId=plan_id)["BackupPlan"]["Rules"]
    assert [r["RuleName"] for r in rules] == ["continuous", "daily"]
    assert rules[0]["EnableContinuousBackup"] is True
    assert rules[1]["CopyActions"][0]["DestinationBackupVaultArn"] == destination


@pytest.mark.parametrize("rule, error", [
    ({"TargetBackupVaultName": "missing"}, "ResourceNotFoundException"),
    ({"EnableContinuousBackup": True, "Lifecycle": {"DeleteAfterDays": 36}}, "InvalidParameterValueException"),
    ({"CopyActions": [{"DestinationBackupVaultArn": "arn:aws:s3:::bucket"}]}, "InvalidParameterValueException"),
    ({"Lifecycle": {"MoveToColdStorageAfterDays": 30, "DeleteAfterDays": 60}}, "InvalidParameterValueException"),
    ({"RuleName": "bad name!"}, "InvalidParameterValueException"),
])
def test_plan_checks(emulator, account, rule, error):
    vault(emulator, account)
    with pytest.raises(ClientError) as err:
        emulator.client("backup", account).create_backup_plan(BackupPlan=plan_document(**rule))
    assert code(err) == error


def test_selection_by_tag_reads_back_and_blocks_plan_deletion(emulator, account):
    vault(emulator, account)
    backup = emulator.client("backup", account)
    plan_id = backup.create_backup_plan(BackupPlan=plan_document())["BackupPlanId"]
    selection = {"SelectionName": "data", "IamRoleArn": ROLE.format(account),
                 "ListOfTags": [{"ConditionType": "STRINGEQUALS", "ConditionKey": "Backup",
                                 "ConditionValue": "data"}]}
    selection_id = backup.create_backup_selection(BackupPlanId=plan_id, BackupSelection=selection)["SelectionId"]
    got = backup.get_backup_selection(BackupPlanId=plan_id, SelectionId=selection_id)
    assert got["BackupSelection"]["ListOfTags"] == selection["ListOfTags"]
    assert got["BackupSelection"]["IamRoleArn"] == ROLE.format(account)
    listed = backup.list_backup_selections(BackupPlanId=plan_id)["BackupSelectionsList"]
    assert [s["SelectionId"] for s in listed] == [selection_id]

    with pytest.raises(ClientError) as err:
        backup.create_backup_selection(BackupPlanId=plan_id, BackupSelection=selection)
    assert code(err) == "AlreadyExistsException"
    with pytest.raises(ClientError) as err:
        backup.delete_backup_plan(BackupPlanId=plan_id)
    assert code(err) == "InvalidRequestException"

    backup.delete_backup_selection(BackupPlanId=plan_id, SelectionId=selection_id)
    with pytest.raises(ClientError) as err:
        backup.get_backup_selection(BackupPlanId=plan_id, SelectionId=selection_id)
    assert code(err) == "ResourceNotFoundException"
    backup.delete_backup_plan(BackupPlanId=plan_id)


@pytest.mark.parametrize("selection", [
    {"SelectionName": "data", "IamRoleArn": "not-a-role", "Resources": ["*"]},
    {"SelectionName": "data", "IamRoleArn": "arn:aws:iam::111111111111:role/backup"},
    {"SelectionName": "data", "IamRoleArn": "arn:aws:iam::111111111111:role/backup",
     "ListOfTags": [{"ConditionType": "STRINGLIKE", "ConditionKey": "Backup", "ConditionValue": "x"}]},
])
def test_invalid_selections(emulator, account, selection):
    vault(emulator, account)
    backup = emulator.client("backup", account)
    plan_id = backup.create_backup_plan(BackupPlan=plan_document())["BackupPlanId"]
    with pytest.raises(ClientError) as err:
        backup.create_backup_selection(BackupPlanId=plan_id, BackupSelection=selection)
    assert code(err) == "InvalidParameterValueException"


def test_selection_of_unknown_plan(emulator, account):
    with pytest.raises(ClientError) as err:
        emulator.client("backup", account).create_backup_selection(
            BackupPlanId="00000000-0000-0000-0000-000000000000",
            BackupSelection={"SelectionName": "x", "IamRoleArn": ROLE.format(account), "Resources": ["*"]})
    assert code(err) == "ResourceNotFoundException"


def test_deleted_plan_is_gone_and_its_name_free(emulator, account):
    vault(emulator, account)
    backup = emulator.client("backup", account)
    plan_id = backup.create_backup_plan(BackupPlan=plan_document())["BackupPlanId"]
    backup.delete_backup_plan(BackupPlanId=plan_id)
    with pytest.raises(ClientError) as err:
        backup.get_backup_plan(BackupPlanId=plan_id)
    assert code(err) == "ResourceNotFoundException"
    assert backup.list_backup_plans()["BackupPlansList"] == []
    assert [p["BackupPlanId"] for p in backup.list_backup_plans(IncludeDeleted=True)["BackupPlansList"]] == [plan_id]
    again = backup.create_backup_plan(BackupPlan=plan_document())["BackupPlanId"]
    assert again != plan_id
    types = {r["type"] for r in emulator.resources(account)}
    assert "plan" in types
    backup.delete_backup_plan(BackupPlanId=again)
    assert "plan" not in {r["type"] for r in emulator.resources(account)}


def test_update_backup_plan(emulator, account):
    vault(emulator, account)
    backup = emulator.client("backup", account)
    created = backup.create_backup_plan(BackupPlan=plan_document())
    updated = backup.update_backup_plan(BackupPlanId=created["BackupPlanId"],
                                        BackupPlan=plan_document(Lifecycle={"DeleteAfterDays": 7}))
    assert updated["VersionId"] != created["VersionId"]
    rule = backup.get_backup_plan(BackupPlanId=created["BackupPlanId"])["BackupPlan"]["Rules"][0]
    assert rule["Lifecycle"] == {"DeleteAfterDays": 7}
    with pytest.raises(ClientError) as err:
        backup.update_backup_plan(BackupPlanId=created["BackupPlanId"],
                                  BackupPlan=plan_document(TargetBackupVaultName="missing"))
    assert code(err) == "ResourceNotFoundException"


def test_list_tags_without_trailing_slash(emulator, account):
    """The provider's Go SDK sends GET /tags/<arn> (boto3 adds a slash): both answer the tags."""
    import json
    import urllib.request

    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    arn = vault(emulator, account)
    emulator.client("backup", account).tag_resource(ResourceArn=arn, Tags={"ManagedBy": "terraform"})
    url = f"{emulator.url}/tags/{urllib.parse.quote(arn, safe='')}"
    request = AWSRequest(method="GET", url=url)
    SigV4Auth(Credentials(account, "local"), "backup", "us-east-1").add_auth(request)
    with urllib.request.urlopen(urllib.request.Request(url, headers=dict(request.headers))) as response:
        assert json.loads(response.read())["Tags"] == {"ManagedBy": "terraform"}
