"""kms extension: AWS-managed keys and the rotation period."""

import pytest
from botocore.exceptions import ClientError


def _code(error):
    return error.value.response["Error"]["Code"]


def test_aws_managed_keys_are_aws_managed(emulator, account):
    kms = emulator.client("kms", account)
    key = kms.describe_key(KeyId="alias/aws/s3")["KeyMetadata"]
    assert key["KeyManager"] == "AWS"
    assert kms.get_key_rotation_status(KeyId=key["KeyId"])["KeyRotationEnabled"] is True
    with pytest.raises(ClientError) as error:
        kms.disable_key_rotation(KeyId=key["KeyId"])
    assert _code(error) == "UnsupportedOperationException"
    assert kms.create_key()["KeyMetadata"]["KeyManager"] == "CUSTOMER"


def test_rotation_period(emulator, account):
    kms = emulator.client("kms", account)
    key = kms.create_key()["KeyMetadata"]["KeyId"]
    status = kms.get_key_rotation_status(KeyId=key)
    assert status["KeyRotationEnabled"] is False and status["KeyId"] == key
    assert "RotationPeriodInDays" not in status

    kms.enable_key_rotation(KeyId=key)
    status = kms.get_key_rotation_status(KeyId=key)
    assert status["KeyRotationEnabled"] is True and status["RotationPeriodInDays"] == 365
    assert status["NextRotationDate"]

    kms.enable_key_rotation(KeyId=key, RotationPeriodInDays=180)
    assert kms.get_key_rotation_status(KeyId=key)["RotationPeriodInDays"] == 180

    kms.disable_key_rotation(KeyId=key)
    status = kms.get_key_rotation_status(KeyId=key)
    assert status["KeyRotationEnabled"] is False and "RotationPeriodInDays" not in status


@pytest.mark.parametrize("period", [89, 2561])
def test_rotation_period_out_of_range(emulator, account, period):
    kms = emulator.client("kms", account, validate=False)
    key = kms.create_key()["KeyMetadata"]["KeyId"]
    with pytest.raises(ClientError) as error:
        kms.enable_key_rotation(KeyId=key, RotationPeriodInDays=period)
    assert _code(error) == "ValidationException"


def test_rotation_of_unknown_or_asymmetric_key(emulator, account):
    kms = emulator.client("kms", account)
    with pytest.raises(ClientError) as error:
        kms.enable_key_rotation(KeyId="0b1b2c3d-1111-2222-3333-444455556666")
    assert _code(error) == "NotFoundException"
    rsa = kms.create_key(KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["KeyId"]
    with pytest.raises(ClientError) as error:
        kms.enable_key_rotation(KeyId=rsa)
    assert _code(error) == "UnsupportedOperationException"
