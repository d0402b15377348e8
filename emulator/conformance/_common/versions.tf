# Shared by every conformance group (each group's versions.tf links here):
# the provider block is the same for all of them.
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
  description = "AWS region to create the resources in."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name prefix of every resource."
  type        = string
  default     = "conformance"
}

# Plain provider: endpoint and credentials come from the environment
# (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ...), as for every stack.
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = "emulator-conformance"
    }
  }
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}
