# The apply role: the platform's services in the environment's regions, IAM only for
# <name_prefix>-* names, bounded by a permissions boundary it cannot change.

locals {
  iam_arn            = "arn:${local.partition}:iam::${local.account_id}"
  boundary_name      = "${var.name_prefix}-github-boundary"
  boundary_arn       = "${local.iam_arn}:policy/${local.boundary_name}"
  apply_policy_arn   = "${local.iam_arn}:policy/${local.apply_role_name}"
  pipeline_role_arns = ["${local.iam_arn}:role/${local.plan_role_name}", "${local.iam_arn}:role/${local.apply_role_name}"]

  in_regions = [{ test = "StringEquals", variable = "aws:RequestedRegion", values = var.regions }]

  apply_statements = [
    {
      sid       = "PlatformServicesInEnvironmentRegions"
      effect    = "Allow"
      actions   = sort([for service in var.apply_services : "${service}:*"])
      resources = ["*"]
      condition = local.in_regions
    },
    {
      sid       = "ReadIam"
      effect    = "Allow"
      actions   = ["iam:Get*", "iam:List*"]
      resources = ["*"]
      condition = []
    },
    {
      sid    = "ManageEnvironmentRolesAndPolicies"
      effect = "Allow"
      actions = [
        "iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile", "iam:CreatePolicy", "iam:CreatePolicyVersion",
        "iam:CreateRole", "iam:DeleteInstanceProfile", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:DeleteRole",
        "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PassRole", "iam:PutRolePolicy", "iam:RemoveRoleFromInstanceProfile",
        "iam:SetDefaultPolicyVersion", "iam:TagInstanceProfile", "iam:TagPolicy", "iam:TagRole", "iam:UntagInstanceProfile",
        "iam:UntagPolicy", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
      ]
      resources = [
        "${local.iam_arn}:role/${var.name_prefix}-*",
        "${local.iam_arn}:policy/${var.name_prefix}-*",
        "${local.iam_arn}:instance-profile/${var.name_prefix}-*",
      ]
      condition = []
    },
    {
      # Only the environment's own policies and AWS service-role policies: never AdministratorAccess.
      sid       = "AttachOnlyEnvironmentAndServicePolicies"
      effect    = "Allow"
      actions   = ["iam:AttachRolePolicy"]
      resources = ["${local.iam_arn}:role/${var.name_prefix}-*"]
      condition = [{
        test     = "ArnLike"
        variable = "iam:PolicyARN"
        values = concat(
          ["${local.iam_arn}:policy/${var.name_prefix}-*", "arn:${local.partition}:iam::aws:policy/service-role/*"],
          local.plan_managed_policy_arns,
        )
      }]
    },
    {
      sid       = "ServiceLinkedRoles"
      effect    = "Allow"
      actions   = ["iam:CreateServiceLinkedRole"]
      resources = ["${local.iam_arn}:role/aws-service-role/*"]
      condition = []
    },
    {
      sid    = "GitHubOidcProvider"
      effect = "Allow"
      actions = [
        "iam:AddClientIDToOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider", "iam:DeleteOpenIDConnectProvider",
        "iam:RemoveClientIDFromOpenIDConnectProvider", "iam:TagOpenIDConnectProvider", "iam:UntagOpenIDConnectProvider",
        "iam:UpdateOpenIDConnectProviderThumbprint",
      ]
      resources = ["${local.iam_arn}:oidc-provider/${local.provider_host}"]
      condition = []
    },
    {
      sid       = "AccountPasswordPolicy"
      effect    = "Allow"
      actions   = ["iam:DeleteAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy"]
      resources = ["*"]
      condition = []
    },
    {
      # Privilege escalation guard: the pipeline cannot loosen its boundary or its own roles.
      sid    = "DenyPipelineSelfChange"
      effect = "Deny"
      actions = [
        "iam:AttachRolePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
        "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
        "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy",
      ]
      resources = concat(local.pipeline_role_arns, [local.boundary_arn, local.apply_policy_arn])
      condition = []
    },
  ]
}

data "aws_iam_policy_document" "apply" {
  dynamic "statement" {
    for_each = local.apply_statements

    content {
      sid       = statement.value.sid
      effect    = statement.value.effect
      actions   = statement.value.actions
      resources = statement.value.resources

      dynamic "condition" {
        for_each = statement.value.condition

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

resource "aws_iam_policy" "boundary" {
  #checkov:skip=CKV_AWS_355:The apply role creates the platform itself: each platform service (var.apply_services) on any resource, but only in the environment's regions (aws:RequestedRegion), IAM only for <name_prefix>-* names, bounded by this boundary.
  name        = local.boundary_name
  description = "Permissions boundary of the GitHub apply role: the most it can ever do, whatever its own policy says."
  policy      = data.aws_iam_policy_document.apply.json

  tags = merge(var.tags, { Name = local.boundary_name })
}

resource "aws_iam_role" "apply" {
  name                 = local.apply_role_name
  description          = "GitHub Actions apply for ${var.repository}, environment ${var.deploy_environment} only."
  assume_role_policy   = data.aws_iam_policy_document.trust["apply"].json
  max_session_duration = var.max_session_duration
  permissions_boundary = aws_iam_policy.boundary.arn

  tags = merge(var.tags, { Name = local.apply_role_name, Role = "apply" })
}

resource "aws_iam_policy" "apply" {
  #checkov:skip=CKV_AWS_355:The apply role creates the platform itself: each platform service (var.apply_services) on any resource, but only in the environment's regions (aws:RequestedRegion), IAM only for <name_prefix>-* names, bounded by this boundary.
  name        = local.apply_role_name
  description = "Least-privilege apply permissions of the ${var.name_prefix} platform."
  policy      = data.aws_iam_policy_document.apply.json

  tags = merge(var.tags, { Name = local.apply_role_name })
}

resource "aws_iam_role_policy_attachment" "apply" {
  role       = aws_iam_role.apply.name
  policy_arn = aws_iam_policy.apply.arn
}
