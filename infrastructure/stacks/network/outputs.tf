# Outputs later layers (data, EKS, edge) take through stacks.toml inputs.

output "vpc_id" {
  description = "Id of the VPC."
  value       = module.network.vpc_id
}

output "vpc_cidr" {
  description = "IPv4 CIDR of the VPC."
  value       = module.network.vpc_cidr
}

output "azs" {
  description = "Availability zones, in the order of every per-AZ list."
  value       = module.network.azs
}

output "public_subnet_ids" {
  description = "Public subnets (internet-facing load balancers), ordered by AZ."
  value       = module.network.public_subnet_ids
}

output "private_subnet_ids" {
  description = "Private subnets (workloads, EKS nodes and pods), ordered by AZ."
  value       = module.network.private_subnet_ids
}

output "data_subnet_ids" {
  description = "Data subnets (DB and cache subnet groups), ordered by AZ."
  value       = module.network.data_subnet_ids
}

output "private_subnet_cidrs" {
  description = "CIDRs of the private subnets (e.g. database security group sources), ordered by AZ."
  value       = module.network.private_subnet_cidrs
}

output "data_subnet_cidrs" {
  description = "CIDRs of the data subnets, ordered by AZ."
  value       = module.network.data_subnet_cidrs
}

output "public_route_table_id" {
  description = "Id of the public route table."
  value       = module.network.public_route_table_id
}

output "private_route_table_ids" {
  description = "Private route tables, one per AZ, ordered by AZ."
  value       = module.network.private_route_table_ids
}

output "data_route_table_id" {
  description = "Id of the data route table."
  value       = module.network.data_route_table_id
}

output "nat_gateway_ids" {
  description = "NAT gateways, ordered by AZ."
  value       = module.network.nat_gateway_ids
}

output "nat_public_ips" {
  description = "Egress IPs of the VPC (NAT gateways)."
  value       = module.network.nat_public_ips
}

output "endpoints_security_group_id" {
  description = "Security group of the interface endpoints."
  value       = module.network.endpoints_security_group_id
}

output "flow_log_group_name" {
  description = "CloudWatch log group of the VPC flow logs."
  value       = module.network.flow_log_group_name
}

output "workload_security_group_id" {
  description = "Security group every EKS node carries (the eks layer attaches it); data stores and Kafka admit clients from it on their own port."
  value       = module.network.workload_security_group_id
}
