"""S3: deleting object versions and delete markers of versioned buckets.

AWS behaviour: in a bucket whose versioning is Enabled or Suspended,
DeleteObject/DeleteObjects with a version id removes exactly that version,
whether an object version or a delete marker; deleting a delete marker answers
``x-amz-delete-marker: true`` (DeleteObjects: ``DeleteMarker`` true and
``DeleteMarkerVersionId``). Without a version id, an Enabled bucket gets a new
delete marker; a Suspended bucket loses only its ``null`` version and gets a
delete marker whose version id is ``null``; the other versions stay. A PUT
into a Suspended bucket replaces only the ``null`` version. A bucket holding
any version or delete marker cannot be deleted (``BucketNotEmpty``). This is
what ``aws_s3_bucket`` with ``force_destroy = true`` relies on: it lists every
version and delete marker and removes them with DeleteObjects before
DeleteBucket.

moto gap (5.2.1): a delete in a bucket whose versioning is Suspended pops the
key with all its versions and calls ``dispose()`` on each; delete markers have
no ``dispose`` and the request fails with HTTP 500 ``AttributeError:
'FakeDeleteMarker' object has no attribute 'dispose'`` (so force_destroy of a
state bucket fails), and in any case every other version is lost. DeleteObjects
never reports ``DeleteMarker``/``DeleteMarkerVersionId`` for a delete marker
removed by version id. A PUT into a Suspended bucket drops every older version.

Extension (in moto's terms):
- ``FakeDeleteMarker.dispose()``: a no-op (a marker holds no buffer), so no
  remaining path of moto's key store can fail on a marker.
- ``S3Backend.delete_object`` handles a version id in a versioned (Enabled or
  Suspended) bucket, and a delete without version id in a Suspended bucket, as
  AWS does; every other case is moto's own code.
- ``S3Backend.delete_objects`` reports ``DeleteMarkerVersionId`` (so the
  response carries ``DeleteMarker`` true) whenever a delete marker was created
  or removed.
- ``S3Backend.put_object`` in a Suspended bucket keeps the non-null versions.
"""

from __future__ import annotations

from typing import Any

NAME = "s3_versions"

NULL = "null"


def apply() -> None:
    from moto.s3 import models, notifications
    from moto.s3.exceptions import AccessDeniedByLock, MethodNotAllowed

    backend_cls = models.S3Backend
    if getattr(backend_cls, "_infra_emulator_s3_versions", False):
        return

    marker_cls = models.FakeDeleteMarker
    key_cls = models.FakeKey

    def dispose(self: Any, garbage: bool = False) -> None:  # noqa: ARG001
        """A delete marker holds no buffer."""

    marker_cls.dispose = dispose

    def _same_version(version: Any, version_id: str) -> bool:
        return str(version.version_id) == str(version_id)

    def _set_versions(bucket: Any, key_name: str, versions: list[Any]) -> None:
        """Replaces the version list without moto's disposing of the dropped ones."""
        if versions:
            dict.__setitem__(bucket.keys, key_name, versions)
        else:
            dict.pop(bucket.keys, key_name, None)

    def _dispose(version: Any) -> None:
        if isinstance(version, key_cls):
            version.dispose()

    def _notify_removed(self: Any, bucket: Any, version: Any) -> None:
        if isinstance(version, key_cls):
            notifications.send_event(
                self.account_id,
                notifications.S3NotificationEvent.OBJECT_REMOVED_DELETE_EVENT,
                bucket,
                version,
            )

    original_delete_object = backend_cls.delete_object
    original_put_object = backend_cls.put_object

    def delete_object(self, bucket_name: str, key_name: str,  # type: ignore[no-untyped-def]
                      version_id: str | None = None, bypass: bool = False):
        bucket = self.get_bucket(bucket_name)
        if isinstance(bucket, models.FakeTableStorageBucket):
            raise MethodNotAllowed()
        status = bucket.versioning_status
        if status not in ("Enabled", "Suspended"):
            return original_delete_object(self, bucket_name, key_name, version_id, bypass)
        versions = list(bucket.keys.getlist(key_name, []) or [])
        meta: dict[str, Any] = {}

        if version_id is not None:
            meta["version-id"] = version_id
            target = next((v for v in versions if _same_version(v, version_id)), None)
            if target is None:
                return False, meta
            if isinstance(target, key_cls) and target.is_locked(governance_bypass=bypass):
                raise AccessDeniedByLock
            if isinstance(target, marker_cls):
                meta["delete-marker"] = "true"
            _set_versions(bucket, key_name, [v for v in versions if v is not target])
            _dispose(target)
            _notify_removed(self, bucket, target)
            return True, meta

        if status == "Enabled":
            return original_delete_object(self, bucket_name, key_name, version_id, bypass)

        # Suspended, no version id: the null version goes, a null delete marker comes.
        if not versions:
            return False, meta
        null_version = next((v for v in versions if _same_version(v, NULL)), None)
        if (null_version is not None and isinstance(null_version, key_cls)
                and null_version.is_locked(governance_bypass=bypass)):
            raise AccessDeniedByLock
        marker = marker_cls(key=versions[-1])
        marker._version_id = NULL
        _set_versions(bucket, key_name,
                      [v for v in versions if v is not null_version] + [marker])
        if null_version is not None:
            _dispose(null_version)
            _notify_removed(self, bucket, null_version)
        meta["version-id"] = NULL
        meta["delete-marker"] = "true"
        return True, meta

    def delete_objects(self, bucket_name: str, objects: list[dict[str, Any]],  # type: ignore[no-untyped-def]
                       bypass_retention: bool = False):
        deleted = []
        errors = []
        for object_ in objects:
            key_name = object_["Key"]
            version_id = object_.get("VersionId", None)
            try:
                _, headers = self.delete_object(
                    bucket_name, key_name, version_id=version_id, bypass=bypass_retention)
            except AccessDeniedByLock:
                errors.append(key_name)
                continue
            headers = headers or {}
            marker_version = (headers.get("version-id")
                              if headers.get("delete-marker") == "true" else None)
            deleted.append((key_name, version_id, marker_version))
        return deleted, errors

    def put_object(self, bucket_name: str, key_name: str, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        bucket = self.buckets.get(bucket_name)
        if bucket is None or bucket.versioning_status != "Suspended":
            return original_put_object(self, bucket_name, key_name, *args, **kwargs)
        saved = list(dict.get(bucket.keys, key_name, None) or [])
        dict.pop(bucket.keys, key_name, None)
        try:
            new_key = original_put_object(self, bucket_name, key_name, *args, **kwargs)
        except BaseException:
            if saved:
                _set_versions(bucket, key_name, saved + list(
                    dict.get(bucket.keys, key_name, None) or []))
            raise
        current = list(dict.get(bucket.keys, key_name, None) or [])
        kept = [v for v in saved if not _same_version(v, NULL)]
        for version in saved:
            if version not in kept:
                _dispose(version)
        _set_versions(bucket, key_name, kept + current)
        return new_key

    backend_cls.delete_object = delete_object
    backend_cls.delete_objects = delete_objects
    backend_cls.put_object = put_object
    backend_cls._infra_emulator_s3_versions = True
