"""X-Ray sampling rules and their tags.

AWS behaviour (rest-json, POST /CreateSamplingRule etc.): CreateSamplingRule
(``RuleName`` 1-32 ``[A-Za-z0-9_-]``; ``ResourceARN``, ``Priority`` 1-9999,
``FixedRate`` 0-1, ``ReservoirSize`` >= 0, ``ServiceName``, ``ServiceType``,
``Host``, ``HTTPMethod``, ``URLPath`` required; ``Version`` 1), GetSamplingRules
(the account's rules plus AWS's ``Default`` rule, priority 10000, which cannot be
deleted), UpdateSamplingRule and DeleteSamplingRule by name or ARN,
TagResource/UntagResource/ListTagsForResource by ARN. The ARN is
``arn:aws:xray:<region>:<account>:sampling-rule/<name>``. Bad or missing values
and a second rule of the same name → ``InvalidRequestException``; an unknown
rule → ``InvalidRequestException`` (rules) or ``ResourceNotFoundException`` (tags).

moto gap (5.2.1): moto's X-Ray has only segments, traces and telemetry; the
sampling-rule and tagging paths are 404 (``aws_xray_sampling_rule`` fails).

Extension: the paths added to ``moto.xray.urls.url_paths``, methods added to
moto's ``XRayResponse`` (which dispatches on the path), rules kept as moto
models in a dict of the X-Ray backend (so the inventory lists them).
"""

import json
import re
import time
from typing import Any

from moto.core.common_models import BaseModel
from moto.core.exceptions import JsonRESTError
from moto.utilities.utils import get_partition

NAME = "xray"

RULE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
REQUIRED = ("ResourceARN", "Priority", "FixedRate", "ReservoirSize", "ServiceName",
            "ServiceType", "Host", "HTTPMethod", "URLPath", "Version")
PATHS = ("CreateSamplingRule", "GetSamplingRules", "UpdateSamplingRule", "DeleteSamplingRule",
         "TagResource", "UntagResource", "ListTagsForResource")


class InvalidRequestException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("InvalidRequestException", message)


class ResourceNotFoundException(JsonRESTError):
    code = 404

    def __init__(self, message: str):
        super().__init__("ResourceNotFoundException", message)


class SamplingRule(BaseModel):
    def __init__(self, rule: dict[str, Any], arn: str, tags: dict[str, str]):
        self.rule = rule
        self.arn = arn
        self.tags = tags
        self.created_at = self.modified_at = round(time.time(), 3)

    def record(self) -> dict[str, Any]:
        rule = dict(self.rule, RuleARN=self.arn)
        rule.setdefault("Attributes", {})
        return {"SamplingRule": rule, "CreatedAt": self.created_at,
                "ModifiedAt": self.modified_at}


def _check(rule: dict[str, Any]) -> None:
    name = rule.get("RuleName")
    if not name or not RULE_NAME.match(name):
        raise InvalidRequestException(f"RuleName {name!r} is invalid: 1-32 of [A-Za-z0-9_-].")
    missing = [k for k in REQUIRED if rule.get(k) is None]
    if missing:
        raise InvalidRequestException(f"Missing required field(s): {', '.join(missing)}")
    if not isinstance(rule["Priority"], int) or not 1 <= rule["Priority"] <= 9999:
        raise InvalidRequestException("Priority must be between 1 and 9999.")
    if not isinstance(rule["FixedRate"], (int, float)) or not 0 <= rule["FixedRate"] <= 1:
        raise InvalidRequestException("FixedRate must be between 0 and 1.")
    if not isinstance(rule["ReservoirSize"], int) or rule["ReservoirSize"] < 0:
        raise InvalidRequestException("ReservoirSize must be 0 or more.")
    if rule["Version"] != 1:
        raise InvalidRequestException("Version must be 1.")
    if rule["ResourceARN"] != "*" and len(rule["ResourceARN"]) > 500:
        raise InvalidRequestException("ResourceARN is too long.")


def _rules(backend: Any) -> dict[str, SamplingRule]:
    if "sampling_rules" not in backend.__dict__:
        backend.__dict__["sampling_rules"] = {}
    return backend.__dict__["sampling_rules"]


def _default(backend: Any) -> dict[str, Any]:
    arn = (f"arn:{get_partition(backend.region_name)}:xray:{backend.region_name}:"
           f"{backend.account_id}:sampling-rule/Default")
    return {"SamplingRule": {"RuleName": "Default", "RuleARN": arn, "ResourceARN": "*",
                             "Priority": 10000, "FixedRate": 0.05, "ReservoirSize": 1,
                             "ServiceName": "*", "ServiceType": "*", "Host": "*",
                             "HTTPMethod": "*", "URLPath": "*", "Version": 1,
                             "Attributes": {}},
            "CreatedAt": 0.0, "ModifiedAt": 0.0}


def _find(backend: Any, name: str | None, arn: str | None) -> SamplingRule:
    if name == "Default" or (arn or "").endswith(":sampling-rule/Default"):
        raise InvalidRequestException("The Default rule cannot be deleted or renamed.")
    rules = _rules(backend)
    if name and name in rules:
        return rules[name]
    for rule in rules.values():
        if arn and rule.arn == arn:
            return rule
    raise InvalidRequestException(f"Sampling rule does not exist: {name or arn}")


def _tags(items: list[dict[str, str]] | None) -> dict[str, str]:
    out = {}
    for tag in items or []:
        if not tag.get("Key") or tag.get("Value") is None:
            raise InvalidRequestException("Each tag needs a Key and a Value.")
        if tag["Key"].startswith("aws:"):
            raise InvalidRequestException("Tag keys starting with 'aws:' are reserved.")
        out[tag["Key"]] = tag["Value"]
    return out


class Handlers:
    def create_sampling_rule(self) -> str:
        rule = dict(self._get_param("SamplingRule") or {})
        _check(rule)
        backend = self.xray_backend
        rules = _rules(backend)
        if rule["RuleName"] in rules or rule["RuleName"] == "Default":
            raise InvalidRequestException(f"Sampling rule {rule['RuleName']} already exists.")
        rule.pop("RuleARN", None)
        arn = (f"arn:{get_partition(backend.region_name)}:xray:{backend.region_name}:"
               f"{backend.account_id}:sampling-rule/{rule['RuleName']}")
        rules[rule["RuleName"]] = SamplingRule(rule, arn, _tags(self._get_param("Tags")))
        return json.dumps({"SamplingRuleRecord": rules[rule["RuleName"]].record()})

    def get_sampling_rules(self) -> str:
        backend = self.xray_backend
        records = [r.record() for r in _rules(backend).values()] + [_default(backend)]
        return json.dumps({"SamplingRuleRecords": records})

    def update_sampling_rule(self) -> str:
        update = dict(self._get_param("SamplingRuleUpdate") or {})
        rule = _find(self.xray_backend, update.pop("RuleName", None), update.pop("RuleARN", None))
        merged = dict(rule.rule)
        merged.update({k: v for k, v in update.items() if v is not None})
        _check(merged)
        rule.rule = merged
        rule.modified_at = round(time.time(), 3)
        return json.dumps({"SamplingRuleRecord": rule.record()})

    def delete_sampling_rule(self) -> str:
        backend = self.xray_backend
        rule = _find(backend, self._get_param("RuleName"), self._get_param("RuleARN"))
        del _rules(backend)[rule.rule["RuleName"]]
        return json.dumps({"SamplingRuleRecord": rule.record()})

    def _tagged(self) -> SamplingRule:
        arn = self._get_param("ResourceARN")
        for rule in _rules(self.xray_backend).values():
            if rule.arn == arn:
                return rule
        raise ResourceNotFoundException(f"Resource {arn} not found.")

    def list_tags_for_resource(self) -> str:
        rule = Handlers._tagged(self)
        return json.dumps({"Tags": [{"Key": k, "Value": v} for k, v in rule.tags.items()]})

    def tag_resource(self) -> str:
        rule = Handlers._tagged(self)
        merged = {**rule.tags, **_tags(self._get_param("Tags"))}
        if len(merged) > 50:
            raise JsonRESTError("TooManyTagsException", "A resource can have at most 50 tags.")
        rule.tags = merged
        return json.dumps({})

    def untag_resource(self) -> str:
        rule = Handlers._tagged(self)
        keys = self._get_param("TagKeys") or []
        rule.tags = {k: v for k, v in rule.tags.items() if k not in keys}
        return json.dumps({})


def apply() -> None:
    import moto.xray.urls as xray_urls
    from moto.xray.responses import XRayResponse

    if getattr(XRayResponse, "_infra_emulator", False):
        return
    for name, func in vars(Handlers).items():
        if not name.startswith("_") and callable(func):
            setattr(XRayResponse, name, func)
    XRayResponse._infra_emulator = True
    for path in PATHS:
        xray_urls.url_paths.setdefault("{0}/" + path + "$", XRayResponse.dispatch)
