"""S3: bucket policies are evaluated like AWS does, conditions included.

AWS behaviour: a bucket policy statement applies to a request when its
Principal/NotPrincipal, Action/NotAction, Resource/NotResource and every
Condition match the request context; an applicable explicit Deny denies the
request whatever else allows it (for the bucket owner's account too). Condition
operators follow the IAM reference ("Condition operators"): String*, Numeric*,
Date*, Bool, BinaryEquals, IpAddress/NotIpAddress, Arn*, Null, the ``IfExists``
suffix and the ``ForAnyValue:``/``ForAllValues:`` set prefixes. A condition key
that is absent from the request context makes the condition false, except that
it is true for ``...IfExists``, for negated operators (``StringNotEquals``,
``StringNotLike``, ``ArnNotLike``, ``NotIpAddress``, ...; as the IAM reference
states), for ``ForAllValues:`` and for ``Null`` = "true". Condition keys are
case-insensitive; values of ``String*``/``Arn*``/``Bool`` are compared as
strings.

moto gap (5.2.1): ``FakeBucket.get_permission`` evaluates the policy with
moto's IAM ``IAMPolicy``, whose condition check knows only ``StringEquals``
and skips every other operator, so a conditional Deny (``Bool
aws:SecureTransport false``, ``StringNotEqualsIfExists
s3:x-amz-server-side-encryption aws:kms``) denies every object request, and
the Terraform S3 backend cannot use a state bucket carrying the usual policy.
A denial was also answered with an empty 403 body; AWS answers the S3 error
``AccessDenied``. moto never checks the bucket policy for bucket-level calls.

Extension (in moto's terms):
- ``FakeBucket.get_permission(action, resource)`` (called by
  ``S3Response._key_response`` for object requests and by
  ``_bucket_response_delete_keys`` for every key of DeleteObjects) evaluates
  the policy with :func:`evaluate` and answers moto's ``PermissionResult``:
  DENIED for an applicable Deny, PERMITTED for an applicable Allow, NEUTRAL
  otherwise. As in moto, an Allow never takes access away from anybody: a
  policy with only Allow statements denies nothing.
- ``S3Response._key_response`` and ``S3Response._bucket_response`` are
  wrapped to capture the request context in a thread-local while moto serves
  the request: ``aws:SecureTransport``, ``aws:PrincipalAccount``,
  ``aws:PrincipalArn`` (the account root, or the IAM user owning a key moto
  issued), ``aws:PrincipalType``, ``aws:SourceIp``, ``aws:UserAgent``,
  ``aws:CurrentTime``, ``aws:EpochTime``, ``aws:RequestedRegion``, the S3
  request headers ``s3:x-amz-server-side-encryption``,
  ``s3:x-amz-server-side-encryption-aws-kms-key-id``, ``s3:x-amz-acl``,
  ``s3:x-amz-copy-source``, ``s3:x-amz-storage-class`` (each only when the
  header is present), ``s3:VersionId``, and ``s3:prefix``/``s3:delimiter``/
  ``s3:max-keys`` for ListBucket. ``aws:SourceAccount``/``aws:SourceArn`` are
  never present: no request reaches the emulator on behalf of a service.
- The object action moto derives from the HTTP method is refined to the IAM
  action AWS authorises: HEAD is ``s3:GetObject``, POST (multipart) is
  ``s3:PutObject``, ``?tagging``/``?acl``/``?versionId``/``?uploadId``/
  ``?retention``/``?legal-hold``/``?attributes`` select ``s3:PutObjectTagging``,
  ``s3:GetObjectVersion``, ``s3:AbortMultipartUpload``, ... .
- A denied object request answers 403 ``AccessDenied`` (S3 XML error).
- Bucket-level reads of contents are checked too: ListObjects(V2) and
  HeadBucket as ``s3:ListBucket``, ListObjectVersions as
  ``s3:ListBucketVersions``, ListMultipartUploads as
  ``s3:ListBucketMultipartUploads``. Other bucket-level calls (policy,
  configuration) stay unchecked, as in moto, so no policy can lock the owner
  out of removing it.

``aws:SecureTransport``: the emulator stands in for AWS's endpoints, which
every client of the project reaches only over TLS; it is served over loopback
HTTP only because it runs on this machine. By default (environment variable
``INFRA_EMULATOR_SECURE_TRANSPORT`` unset or ``assume-tls``) every request
therefore reports ``aws:SecureTransport`` = "true". With
``INFRA_EMULATOR_SECURE_TRANSPORT=request`` it is "true" only for a request
that really came over https (the request URL's scheme, the WSGI url scheme or
an ``X-Forwarded-Proto: https`` header), so a ``Deny ... Bool
aws:SecureTransport false`` denies plain-HTTP requests as AWS would. The
switch is read per request.

moto's IAM policy evaluation for other services (IAM identity policies, trust
policies) is untouched.
"""

from __future__ import annotations

import datetime
import fnmatch
import ipaddress
import json
import os
import re
import threading
import time
from typing import Any, Iterable

NAME = "s3_policy"

SECURE_TRANSPORT_ENV = "INFRA_EMULATOR_SECURE_TRANSPORT"

_local = threading.local()

DENIED = "DENIED"
PERMITTED = "PERMITTED"
NEUTRAL = "NEUTRAL"


# --------------------------------------------------------------------------
# Matching helpers


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return [value]


def _as_str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_WILDCARD_CACHE: dict[tuple[str, bool], re.Pattern[str]] = {}


def wildcard_match(pattern: str, value: str, ignore_case: bool = False) -> bool:
    """IAM wildcard match: ``*`` any run of characters, ``?`` one character."""
    cache_key = (pattern, ignore_case)
    regex = _WILDCARD_CACHE.get(cache_key)
    if regex is None:
        parts = []
        for char in pattern:
            if char == "*":
                parts.append(".*")
            elif char == "?":
                parts.append(".")
            else:
                parts.append(re.escape(char))
        regex = re.compile("".join(parts), re.DOTALL | (re.IGNORECASE if ignore_case else 0))
        _WILDCARD_CACHE[cache_key] = regex
    return regex.fullmatch(value) is not None


def _arn_like(pattern: str, value: str) -> bool:
    """ArnLike: six colon-separated parts, each matched with wildcards."""
    pattern_parts = pattern.split(":", 5)
    value_parts = value.split(":", 5)
    if len(pattern_parts) != 6 or len(value_parts) != 6:
        return False
    return all(wildcard_match(p, v) for p, v in zip(pattern_parts, value_parts))


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _date(value: Any) -> datetime.datetime | None:
    text = _as_str(value).strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", text):  # epoch seconds
        try:
            return datetime.datetime.fromtimestamp(float(text), tz=datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return parsed


def _ip_in(network: str, address: str) -> bool:
    try:
        return ipaddress.ip_address(address) in ipaddress.ip_network(network, strict=False)
    except ValueError:
        return False


def _numeric(compare):  # type: ignore[no-untyped-def]
    def match(policy_value: Any, request_value: Any) -> bool:
        left, right = _number(request_value), _number(policy_value)
        return left is not None and right is not None and compare(left, right)

    return match


def _dated(compare):  # type: ignore[no-untyped-def]
    def match(policy_value: Any, request_value: Any) -> bool:
        left, right = _date(request_value), _date(policy_value)
        return left is not None and right is not None and compare(left, right)

    return match


# base operator -> (match(policy_value, request_value), negated)
# A negated operator is true when the request value matches none of the
# policy values; the others when it matches any of them.
OPERATORS: dict[str, tuple[Any, bool]] = {
    "stringequals": (lambda p, r: _as_str(p) == _as_str(r), False),
    "stringnotequals": (lambda p, r: _as_str(p) == _as_str(r), True),
    "stringequalsignorecase": (lambda p, r: _as_str(p).lower() == _as_str(r).lower(), False),
    "stringnotequalsignorecase": (lambda p, r: _as_str(p).lower() == _as_str(r).lower(), True),
    "stringlike": (lambda p, r: wildcard_match(_as_str(p), _as_str(r)), False),
    "stringnotlike": (lambda p, r: wildcard_match(_as_str(p), _as_str(r)), True),
    "numericequals": (_numeric(lambda a, b: a == b), False),
    "numericnotequals": (_numeric(lambda a, b: a == b), True),
    "numericlessthan": (_numeric(lambda a, b: a < b), False),
    "numericlessthanequals": (_numeric(lambda a, b: a <= b), False),
    "numericgreaterthan": (_numeric(lambda a, b: a > b), False),
    "numericgreaterthanequals": (_numeric(lambda a, b: a >= b), False),
    "dateequals": (_dated(lambda a, b: a == b), False),
    "datenotequals": (_dated(lambda a, b: a == b), True),
    "datelessthan": (_dated(lambda a, b: a < b), False),
    "datelessthanequals": (_dated(lambda a, b: a <= b), False),
    "dategreaterthan": (_dated(lambda a, b: a > b), False),
    "dategreaterthanequals": (_dated(lambda a, b: a >= b), False),
    "bool": (lambda p, r: _as_str(p).lower() == _as_str(r).lower(), False),
    "binaryequals": (lambda p, r: _as_str(p) == _as_str(r), False),
    "ipaddress": (lambda p, r: _ip_in(_as_str(p), _as_str(r)), False),
    "notipaddress": (lambda p, r: _ip_in(_as_str(p), _as_str(r)), True),
    "arnequals": (lambda p, r: _arn_like(_as_str(p), _as_str(r)), False),
    "arnlike": (lambda p, r: _arn_like(_as_str(p), _as_str(r)), False),
    "arnnotequals": (lambda p, r: _arn_like(_as_str(p), _as_str(r)), True),
    "arnnotlike": (lambda p, r: _arn_like(_as_str(p), _as_str(r)), True),
}


class UnknownOperator(ValueError):
    pass


def _single(base: str, policy_values: list[Any], request_value: Any) -> bool:
    match, negated = OPERATORS[base]
    hit = any(match(p, request_value) for p in policy_values)
    return not hit if negated else hit


def condition_matches(operator: str, key: str, policy_value: Any,
                      context: dict[str, Any]) -> bool:
    """One operator/key pair of a Condition block against the request context.

    ``context`` maps lower-cased keys to a string or a list of strings.
    """
    op = operator.strip()
    set_op = None
    if ":" in op:
        prefix, op = op.split(":", 1)
        set_op = prefix.lower()
        if set_op not in ("foranyvalue", "forallvalues"):
            raise UnknownOperator(operator)
    base = op.lower()
    if_exists = base.endswith("ifexists")
    if if_exists:
        base = base[: -len("ifexists")]
    policy_values = _as_list(policy_value)
    present = key.lower() in context
    request_value = context.get(key.lower())

    if base == "null":
        want_absent = any(_as_str(v).lower() == "true" for v in policy_values)
        want_present = any(_as_str(v).lower() == "false" for v in policy_values)
        is_absent = (not present or request_value is None
                     or (isinstance(request_value, list) and not request_value))
        return (want_absent and is_absent) or (want_present and not is_absent)

    if base not in OPERATORS:
        raise UnknownOperator(operator)
    _, negated = OPERATORS[base]

    request_values = _as_list(request_value) if present else []
    if not present or (set_op and not request_values):
        if if_exists:
            return True
        if set_op == "forallvalues":
            return True
        if set_op == "foranyvalue":
            return False
        return negated

    if set_op == "foranyvalue":
        return any(_single(base, policy_values, value) for value in request_values)
    if set_op == "forallvalues":
        return all(_single(base, policy_values, value) for value in request_values)
    if isinstance(request_value, list):
        # A multivalued key with a single-valued operator: AWS matches when
        # any value matches (negated: when no value matches).
        if negated:
            return all(_single(base, policy_values, value) for value in request_values)
        return any(_single(base, policy_values, value) for value in request_values)
    return _single(base, policy_values, request_value)


def conditions_match(conditions: dict[str, Any] | None, context: dict[str, Any]) -> bool:
    """All operators and keys of a Condition block (AND); unknown operators never match."""
    if not conditions:
        return True
    for operator, pairs in conditions.items():
        if not isinstance(pairs, dict):
            return False
        for key, value in pairs.items():
            try:
                if not condition_matches(operator, key, value, context):
                    return False
            except UnknownOperator:
                return False
    return True


def _principal_matches(principal: Any, context: dict[str, Any]) -> bool:
    if principal == "*":
        return True
    if not isinstance(principal, dict):
        return False
    account = context.get("aws:principalaccount")
    arn = context.get("aws:principalarn")
    service = context.get("aws:principalservicename")
    for kind, values in principal.items():
        for value in _as_list(values):
            value = _as_str(value)
            if kind == "AWS":
                if value == "*":
                    return True
                if account and value == account:
                    return True
                if arn and value == arn:
                    return True
                root = re.fullmatch(r"arn:[^:]+:iam::(\d{12}):root", value)
                if root and account and root.group(1) == account:
                    return True
            elif kind == "Service":
                if service and value == service:
                    return True
            elif kind == "CanonicalUser":
                if context.get("s3:canonicaluser") == value:
                    return True
            elif kind == "Federated":
                if context.get("aws:federatedprovider") == value:
                    return True
    return False


def _any_wildcard(patterns: Iterable[Any], value: str, ignore_case: bool) -> bool:
    return any(wildcard_match(_as_str(p), value, ignore_case) for p in patterns)


def statement_applies(statement: dict[str, Any], action: str, resource: str,
                      context: dict[str, Any]) -> bool:
    if "Principal" in statement:
        if not _principal_matches(statement["Principal"], context):
            return False
    elif "NotPrincipal" in statement:
        if _principal_matches(statement["NotPrincipal"], context):
            return False
    if "Action" in statement:
        if not _any_wildcard(_as_list(statement["Action"]), action, True):
            return False
    elif "NotAction" in statement:
        if _any_wildcard(_as_list(statement["NotAction"]), action, True):
            return False
    else:
        return False
    if "Resource" in statement:
        if not _any_wildcard(_as_list(statement["Resource"]), resource, False):
            return False
    elif "NotResource" in statement:
        if _any_wildcard(_as_list(statement["NotResource"]), resource, False):
            return False
    return conditions_match(statement.get("Condition"), context)


def evaluate(policy: str | bytes | dict[str, Any], action: str, resource: str,
             context: dict[str, Any]) -> str:
    """DENIED, PERMITTED or NEUTRAL for one action on one resource.

    ``context`` keys are matched case-insensitively.
    """
    if isinstance(policy, bytes):
        policy = policy.decode()
    if isinstance(policy, str):
        policy = json.loads(policy)
    lowered = {k.lower(): v for k, v in context.items()}
    allowed = False
    for statement in _as_list(policy.get("Statement")):
        if not isinstance(statement, dict):
            continue
        if not statement_applies(statement, action, resource, lowered):
            continue
        if statement.get("Effect") == "Deny":
            return DENIED
        if statement.get("Effect") == "Allow":
            allowed = True
    return PERMITTED if allowed else NEUTRAL


# --------------------------------------------------------------------------
# Request context


def secure_transport_mode() -> str:
    mode = os.environ.get(SECURE_TRANSPORT_ENV, "assume-tls").strip().lower()
    return "request" if mode == "request" else "assume-tls"


def _is_https(request: Any, full_url: str) -> bool:
    if full_url.lower().startswith("https://"):
        return True
    environ = getattr(request, "environ", None) or {}
    if str(environ.get("wsgi.url_scheme", "")).lower() == "https":
        return True
    headers = getattr(request, "headers", {}) or {}
    return str(headers.get("X-Forwarded-Proto", "")).lower() == "https"


def _principal_arn(account: str, access_key: str, partition: str) -> tuple[str, str]:
    """(ARN, type) of the caller: an IAM user owning a key moto issued, else the root."""
    try:
        from moto.iam.models import iam_backends

        if account in iam_backends:
            backend = dict.get(iam_backends[account], partition)
            if backend is not None and access_key in backend.access_keys:
                key = backend.access_keys[access_key]
                role_arn = getattr(key, "role_arn", None)
                if role_arn:
                    return role_arn, "AssumedRole"
                for user in backend.users.values():
                    if any(k.access_key_id == access_key for k in user.access_keys):
                        return user.arn, "User"
    except Exception:  # noqa: BLE001 - best effort, fall back to the root
        pass
    return f"arn:{partition}:iam::{account}:root", "Account"


def build_context(response: Any, request: Any, full_url: str) -> dict[str, Any]:
    from urllib.parse import parse_qs, urlparse

    headers = request.headers
    query = parse_qs(urlparse(full_url).query, keep_blank_values=True)
    https = _is_https(request, full_url)
    secure = https or secure_transport_mode() == "assume-tls"
    now = datetime.datetime.now(tz=datetime.timezone.utc)
    context: dict[str, Any] = {
        "aws:securetransport": "true" if secure else "false",
        "aws:currenttime": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "aws:epochtime": str(int(time.time())),
    }
    region = getattr(response, "region", None)
    if region:
        context["aws:requestedregion"] = region
    signed = "Authorization" in headers or any(
        k in query for k in ("X-Amz-Credential", "AWSAccessKeyId", "Signature"))
    if signed:
        account = response.current_account
        partition = getattr(response, "partition", "aws") or "aws"
        arn, kind = _principal_arn(account, response.access_key, partition)
        context["aws:principalaccount"] = account
        context["aws:principalarn"] = arn
        context["aws:principaltype"] = kind
        if kind == "User":
            context["aws:username"] = arn.rsplit("/", 1)[-1]
    else:
        context["aws:principaltype"] = "Anonymous"
    environ = getattr(request, "environ", None) or {}
    if environ.get("REMOTE_ADDR"):
        context["aws:sourceip"] = environ["REMOTE_ADDR"]
    if headers.get("User-Agent"):
        context["aws:useragent"] = headers["User-Agent"]
    for header in ("x-amz-server-side-encryption",
                   "x-amz-server-side-encryption-aws-kms-key-id",
                   "x-amz-acl", "x-amz-copy-source", "x-amz-storage-class",
                   "x-amz-grant-read", "x-amz-grant-write", "x-amz-grant-full-control",
                   "x-amz-object-lock-mode", "x-amz-object-lock-retain-until-date",
                   "x-amz-object-lock-legal-hold", "x-amz-metadata-directive"):
        value = headers.get(header)
        if value is not None:
            context[f"s3:{header}"] = value
    if "versionId" in query:
        context["s3:versionid"] = query["versionId"][0]
    for param in ("prefix", "delimiter", "max-keys"):
        if param in query:
            context[f"s3:{param}"] = query[param][0]
    return context


def current() -> dict[str, Any] | None:
    """The captured state of the request being served on this thread, if any."""
    return getattr(_local, "state", None)


def _object_action(action: str, method: str, query: dict[str, list[str]]) -> str:
    """The IAM action AWS authorises for an object request."""
    method = method.upper()
    version = "versionId" in query
    if "uploadId" in query:
        if method == "DELETE":
            return "s3:AbortMultipartUpload"
        if method == "GET":
            return "s3:ListMultipartUploadParts"
        return "s3:PutObject"
    for sub, verbs in (("tagging", {"GET": "s3:GetObject{v}Tagging",
                                    "PUT": "s3:PutObject{v}Tagging",
                                    "DELETE": "s3:DeleteObject{v}Tagging"}),
                       ("acl", {"GET": "s3:GetObject{v}Acl", "PUT": "s3:PutObject{v}Acl"}),
                       ("retention", {"GET": "s3:GetObjectRetention",
                                      "PUT": "s3:PutObjectRetention"}),
                       ("legal-hold", {"GET": "s3:GetObjectLegalHold",
                                       "PUT": "s3:PutObjectLegalHold"}),
                       ("attributes", {"GET": "s3:GetObject{v}Attributes"})):
        if sub in query and method in verbs:
            return verbs[method].format(v="Version" if version else "")
    if method in ("GET", "HEAD"):
        return "s3:GetObjectVersion" if version else "s3:GetObject"
    if method in ("PUT", "POST"):
        return "s3:PutObject"
    if method == "DELETE":
        return "s3:DeleteObjectVersion" if version else "s3:DeleteObject"
    return action


def _bucket_action(method: str, query: dict[str, list[str]]) -> str | None:
    """The IAM action of a bucket-level read of contents this extension checks."""
    method = method.upper()
    if method == "HEAD":
        return "s3:ListBucket"
    if method != "GET":
        return None
    listing = {"list-type", "prefix", "delimiter", "marker", "max-keys", "encoding-type",
               "continuation-token", "start-after", "fetch-owner", "key-marker",
               "version-id-marker", "upload-id-marker", "x-id", "optional-object-attributes"}
    if "versions" in query:
        return "s3:ListBucketVersions"
    if "uploads" in query:
        return "s3:ListBucketMultipartUploads"
    if set(query) <= listing:
        return "s3:ListBucket"
    return None


# --------------------------------------------------------------------------
# Patching moto


def apply() -> None:
    from urllib.parse import parse_qs, urlparse

    from moto.iam.access_control import PermissionResult
    from moto.s3 import models, responses
    from moto.s3.exceptions import S3AccessDeniedError, S3ClientError

    bucket_cls = models.FakeBucket
    if getattr(bucket_cls, "_infra_emulator_s3_policy", False):
        return

    results = {DENIED: PermissionResult.DENIED, PERMITTED: PermissionResult.PERMITTED,
               NEUTRAL: PermissionResult.NEUTRAL}

    def get_permission(self, action: str, resource: str) -> Any:  # type: ignore[no-untyped-def]
        if self.policy is None:
            return PermissionResult.NEUTRAL
        state = current()
        if state is None:  # called outside a served request (in-process use)
            context = {"aws:SecureTransport":
                       "true" if secure_transport_mode() == "assume-tls" else "false"}
        else:
            context = state["context"]
            if state.get("object_request"):
                action = _object_action(action, state["method"], state["query"])
        try:
            outcome = evaluate(self.policy, action, resource, context)
        except (ValueError, TypeError, AttributeError):
            return PermissionResult.NEUTRAL  # an unreadable policy denies nothing
        if outcome == DENIED and state is not None:
            state["denied"] = True
        return results[outcome]

    bucket_cls.get_permission = get_permission

    response_cls = responses.S3Response
    original_key_response = response_cls._key_response
    original_bucket_response = response_cls._bucket_response

    def _capture(self, request: Any, full_url: str, object_request: bool) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        return {
            "context": build_context(self, request, full_url),
            "method": request.method,
            "query": parse_qs(urlparse(full_url).query, keep_blank_values=True),
            "object_request": object_request,
            "denied": False,
        }

    def _key_response(self, request: Any, full_url: str) -> Any:  # type: ignore[no-untyped-def]
        previous = current()
        state = _capture(self, request, full_url, True)
        _local.state = state
        try:
            result = original_key_response(self, request, full_url)
        finally:
            _local.state = previous
        if state["denied"] and isinstance(result, tuple) and result[0] == 403 and not result[2]:
            raise S3AccessDeniedError()
        return result

    def _bucket_response(self, request: Any, full_url: str) -> Any:  # type: ignore[no-untyped-def]
        previous = current()
        state = _capture(self, request, full_url, False)
        _local.state = state
        try:
            bucket_name = self.parse_bucket_name_from_url(request, full_url)
            action = _bucket_action(request.method, state["query"]) if bucket_name else None
            if action:
                try:
                    bucket = self.backend.get_bucket(bucket_name)
                except S3ClientError:
                    bucket = None
                if bucket is not None and bucket.policy is not None:
                    resource = f"arn:{bucket.partition}:s3:::{bucket_name}"
                    if bucket.get_permission(action, resource) == PermissionResult.DENIED:
                        raise S3AccessDeniedError()
            return original_bucket_response(self, request, full_url)
        finally:
            _local.state = previous

    response_cls._key_response = _key_response
    response_cls._bucket_response = _bucket_response
    bucket_cls._infra_emulator_s3_policy = True
