"""KMS: AWS-managed keys and the key rotation period, as on AWS.

AWS behaviour:
- The keys behind ``alias/aws/<service>`` (created by AWS on first use) are
  AWS-managed: DescribeKey reports ``KeyManager: AWS``; their rotation cannot be
  changed (``UnsupportedOperationException``).
- EnableKeyRotation takes ``RotationPeriodInDays`` (90..2560, default 365; out of
  range is ``ValidationException``); GetKeyRotationStatus returns
  ``KeyRotationEnabled``, ``KeyId`` and, while enabled, ``RotationPeriodInDays``
  and ``NextRotationDate``.

moto gaps (5.2.1): the ``alias/aws/*`` keys moto creates on demand are
``CUSTOMER`` keys, so they look like resources a stack forgot to delete; the
rotation period is ignored and never returned, so ``aws_kms_key`` with
``rotation_period_in_days`` never settles (the provider waits for the period it
set and plans an update every time).
"""

import json
from datetime import timedelta

NAME = "kms"

MIN_PERIOD, MAX_PERIOD, DEFAULT_PERIOD = 90, 2560, 365


def apply() -> None:
    from moto.core.exceptions import JsonRESTError
    from moto.core.utils import utcnow
    from moto.kms.exceptions import ValidationException
    from moto.kms.models import KmsBackend
    from moto.kms.responses import KmsResponse

    if getattr(KmsBackend, "_infra_emulator", False):
        return

    class UnsupportedOperationException(JsonRESTError):
        code = 400

        def __init__(self, message: str):
            super().__init__("UnsupportedOperationException", message)

    original_generate = KmsBackend._generate_default_keys

    def _generate_default_keys(self, alias_name: str):  # type: ignore[no-untyped-def]
        key_id = original_generate(self, alias_name)
        if key_id:
            key = self.keys[key_id]
            key.key_manager = "AWS"
            key.key_rotation_status = True  # AWS rotates its managed keys yearly
            key.description = f"Default key that protects my {alias_name[len('alias/aws/'):]} resources"
        return key_id

    def _customer_key(response: KmsResponse, key_id: str):  # type: ignore[no-untyped-def]
        response._validate_cmk_id(key_id)
        key = response.kms_backend.keys[response.kms_backend.get_key_id(key_id)]
        if key.key_manager == "AWS":
            raise UnsupportedOperationException(
                f"{key.arn} is an AWS managed key; its rotation cannot be changed.")
        return key

    def enable_key_rotation(self: KmsResponse) -> str:
        key_id = self._get_param("KeyId")
        period = self._get_param("RotationPeriodInDays")
        if period is not None and not (isinstance(period, int)
                                       and MIN_PERIOD <= period <= MAX_PERIOD):
            raise ValidationException(
                f"1 validation error detected: Value '{period}' at 'rotationPeriodInDays' "
                f"failed to satisfy constraint: Member must have value between "
                f"{MIN_PERIOD} and {MAX_PERIOD}")
        key = _customer_key(self, key_id)
        if key.key_spec != "SYMMETRIC_DEFAULT":
            raise UnsupportedOperationException(
                f"{key.arn} key usage or key spec does not support automatic rotation.")
        self.kms_backend.enable_key_rotation(key_id)
        key.rotation_period_in_days = period or DEFAULT_PERIOD
        key.rotation_enabled_at = utcnow()
        return json.dumps(None)

    def disable_key_rotation(self: KmsResponse) -> str:
        key_id = self._get_param("KeyId")
        _customer_key(self, key_id)
        self.kms_backend.disable_key_rotation(key_id)
        return json.dumps(None)

    def get_key_rotation_status(self: KmsResponse) -> str:
        key_id = self._get_param("KeyId")
        self._validate_cmk_id(key_id)
        key = self.kms_backend.keys[self.kms_backend.get_key_id(key_id)]
        body = {"KeyRotationEnabled": bool(key.key_rotation_status), "KeyId": key.id}
        if key.key_rotation_status:
            period = getattr(key, "rotation_period_in_days", DEFAULT_PERIOD)
            since = getattr(key, "rotation_enabled_at", None) or utcnow()
            body["RotationPeriodInDays"] = period
            body["NextRotationDate"] = (since + timedelta(days=period)).timestamp()
        return json.dumps(body)

    KmsBackend._generate_default_keys = _generate_default_keys
    KmsResponse.enable_key_rotation = enable_key_rotation
    KmsResponse.disable_key_rotation = disable_key_rotation
    KmsResponse.get_key_rotation_status = get_key_rotation_status
    KmsBackend._infra_emulator = True
