"""guardduty extension: detector features merged by name; one detector per account/region."""

import pytest
from botocore.exceptions import ClientError


def _features(gd, detector):
    return {f["Name"]: f for f in gd.get_detector(DetectorId=detector)["Features"]}


def test_features_are_configured_one_by_one(emulator, account):
    gd = emulator.client("guardduty", account)
    detector = gd.create_detector(Enable=True, Features=[
        {"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}])["DetectorId"]
    gd.update_detector(DetectorId=detector, Features=[{"Name": "EKS_AUDIT_LOGS", "Status": "ENABLED"}])
    gd.update_detector(DetectorId=detector, Features=[
        {"Name": "RUNTIME_MONITORING", "Status": "ENABLED",
         "AdditionalConfiguration": [{"Name": "EKS_ADDON_MANAGEMENT", "Status": "ENABLED"}]}])
    gd.update_detector(DetectorId=detector, Features=[
        {"Name": "RUNTIME_MONITORING", "Status": "ENABLED",
         "AdditionalConfiguration": [{"Name": "ECS_FARGATE_AGENT_MANAGEMENT", "Status": "DISABLED"}]}])
    gd.update_detector(DetectorId=detector, Features=[{"Name": "S3_DATA_EVENTS", "Status": "DISABLED"}])

    features = _features(gd, detector)
    assert {n: f["Status"] for n, f in features.items()} == {
        "S3_DATA_EVENTS": "DISABLED", "EKS_AUDIT_LOGS": "ENABLED", "RUNTIME_MONITORING": "ENABLED"}
    assert features["EKS_AUDIT_LOGS"]["UpdatedAt"]
    assert {c["Name"]: c["Status"] for c in features["RUNTIME_MONITORING"]["AdditionalConfiguration"]} == {
        "EKS_ADDON_MANAGEMENT": "ENABLED", "ECS_FARGATE_AGENT_MANAGEMENT": "DISABLED"}
    # an update without features leaves them alone
    gd.update_detector(DetectorId=detector, FindingPublishingFrequency="ONE_HOUR")
    assert set(_features(gd, detector)) == {"S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "RUNTIME_MONITORING"}


@pytest.mark.parametrize("feature", [{"Name": "NOT_A_FEATURE", "Status": "ENABLED"},
                                     {"Name": "S3_DATA_EVENTS", "Status": "MAYBE"},
                                     {"Name": "RUNTIME_MONITORING", "Status": "ENABLED",
                                      "AdditionalConfiguration": [{"Name": "X", "Status": "ENABLED"}]}])
def test_invalid_features_are_rejected(emulator, account, feature):
    gd = emulator.client("guardduty", account, validate=False)
    detector = gd.create_detector(Enable=True)["DetectorId"]
    with pytest.raises(ClientError) as error:
        gd.update_detector(DetectorId=detector, Features=[feature])
    assert error.value.response["Error"]["Code"] == "BadRequestException"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_one_detector_per_account_and_region(emulator, new_account):
    dev, prod = new_account(), new_account()
    emulator.client("guardduty", dev).create_detector(Enable=True)
    with pytest.raises(ClientError) as error:
        emulator.client("guardduty", dev).create_detector(Enable=True)
    assert error.value.response["Error"]["Code"] == "BadRequestException"
    emulator.client("guardduty", dev, "us-west-2").create_detector(Enable=True)
    emulator.client("guardduty", prod).create_detector(Enable=True)
