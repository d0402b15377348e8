"""cloudtrail extension: StartLogging/StopLogging/DeleteTrail by name or ARN, as on AWS."""

import pytest
from botocore.exceptions import ClientError


def _trail(emulator, account, name="audit", region="us-east-1", multi_region=True):
    s3 = emulator.client("s3", account, region)
    bucket = f"trail-{name}-{account}"
    if region == "us-east-1":
        s3.create_bucket(Bucket=bucket)
    else:
        s3.create_bucket(Bucket=bucket,
                         CreateBucketConfiguration={"LocationConstraint": region})
    trail = emulator.client("cloudtrail", account, region).create_trail(
        Name=name, S3BucketName=bucket, IsMultiRegionTrail=multi_region,
        EnableLogFileValidation=True, KmsKeyId="alias/audit")
    return trail


def _code(error):
    return error.value.response["Error"]["Code"]


def test_start_and_stop_logging_by_arn_and_name(emulator, account):
    trail = _trail(emulator, account)
    arn = trail["TrailARN"]
    assert arn == f"arn:aws:cloudtrail:us-east-1:{account}:trail/audit"
    ct = emulator.client("cloudtrail", account)
    assert ct.get_trail_status(Name=arn)["IsLogging"] is False

    ct.start_logging(Name=arn)
    status = ct.get_trail_status(Name="audit")
    assert status["IsLogging"] is True
    assert status["StartLoggingTime"]

    ct.stop_logging(Name="audit")
    status = ct.get_trail_status(Name=arn)
    assert status["IsLogging"] is False
    assert status["StopLoggingTime"]

    ct.start_logging(Name="audit")
    assert ct.get_trail_status(Name=arn)["IsLogging"] is True


@pytest.mark.parametrize("operation", ["start_logging", "stop_logging", "delete_trail"])
def test_unknown_trail_is_trail_not_found(emulator, account, operation):
    ct = emulator.client("cloudtrail", account)
    with pytest.raises(ClientError) as error:
        getattr(ct, operation)(Name="nope")
    assert _code(error) == "TrailNotFoundException"
    with pytest.raises(ClientError) as error:
        getattr(ct, operation)(Name=f"arn:aws:cloudtrail:us-east-1:{account}:trail/nope")
    assert _code(error) == "TrailNotFoundException"


def test_trail_of_another_account_is_not_found(emulator, new_account):
    owner, other = new_account(), new_account()
    arn = _trail(emulator, owner)["TrailARN"]
    with pytest.raises(ClientError) as error:
        emulator.client("cloudtrail", other).start_logging(Name=arn)
    assert _code(error) == "TrailNotFoundException"


def test_delete_by_arn_removes_the_trail(emulator, account):
    arn = _trail(emulator, account)["TrailARN"]
    ct = emulator.client("cloudtrail", account)
    ct.delete_trail(Name=arn)
    assert ct.describe_trails()["trailList"] == []
    with pytest.raises(ClientError) as error:
        ct.get_trail_status(Name=arn)
    assert _code(error) == "TrailNotFoundException"


def test_multi_region_trail_is_managed_from_its_home_region(emulator, account):
    arn = _trail(emulator, account)["TrailARN"]
    west = emulator.client("cloudtrail", account, "us-west-2")
    # visible (shadow trail) ...
    assert [t["TrailARN"] for t in west.describe_trails()["trailList"]] == [arn]
    # ... but not managed from there
    for operation in ("start_logging", "stop_logging", "delete_trail"):
        with pytest.raises(ClientError) as error:
            getattr(west, operation)(Name=arn)
        assert _code(error) == "InvalidHomeRegionException"


def test_duplicate_trail_name_is_rejected(emulator, account):
    _trail(emulator, account)
    ct = emulator.client("cloudtrail", account)
    with pytest.raises(ClientError) as error:
        ct.create_trail(Name="audit", S3BucketName=f"trail-audit-{account}")
    assert _code(error) == "TrailAlreadyExistsException"


def test_bad_name_and_missing_bucket_are_rejected(emulator, account):
    ct = emulator.client("cloudtrail", account)
    with pytest.raises(ClientError) as error:
        ct.start_logging(Name="ab")
    assert _code(error) == "InvalidTrailNameException"
    with pytest.raises(ClientError) as error:
        ct.create_trail(Name="audit", S3BucketName=f"missing-{account}")
    assert _code(error) == "S3BucketDoesNotExistException"
