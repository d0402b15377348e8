"""Accounts: a 12-digit access key id selects that AWS account.

AWS behaviour: every environment lives in its own AWS account (dev
111111111111, staging 222222222222, prod 333333333333); the caller's
credentials decide the account, STS GetCallerIdentity answers it, and
resources of one account are invisible to another.

moto gap: moto derives the account from the access key only for keys it issued
itself (IAM CreateAccessKey, STS AssumeRole); any other key lands in the
default account 123456789012. Its SigV4 key regex also only accepts
20-character keys, so a 12-digit key id was never even read.

Extension (in moto's terms):
- ``BaseResponse.get_access_key`` reads the key id from the SigV4 credential
  scope (``Credential=<key>/<date>/<region>/<service>/aws4_request``), or from
  a presigned URL's ``X-Amz-Credential``, before falling back to moto's own.
- ``moto.iam.models.get_account_id_from`` (used by
  ``BaseResponse.get_current_account``) maps a key id of exactly 12 digits to
  that account; every other key keeps moto's lookup (keys issued by moto, then
  the default account), done without instantiating an IAM backend for every
  known account and partition as moto's own loop does (seconds per call once
  a few accounts exist).
Every backend is already per account in moto (``BackendDict[account][region]``),
so S3, IAM, KMS, EC2, ... are isolated once the account is right.
"""

import re

NAME = "accounts"

ACCOUNT_KEY = re.compile(r"^\d{12}$")
_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/")


def account_for_key(access_key: str) -> str | None:
    """The account a 12-digit access key id selects, else None."""
    if access_key and ACCOUNT_KEY.match(access_key):
        return access_key
    return None


def apply() -> None:
    import moto.iam.models as iam_models
    from moto.core.responses import BaseResponse

    original_get_account_id_from = iam_models.get_account_id_from
    if getattr(original_get_account_id_from, "_infra_emulator", False):
        return

    def get_account_id_from(access_key: str) -> str:
        account = account_for_key(access_key)
        if account:
            return account
        # moto's lookup of keys it issued, without instantiating an IAM backend
        # (and loading ~1,300 managed policies) for every account x partition.
        for account_id, partitions in list(iam_models.iam_backends.items()):
            for backend in list(dict.values(partitions)):
                if access_key in backend.access_keys:
                    return account_id
        return iam_models.DEFAULT_ACCOUNT_ID

    get_account_id_from._infra_emulator = True  # type: ignore[attr-defined]
    iam_models.get_account_id_from = get_account_id_from

    original_get_access_key = BaseResponse.get_access_key

    def get_access_key(self: BaseResponse) -> str:
        auth = self.headers.get("Authorization", "") if self.headers else ""
        if auth.startswith("AWS4-"):
            match = _CREDENTIAL.search(auth)
            if match:
                return match.group(1)
        credential = (self.querystring or {}).get("X-Amz-Credential")
        if credential:
            return credential[0].split("/", 1)[0]
        return original_get_access_key(self)

    BaseResponse.get_access_key = get_access_key  # type: ignore[method-assign]
