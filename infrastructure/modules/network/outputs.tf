output "vpc_id" {
  description = "Id of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_arn" {
  description = "ARN of the VPC."
  value       = aws_vpc.this.arn
}

output "vpc_cidr" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "azs" {
  description = "Availability zones used, in order; every per-AZ list below follows this order."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "Ids of the public subnets, ordered by AZ."
  value       = [for az in local.azs : aws_subnet.public[az].id]
}

output "public_subnet_cidrs" {
  description = "CIDRs of the public subnets, ordered by AZ."
  value       = [for az in local.azs : aws_subnet.public[az].cidr_block]
}

output "private_subnet_ids" {
  description = "Ids of the private subnets (workloads, EKS nodes and pods), ordered by AZ."
  value       = [for az in local.azs : aws_subnet.private[az].id]
}

output "private_subnet_cidrs" {
  description = "CIDRs of the private subnets, ordered by AZ."
  value       = [for az in local.azs : aws_subnet.private[az].cidr_block]
}

output "data_subnet_ids" {
  description = "Ids of the data subnets (DB and cache subnet groups), ordered by AZ."
  value       = [for az in local.azs : aws_subnet.data[az].id]
}

output "data_subnet_cidrs" {
  description = "CIDRs of the data subnets, ordered by AZ."
  value       = [for az in local.azs : aws_subnet.data[az].cidr_block]
}

output "public_route_table_id" {
  description = "Id of the public route table."
  value       = aws_route_table.public.id
}

output "private_route_table_ids" {
  description = "Ids of the private route tables, one per AZ, ordered by AZ."
  value       = [for az in local.azs : aws_route_table.private[az].id]
}

output "data_route_table_id" {
  description = "Id of the data route table (no internet route)."
  value       = aws_route_table.data.id
}

output "internet_gateway_id" {
  description = "Id of the internet gateway."
  value       = aws_internet_gateway.this.id
}

output "nat_gateway_ids" {
  description = "Ids of the NAT gateways, ordered by AZ (3 with per_az, 1 with single, none with none)."
  value       = [for az in local.azs : aws_nat_gateway.this[az].id if contains(keys(aws_nat_gateway.this), az)]
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways (the VPC's egress addresses, e.g. for partners' allow lists), ordered by AZ."
  value       = [for az in local.azs : aws_eip.nat[az].public_ip if contains(keys(aws_eip.nat), az)]
}

output "gateway_endpoint_ids" {
  description = "Ids of the gateway endpoints, by service (s3, dynamodb)."
  value       = { for k, e in aws_vpc_endpoint.gateway : k => e.id }
}

output "interface_endpoint_ids" {
  description = "Ids of the interface endpoints, by service short name."
  value       = { for k, e in aws_vpc_endpoint.interface : k => e.id }
}

output "endpoints_security_group_id" {
  description = "Id of the interface endpoints' security group (null without interface endpoints)."
  value       = try(aws_security_group.endpoints[0].id, null)
}

output "network_acl_ids" {
  description = "Ids of the network ACLs, by tier."
  value = {
    public  = aws_network_acl.open["public"].id
    private = aws_network_acl.open["private"].id
    data    = aws_network_acl.data.id
  }
}

output "flow_log_id" {
  description = "Id of the VPC flow log."
  value       = aws_flow_log.this.id
}

output "flow_log_group_name" {
  description = "Name of the CloudWatch log group receiving the flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}

output "flow_log_group_arn" {
  description = "ARN of the CloudWatch log group receiving the flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.arn
}

output "workload_security_group_id" {
  description = "Security group every workload node carries; data stores and Kafka admit their clients from it."
  value       = aws_security_group.workload.id
}
