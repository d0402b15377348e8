"""IAM Access Analyzer: analyzers and their tags (a service moto does not have).

AWS behaviour (API 2019-11-01, rest-json, signing name ``access-analyzer``):
CreateAnalyzer (PUT /analyzer), GetAnalyzer, ListAnalyzers (filter by type),
UpdateAnalyzer, DeleteAnalyzer, TagResource/UntagResource/ListTagsForResource.
Analyzer names match ``[A-Za-z][A-Za-z0-9_.-]*`` (1-255), the type is one of the
six analyzer types, ``*_UNUSED_ACCESS`` types carry an
``unusedAccess.unusedAccessAge`` configuration (default 90 days); the ARN is
``arn:aws:access-analyzer:<region>:<account>:analyzer/<name>``. Errors as on
AWS: ValidationException (400), ConflictException (409) for a second analyzer of
the same name, ResourceNotFoundException (404) for an unknown analyzer or ARN.

moto gap: moto 5.2.1 has no Access Analyzer at all (every call is a 404 HTML
page), so ``aws_accessanalyzer_analyzer`` cannot be created.

Extension (in moto's terms): a ``BaseBackend`` (one per account and region in a
``BackendDict``), a ``BaseResponse`` dispatching on botocore's operation model,
``url_bases``/``url_paths`` like a moto ``urls.py``, registered as
``moto.accessanalyzer`` and in ``moto.backend_index.backend_url_patterns``.
"""

import json
import re
import sys
from typing import Any

from moto.core.base_backend import BackendDict, BaseBackend
from moto.core.common_models import BaseModel
from moto.core.exceptions import JsonRESTError
from moto.core.responses import BaseResponse
from moto.core.utils import iso_8601_datetime_with_milliseconds, utcnow
from moto.utilities.utils import get_partition

NAME = "accessanalyzer"

ANALYZER_TYPES = (
    "ACCOUNT",
    "ORGANIZATION",
    "ACCOUNT_UNUSED_ACCESS",
    "ORGANIZATION_UNUSED_ACCESS",
    "ACCOUNT_INTERNAL_ACCESS",
    "ORGANIZATION_INTERNAL_ACCESS",
)
NAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,254}$")
ARN_PATTERN = re.compile(r"^arn:[^:]+:access-analyzer:([^:]+):(\d{12}):analyzer/(.+)$")


class ValidationException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("ValidationException", message)


class ConflictException(JsonRESTError):
    code = 409

    def __init__(self, message: str):
        super().__init__("ConflictException", message)


class ResourceNotFoundException(JsonRESTError):
    code = 404

    def __init__(self, message: str):
        super().__init__("ResourceNotFoundException", message)


class Analyzer(BaseModel):
    def __init__(self, account_id: str, region: str, name: str, analyzer_type: str,
                 tags: dict[str, str], configuration: dict[str, Any] | None):
        self.name = name
        self.type = analyzer_type
        self.arn = (f"arn:{get_partition(region)}:access-analyzer:{region}:"
                    f"{account_id}:analyzer/{name}")
        self.created_at = iso_8601_datetime_with_milliseconds(utcnow())
        self.tags = dict(tags)
        self.status = "ACTIVE"
        self.configuration = configuration

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "arn": self.arn,
            "name": self.name,
            "type": self.type,
            "createdAt": self.created_at,
            "tags": self.tags,
            "status": self.status,
        }
        if self.configuration:
            out["configuration"] = self.configuration
        return out


def _check_configuration(analyzer_type: str, configuration: dict[str, Any] | None
                         ) -> dict[str, Any] | None:
    if analyzer_type.endswith("_UNUSED_ACCESS"):
        unused = dict((configuration or {}).get("unusedAccess") or {})
        age = unused.get("unusedAccessAge", 90)
        if not isinstance(age, int) or not 1 <= age <= 365:
            raise ValidationException(
                "unusedAccessAge must be an integer between 1 and 365.")
        unused["unusedAccessAge"] = age
        return {"unusedAccess": unused}
    if configuration and "unusedAccess" in configuration:
        raise ValidationException(
            f"An unusedAccess configuration is not valid for analyzer type {analyzer_type}.")
    return configuration or None


class AccessAnalyzerBackend(BaseBackend):
    """Analyzers of one account in one region."""

    def __init__(self, region_name: str, account_id: str):
        super().__init__(region_name, account_id)
        self.analyzers: dict[str, Analyzer] = {}

    @property
    def _url_module(self) -> Any:  # moto looks for <service>/urls.py; we are our own
        return sys.modules[__name__]

    def create_analyzer(self, name: str | None, analyzer_type: str | None,
                        tags: dict[str, str] | None,
                        configuration: dict[str, Any] | None) -> Analyzer:
        if not name:
            raise ValidationException("analyzerName is required.")
        if not NAME_PATTERN.match(name):
            raise ValidationException(
                f"1 validation error detected: Value '{name}' at 'analyzerName' failed to "
                "satisfy constraint: Member must satisfy regular expression pattern: "
                "[A-Za-z][A-Za-z0-9_.-]*")
        if analyzer_type not in ANALYZER_TYPES:
            raise ValidationException(
                f"1 validation error detected: Value '{analyzer_type}' at 'type' failed to "
                f"satisfy constraint: Member must satisfy enum value set: {list(ANALYZER_TYPES)}")
        if name in self.analyzers:
            raise ConflictException(f"Analyzer {name} already exists.")
        analyzer = Analyzer(self.account_id, self.region_name, name, analyzer_type,
                            tags or {}, _check_configuration(analyzer_type, configuration))
        self.analyzers[name] = analyzer
        return analyzer

    def get_analyzer(self, name: str) -> Analyzer:
        if name not in self.analyzers:
            raise ResourceNotFoundException(f"Analyzer {name} not found.")
        return self.analyzers[name]

    def list_analyzers(self, analyzer_type: str | None) -> list[Analyzer]:
        if analyzer_type is not None and analyzer_type not in ANALYZER_TYPES:
            raise ValidationException(f"Invalid type: {analyzer_type}")
        return [a for a in self.analyzers.values()
                if analyzer_type is None or a.type == analyzer_type]

    def update_analyzer(self, name: str, configuration: dict[str, Any] | None) -> Analyzer:
        analyzer = self.get_analyzer(name)
        analyzer.configuration = _check_configuration(analyzer.type, configuration)
        return analyzer

    def delete_analyzer(self, name: str) -> None:
        self.get_analyzer(name)
        del self.analyzers[name]

    def _analyzer_by_arn(self, arn: str) -> Analyzer:
        match = ARN_PATTERN.match(arn or "")
        if not match:
            raise ValidationException(f"Invalid resource ARN: {arn}")
        for analyzer in self.analyzers.values():
            if analyzer.arn == arn:
                return analyzer
        raise ResourceNotFoundException(f"Resource {arn} not found.")

    def tag_resource(self, arn: str, tags: dict[str, str]) -> None:
        self._analyzer_by_arn(arn).tags.update(tags or {})

    def untag_resource(self, arn: str, keys: list[str]) -> None:
        analyzer = self._analyzer_by_arn(arn)
        for key in keys:
            analyzer.tags.pop(key, None)

    def list_tags_for_resource(self, arn: str) -> dict[str, str]:
        return dict(self._analyzer_by_arn(arn).tags)


accessanalyzer_backends = BackendDict(AccessAnalyzerBackend, "accessanalyzer")


class AccessAnalyzerResponse(BaseResponse):
    def __init__(self) -> None:
        super().__init__(service_name="accessanalyzer")

    @property
    def backend(self) -> AccessAnalyzerBackend:
        return accessanalyzer_backends[self.current_account][self.region]

    def _json(self, body: Any) -> tuple[int, dict[str, str], str]:
        return 200, {"Content-Type": "application/json"}, json.dumps(body)

    def _body(self) -> dict[str, Any]:
        try:
            return json.loads(self.body or "{}")
        except ValueError:
            raise ValidationException("The request body is not valid JSON.")

    def _uri(self, name: str) -> str:
        from urllib.parse import unquote

        match = self.uri_match  # a re.Match in moto 5.2.1, a dict from 5.2.3 on
        if isinstance(match, dict):
            return unquote(match.get(name) or "")
        return unquote(match.group(name)) if match else ""

    def create_analyzer(self) -> str:
        body = self._body()
        analyzer = self.backend.create_analyzer(
            body.get("analyzerName"), body.get("type"), body.get("tags"),
            body.get("configuration"))
        return self._json({"arn": analyzer.arn})

    def get_analyzer(self) -> str:
        analyzer = self.backend.get_analyzer(self._uri("analyzerName"))
        return self._json({"analyzer": analyzer.to_dict()})

    def list_analyzers(self) -> str:
        analyzers = self.backend.list_analyzers(self._get_param("type"))
        return self._json({"analyzers": [a.to_dict() for a in analyzers]})

    def update_analyzer(self) -> str:
        analyzer = self.backend.update_analyzer(
            self._uri("analyzerName"), self._body().get("configuration"))
        return self._json({"configuration": analyzer.configuration or {}})

    def delete_analyzer(self) -> str:
        self.backend.delete_analyzer(self._uri("analyzerName"))
        return self._json({})

    def tag_resource(self) -> str:
        self.backend.tag_resource(self._uri("resourceArn"), self._body().get("tags") or {})
        return self._json({})

    def untag_resource(self) -> str:
        self.backend.untag_resource(self._uri("resourceArn"),
                                    self.querystring.get("tagKeys", []))
        return self._json({})

    def list_tags_for_resource(self) -> str:
        return self._json({"tags": self.backend.list_tags_for_resource(self._uri("resourceArn"))})


# As in a moto urls.py.
url_bases = [r"https?://access-analyzer\.(.+)\.amazonaws\.com"]
url_paths = {
    "{0}/analyzer$": AccessAnalyzerResponse.dispatch,
    "{0}/analyzer/(?P<analyzerName>[^/]+)$": AccessAnalyzerResponse.dispatch,
    "{0}/analyzer/(?P<analyzerName>[^/]+)/archive-rule$": AccessAnalyzerResponse.dispatch,
    "{0}/analyzer/(?P<analyzerName>[^/]+)/archive-rule/(?P<ruleName>[^/]+)$": AccessAnalyzerResponse.dispatch,
    "{0}/tags/(?P<resourceArn>.+)$": AccessAnalyzerResponse.dispatch,
}


def apply() -> None:
    import moto.backend_index as backend_index

    sys.modules.setdefault("moto.accessanalyzer", sys.modules[__name__])
    if not any(name == "accessanalyzer" for name, _ in backend_index.backend_url_patterns):
        backend_index.backend_url_patterns.append(
            ("accessanalyzer", re.compile(url_bases[0])))
