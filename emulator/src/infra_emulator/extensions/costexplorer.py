"""Cost Explorer anomaly detection: monitors and subscriptions, with tags.

AWS behaviour (json 1.1, ``AWSInsightsIndexService.*``): CreateAnomalyMonitor
(``MonitorName``, ``MonitorType`` ``DIMENSIONAL`` with ``MonitorDimension``
``SERVICE`` (the only dimension AWS accepts for a dimensional monitor) or
``CUSTOM`` with a ``MonitorSpecification`` expression and no dimension),
GetAnomalyMonitors (all, or by ARN: an unknown ARN → ``UnknownMonitorException``),
UpdateAnomalyMonitor (name only), DeleteAnomalyMonitor; CreateAnomalySubscription
(``SubscriptionName``, ``MonitorArnList`` of existing monitors, ``Subscribers``
``EMAIL``/``SNS`` (``SNS`` only with ``IMMEDIATE``; ``IMMEDIATE`` only with SNS),
``Frequency`` ``DAILY``/``IMMEDIATE``/``WEEKLY``, ``Threshold`` or
``ThresholdExpression``), GetAnomalySubscriptions (by ARN or monitor),
UpdateAnomalySubscription, DeleteAnomalySubscription; ``ResourceTags`` on create
and TagResource/UntagResource/ListTagsForResource (an unknown ARN →
``ResourceNotFoundException``). ARNs ``arn:aws:ce::<account>:anomalymonitor/<uuid>``
and ``arn:aws:ce::<account>:anomalysubscription/<uuid>``. Bad values →
``ValidationException``. A monitor used by a subscription can still be deleted
on AWS; it is then dropped from the subscription's list.

Cost allocation tags (``aws_ce_cost_allocation_tag``): UpdateCostAllocationTagsStatus
(``CostAllocationTagsStatus``: 1 to 20 ``{TagKey, Status Active|Inactive}``; answers
``Errors`` per key, empty here) and ListCostAllocationTags (filters ``TagKeys``,
``Status``, ``Type``; entries ``{TagKey, Type UserDefined, Status, LastUpdatedDate}``).
On AWS a key can only be activated once it has been seen on a resource of the
account (it then shows up as Inactive); the emulator accepts any key and lists
only keys whose status was set. The status is account configuration, not a
resource: deactivating leaves the key listed as Inactive, as on AWS.

moto gap (5.2.1): moto's Cost Explorer has cost categories only; anomaly
monitors and subscriptions are not implemented (``aws_ce_anomaly_monitor``
fails), nor are cost allocation tags, and its tagging answers any ARN.

Extension: methods added to moto's ``CostExplorerResponse``; monitors and
subscriptions kept as moto models in dicts of the Cost Explorer backend (so the
inventory lists them), tags in its ``TaggingService``.
"""

import json
import uuid
from datetime import datetime, timezone
from typing import Any

from moto.core.common_models import BaseModel
from moto.core.exceptions import JsonRESTError
from moto.utilities.utils import get_partition

NAME = "costexplorer"

FREQUENCIES = ("DAILY", "IMMEDIATE", "WEEKLY")


class ValidationException(JsonRESTError):
    def __init__(self, message: str):
        super().__init__("ValidationException", message)


class UnknownMonitorException(JsonRESTError):
    def __init__(self, message: str):
        super().__init__("UnknownMonitorException", message)


class UnknownSubscriptionException(JsonRESTError):
    def __init__(self, message: str):
        super().__init__("UnknownSubscriptionException", message)


class ResourceNotFoundException(JsonRESTError):
    def __init__(self, message: str):
        super().__init__("ResourceNotFoundException", message)


def _today() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d")


class AnomalyMonitor(BaseModel):
    def __init__(self, arn: str, spec: dict[str, Any]):
        self.arn = arn
        self.spec = spec
        self.created = self.updated = _today()

    def to_json(self) -> dict[str, Any]:
        out = dict(self.spec, MonitorArn=self.arn, CreationDate=self.created,
                   LastUpdatedDate=self.updated, DimensionalValueCount=0)
        return out


class AnomalySubscription(BaseModel):
    def __init__(self, arn: str, account_id: str, spec: dict[str, Any]):
        self.arn = arn
        self.account_id = account_id
        self.spec = spec

    def to_json(self) -> dict[str, Any]:
        return dict(self.spec, SubscriptionArn=self.arn, AccountId=self.account_id)


def _store(backend: Any, name: str) -> dict[str, Any]:
    if name not in backend.__dict__:
        backend.__dict__[name] = {}
    return backend.__dict__[name]


def _check_monitor(spec: dict[str, Any]) -> None:
    if not spec.get("MonitorName"):
        raise ValidationException("MonitorName is required.")
    kind = spec.get("MonitorType")
    if kind == "DIMENSIONAL":
        if spec.get("MonitorDimension") != "SERVICE":
            raise ValidationException(
                "A DIMENSIONAL monitor needs MonitorDimension SERVICE.")
        if spec.get("MonitorSpecification"):
            raise ValidationException(
                "MonitorSpecification is not valid for a DIMENSIONAL monitor.")
    elif kind == "CUSTOM":
        if not spec.get("MonitorSpecification"):
            raise ValidationException("A CUSTOM monitor needs a MonitorSpecification.")
        if spec.get("MonitorDimension"):
            raise ValidationException("MonitorDimension is not valid for a CUSTOM monitor.")
    else:
        raise ValidationException(
            f"Value '{kind}' at 'monitorType' failed to satisfy constraint: Member must "
            "satisfy enum value set: [DIMENSIONAL, CUSTOM]")


def _check_subscription(backend: Any, spec: dict[str, Any]) -> None:
    if not spec.get("SubscriptionName"):
        raise ValidationException("SubscriptionName is required.")
    frequency = spec.get("Frequency")
    if frequency not in FREQUENCIES:
        raise ValidationException(
            f"Value '{frequency}' at 'frequency' failed to satisfy constraint: Member must "
            "satisfy enum value set: [DAILY, IMMEDIATE, WEEKLY]")
    monitors = _store(backend, "anomaly_monitors")
    arns = spec.get("MonitorArnList") or []
    if not arns:
        raise ValidationException("MonitorArnList must name at least one monitor.")
    for arn in arns:
        if arn not in monitors:
            raise UnknownMonitorException(f"No anomaly monitor with ARN {arn}.")
    subscribers = spec.get("Subscribers") or []
    if not subscribers:
        raise ValidationException("Subscribers must not be empty.")
    for s in subscribers:
        if s.get("Type") not in ("EMAIL", "SNS") or not s.get("Address"):
            raise ValidationException(f"Invalid subscriber: {s}")
        if s["Type"] == "SNS" and frequency != "IMMEDIATE":
            raise ValidationException("SNS subscribers require IMMEDIATE frequency.")
        if s["Type"] == "EMAIL" and frequency == "IMMEDIATE":
            raise ValidationException("EMAIL subscribers cannot use IMMEDIATE frequency.")
    if spec.get("Threshold") is None and not spec.get("ThresholdExpression"):
        raise ValidationException("Threshold or ThresholdExpression is required.")


def _arn(backend: Any, kind: str) -> str:
    return f"arn:{get_partition(backend.region_name)}:ce::{backend.account_id}:{kind}/{uuid.uuid4()}"


def _known(backend: Any, arn: str) -> bool:
    return (arn in _store(backend, "anomaly_monitors")
            or arn in _store(backend, "anomaly_subscriptions")
            or arn in getattr(backend, "cost_categories", {}))


class Handlers:
    def create_anomaly_monitor(self) -> str:
        params = json.loads(self.body or "{}")
        spec = dict(params.get("AnomalyMonitor") or {})
        _check_monitor(spec)
        for key in ("MonitorArn", "CreationDate", "LastUpdatedDate", "LastEvaluatedDate",
                    "DimensionalValueCount"):
            spec.pop(key, None)
        backend = self.ce_backend
        arn = _arn(backend, "anomalymonitor")
        _store(backend, "anomaly_monitors")[arn] = AnomalyMonitor(arn, spec)
        if params.get("ResourceTags"):
            backend.tag_resource(arn, params["ResourceTags"])
        return json.dumps({"MonitorArn": arn})

    def get_anomaly_monitors(self) -> str:
        params = json.loads(self.body or "{}")
        monitors = _store(self.ce_backend, "anomaly_monitors")
        wanted = params.get("MonitorArnList")
        if wanted:
            for arn in wanted:
                if arn not in monitors:
                    raise UnknownMonitorException(f"No anomaly monitor with ARN {arn}.")
            found = [monitors[a] for a in wanted]
        else:
            found = list(monitors.values())
        return json.dumps({"AnomalyMonitors": [m.to_json() for m in found]})

    def update_anomaly_monitor(self) -> str:
        params = json.loads(self.body or "{}")
        monitor = _store(self.ce_backend, "anomaly_monitors").get(params.get("MonitorArn"))
        if monitor is None:
            raise UnknownMonitorException(f"No anomaly monitor with ARN {params.get('MonitorArn')}.")
        if params.get("MonitorName"):
            monitor.spec["MonitorName"] = params["MonitorName"]
            monitor.updated = _today()
        return json.dumps({"MonitorArn": monitor.arn})

    def delete_anomaly_monitor(self) -> str:
        params = json.loads(self.body or "{}")
        backend = self.ce_backend
        arn = params.get("MonitorArn")
        if arn not in _store(backend, "anomaly_monitors"):
            raise UnknownMonitorException(f"No anomaly monitor with ARN {arn}.")
        del _store(backend, "anomaly_monitors")[arn]
        for sub in _store(backend, "anomaly_subscriptions").values():
            sub.spec["MonitorArnList"] = [a for a in sub.spec.get("MonitorArnList", []) if a != arn]
        backend.tagger.delete_all_tags_for_resource(arn)
        return json.dumps({})

    def create_anomaly_subscription(self) -> str:
        params = json.loads(self.body or "{}")
        spec = dict(params.get("AnomalySubscription") or {})
        spec.pop("SubscriptionArn", None)
        spec.pop("AccountId", None)
        backend = self.ce_backend
        _check_subscription(backend, spec)
        arn = _arn(backend, "anomalysubscription")
        _store(backend, "anomaly_subscriptions")[arn] = AnomalySubscription(
            arn, backend.account_id, spec)
        if params.get("ResourceTags"):
            backend.tag_resource(arn, params["ResourceTags"])
        return json.dumps({"SubscriptionArn": arn})

    def get_anomaly_subscriptions(self) -> str:
        params = json.loads(self.body or "{}")
        subs = _store(self.ce_backend, "anomaly_subscriptions")
        wanted = params.get("SubscriptionArnList")
        if wanted:
            for arn in wanted:
                if arn not in subs:
                    raise UnknownSubscriptionException(f"No anomaly subscription with ARN {arn}.")
            found = [subs[a] for a in wanted]
        else:
            found = list(subs.values())
        monitor = params.get("MonitorArn")
        if monitor:
            found = [s for s in found if monitor in s.spec.get("MonitorArnList", [])]
        return json.dumps({"AnomalySubscriptions": [s.to_json() for s in found]})

    def update_anomaly_subscription(self) -> str:
        params = json.loads(self.body or "{}")
        backend = self.ce_backend
        sub = _store(backend, "anomaly_subscriptions").get(params.get("SubscriptionArn"))
        if sub is None:
            raise UnknownSubscriptionException(
                f"No anomaly subscription with ARN {params.get('SubscriptionArn')}.")
        merged = dict(sub.spec)
        for key in ("Threshold", "Frequency", "MonitorArnList", "Subscribers",
                    "SubscriptionName", "ThresholdExpression"):
            if params.get(key) is not None:
                merged[key] = params[key]
        if params.get("ThresholdExpression") is not None and params.get("Threshold") is None:
            merged.pop("Threshold", None)
        _check_subscription(backend, merged)
        sub.spec = merged
        return json.dumps({"SubscriptionArn": sub.arn})

    def delete_anomaly_subscription(self) -> str:
        params = json.loads(self.body or "{}")
        backend = self.ce_backend
        arn = params.get("SubscriptionArn")
        if arn not in _store(backend, "anomaly_subscriptions"):
            raise UnknownSubscriptionException(f"No anomaly subscription with ARN {arn}.")
        del _store(backend, "anomaly_subscriptions")[arn]
        backend.tagger.delete_all_tags_for_resource(arn)
        return json.dumps({})


def _tag_status(backend: Any) -> dict[str, dict[str, str]]:
    # Plain dicts (account configuration), not models: the inventory does not list them.
    if "cost_allocation_tags" not in backend.__dict__:
        backend.__dict__["cost_allocation_tags"] = {}
    return backend.__dict__["cost_allocation_tags"]


class TagHandlers:
    def update_cost_allocation_tags_status(self) -> str:
        params = json.loads(self.body or "{}")
        entries = params.get("CostAllocationTagsStatus") or []
        if not 1 <= len(entries) <= 20:
            raise ValidationException("CostAllocationTagsStatus must hold 1 to 20 entries.")
        store = _tag_status(self.ce_backend)
        for e in entries:
            key, status = e.get("TagKey"), e.get("Status")
            if not key or status not in ("Active", "Inactive"):
                raise ValidationException("Each entry needs a TagKey and a Status Active or Inactive.")
            store[key] = {"TagKey": key, "Type": "UserDefined", "Status": status,
                          "LastUpdatedDate": _today()}
        return json.dumps({"Errors": []})

    def list_cost_allocation_tags(self) -> str:
        params = json.loads(self.body or "{}")
        found = list(_tag_status(self.ce_backend).values())
        if params.get("TagKeys"):
            found = [t for t in found if t["TagKey"] in params["TagKeys"]]
        if params.get("Status"):
            found = [t for t in found if t["Status"] == params["Status"]]
        if params.get("Type"):
            found = [t for t in found if t["Type"] == params["Type"]]
        return json.dumps({"CostAllocationTags": sorted(found, key=lambda t: t["TagKey"])})


def apply() -> None:
    from moto.ce.responses import CostExplorerResponse

    if getattr(CostExplorerResponse, "_infra_emulator", False):
        return
    for handlers in (Handlers, TagHandlers):
        for name, func in vars(handlers).items():
            if not name.startswith("_") and callable(func):
                setattr(CostExplorerResponse, name, func)

    original = {n: getattr(CostExplorerResponse, n)
                for n in ("list_tags_for_resource", "tag_resource", "untag_resource")}

    def _guarded(name: str) -> Any:
        def handler(self: Any) -> str:
            arn = json.loads(self.body or "{}").get("ResourceArn")
            if not _known(self.ce_backend, arn):
                raise ResourceNotFoundException(f"Resource {arn} not found.")
            return original[name](self)
        handler.__name__ = name
        return handler

    for name in original:
        setattr(CostExplorerResponse, name, _guarded(name))
    CostExplorerResponse._infra_emulator = True
