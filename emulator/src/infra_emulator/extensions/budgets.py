"""Budgets: tags and notification subscribers, as the provider reads them.

AWS behaviour: a budget's ARN is ``arn:aws:budgets::<account>:budget/<name>``;
CreateBudget takes ``ResourceTags`` (a list of Key/Value);
TagResource/UntagResource/ListTagsForResource address the budget by ARN (an ARN
of no budget → ``NotFoundException``; a malformed one → ``InvalidParameterException``;
keys starting with ``aws:`` → ``InvalidParameterException``).
DescribeSubscribersForNotification returns the subscribers of one notification
of the budget (notification matched on type, comparison operator, threshold
and threshold type, ``PERCENTAGE`` by default); an unknown budget or
notification → ``NotFoundException``. A notification needs 1-11 subscribers
(``SNS`` at most one) with addresses (an SNS topic ARN for ``SNS``). Deleting
the budget deletes its tags.

moto gap (5.2.1): ListTagsForResource, TagResource, UntagResource and
DescribeSubscribersForNotification are not implemented (``aws_budgets_budget``
fails on read), ``ResourceTags`` ignored; DescribeNotificationsForBudget of an
unknown budget is a 500 (KeyError).

Extension: methods added to moto's ``BudgetsResponse``; tags kept on moto's
``Budget`` model.
"""

import json
import re
from typing import Any

from moto.core.exceptions import JsonRESTError

NAME = "budgets"

ARN = re.compile(r"^arn:[^:]+:budgets::(\d{12}):budget/(.+)$")


class NotFoundException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("NotFoundException", message)


class InvalidParameterException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("InvalidParameterException", message)


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def key(n: dict[str, Any]) -> tuple[Any, ...]:
        return (n.get("NotificationType"), n.get("ComparisonOperator"),
                float(n.get("Threshold", 0)), n.get("ThresholdType") or "PERCENTAGE")
    return key(a) == key(b)


def _check_tags(tags: list[dict[str, str]]) -> dict[str, str]:
    out = {}
    for tag in tags or []:
        k, v = tag.get("Key"), tag.get("Value")
        if not k or v is None:
            raise InvalidParameterException("Each tag needs a Key and a Value.")
        if k.startswith("aws:"):
            raise InvalidParameterException("Tag keys starting with 'aws:' are reserved.")
        out[k] = v
    if len(out) > 50:
        raise InvalidParameterException("A budget can have at most 50 tags.")
    return out


def _check_subscribers(subscribers: list[dict[str, str]] | None) -> None:
    subscribers = subscribers or []
    if not 1 <= len(subscribers) <= 11:
        raise InvalidParameterException("A notification needs between 1 and 11 subscribers.")
    if sum(1 for s in subscribers if s.get("SubscriptionType") == "SNS") > 1:
        raise InvalidParameterException("A notification can have at most one SNS subscriber.")
    for s in subscribers:
        kind, address = s.get("SubscriptionType"), s.get("Address") or ""
        if kind not in ("SNS", "EMAIL") or not address:
            raise InvalidParameterException(f"Invalid subscriber: {s}")
        if kind == "SNS" and not re.match(r"^arn:[^:]+:sns:[^:]+:\d{12}:.+$", address):
            raise InvalidParameterException(f"Invalid SNS topic ARN: {address}")


def apply() -> None:
    from moto.budgets.responses import BudgetsResponse

    if getattr(BudgetsResponse, "_infra_emulator", False):
        return

    def _budget(self: Any, account_id: str, name: str) -> Any:
        budget = self.backend.budgets[account_id].get(name)
        if budget is None:
            raise NotFoundException(
                f"Unable to get budget: {name} - the budget doesn't exist.")
        return budget

    def _by_arn(self: Any, arn: str) -> Any:
        match = ARN.match(arn or "")
        if not match:
            raise InvalidParameterException(f"Invalid ARN: {arn}")
        return _budget(self, match.group(1), match.group(2))

    original_create = BudgetsResponse.create_budget

    def create_budget(self: Any) -> str:
        tags = _check_tags(self._get_param("ResourceTags") or [])
        for item in self._get_param("NotificationsWithSubscribers") or []:
            _check_subscribers(item.get("Subscribers"))
        budget_arg = self._get_param("Budget") or {}
        if not budget_arg.get("BudgetName") or not budget_arg.get("BudgetType") \
                or not budget_arg.get("TimeUnit"):
            raise InvalidParameterException("BudgetName, BudgetType and TimeUnit are required.")
        body = original_create(self)
        _budget(self, self._get_param("AccountId"), budget_arg["BudgetName"])._tags = tags
        return body

    def describe_notifications_for_budget(self: Any) -> str:
        budget = _budget(self, self._get_param("AccountId"), self._get_param("BudgetName"))
        return json.dumps({"Notifications": list(budget.get_notifications())})

    def create_notification(self: Any) -> str:
        budget = _budget(self, self._get_param("AccountId"), self._get_param("BudgetName"))
        notification = self._get_param("Notification") or {}
        _check_subscribers(self._get_param("Subscribers"))
        if any(_same(n.details, notification) for n in budget.notifications):
            raise JsonRESTError("DuplicateRecordException",
                                "Unable to create notification - the notification already exists.")
        budget.add_notification(notification, self._get_param("Subscribers"))
        return json.dumps({})

    def describe_subscribers_for_notification(self: Any) -> str:
        budget = _budget(self, self._get_param("AccountId"), self._get_param("BudgetName"))
        wanted = self._get_param("Notification") or {}
        for n in budget.notifications:
            if _same(n.details, wanted):
                return json.dumps({"Subscribers": n.subscribers})
        raise NotFoundException(
            "Unable to get subscribers - the notification doesn't exist.")

    def list_tags_for_resource(self: Any) -> str:
        budget = _by_arn(self, self._get_param("ResourceARN"))
        tags = getattr(budget, "_tags", {})
        return json.dumps({"ResourceTags": [{"Key": k, "Value": v} for k, v in tags.items()]})

    def tag_resource(self: Any) -> str:
        budget = _by_arn(self, self._get_param("ResourceARN"))
        new = _check_tags(self._get_param("ResourceTags") or [])
        merged = {**getattr(budget, "_tags", {}), **new}
        if len(merged) > 50:
            raise InvalidParameterException("A budget can have at most 50 tags.")
        budget._tags = merged
        return json.dumps({})

    def untag_resource(self: Any) -> str:
        budget = _by_arn(self, self._get_param("ResourceARN"))
        keys = self._get_param("ResourceTagKeys") or []
        budget._tags = {k: v for k, v in getattr(budget, "_tags", {}).items() if k not in keys}
        return json.dumps({})

    BudgetsResponse.create_budget = create_budget
    BudgetsResponse.create_notification = create_notification
    BudgetsResponse.describe_notifications_for_budget = describe_notifications_for_budget
    BudgetsResponse.describe_subscribers_for_notification = describe_subscribers_for_notification
    BudgetsResponse.list_tags_for_resource = list_tags_for_resource
    BudgetsResponse.tag_resource = tag_resource
    BudgetsResponse.untag_resource = untag_resource
    BudgetsResponse._infra_emulator = True
