"""S3 object versions and delete markers (extension ``s3_versions``)."""

import pytest
from botocore.exceptions import ClientError


def all_versions(s3, bucket):
    listed = s3.list_object_versions(Bucket=bucket)
    versions = [(v["Key"], v["VersionId"]) for v in listed.get("Versions", [])]
    markers = [(m["Key"], m["VersionId"]) for m in listed.get("DeleteMarkers", [])]
    return versions, markers


def force_empty(s3, bucket):
    """What aws_s3_bucket force_destroy does: delete every version and marker by id."""
    versions, markers = all_versions(s3, bucket)
    objects = [{"Key": k, "VersionId": v} for k, v in versions + markers]
    if not objects:
        return {"Deleted": [], "Errors": []}
    return s3.delete_objects(Bucket=bucket, Delete={"Objects": objects, "Quiet": False})


def test_force_destroy_with_suspended_versioning(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"suspended-{account}"
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    s3.delete_object(Bucket=bucket, Key="a")  # creates a delete marker
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    versions, markers = all_versions(s3, bucket)
    assert len(versions) == 1 and len(markers) == 1

    result = force_empty(s3, bucket)
    assert result.get("Errors", []) == []
    by_version = {d["VersionId"]: d for d in result["Deleted"]}
    marker_id = markers[0][1]
    assert by_version[marker_id]["DeleteMarker"] is True
    assert by_version[marker_id]["DeleteMarkerVersionId"] == marker_id
    assert "DeleteMarker" not in by_version[versions[0][1]]
    assert all_versions(s3, bucket) == ([], [])
    s3.delete_bucket(Bucket=bucket)
    assert bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]]


def test_force_destroy_many_versions_and_markers(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"versioned-{account}"
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    for key in ("a", "b", "dir/c"):
        for body in (b"1", b"2", b"3"):
            s3.put_object(Bucket=bucket, Key=key, Body=body)
    s3.delete_object(Bucket=bucket, Key="a")
    s3.delete_object(Bucket=bucket, Key="a")  # marker on top of a marker
    s3.delete_object(Bucket=bucket, Key="b")
    versions, markers = all_versions(s3, bucket)
    assert len(versions) == 9 and len(markers) == 3

    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=bucket)
    assert excinfo.value.response["Error"]["Code"] == "BucketNotEmpty"

    result = force_empty(s3, bucket)
    assert result.get("Errors", []) == []
    assert len(result["Deleted"]) == 12
    marker_results = [d for d in result["Deleted"] if d.get("DeleteMarker")]
    assert sorted(d["DeleteMarkerVersionId"] for d in marker_results) == sorted(
        v for _, v in markers)
    assert all(d["VersionId"] == d["DeleteMarkerVersionId"] for d in marker_results)
    assert all_versions(s3, bucket) == ([], [])
    s3.delete_bucket(Bucket=bucket)


def test_only_markers_left_still_not_empty(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"markers-{account}"
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    put = s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    marker = s3.delete_object(Bucket=bucket, Key="a")
    assert marker["DeleteMarker"] is True
    s3.delete_object(Bucket=bucket, Key="a", VersionId=put["VersionId"])
    # only the marker remains: the bucket is not empty
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=bucket)
    assert excinfo.value.response["Error"]["Code"] == "BucketNotEmpty"
    removed = s3.delete_object(Bucket=bucket, Key="a", VersionId=marker["VersionId"])
    assert removed["DeleteMarker"] is True
    assert removed["VersionId"] == marker["VersionId"]
    s3.delete_bucket(Bucket=bucket)


def test_deleting_a_marker_restores_the_object(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"restore-{account}"
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    s3.put_object(Bucket=bucket, Key="a", Body=b"2")
    marker = s3.delete_object(Bucket=bucket, Key="a")
    with pytest.raises(ClientError):
        s3.get_object(Bucket=bucket, Key="a")
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [
        {"Key": "a", "VersionId": marker["VersionId"]}]})
    assert result["Deleted"][0]["DeleteMarker"] is True
    assert s3.get_object(Bucket=bucket, Key="a")["Body"].read() == b"2"
    versions, markers = all_versions(s3, bucket)
    assert len(versions) == 2 and markers == []


def test_suspended_bucket_keeps_other_versions(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"keep-{account}"
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    v1 = s3.put_object(Bucket=bucket, Key="a", Body=b"1")["VersionId"]
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    s3.put_object(Bucket=bucket, Key="a", Body=b"null-1")
    s3.put_object(Bucket=bucket, Key="a", Body=b"null-2")  # replaces the null version only
    versions, _ = all_versions(s3, bucket)
    assert sorted(v for _, v in versions) == sorted([v1, "null"])
    assert s3.get_object(Bucket=bucket, Key="a")["Body"].read() == b"null-2"
    # delete without version id: null version removed, a null marker added
    deleted = s3.delete_object(Bucket=bucket, Key="a")
    assert deleted["DeleteMarker"] is True
    assert deleted["VersionId"] == "null"
    versions, markers = all_versions(s3, bucket)
    assert versions == [("a", v1)] and markers == [("a", "null")]
    assert s3.get_object(Bucket=bucket, Key="a", VersionId=v1)["Body"].read() == b"1"
    result = force_empty(s3, bucket)
    assert result.get("Errors", []) == [] and len(result["Deleted"]) == 2
    s3.delete_bucket(Bucket=bucket)


def test_unversioned_bucket_unchanged(emulator, account):
    s3 = emulator.client("s3", account)
    bucket = f"plain-{account}"
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="a", Body=b"1")
    s3.put_object(Bucket=bucket, Key="a", Body=b"2")
    with pytest.raises(ClientError) as excinfo:
        s3.delete_bucket(Bucket=bucket)
    assert excinfo.value.response["Error"]["Code"] == "BucketNotEmpty"
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "a"}]})
    assert [d["Key"] for d in result["Deleted"]] == ["a"]
    assert "DeleteMarker" not in result["Deleted"][0]
    s3.delete_bucket(Bucket=bucket)
