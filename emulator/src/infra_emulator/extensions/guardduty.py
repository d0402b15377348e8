"""GuardDuty: detector features configured one by one, as on AWS.

AWS behaviour: one detector per account and region (a second CreateDetector is
a 400 ``BadRequestException``). CreateDetector/UpdateDetector ``features`` configure only the
features they name (and, within a feature, only the additional configurations
they name); the others keep their status. GetDetector returns every configured
feature with ``name``, ``status``, ``updatedAt`` and ``additionalConfiguration``.
Feature names are ``S3_DATA_EVENTS``, ``EKS_AUDIT_LOGS``,
``EBS_MALWARE_PROTECTION``, ``RDS_LOGIN_EVENTS``, ``LAMBDA_NETWORK_LOGS``,
``EKS_RUNTIME_MONITORING``, ``RUNTIME_MONITORING``; statuses ``ENABLED`` /
``DISABLED``; anything else is a 400 ``BadRequestException``.

moto gap (5.2.1): UpdateDetector replaces the whole feature list with the one
it is given, so every ``aws_guardduty_detector_feature`` (one UpdateDetector per
feature) erases the others: the provider cannot read them back ("empty result")
and every plan wants to create them again. Names and statuses are not checked; any number of detectors can be created
in one account and region.
"""

import time
from typing import Any

NAME = "guardduty"

FEATURES = ("S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS",
            "LAMBDA_NETWORK_LOGS", "EKS_RUNTIME_MONITORING", "RUNTIME_MONITORING")
ADDITIONAL = ("EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT")
STATUSES = ("ENABLED", "DISABLED")


def apply() -> None:
    from moto.core.utils import utcnow
    from moto.guardduty.exceptions import GuardDutyException
    from moto.guardduty.models import Detector, GuardDutyBackend

    if getattr(Detector, "_infra_emulator", False):
        return

    class BadRequestException(GuardDutyException):
        code = 400

        def __init__(self, message: str):
            super().__init__("BadRequestException", message)

    def _now() -> float:
        # UpdatedAt is a Timestamp (epoch seconds in rest-json), unlike the
        # detector's createdAt/updatedAt, which the API types as strings.
        return round(time.time(), 3)

    def _merge(current: list[dict[str, Any]], changes: list[dict[str, Any]] | None
               ) -> list[dict[str, Any]]:
        by_name = {f["name"]: dict(f) for f in current}
        for change in changes or []:
            name, status = change.get("name"), change.get("status")
            if name not in FEATURES:
                raise BadRequestException(
                    f"The request failed because the feature name {name} is not valid.")
            if status is not None and status not in STATUSES:
                raise BadRequestException(f"The request failed because status {status} is not valid.")
            feature = by_name.setdefault(name, {"name": name, "status": "DISABLED",
                                                "additionalConfiguration": []})
            if status is not None:
                feature["status"] = status
            feature["updatedAt"] = _now()
            extra = {c["name"]: dict(c) for c in feature.get("additionalConfiguration") or []}
            for config in change.get("additionalConfiguration") or []:
                if config.get("name") not in ADDITIONAL:
                    raise BadRequestException(
                        f"The request failed because the additional configuration name "
                        f"{config.get('name')} is not valid.")
                if config.get("status") not in STATUSES:
                    raise BadRequestException(
                        f"The request failed because status {config.get('status')} is not valid.")
                extra[config["name"]] = {"name": config["name"], "status": config["status"],
                                         "updatedAt": _now()}
            feature["additionalConfiguration"] = list(extra.values())
        return list(by_name.values())

    original_init = Detector.__init__

    def __init__(self, account_id, region_name, created_at, finding_publish_freq,  # type: ignore[no-untyped-def]
                 enabled, datasources, tags, features):
        merged = _merge([], features)
        original_init(self, account_id, region_name, created_at, finding_publish_freq,
                      enabled, datasources, tags, None)
        self.features = merged

    original_update = Detector.update

    def update(self, enable, finding_publishing_frequency, data_sources, features):  # type: ignore[no-untyped-def]
        merged = _merge(self.features, features) if features is not None else None
        original_update(self, enable, finding_publishing_frequency, data_sources, None)
        if merged is not None:
            self.features = merged
        self.updated_at = utcnow()

    original_create_detector = GuardDutyBackend.create_detector

    def create_detector(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.detectors:
            raise BadRequestException(
                "The request is rejected because a detector already exists for the current account.")
        return original_create_detector(self, *args, **kwargs)

    GuardDutyBackend.create_detector = create_detector
    Detector.__init__ = __init__
    Detector.update = update
    Detector._infra_emulator = True
