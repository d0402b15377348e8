"""S3 lifecycle configuration: every field read back as it was put.

AWS behaviour (S3 API reference, PutBucketLifecycleConfiguration /
GetBucketLifecycleConfiguration): the configuration reads back as it was put.
The ``x-amz-transition-default-minimum-object-size`` request header
(``all_storage_classes_128K``, the default when absent, or
``varies_by_storage_class``; anything else → 400 ``InvalidArgument``) is stored
with the configuration, echoed in the PUT response and returned by every GET;
``NoncurrentVersionExpiration`` keeps ``NewerNoncurrentVersions``; a rule's
``Filter`` (and its ``And``) keeps ``ObjectSizeGreaterThan`` /
``ObjectSizeLessThan``; a ``Filter`` with more than one of Prefix, Tag,
ObjectSize*, And → ``MalformedXML``. No configuration → 404
``NoSuchLifecycleConfiguration`` (moto already does this).

moto gap (5.2.1): GET always answers ``all_storage_classes_128K`` whatever was
put, and drops ``NewerNoncurrentVersions`` and the object-size filters. The
Terraform provider, after PutBucketLifecycleConfiguration, polls
GetBucketLifecycleConfiguration until the rules *and* the transition default
read back equal to what it sent (``waitLifecycleConfigEquals``: target
``true``, 10 consecutive equal reads), so any of these fields made
``aws_s3_bucket_lifecycle_configuration`` wait for its whole create timeout
(3 min by default) and then fail with "timeout while waiting for state to
become 'true' (last state: 'false')".

Not a gap (measured with TF_LOG=DEBUG on 2026-11-27): the ~55 s that a plain
rule (the audit module's) costs is the provider's own fixed wait — the first
GET 10 s after the PUT, then 10 consecutive equal reads 5 s apart — and
happens against AWS too; moto's answer to that rule already reads back equal.
"""

from typing import Any

NAME = "s3_lifecycle"

HEADER = "x-amz-transition-default-minimum-object-size"
ALLOWED_SIZES = ("all_storage_classes_128K", "varies_by_storage_class")
DEFAULT_SIZE = "all_storage_classes_128K"


def _int_or_none(value: Any) -> Any:
    if value is None or value == "":
        return None
    return int(value)


def apply() -> None:
    from moto.s3 import models, responses
    from moto.s3.exceptions import InvalidArgumentError, MalformedXML, NoSuchLifecycleConfiguration
    from moto.core.responses import ActionResult

    bucket_cls = models.FakeBucket
    response_cls = responses.S3Response
    if getattr(bucket_cls, "_infra_emulator_s3_lifecycle", False):
        return

    original_set_lifecycle = bucket_cls.set_lifecycle

    def set_lifecycle(self: Any, rules: list[dict[str, Any]]) -> None:
        # Validate what moto does not know about before it stores anything.
        for raw in rules:
            lc_filter = raw.get("Filter")
            if isinstance(lc_filter, dict):
                present = [k for k in ("Prefix", "Tag", "And") if k in lc_filter]
                present += [k for k in ("ObjectSizeGreaterThan", "ObjectSizeLessThan")
                            if k in lc_filter]
                if len(present) > 1:
                    raise MalformedXML()
        original_set_lifecycle(self, rules)
        for raw, rule in zip(rules, self.rules):
            nve = raw.get("NoncurrentVersionExpiration") or {}
            rule.nve_newer_versions = _int_or_none(nve.get("NewerNoncurrentVersions"))
            lc_filter = raw.get("Filter") if isinstance(raw.get("Filter"), dict) else {}
            rule.size_gt = _int_or_none(lc_filter.get("ObjectSizeGreaterThan"))
            rule.size_lt = _int_or_none(lc_filter.get("ObjectSizeLessThan"))
            and_filter = lc_filter.get("And") if isinstance(lc_filter.get("And"), dict) else {}
            rule.and_size_gt = _int_or_none(and_filter.get("ObjectSizeGreaterThan"))
            rule.and_size_lt = _int_or_none(and_filter.get("ObjectSizeLessThan"))

    original_put = response_cls._bucket_response_put

    def _bucket_response_put(self: Any, request: Any, bucket_name: str,
                             querystring: dict[str, Any]) -> Any:
        if "lifecycle" not in querystring:
            return original_put(self, request, bucket_name, querystring)
        size = request.headers.get(HEADER) or DEFAULT_SIZE
        if size not in ALLOWED_SIZES:
            raise InvalidArgumentError(
                "Invalid value for x-amz-transition-default-minimum-object-size header",
                HEADER, size)
        result = original_put(self, request, bucket_name, querystring)
        if isinstance(result, tuple):  # an error moto answered itself (e.g. 411)
            return result
        bucket = self.backend.get_bucket(bucket_name)
        bucket.infra_transition_min_size = size
        return 200, {HEADER: size}, ""

    def get_bucket_lifecycle(self: Any) -> Any:
        self.data["Action"] = "GetBucketLifecycleConfiguration"
        rules = self.backend.get_bucket_lifecycle(self.bucket_name)
        if not rules:
            raise NoSuchLifecycleConfiguration(bucket_name=self.bucket_name)
        bucket = self.backend.get_bucket(self.bucket_name)
        result = {
            "Rules": [_rule_dict(rule) for rule in rules],
            "TransitionDefaultMinimumObjectSize": getattr(
                bucket, "infra_transition_min_size", DEFAULT_SIZE),
        }
        return self.serialized(ActionResult(result))

    bucket_cls.set_lifecycle = set_lifecycle
    response_cls._bucket_response_put = _bucket_response_put
    response_cls.get_bucket_lifecycle = get_bucket_lifecycle
    bucket_cls._infra_emulator_s3_lifecycle = True


def _rule_dict(rule: Any) -> dict[str, Any]:
    """One rule as GetBucketLifecycleConfiguration answers it (moto's shape plus the kept fields)."""
    r: dict[str, Any] = {"ID": rule.id, "Status": rule.status}
    if rule.filter:
        f: dict[str, Any] = {}
        if rule.filter.prefix is not None:
            f["Prefix"] = rule.filter.prefix
        if rule.filter.tag_key:
            f["Tag"] = {"Key": rule.filter.tag_key, "Value": rule.filter.tag_value}
        if getattr(rule, "size_gt", None) is not None:
            f["ObjectSizeGreaterThan"] = rule.size_gt
        if getattr(rule, "size_lt", None) is not None:
            f["ObjectSizeLessThan"] = rule.size_lt
        if rule.filter.and_filter:
            and_f: dict[str, Any] = {}
            if rule.filter.and_filter.prefix is not None:
                and_f["Prefix"] = rule.filter.and_filter.prefix
            if rule.filter.and_filter.tags:
                and_f["Tags"] = [{"Key": k, "Value": v}
                                 for k, v in rule.filter.and_filter.tags.items()]
            if getattr(rule, "and_size_gt", None) is not None:
                and_f["ObjectSizeGreaterThan"] = rule.and_size_gt
            if getattr(rule, "and_size_lt", None) is not None:
                and_f["ObjectSizeLessThan"] = rule.and_size_lt
            f["And"] = and_f
        r["Filter"] = f
    elif rule.prefix is not None:
        r["Prefix"] = rule.prefix
    else:
        r["Filter"] = {}

    if rule.transitions:
        r["Transitions"] = [
            {k: v for k, v in (("Days", t.days), ("Date", t.date),
                               ("StorageClass", t.storage_class)) if v is not None}
            for t in rule.transitions
        ]
    if rule.expiration_days or rule.expiration_date or rule.expired_object_delete_marker:
        exp: dict[str, Any] = {}
        if rule.expiration_days:
            exp["Days"] = rule.expiration_days
        if rule.expiration_date:
            exp["Date"] = rule.expiration_date
        if rule.expired_object_delete_marker:
            exp["ExpiredObjectDeleteMarker"] = rule.expired_object_delete_marker
        r["Expiration"] = exp
    if rule.noncurrent_version_transitions:
        r["NoncurrentVersionTransitions"] = [
            {k: v for k, v in (("NewerNoncurrentVersions", nvt.newer_versions),
                               ("NoncurrentDays", nvt.days),
                               ("StorageClass", nvt.storage_class)) if v is not None}
            for nvt in rule.noncurrent_version_transitions
        ]
    if rule.nve_noncurrent_days:
        nve: dict[str, Any] = {"NoncurrentDays": rule.nve_noncurrent_days}
        if getattr(rule, "nve_newer_versions", None) is not None:
            nve["NewerNoncurrentVersions"] = rule.nve_newer_versions
        r["NoncurrentVersionExpiration"] = nve
    if rule.aimu_days:
        r["AbortIncompleteMultipartUpload"] = {"DaysAfterInitiation": rule.aimu_days}
    return r
