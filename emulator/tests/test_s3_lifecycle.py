"""S3 lifecycle configuration reads back as it was put (extension ``s3_lifecycle``)."""

import pytest
from botocore.exceptions import ClientError

HEADER = "x-amz-transition-default-minimum-object-size"

AUDIT_RULE = {  # the shape infrastructure/modules/audit puts (what the provider sends)
    "ID": "audit-retention",
    "Status": "Enabled",
    "Filter": {"Prefix": ""},
    "Expiration": {"Days": 365},
    "NoncurrentVersionExpiration": {"NoncurrentDays": 90},
    "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
}


@pytest.fixture
def s3(emulator, account):
    return emulator.client("s3", account)


@pytest.fixture
def bucket(s3, account):
    name = f"lifecycle-{account}"
    s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name


def test_no_configuration_is_no_such_lifecycle_configuration(s3, bucket):
    with pytest.raises(ClientError) as error:
        s3.get_bucket_lifecycle_configuration(Bucket=bucket)
    assert error.value.response["Error"]["Code"] == "NoSuchLifecycleConfiguration"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_unknown_bucket_is_no_such_bucket(s3, account):
    with pytest.raises(ClientError) as error:
        s3.get_bucket_lifecycle_configuration(Bucket=f"missing-{account}")
    assert error.value.response["Error"]["Code"] == "NoSuchBucket"


def test_audit_rule_reads_back_equal_with_the_default_transition_size(s3, bucket):
    put = s3.put_bucket_lifecycle_configuration(
        Bucket=bucket, LifecycleConfiguration={"Rules": [AUDIT_RULE]})
    assert put["TransitionDefaultMinimumObjectSize"] == "all_storage_classes_128K"
    got = s3.get_bucket_lifecycle_configuration(Bucket=bucket)
    assert got["Rules"] == [AUDIT_RULE]
    assert got["TransitionDefaultMinimumObjectSize"] == "all_storage_classes_128K"


def test_transition_default_minimum_object_size_is_kept(s3, bucket):
    put = s3.put_bucket_lifecycle_configuration(
        Bucket=bucket, LifecycleConfiguration={"Rules": [AUDIT_RULE]},
        TransitionDefaultMinimumObjectSize="varies_by_storage_class")
    assert put["ResponseMetadata"]["HTTPHeaders"][HEADER] == "varies_by_storage_class"
    got = s3.get_bucket_lifecycle_configuration(Bucket=bucket)
    assert got["TransitionDefaultMinimumObjectSize"] == "varies_by_storage_class"
    # a later PUT without the header is the default again
    s3.put_bucket_lifecycle_configuration(
        Bucket=bucket, LifecycleConfiguration={"Rules": [AUDIT_RULE]})
    got = s3.get_bucket_lifecycle_configuration(Bucket=bucket)
    assert got["TransitionDefaultMinimumObjectSize"] == "all_storage_classes_128K"


def test_invalid_transition_default_minimum_object_size(emulator, account, bucket):
    s3 = emulator.client("s3", account, validate=False)
    with pytest.raises(ClientError) as error:
        s3.put_bucket_lifecycle_configuration(
            Bucket=bucket, LifecycleConfiguration={"Rules": [AUDIT_RULE]},
            TransitionDefaultMinimumObjectSize="tiny")
    assert error.value.response["Error"]["Code"] == "InvalidArgument"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    with pytest.raises(ClientError) as error:
        s3.get_bucket_lifecycle_configuration(Bucket=bucket)
    assert error.value.response["Error"]["Code"] == "NoSuchLifecycleConfiguration"


def test_newer_noncurrent_versions_and_object_size_filters_are_kept(s3, bucket):
    rules = [
        {
            "ID": "keep-three",
            "Status": "Enabled",
            "Filter": {"ObjectSizeGreaterThan": 1024},
            "NoncurrentVersionExpiration": {"NoncurrentDays": 30, "NewerNoncurrentVersions": 3},
        },
        {
            "ID": "small-logs",
            "Status": "Disabled",
            "Filter": {"And": {"Prefix": "logs/", "Tags": [{"Key": "k", "Value": "v"}],
                               "ObjectSizeGreaterThan": 10, "ObjectSizeLessThan": 4096}},
            "Expiration": {"Days": 30},
            "NoncurrentVersionTransitions": [
                {"NoncurrentDays": 30, "StorageClass": "GLACIER", "NewerNoncurrentVersions": 2}],
            "Transitions": [{"Days": 60, "StorageClass": "STANDARD_IA"}],
        },
    ]
    s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": rules})
    assert s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"] == rules


def test_filter_with_two_conditions_is_malformed(s3, bucket):
    rule = dict(AUDIT_RULE, Filter={"Prefix": "a/", "ObjectSizeLessThan": 10})
    with pytest.raises(ClientError) as error:
        s3.put_bucket_lifecycle_configuration(
            Bucket=bucket, LifecycleConfiguration={"Rules": [rule]})
    assert error.value.response["Error"]["Code"] == "MalformedXML"


def test_delete_then_get_is_no_such_lifecycle_configuration(s3, bucket):
    s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [AUDIT_RULE]})
    s3.delete_bucket_lifecycle(Bucket=bucket)
    with pytest.raises(ClientError) as error:
        s3.get_bucket_lifecycle_configuration(Bucket=bucket)
    assert error.value.response["Error"]["Code"] == "NoSuchLifecycleConfiguration"
