# Who may assume the roles, and what they may do.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name_prefix        = "ecom-prod"
  repository         = "acme-shop/ecommerce-platform"
  deploy_environment = "prod"
  regions            = ["us-east-1", "us-west-2"]
  state = {
    buckets = {
      "us-east-1" = "ecom-prod-us-east-1-tfstate-333333333333"
      "us-west-2" = "ecom-prod-us-west-2-tfstate-333333333333"
    }
    kms_alias = "alias/ecom-prod-tfstate"
  }
}

run "trust" {
  command = plan

  assert {
    condition     = aws_iam_openid_connect_provider.this[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.this[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "the provider is GitHub's, for the sts.amazonaws.com audience"
  }

  assert {
    condition     = jsonencode(aws_iam_openid_connect_provider.this[0].thumbprint_list) == jsonencode(["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"])
    error_message = "the known GitHub thumbprints are the default"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.plan_trust : {
      actions   = s.actions
      principal = one(s.principals).identifiers
      condition = { for c in s.condition : c.variable => [c.test, sort(c.values)] }
      }]) == jsonencode([{
      actions   = ["sts:AssumeRoleWithWebIdentity"]
      principal = ["arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"]
      condition = {
        "token.actions.githubusercontent.com:aud" = ["StringEquals", ["sts.amazonaws.com"]]
        "token.actions.githubusercontent.com:sub" = ["StringEquals", ["repo:acme-shop/ecommerce-platform:pull_request", "repo:acme-shop/ecommerce-platform:ref:refs/heads/main"]]
      }
    }])
    error_message = "the plan role trusts only pull requests and main of the repository, audience sts"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.apply_trust : { for c in s.condition : c.variable => [c.test, c.values] }]) == jsonencode([{
      "token.actions.githubusercontent.com:aud" = ["StringEquals", ["sts.amazonaws.com"]]
      "token.actions.githubusercontent.com:sub" = ["StringEquals", ["repo:acme-shop/ecommerce-platform:environment:prod"]]
    }])
    error_message = "the prod apply role trusts only the protected prod environment"
  }

  assert {
    condition     = aws_iam_role.plan.max_session_duration == 3600 && aws_iam_role.apply.max_session_duration == 3600
    error_message = "sessions last at most one hour"
  }

  assert {
    condition     = aws_iam_role.plan.name == "ecom-prod-github-plan" && aws_iam_role.apply.name == "ecom-prod-github-apply"
    error_message = "role names are <prefix>-github-plan/apply"
  }
}

run "permissions" {
  command = plan

  assert {
    condition = alltrue([for doc, statements in output.policy_statements : alltrue([
      for s in statements : !(contains(coalesce(s.actions, []), "*") && contains(coalesce(s.resources, []), "*"))
    ])])
    error_message = "no policy allows * on *"
  }

  assert {
    condition     = alltrue([for s in output.policy_statements.apply : alltrue([for a in s.actions : a != "*" && !startswith(a, "iam:*") && !startswith(a, "sts:") && !startswith(a, "organizations:")])])
    error_message = "the apply policy has no wildcard action, no iam:* and no sts/organizations"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.apply : one(s.condition) if s.sid == "PlatformServicesInEnvironmentRegions"]) == jsonencode([{
      test = "StringEquals", values = ["us-east-1", "us-west-2"], variable = "aws:RequestedRegion"
    }])
    error_message = "service actions are limited to the environment's regions"
  }

  assert {
    condition = alltrue(flatten([for s in output.policy_statements.apply : [
      for r in s.resources : r == "*" || startswith(r, "arn:aws:iam::111111111111:role/ecom-prod-") || startswith(r, "arn:aws:iam::111111111111:policy/ecom-prod-") || startswith(r, "arn:aws:iam::111111111111:instance-profile/ecom-prod-") || startswith(r, "arn:aws:iam::111111111111:role/aws-service-role/") || r == "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
    ] if s.effect == "Allow" && anytrue([for a in s.actions : startswith(a, "iam:") && !startswith(a, "iam:Get") && !startswith(a, "iam:List") && a != "iam:UpdateAccountPasswordPolicy" && a != "iam:DeleteAccountPasswordPolicy"])]))
    error_message = "IAM writes are limited to the environment's <prefix>-* roles, policies and profiles"
  }

  assert {
    condition     = aws_iam_role.apply.permissions_boundary == aws_iam_policy.boundary.arn
    error_message = "the apply role is bounded"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.apply : sort(s.resources) if s.sid == "DenyPipelineSelfChange" && s.effect == "Deny"]) == jsonencode([sort([
      "arn:aws:iam::111111111111:role/ecom-prod-github-plan", "arn:aws:iam::111111111111:role/ecom-prod-github-apply",
      "arn:aws:iam::111111111111:policy/ecom-prod-github-boundary", "arn:aws:iam::111111111111:policy/ecom-prod-github-apply",
    ])])
    error_message = "the apply role cannot change its boundary, its policy or the pipeline roles"
  }

  assert {
    condition     = alltrue([for s in output.policy_statements.apply : !contains(coalesce(try(one(s.condition).values, null), []), "arn:aws:iam::aws:policy/AdministratorAccess") if s.sid == "AttachOnlyEnvironmentAndServicePolicies"])
    error_message = "AdministratorAccess can never be attached"
  }

  assert {
    condition = jsonencode({ for s in output.policy_statements.plan : s.sid => sort(s.resources) if s.sid != "UseStateKey" }) == jsonencode({
      ListStateBuckets = ["arn:aws:s3:::ecom-prod-us-east-1-tfstate-333333333333", "arn:aws:s3:::ecom-prod-us-west-2-tfstate-333333333333"]
      ReadState        = ["arn:aws:s3:::ecom-prod-us-east-1-tfstate-333333333333/*", "arn:aws:s3:::ecom-prod-us-west-2-tfstate-333333333333/*"]
      HoldStateLocks   = ["arn:aws:s3:::ecom-prod-us-east-1-tfstate-333333333333/*.tflock", "arn:aws:s3:::ecom-prod-us-west-2-tfstate-333333333333/*.tflock"]
    })
    error_message = "plan reads the state buckets and writes only lock objects"
  }

  assert {
    condition     = alltrue([for s in output.policy_statements.plan : alltrue([for a in s.actions : !contains(["s3:PutObject", "s3:DeleteObject"], a)]) if s.sid != "HoldStateLocks"])
    error_message = "plan writes nothing but locks"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.plan : one(s.condition) if s.sid == "UseStateKey"]) == jsonencode([{
      test = "ForAnyValue:StringEquals", values = ["alias/ecom-prod-tfstate"], variable = "kms:ResourceAliases"
    }])
    error_message = "plan uses only the state key (by alias)"
  }

  assert {
    condition     = keys(aws_iam_role_policy_attachment.plan_managed) == ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    error_message = "plan describes resources with ReadOnlyAccess"
  }
}

run "existing_provider_and_key_arns" {
  command = plan

  variables {
    create_provider = false
    provider_arn    = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
    state = {
      buckets      = { "us-east-1" = "ecom-prod-us-east-1-tfstate-333333333333" }
      kms_alias    = "alias/ecom-prod-tfstate"
      kms_key_arns = ["arn:aws:kms:us-east-1:111111111111:key/abc"]
    }
  }

  assert {
    condition     = length(aws_iam_openid_connect_provider.this) == 0 && output.provider_arn == "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
    error_message = "an existing provider is used as given"
  }

  assert {
    condition     = jsonencode([for s in output.policy_statements.plan : [s.resources, length(s.condition)] if s.sid == "UseStateKey"]) == jsonencode([[["arn:aws:kms:us-east-1:111111111111:key/abc"], 0]])
    error_message = "given key ARNs replace the alias condition"
  }
}
