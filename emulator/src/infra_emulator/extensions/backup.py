"""AWS Backup: backup selections, plan updates, plan deletion that frees the
name, and the plan checks AWS makes.

AWS behaviour provided:

- ``CreateBackupSelection`` / ``GetBackupSelection`` / ``ListBackupSelections``
  / ``DeleteBackupSelection`` under ``/backup/plans/<plan id>/selections/``:
  a selection has a name (``[A-Za-z0-9_.-]{1,50}``, unique in its plan →
  ``AlreadyExistsException``), an IAM role ARN (required, an ``iam`` role ARN,
  else ``InvalidParameterValueException``), and selects by ``Resources``,
  ``NotResources``, ``ListOfTags`` (``ConditionType`` ``STRINGEQUALS``) and
  ``Conditions``; at least one of ``Resources`` and ``ListOfTags`` /
  ``Conditions`` is needed. Read back as sent. Unknown plan or selection →
  ``ResourceNotFoundException``.
- ``DeleteBackupPlan`` refuses a plan that still has selections
  (``InvalidRequestException``, as AWS), removes the plan (``GetBackupPlan`` →
  ``ResourceNotFoundException``; ``ListBackupPlans(IncludeDeleted)`` still
  shows it) and frees its name for a new plan.
- ``UpdateBackupPlan`` (``POST /backup/plans/<id>``) replaces the plan
  document and issues a new ``VersionId``.
- ``CreateBackupPlan`` / ``UpdateBackupPlan`` check the rules: a rule name
  ``[A-Za-z0-9_.-]{1,50}`` unique in the plan, ``TargetBackupVaultName`` an
  existing vault of the region, a copy action's ``DestinationBackupVaultArn``
  a backup vault ARN, continuous backup kept 1 to 35 days, ``DeleteAfterDays``
  at least 90 days after ``MoveToColdStorageAfterDays`` — else
  ``InvalidParameterValueException`` (``ResourceNotFoundException`` for the vault).
- ``ListTags`` on ``/tags/<arn>`` with or without a trailing slash.

moto gap (5.2.1): selections did not exist (``aws_backup_selection`` failed);
a deleted plan stayed in the backend (listed as a leftover, and its name could
never be used again); no ``UpdateBackupPlan``; plans were not checked;
``ListTags`` without a trailing slash (how the provider's Go SDK sends it) read
the ARN as ``tags`` and answered no tags, so every vault and plan under
``default_tags`` re-planned.

Extension: methods added to moto's ``BackupResponse`` (its rest-json dispatch
finds the operation from botocore's model) and ``BackupBackend``; selections
live on the plan they belong to.
"""

from __future__ import annotations

import json
import re
from typing import Any

NAME = "backup"

NAME_RE = re.compile(r"^[A-Za-z0-9_.-]{1,50}$")
ROLE_RE = re.compile(r"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")
VAULT_ARN_RE = re.compile(r"^arn:aws[a-z-]*:backup:[a-z0-9-]+:[0-9]{12}:backup-vault:[A-Za-z0-9_.-]+$")


def apply() -> None:
    from moto.backup import models
    from moto.backup.exceptions import (AlreadyExistsException, InvalidParameterValueException,
                                        InvalidRequestException, ResourceNotFoundException)
    from moto.backup.models import BackupBackend, Plan
    from moto.backup.responses import BackupResponse
    from moto.core.utils import unix_time
    from moto.moto_api._internal import mock_random

    if getattr(BackupBackend, "_infra_emulator", False):
        return

    def deleted(backend: BackupBackend) -> dict[str, Any]:
        if not hasattr(backend, "_infra_deleted_plans"):
            backend._infra_deleted_plans = {}
        return backend._infra_deleted_plans

    def live_plan(backend: BackupBackend, plan_id: str) -> Plan:
        plan = backend.plans.get(plan_id)
        if plan is None:
            raise ResourceNotFoundException(msg=f"Failed reading Backup plan with provided version: {plan_id}")
        return plan

    def selections(plan: Plan) -> dict[str, dict[str, Any]]:
        if not hasattr(plan, "_infra_selections"):
            plan._infra_selections = {}
        return plan._infra_selections

    def check_plan(backend: BackupBackend, document: dict[str, Any]) -> None:
        rules = document.get("Rules") or []
        if not document.get("BackupPlanName") or not NAME_RE.match(document["BackupPlanName"]):
            raise InvalidParameterValueException(
                msg="BackupPlanName must be 1 to 50 letters, digits, hyphens, underscores or periods.")
        if not rules:
            raise InvalidParameterValueException(msg="A backup plan needs at least one rule.")
        names: set[str] = set()
        for rule in rules:
            name = rule.get("RuleName") or ""
            if not NAME_RE.match(name):
                raise InvalidParameterValueException(msg=f"Invalid rule name {name!r}.")
            if name in names:
                raise InvalidParameterValueException(msg=f"Rule name {name} is used twice in the plan.")
            names.add(name)
            vault = rule.get("TargetBackupVaultName")
            if vault not in backend.vaults:
                raise ResourceNotFoundException(msg=f"Backup vault {vault} does not exist.")
            lifecycle = rule.get("Lifecycle") or {}
            delete_after = lifecycle.get("DeleteAfterDays")
            if rule.get("EnableContinuousBackup") and delete_after is not None \
                    and not 1 <= int(delete_after) <= 35:
                raise InvalidParameterValueException(
                    msg="Continuous backups can be retained for 1 to 35 days.")
            for lc in [lifecycle] + [c.get("Lifecycle") or {} for c in rule.get("CopyActions") or []]:
                cold = lc.get("MoveToColdStorageAfterDays")
                if cold is not None and lc.get("DeleteAfterDays") is not None \
                        and int(lc["DeleteAfterDays"]) < int(cold) + 90:
                    raise InvalidParameterValueException(
                        msg="DeleteAfterDays must be at least 90 days after MoveToColdStorageAfterDays.")
            for copy in rule.get("CopyActions") or []:
                if not VAULT_ARN_RE.match(copy.get("DestinationBackupVaultArn") or ""):
                    raise InvalidParameterValueException(
                        msg=f"Invalid DestinationBackupVaultArn {copy.get('DestinationBackupVaultArn')!r}.")

    # --- plans ----------------------------------------------------------------
    original_create_plan = BackupBackend.create_backup_plan

    def create_backup_plan(self, backup_plan, backup_plan_tags, creator_request_id):  # type: ignore[no-untyped-def]
        check_plan(self, backup_plan)
        return original_create_plan(self, backup_plan, backup_plan_tags, creator_request_id)

    def get_backup_plan(self, backup_plan_id, version_id):  # type: ignore[no-untyped-def]
        plan = live_plan(self, backup_plan_id)
        if version_id and version_id != plan.version_id:
            old = getattr(plan, "_infra_versions", {}).get(version_id)
            if old is None:
                raise ResourceNotFoundException(msg="Failed reading Backup plan with provided version")
        return plan

    def delete_backup_plan(self, backup_plan_id):  # type: ignore[no-untyped-def]
        plan = live_plan(self, backup_plan_id)
        if selections(plan):
            raise InvalidRequestException(
                msg="Related backup plan selections must be deleted prior to backup plan deletion.")
        plan.deletion_date = unix_time()
        deleted(self)[backup_plan_id] = self.plans.pop(backup_plan_id)
        return plan.backup_plan_id, plan.backup_plan_arn, plan.deletion_date, plan.version_id

    def list_backup_plans(self, include_deleted):  # type: ignore[no-untyped-def]
        plans = list(self.plans.values())
        if include_deleted and str(include_deleted).lower() != "false":
            plans += list(deleted(self).values())
        return plans

    def update_backup_plan(self, backup_plan_id, backup_plan):  # type: ignore[no-untyped-def]
        plan = live_plan(self, backup_plan_id)
        if backup_plan.get("BackupPlanName") != plan.backup_plan.get("BackupPlanName"):
            if backup_plan.get("BackupPlanName") in [p.backup_plan["BackupPlanName"] for p in self.plans.values()]:
                raise AlreadyExistsException(msg="Backup plan with the same name already exists")
        check_plan(self, backup_plan)
        versions = getattr(plan, "_infra_versions", {})
        versions[plan.version_id] = plan.backup_plan
        plan._infra_versions = versions
        fresh = Plan(backup_plan=backup_plan, creator_request_id=plan.creator_request_id, backend=self)
        plan.backup_plan = fresh.backup_plan
        plan.advanced_backup_settings = fresh.advanced_backup_settings
        plan.version_id = mock_random.get_random_string(length=48)
        return plan

    def update_backup_plan_response(self):  # type: ignore[no-untyped-def]
        params = json.loads(self.body or "{}")
        plan_id = self.path.rstrip("/").split("/plans/")[-1]
        plan = self.backup_backend.update_backup_plan(plan_id, params.get("BackupPlan") or {})
        return json.dumps({"BackupPlanId": plan.backup_plan_id, "BackupPlanArn": plan.backup_plan_arn,
                           "CreationDate": plan.creation_date, "VersionId": plan.version_id,
                           "AdvancedBackupSettings": plan.advanced_backup_settings})

    # --- selections -------------------------------------------------------------
    def _ids(self) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
        tail = self.path.split("/backup/plans/")[-1].strip("/").split("/")
        return tail[0], (tail[2] if len(tail) > 2 else None)

    def create_backup_selection(self):  # type: ignore[no-untyped-def]
        plan_id, _ = _ids(self)
        plan = live_plan(self.backup_backend, plan_id)
        params = json.loads(self.body or "{}")
        selection = dict(params.get("BackupSelection") or {})
        name = selection.get("SelectionName") or ""
        if not NAME_RE.match(name):
            raise InvalidParameterValueException(msg=f"Invalid SelectionName {name!r}.")
        if not ROLE_RE.match(selection.get("IamRoleArn") or ""):
            raise InvalidParameterValueException(
                msg=f"Invalid IamRoleArn {selection.get('IamRoleArn')!r}: an IAM role ARN is required.")
        for tag in selection.get("ListOfTags") or []:
            if tag.get("ConditionType") != "STRINGEQUALS" or not tag.get("ConditionKey"):
                raise InvalidParameterValueException(
                    msg="ListOfTags entries need ConditionType STRINGEQUALS and a ConditionKey.")
        conditions = selection.get("Conditions") or {}
        if not (selection.get("Resources") or selection.get("ListOfTags")
                or any(conditions.get(k) for k in conditions)):
            raise InvalidParameterValueException(
                msg="A selection needs Resources, ListOfTags or Conditions.")
        existing = selections(plan)
        if any(s["BackupSelection"]["SelectionName"] == name for s in existing.values()):
            raise AlreadyExistsException(msg=f"Backup selection {name} already exists in the plan.")
        selection_id = str(mock_random.uuid4())
        record = {"SelectionId": selection_id, "BackupPlanId": plan.backup_plan_id,
                  "CreationDate": unix_time(), "CreatorRequestId": params.get("CreatorRequestId"),
                  "BackupSelection": selection}
        existing[selection_id] = record
        return json.dumps({"SelectionId": selection_id, "BackupPlanId": plan.backup_plan_id,
                           "CreationDate": record["CreationDate"]})

    def get_selection(self) -> tuple[Plan, dict[str, Any]]:  # type: ignore[no-untyped-def]
        plan_id, selection_id = _ids(self)
        plan = live_plan(self.backup_backend, plan_id)
        record = selections(plan).get(selection_id or "")
        if record is None:
            raise ResourceNotFoundException(msg=f"Backup selection {selection_id} not found.")
        return plan, record

    def get_backup_selection(self):  # type: ignore[no-untyped-def]
        _, record = get_selection(self)
        return json.dumps({k: v for k, v in record.items() if v is not None})

    def delete_backup_selection(self):  # type: ignore[no-untyped-def]
        plan, record = get_selection(self)
        del selections(plan)[record["SelectionId"]]
        return "{}"

    def list_backup_selections(self):  # type: ignore[no-untyped-def]
        plan_id, _ = _ids(self)
        plan = live_plan(self.backup_backend, plan_id)
        return json.dumps({"BackupSelectionsList": [
            {"SelectionId": r["SelectionId"], "SelectionName": r["BackupSelection"]["SelectionName"],
             "BackupPlanId": r["BackupPlanId"], "CreationDate": r["CreationDate"],
             "IamRoleArn": r["BackupSelection"]["IamRoleArn"]}
            for r in selections(plan).values()]})

    # ListTags is GET /tags/<arn> (the Go SDK sends no trailing slash; moto
    # read the segment before the last one, i.e. "tags").
    def list_tags(self):  # type: ignore[no-untyped-def]
        from urllib.parse import unquote
        arn = unquote(self.path.split("/tags/", 1)[-1].rstrip("/"))
        return json.dumps({"Tags": self.backup_backend.list_tags(resource_arn=arn)})

    BackupResponse.list_tags = list_tags
    BackupBackend.create_backup_plan = create_backup_plan
    BackupBackend.get_backup_plan = get_backup_plan
    BackupBackend.delete_backup_plan = delete_backup_plan
    BackupBackend.list_backup_plans = list_backup_plans
    BackupBackend.update_backup_plan = update_backup_plan
    BackupResponse.update_backup_plan = update_backup_plan_response
    BackupResponse.create_backup_selection = create_backup_selection
    BackupResponse.get_backup_selection = get_backup_selection
    BackupResponse.delete_backup_selection = delete_backup_selection
    BackupResponse.list_backup_selections = list_backup_selections
    BackupBackend._infra_emulator = True
    _ = models
