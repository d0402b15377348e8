import pytest
from botocore.exceptions import ClientError


def _monitor(ce, name="services"):
    return ce.create_anomaly_monitor(
        AnomalyMonitor={"MonitorName": name, "MonitorType": "DIMENSIONAL",
                        "MonitorDimension": "SERVICE"},
        ResourceTags=[{"Key": "team", "Value": "platform"}])["MonitorArn"]


def test_monitor_and_subscription(emulator, account):
    ce = emulator.client("ce", account)
    monitor = _monitor(ce)
    assert monitor.startswith(f"arn:aws:ce::{account}:anomalymonitor/")
    got = ce.get_anomaly_monitors(MonitorArnList=[monitor])["AnomalyMonitors"][0]
    assert (got["MonitorName"], got["MonitorType"], got["MonitorDimension"]) == \
        ("services", "DIMENSIONAL", "SERVICE")
    ce.update_anomaly_monitor(MonitorArn=monitor, MonitorName="renamed")
    assert ce.get_anomaly_monitors()["AnomalyMonitors"][0]["MonitorName"] == "renamed"
    topic = f"arn:aws:sns:us-east-1:{account}:alerts"
    expression = {"Dimensions": {"Key": "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
                                 "MatchOptions": ["GREATER_THAN_OR_EQUAL"], "Values": ["100"]}}
    sub = ce.create_anomaly_subscription(
        AnomalySubscription={"SubscriptionName": "alerts", "MonitorArnList": [monitor],
                             "Subscribers": [{"Type": "SNS", "Address": topic}],
                             "Frequency": "IMMEDIATE", "ThresholdExpression": expression},
        ResourceTags=[{"Key": "a", "Value": "b"}])["SubscriptionArn"]
    assert sub.startswith(f"arn:aws:ce::{account}:anomalysubscription/")
    got = ce.get_anomaly_subscriptions(SubscriptionArnList=[sub])["AnomalySubscriptions"][0]
    assert got["ThresholdExpression"] == expression and got["AccountId"] == account
    assert ce.list_tags_for_resource(ResourceArn=sub)["ResourceTags"] == [{"Key": "a", "Value": "b"}]
    ce.update_anomaly_subscription(SubscriptionArn=sub, SubscriptionName="renamed")
    assert ce.get_anomaly_subscriptions(MonitorArn=monitor)["AnomalySubscriptions"][0][
        "SubscriptionName"] == "renamed"
    ce.delete_anomaly_subscription(SubscriptionArn=sub)
    ce.delete_anomaly_monitor(MonitorArn=monitor)
    assert ce.get_anomaly_monitors()["AnomalyMonitors"] == []
    with pytest.raises(ClientError) as err:
        ce.list_tags_for_resource(ResourceArn=monitor)
    assert err.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_errors(emulator, account):
    ce = emulator.client("ce", account, validate=False)
    unknown = f"arn:aws:ce::{account}:anomalymonitor/none"
    with pytest.raises(ClientError) as err:
        ce.get_anomaly_monitors(MonitorArnList=[unknown])
    assert err.value.response["Error"]["Code"] == "UnknownMonitorException"
    with pytest.raises(ClientError) as err:
        ce.delete_anomaly_monitor(MonitorArn=unknown)
    assert err.value.response["Error"]["Code"] == "UnknownMonitorException"
    with pytest.raises(ClientError) as err:
        ce.create_anomaly_monitor(AnomalyMonitor={"MonitorName": "m", "MonitorType": "DIMENSIONAL",
                                                  "MonitorDimension": "TAG"})
    assert err.value.response["Error"]["Code"] == "ValidationException"
    with pytest.raises(ClientError) as err:
        ce.create_anomaly_subscription(AnomalySubscription={
            "SubscriptionName": "s", "MonitorArnList": [unknown], "Frequency": "DAILY",
            "Subscribers": [{"Type": "EMAIL", "Address": "a@example.com"}], "Threshold": 10})
    assert err.value.response["Error"]["Code"] == "UnknownMonitorException"
    monitor = _monitor(ce)
    with pytest.raises(ClientError) as err:  # SNS subscribers need IMMEDIATE
        ce.create_anomaly_subscription(AnomalySubscription={
            "SubscriptionName": "s", "MonitorArnList": [monitor], "Frequency": "DAILY",
            "Subscribers": [{"Type": "SNS", "Address": "arn:aws:sns:us-east-1:1:t"}],
            "Threshold": 10})
    assert err.value.response["Error"]["Code"] == "ValidationException"
    with pytest.raises(ClientError) as err:
        ce.get_anomaly_subscriptions(
            SubscriptionArnList=[f"arn:aws:ce::{account}:anomalysubscription/none"])
    assert err.value.response["Error"]["Code"] == "UnknownSubscriptionException"


def test_cost_allocation_tags(emulator, account):
    ce = emulator.client("ce", account)
    assert ce.list_cost_allocation_tags()["CostAllocationTags"] == []
    got = ce.update_cost_allocation_tags_status(CostAllocationTagsStatus=[
        {"TagKey": "Environment", "Status": "Active"}, {"TagKey": "Owner", "Status": "Active"}])
    assert got["Errors"] == []
    tags = ce.list_cost_allocation_tags(TagKeys=["Owner"])["CostAllocationTags"]
    assert [(t["TagKey"], t["Type"], t["Status"]) for t in tags] == [("Owner", "UserDefined", "Active")]
    ce.update_cost_allocation_tags_status(CostAllocationTagsStatus=[{"TagKey": "Owner", "Status": "Inactive"}])
    assert [t["TagKey"] for t in ce.list_cost_allocation_tags(Status="Active")["CostAllocationTags"]] == ["Environment"]
    assert ce.list_cost_allocation_tags(TagKeys=["Owner"])["CostAllocationTags"][0]["Status"] == "Inactive"
    with pytest.raises(ClientError) as err:
        ce.update_cost_allocation_tags_status(CostAllocationTagsStatus=[{"TagKey": "X", "Status": "On"}])
    assert err.value.response["Error"]["Code"] == "ValidationException"
