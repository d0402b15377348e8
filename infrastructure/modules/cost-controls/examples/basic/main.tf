# A budget with forecast alerts, anomaly detection and cost allocation tags,
# alerting to a KMS-encrypted topic. Applied on the emulator by the
# conformance run (scripts/lib/conformance).

terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "region" {
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

module "cost_controls" {
  source = "../.."

  name_prefix                 = "cost-example"
  budget                      = { monthly_limit_usd = 1200, anomaly_threshold_usd = 50 }
  alert_emails                = ["finops@example.com"]
  key_deletion_window_in_days = 7
}

output "budget_name" {
  description = "The example budget."
  value       = module.cost_controls.budget_name
}

output "topic_arn" {
  description = "The example alert topic."
  value       = module.cost_controls.topic_arn
}
