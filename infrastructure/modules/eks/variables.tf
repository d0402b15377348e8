variable "name" {
  description = "Name of the EKS cluster, e.g. `ecom-dev-us-east-1`. Prefixes its IAM roles, security groups, launch templates and log groups, so it must be unique in the account and region."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{1,38}$", var.name))
    error_message = "name must start with a letter and hold 2-39 letters, digits or hyphens (it prefixes IAM role names, limited to 64 characters)."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the node groups, e.g. \"1.32\" (the environment's `eks.kubernetes_version`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must be a Kubernetes minor version such as \"1.32\"."
  }
}

variable "production" {
  description = "True for a production environment: the preconditions then require a private-only API endpoint, subnets in at least 3 AZs and at least 2 on-demand system nodes."
  type        = bool
  default     = false
  nullable    = false
}

variable "vpc_id" {
  description = "VPC of the cluster (the network stack's `vpc_id`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must be a VPC id (vpc-...)."
  }
}

variable "subnet_ids" {
  description = "Private subnets, one per AZ (the network stack's `private_subnet_ids`): control plane network interfaces, nodes and pods."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))])
    error_message = "subnet_ids must hold at least two subnet ids (subnet-...) in different AZs: EKS requires two."
  }
}

variable "endpoint" {
  description = "Kubernetes API endpoint. The private endpoint is always on; `public_access` adds the public one, reachable only from `public_access_cidrs` (never 0.0.0.0/0)."
  type = object({
    public_access       = optional(bool, false)
    public_access_cidrs = optional(list(string), [])
  })
  default  = {}
  nullable = false

  validation {
    condition = alltrue([for c in var.endpoint.public_access_cidrs : can(cidrnetmask(c)) && !startswith(c, "0.0.0.0/")]) && (
      !var.endpoint.public_access || length(var.endpoint.public_access_cidrs) > 0
    )
    error_message = "endpoint.public_access_cidrs must be IPv4 CIDRs other than 0.0.0.0/0, and a public endpoint needs at least one."
  }
}

variable "secrets_kms_key_arn" {
  description = "KMS key that envelope-encrypts the Kubernetes secrets (the security stack's `secrets_kms_key_arn`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.secrets_kms_key_arn))
    error_message = "secrets_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "logs_kms_key_arn" {
  description = "KMS key of the control plane and container log groups (the security stack's `logs_kms_key_arn`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.logs_kms_key_arn))
    error_message = "logs_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "log_retention_days" {
  description = "Retention of the control plane log group and of the container log group the log shipper writes to."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ... 3653)."
  }
}

variable "cluster_log_types" {
  description = "Control plane log types sent to CloudWatch Logs."
  type        = list(string)
  default     = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  nullable    = false

  validation {
    condition     = length(var.cluster_log_types) > 0 && alltrue([for t in var.cluster_log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], t)])
    error_message = "cluster_log_types must be a non-empty subset of api, audit, authenticator, controllerManager, scheduler."
  }
}

variable "node_groups" {
  description = <<-EOT
    Managed node groups, by name. A group named `system` (on-demand, for the
    cluster's own controllers) is required. `architecture` arm64 means Graviton
    instance types; `capacity_type` ON_DEMAND or SPOT; sizes as min/max/desired;
    `scale_down_outside_hours` puts the group under `scale_down_schedule`.
  EOT
  type = map(object({
    instance_types             = list(string)
    capacity_type              = optional(string, "ON_DEMAND")
    architecture               = optional(string, "x86_64")
    min_size                   = number
    max_size                   = number
    desired_size               = number
    disk_size_gib              = optional(number, 50)
    max_unavailable_percentage = optional(number, 33)
    labels                     = optional(map(string), {})
    taints = optional(list(object({
      key    = string
      value  = optional(string)
      effect = string
    })), [])
    scale_down_outside_hours = optional(bool, false)
  }))
  nullable = false

  validation {
    condition     = try(var.node_groups["system"].capacity_type == "ON_DEMAND", false)
    error_message = "node_groups must hold a `system` group with capacity_type ON_DEMAND (the cluster's controllers must not run on spot capacity only)."
  }

  validation {
    condition     = alltrue([for k, g in var.node_groups : can(regex("^[a-z][a-z0-9-]{0,30}$", k))])
    error_message = "node group names must be 1-31 lowercase letters, digits or hyphens, starting with a letter."
  }

  validation {
    condition     = alltrue([for g in values(var.node_groups) : contains(["ON_DEMAND", "SPOT"], g.capacity_type) && contains(["x86_64", "arm64"], g.architecture)])
    error_message = "each node group's capacity_type must be ON_DEMAND or SPOT and its architecture x86_64 or arm64."
  }

  validation {
    condition     = alltrue([for g in values(var.node_groups) : length(g.instance_types) > 0 && (g.capacity_type == "SPOT" ? length(g.instance_types) >= 2 : true)])
    error_message = "each node group needs instance types, and a SPOT group at least two (spot capacity is drawn from several pools)."
  }

  validation {
    condition     = alltrue([for g in values(var.node_groups) : g.min_size >= 0 && g.max_size >= 1 && g.min_size <= g.desired_size && g.desired_size <= g.max_size && floor(g.min_size) == g.min_size && floor(g.max_size) == g.max_size && floor(g.desired_size) == g.desired_size])
    error_message = "each node group needs whole sizes with 0 <= min_size <= desired_size <= max_size and max_size >= 1."
  }

  validation {
    condition     = alltrue([for g in values(var.node_groups) : g.disk_size_gib >= 20 && g.disk_size_gib <= 16384 && g.max_unavailable_percentage >= 1 && g.max_unavailable_percentage <= 100])
    error_message = "each node group's disk_size_gib must be 20-16384 and max_unavailable_percentage 1-100."
  }

  validation {
    condition     = alltrue(flatten([for g in values(var.node_groups) : [for t in g.taints : contains(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], t.effect)]]))
    error_message = "taint effects must be NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE."
  }
}

variable "node_security_group_ids" {
  description = "Security groups every node carries besides the node group's own, e.g. the network stack's `workload_security_group_id` (the identity the data stores admit)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for s in var.node_security_group_ids : can(regex("^sg-[0-9a-f]+$", s))])
    error_message = "node_security_group_ids must be security group ids (sg-...)."
  }
}

variable "node_volume_kms_key_arn" {
  description = "KMS key of the nodes' root volumes; null uses the account's EBS default key (aws/ebs). A customer key must grant the AWSServiceRoleForAutoScaling service-linked role (see README)."
  type        = string
  default     = null

  validation {
    condition     = var.node_volume_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.node_volume_kms_key_arn))
    error_message = "node_volume_kms_key_arn must be null or a KMS key ARN."
  }
}

variable "webhook_ports" {
  description = "Ports the control plane may reach on the nodes: kubelet (10250) and the admission webhooks / aggregated APIs of the platform's controllers (metrics-server 10251/4443, Load Balancer Controller 9443, VPA 8000, cert-manager 10250, Envoy Gateway 9443/8443)."
  type        = list(number)
  default     = [443, 4443, 8000, 8443, 9443, 10250, 10251]
  nullable    = false

  validation {
    condition     = length(var.webhook_ports) > 0 && alltrue([for p in var.webhook_ports : p >= 1 && p <= 65535 && floor(p) == p])
    error_message = "webhook_ports must be a non-empty list of TCP ports (1-65535)."
  }
}

variable "scale_down_schedule" {
  description = "Outside working hours, node groups with `scale_down_outside_hours` are scaled to zero at `down_recurrence` and back to their data sizes at `up_recurrence` (cron, in `time_zone`). null: no schedule."
  type = object({
    down_recurrence = string
    up_recurrence   = string
    time_zone       = optional(string, "Etc/UTC")
  })
  default = null

  validation {
    condition     = var.scale_down_schedule == null || alltrue([for r in [try(var.scale_down_schedule.down_recurrence, ""), try(var.scale_down_schedule.up_recurrence, "")] : length(split(" ", r)) == 5])
    error_message = "scale_down_schedule recurrences must be five-field cron expressions, e.g. \"0 20 * * MON-FRI\"."
  }
}

variable "addons" {
  description = "EKS add-ons by name, each with an optional version (null: the default version for the cluster's Kubernetes version) and configuration values (JSON). They are created after the node groups."
  type = map(object({
    version              = optional(string)
    configuration_values = optional(string)
  }))
  default = {
    "vpc-cni"                = {}
    "coredns"                = {}
    "kube-proxy"             = {}
    "aws-ebs-csi-driver"     = {}
    "eks-pod-identity-agent" = {}
  }
  nullable = false

  validation {
    condition     = length(setsubtract(["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "eks-pod-identity-agent"], keys(var.addons))) == 0
    error_message = "addons must include vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver and eks-pod-identity-agent (Pod Identity and the EBS volumes depend on them)."
  }

  validation {
    condition     = alltrue([for a in values(var.addons) : a.configuration_values == null || can(jsondecode(a.configuration_values))])
    error_message = "addons' configuration_values must be JSON."
  }
}

variable "access" {
  description = "Who may assume the cluster's admin and read-only roles (IAM principal ARNs). Empty: principals of the account tagged `ecom:eks-access` = `admin` or `read-only` (IAM or session tag) whose IAM policies allow sts:AssumeRole on the role."
  type = object({
    admin_principal_arns     = optional(list(string), [])
    read_only_principal_arns = optional(list(string), [])
  })
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for p in concat(var.access.admin_principal_arns, var.access.read_only_principal_arns) : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+)$", p))])
    error_message = "access principal ARNs must be IAM root, role or user ARNs."
  }
}

variable "controllers" {
  description = "Scopes of the controllers' Pod Identity roles: the Route 53 hosted zones external-dns may change and the Amazon Managed Prometheus workspaces the collector may write to (empty: any workspace of this account and region)."
  type = object({
    external_dns_hosted_zone_arns = optional(list(string), ["arn:aws:route53:::hostedzone/*"])
    prometheus_workspace_arns     = optional(list(string), [])
  })
  default  = {}
  nullable = false

  validation {
    condition     = length(var.controllers.external_dns_hosted_zone_arns) > 0 && alltrue([for z in var.controllers.external_dns_hosted_zone_arns : can(regex("^arn:aws[a-z-]*:route53:::hostedzone/.+$", z))])
    error_message = "controllers.external_dns_hosted_zone_arns must be Route 53 hosted zone ARNs (arn:aws:route53:::hostedzone/<id>)."
  }
}

variable "gitops_labels" {
  description = "Labels of the Argo CD cluster secret the GitOps bridge output describes (e.g. environment and region); the ApplicationSets select clusters by them."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "tags" {
  description = "Tags added to every resource (the stacks set the common tags through the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
