"""glue extension: a schema registry's tags read back with GetTags."""

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
