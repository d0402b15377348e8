import pytest
from botocore.exceptions import ClientError

TOPIC = "arn:aws:sns:us-east-1:{}:cost-alerts"


def _notification(threshold):
    return {"NotificationType": "FORECASTED", "ComparisonOperator": "GREATER_THAN",
            "Threshold": threshold, "ThresholdType": "PERCENTAGE"}


def _budget(emulator, account, tags=None):
    budgets = emulator.client("budgets", account)
    budgets.create_budget(
        AccountId=account,
        Budget={"BudgetName": "monthly", "BudgetType": "COST", "TimeUnit": "MONTHLY",
                "BudgetLimit": {"Amount": "1000", "Unit": "USD"}},
        NotificationsWithSubscribers=[
            {"Notification": _notification(t),
             "Subscribers": [{"SubscriptionType": "SNS", "Address": TOPIC.format(account)}]}
            for t in (80, 100)],
        ResourceTags=tags or [{"Key": "team", "Value": "platform"}])
    return budgets


def test_tags_round_trip(emulator, account):
    budgets = _budget(emulator, account)
    arn = f"arn:aws:budgets::{account}:budget/monthly"
    assert budgets.list_tags_for_resource(ResourceARN=arn)["ResourceTags"] == [
        {"Key": "team", "Value": "platform"}]
    budgets.tag_resource(ResourceARN=arn, ResourceTags=[{"Key": "env", "Value": "dev"}])
    budgets.untag_resource(ResourceARN=arn, ResourceTagKeys=["team"])
    assert budgets.list_tags_for_resource(ResourceARN=arn)["ResourceTags"] == [
        {"Key": "env", "Value": "dev"}]
    with pytest.raises(ClientError) as err:
        budgets.list_tags_for_resource(ResourceARN=f"arn:aws:budgets::{account}:budget/none")
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    with pytest.raises(ClientError) as err:
        budgets.list_tags_for_resource(ResourceARN="arn:aws:s3:::bucket")
    assert err.value.response["Error"]["Code"] == "InvalidParameterException"
    with pytest.raises(ClientError) as err:
        budgets.tag_resource(ResourceARN=arn, ResourceTags=[{"Key": "aws:x", "Value": "v"}])
    assert err.value.response["Error"]["Code"] == "InvalidParameterException"


def test_subscribers_for_notification(emulator, account):
    budgets = _budget(emulator, account)
    assert len(budgets.describe_notifications_for_budget(
        AccountId=account, BudgetName="monthly")["Notifications"]) == 2
    subs = budgets.describe_subscribers_for_notification(
        AccountId=account, BudgetName="monthly", Notification=_notification(100))["Subscribers"]
    assert subs == [{"SubscriptionType": "SNS", "Address": TOPIC.format(account)}]
    with pytest.raises(ClientError) as err:
        budgets.describe_subscribers_for_notification(
            AccountId=account, BudgetName="monthly", Notification=_notification(50))
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    with pytest.raises(ClientError) as err:
        budgets.describe_subscribers_for_notification(
            AccountId=account, BudgetName="none", Notification=_notification(100))
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    with pytest.raises(ClientError) as err:
        budgets.describe_notifications_for_budget(AccountId=account, BudgetName="none")
    assert err.value.response["Error"]["Code"] == "NotFoundException"


def test_bad_subscribers(emulator, account):
    budgets = emulator.client("budgets", account)
    with pytest.raises(ClientError) as err:
        budgets.create_budget(
            AccountId=account,
            Budget={"BudgetName": "b", "BudgetType": "COST", "TimeUnit": "MONTHLY",
                    "BudgetLimit": {"Amount": "1", "Unit": "USD"}},
            NotificationsWithSubscribers=[{"Notification": _notification(80), "Subscribers": [
                {"SubscriptionType": "SNS", "Address": "not-an-arn"}]}])
    assert err.value.response["Error"]["Code"] == "InvalidParameterException"
