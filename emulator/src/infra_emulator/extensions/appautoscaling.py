"""Application Auto Scaling: tags of scalable targets; MSK broker storage targets checked.

AWS behaviour: RegisterScalableTarget takes ``Tags`` (a map, only when the
target is created); TagResource/UntagResource/ListTagsForResource address a
scalable target by its ARN
(``arn:aws:application-autoscaling:<region>:<account>:scalable-target/<id>``);
an ARN of no target → ``ResourceNotFoundException``; more than 50 tags or keys
starting with ``aws:`` → ``ValidationException``. A ``kafka`` target's resource id
is the MSK cluster's ARN: an unknown cluster → ``ValidationException``.
DeregisterScalableTarget drops its tags with it.

moto gap (5.2.1): no tagging operations (``aws_appautoscaling_target`` fails on
read: ListTagsForResource not implemented); ``Tags`` of RegisterScalableTarget
ignored; any kafka resource id accepted.

Extension: methods added to moto's ``ApplicationAutoScalingResponse``; tags kept
on moto's ``FakeScalableTarget``.
"""

import json
from typing import Any

from moto.core.exceptions import JsonRESTError

NAME = "appautoscaling"


class ResourceNotFoundException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("ResourceNotFoundException", message)


class ValidationException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("ValidationException", message)


def _check_tags(tags: dict[str, str]) -> None:
    if len(tags) > 50:
        raise ValidationException("A resource can have at most 50 tags.")
    for key, value in tags.items():
        if key.startswith("aws:"):
            raise ValidationException("Tag keys starting with 'aws:' are reserved.")
        if not 1 <= len(key) <= 128 or len(value) > 256:
            raise ValidationException(f"Invalid tag: {key}")


def _target_by_arn(backend: Any, arn: str) -> Any:
    for by_id in backend.targets.values():
        for target in by_id.values():
            if target.arn == arn:
                return target
    raise ResourceNotFoundException(f"No scalable target found for ARN {arn}")


def apply() -> None:
    from moto.applicationautoscaling.exceptions import AWSValidationException
    from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse

    if getattr(ApplicationAutoScalingResponse, "_infra_emulator", False):
        return
    original_register = ApplicationAutoScalingResponse.register_scalable_target

    def register_scalable_target(self: Any) -> str:
        namespace = self._get_param("ServiceNamespace")
        resource_id = self._get_param("ResourceId")
        if namespace == "kafka" and resource_id:
            from moto.kafka.models import kafka_backends

            clusters = kafka_backends[self.current_account][self.region].clusters
            if resource_id not in clusters:
                raise AWSValidationException(
                    f"Unable to register scalable target: cluster {resource_id} does not exist.")
        tags = self._get_param("Tags") or {}
        _check_tags(tags)
        body = original_register(self)
        arn = json.loads(body)["ScalableTargetARN"]
        target = _target_by_arn(self.applicationautoscaling_backend, arn)
        if "_tags" not in target.__dict__:
            target._tags = dict(tags)
        return body

    def list_tags_for_resource(self: Any) -> str:
        target = _target_by_arn(self.applicationautoscaling_backend,
                                self._get_param("ResourceARN"))
        return json.dumps({"Tags": dict(getattr(target, "_tags", {}))})

    def tag_resource(self: Any) -> str:
        target = _target_by_arn(self.applicationautoscaling_backend,
                                self._get_param("ResourceARN"))
        tags = self._get_param("Tags") or {}
        merged = {**getattr(target, "_tags", {}), **tags}
        _check_tags(merged)
        target._tags = merged
        return json.dumps({})

    def untag_resource(self: Any) -> str:
        target = _target_by_arn(self.applicationautoscaling_backend,
                                self._get_param("ResourceARN"))
        keys = self._get_param("TagKeys") or self.querystring.get("TagKeys", [])
        target._tags = {k: v for k, v in getattr(target, "_tags", {}).items() if k not in keys}
        return json.dumps({})

    ApplicationAutoScalingResponse.register_scalable_target = register_scalable_target
    ApplicationAutoScalingResponse.list_tags_for_resource = list_tags_for_resource
    ApplicationAutoScalingResponse.tag_resource = tag_resource
    ApplicationAutoScalingResponse.untag_resource = untag_resource
    ApplicationAutoScalingResponse._infra_emulator = True
