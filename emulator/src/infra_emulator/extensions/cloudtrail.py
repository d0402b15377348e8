"""CloudTrail: StartLogging, StopLogging, DeleteTrail by name or ARN, home region.

AWS behaviour: StartLogging/StopLogging/DeleteTrail/GetTrailStatus accept the
trail name or its ARN; an unknown trail is ``TrailNotFoundException``; a trail
addressed from a region other than its home region is
``InvalidHomeRegionException`` for StartLogging/StopLogging/DeleteTrail/UpdateTrail;
GetTrailStatus reports ``IsLogging`` and the start/stop times; CreateTrail with
an existing name is ``TrailAlreadyExistsException``.

moto gap (5.2.1): StartLogging/StopLogging look the trail up by name only, so
the ARN the Terraform provider passes raises a KeyError (HTTP 500) and
``aws_cloudtrail`` with ``enable_logging = true`` cannot be created; DeleteTrail
by ARN silently deletes nothing (the trail outlives ``terraform destroy``);
duplicate names overwrite the existing trail. (moto 5.2.5 fixes only the
StartLogging/StopLogging lookup.)
"""

NAME = "cloudtrail"


def apply() -> None:
    from moto.cloudtrail import models
    from moto.cloudtrail.exceptions import TrailNotFoundException
    from moto.core.exceptions import JsonRESTError

    backend_cls = models.CloudTrailBackend
    if getattr(backend_cls, "_infra_emulator", False):
        return

    class InvalidHomeRegionException(JsonRESTError):
        code = 400

        def __init__(self, message: str):
            super().__init__("InvalidHomeRegionException", message)

    class TrailAlreadyExistsException(JsonRESTError):
        code = 400

        def __init__(self, message: str):
            super().__init__("TrailAlreadyExistsException", message)

    def _find_home_trail(self: "models.CloudTrailBackend", name_or_arn: str) -> "models.Trail":
        """The trail of this region by name or ARN; raises like AWS otherwise."""
        if not name_or_arn:
            raise models.TrailNameTooShort(actual_length=0)
        try:
            return backend_cls.get_trail(self, name_or_arn)
        except TrailNotFoundException:
            pass
        # Known in this account but homed in another region?
        for trail in self.describe_trails(include_shadow_trails=True):
            if name_or_arn in (trail.trail_name, trail.arn):
                raise InvalidHomeRegionException(
                    "This operation must be called from the trail's home region "
                    f"{trail.region_name}."
                )
        if name_or_arn.startswith("arn:"):
            arn = name_or_arn
        else:
            arn = (f"arn:{models.get_partition(self.region_name)}:cloudtrail:"
                   f"{self.region_name}:{self.account_id}:trail/{name_or_arn}")
        raise TrailNotFoundException(account_id=self.account_id, name=arn)

    original_create_trail = backend_cls.create_trail

    def create_trail(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name in self.trails:
            raise TrailAlreadyExistsException(
                f"Trail {name} already exists for customer: {self.account_id}"
            )
        return original_create_trail(self, name, *args, **kwargs)

    def start_logging(self, name: str) -> None:
        _find_home_trail(self, name).start_logging()

    def stop_logging(self, name: str) -> None:
        _find_home_trail(self, name).stop_logging()

    def delete_trail(self, name: str) -> None:
        trail = _find_home_trail(self, name)
        del self.trails[trail.trail_name]
        self.tagging_service.delete_all_tags_for_resource(trail.arn)

    original_update_trail = backend_cls.update_trail

    def update_trail(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        _find_home_trail(self, name)
        return original_update_trail(self, name, *args, **kwargs)

    backend_cls.create_trail = create_trail
    backend_cls.start_logging = start_logging
    backend_cls.stop_logging = stop_logging
    backend_cls.delete_trail = delete_trail
    backend_cls.update_trail = update_trail
    backend_cls._infra_emulator = True
