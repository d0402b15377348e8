terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Bootstrap creates the bucket every other stack keeps its state in, so its
  # own state is local: .infra/<target>/state/<env>-<region>-bootstrap.tfstate.
  backend "local" {}
}
