"""glue extension: a schema registry's tags read back with GetTags; a new
schema version must keep the schema's compatibility mode."""

import json

import pytest
from botocore.exceptions import ClientError


def test_registry_tags_read_back(emulator, account):
    glue = emulator.client("glue", account)
    arn = glue.create_registry(RegistryName="events", Tags={"Environment": "dev"})["RegistryArn"]
    assert glue.get_tags(ResourceArn=arn)["Tags"] == {"Environment": "dev"}
    glue.tag_resource(ResourceArn=arn, TagsToAdd={"Owner": "platform"})
    assert glue.get_tags(ResourceArn=arn)["Tags"] == {"Environment": "dev", "Owner": "platform"}
    glue.delete_registry(RegistryId={"RegistryName": "events"})
    with pytest.raises(ClientError) as err:
        glue.get_registry(RegistryId={"RegistryName": "events"})
    assert err.value.response["Error"]["Code"] == "EntityNotFoundException"
    # a new registry of the same name starts without the old tags
    arn = glue.create_registry(RegistryName="events")["RegistryArn"]
    assert glue.get_tags(ResourceArn=arn)["Tags"] == {}


def test_duplicate_registry_is_refused(emulator, account):
    glue = emulator.client("glue", account)
    glue.create_registry(RegistryName="dup")
    with pytest.raises(ClientError) as err:
        glue.create_registry(RegistryName="dup")
    assert err.value.response["Error"]["Code"] == "AlreadyExistsException"


ORDER_V1 = {"type": "record", "name": "OrderEvent", "fields": [
    {"name": "order_id", "type": "string"}, {"name": "total", "type": "long"}]}


def _schema(glue, registry, compatibility="BACKWARD", definition=ORDER_V1):
    glue.create_registry(RegistryName=registry)
    glue.create_schema(RegistryId={"RegistryName": registry}, SchemaName="orders-value",
                       DataFormat="AVRO", Compatibility=compatibility,
                       SchemaDefinition=json.dumps(definition))
    return {"RegistryName": registry, "SchemaName": "orders-value"}


def test_compatible_version_is_registered(emulator, account):
    glue = emulator.client("glue", account)
    sid = _schema(glue, "compat-ok")
    v2 = dict(ORDER_V1, fields=ORDER_V1["fields"] + [
        {"name": "coupon", "type": ["null", "string"], "default": None}])
    out = glue.register_schema_version(SchemaId=sid, SchemaDefinition=json.dumps(v2))
    assert out["Status"] == "AVAILABLE" and out["VersionNumber"] == 2
    assert glue.get_schema(SchemaId=sid)["LatestSchemaVersion"] == 2


@pytest.mark.parametrize("field,reason", [
    ({"name": "channel", "type": "string"}, "$.channel: a new field without a default"),
    (None, "$.total: the writer's long cannot be read as int"),
])
def test_incompatible_version_is_refused(emulator, account, field, reason):
    glue = emulator.client("glue", account)
    sid = _schema(glue, f"compat-bad-{'field' if field else 'type'}")
    if field:
        v2 = dict(ORDER_V1, fields=ORDER_V1["fields"] + [field])
    else:
        v2 = dict(ORDER_V1, fields=[ORDER_V1["fields"][0], {"name": "total", "type": "int"}])
    with pytest.raises(ClientError) as err:
        glue.register_schema_version(SchemaId=sid, SchemaDefinition=json.dumps(v2))
    assert err.value.response["Error"]["Code"] == "InvalidInputException"
    assert "not BACKWARD compatible" in err.value.response["Error"]["Message"]
    assert reason in err.value.response["Error"]["Message"]
    schema = glue.get_schema(SchemaId=sid)
    assert (schema["LatestSchemaVersion"], schema["NextSchemaVersion"]) == (1, 2), \
        "a refused version is not stored"


def test_forward_mode_and_none_mode(emulator, account):
    glue = emulator.client("glue", account)
    without_total = dict(ORDER_V1, fields=[ORDER_V1["fields"][0]])
    sid = _schema(glue, "compat-forward", compatibility="FORWARD")
    with pytest.raises(ClientError):  # old readers need `total`
        glue.register_schema_version(SchemaId=sid, SchemaDefinition=json.dumps(without_total))
    sid = _schema(glue, "compat-none", compatibility="NONE")
    out = glue.register_schema_version(SchemaId=sid, SchemaDefinition=json.dumps({"type": "string"}))
    assert out["Status"] == "AVAILABLE"


def test_same_definition_returns_the_existing_version(emulator, account):
    glue = emulator.client("glue", account)
    sid = _schema(glue, "compat-same")
    out = glue.register_schema_version(SchemaId=sid, SchemaDefinition=json.dumps(ORDER_V1))
    assert out["VersionNumber"] == 1
