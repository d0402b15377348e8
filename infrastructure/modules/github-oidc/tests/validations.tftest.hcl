mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name_prefix        = "ecom-dev"
  repository         = "acme-shop/ecommerce-platform"
  deploy_environment = "dev"
  regions            = ["us-east-1"]
  state = {
    buckets   = { "us-east-1" = "ecom-dev-us-east-1-tfstate-111111111111" }
    kms_alias = "alias/ecom-dev-tfstate"
  }
}

run "provider_arn_required" {
  command = plan

  variables {
    create_provider = false
  }

  expect_failures = [var.provider_arn]
}

run "wildcard_repository" {
  command = plan

  variables {
    repository = "acme-shop/*"
  }

  expect_failures = [var.repository]
}

run "wildcard_environment" {
  command = plan

  variables {
    deploy_environment = "*"
  }

  expect_failures = [var.deploy_environment]
}

run "bad_thumbprint" {
  command = plan

  variables {
    thumbprints = ["not-a-thumbprint"]
  }

  expect_failures = [var.thumbprints]
}

run "iam_is_not_a_plain_service" {
  command = plan

  variables {
    apply_services = ["ec2", "iam"]
  }

  expect_failures = [var.apply_services]
}

run "session_too_long" {
  command = plan

  variables {
    max_session_duration = 86400
  }

  expect_failures = [var.max_session_duration]
}

run "no_regions" {
  command = plan

  variables {
    regions = []
  }

  expect_failures = [var.regions]
}
