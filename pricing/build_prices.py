#!/usr/bin/env python3
"""Writes pricing/prices.json from the transcription below (one place to edit).

Every number is an AWS on-demand list price in USD for us-east-1 and us-west-2
(identical in both regions for every entry here), transcribed on DATE from the
pages named in each entry. This machine has no access to the AWS Price List API;
re-verify before quoting with, for example:
  aws pricing get-products --region us-east-1 --service-code AmazonEC2 \
    --filters Type=TERM_MATCH,Field=instanceType,Value=m7g.large \
              Type=TERM_MATCH,Field=location,Value="US East (N. Virginia)" \
              Type=TERM_MATCH,Field=operatingSystem,Value=Linux \
              Type=TERM_MATCH,Field=tenancy,Value=Shared Type=TERM_MATCH,Field=preInstalledSw,Value=NA \
              Type=TERM_MATCH,Field=capacitystatus,Value=Used
Run: python3 pricing/build_prices.py  (then `cargo test -p infra-cost`).
"""
import json, os

DATE = "2026-11-27"
REGIONS = ["us-east-1", "us-west-2"]
EC2 = "https://aws.amazon.com/ec2/pricing/on-demand/"
VPC = "https://aws.amazon.com/vpc/pricing/"
PRIVATELINK = "https://aws.amazon.com/privatelink/pricing/"
EKS = "https://aws.amazon.com/eks/pricing/"
RDS = "https://aws.amazon.com/rds/postgresql/pricing/"
AURORA = "https://aws.amazon.com/rds/aurora/pricing/"
CACHE = "https://aws.amazon.com/elasticache/pricing/"
MSK = "https://aws.amazon.com/msk/pricing/"
SEARCH = "https://aws.amazon.com/opensearch-service/pricing/"
EBS = "https://aws.amazon.com/ebs/pricing/"
KMS = "https://aws.amazon.com/kms/pricing/"
SM = "https://aws.amazon.com/secrets-manager/pricing/"
CW = "https://aws.amazon.com/cloudwatch/pricing/"
R53 = "https://aws.amazon.com/route53/pricing/"
ELB = "https://aws.amazon.com/elasticloadbalancing/pricing/"
WAF = "https://aws.amazon.com/waf/pricing/"
TGW = "https://aws.amazon.com/transit-gateway/pricing/"
BUDGETS = "https://aws.amazon.com/aws-cost-management/aws-budgets/pricing/"
CE = "https://aws.amazon.com/aws-cost-management/aws-cost-anomaly-detection/pricing/"
FREE = "no charge for the resource itself (AWS pricing page of the service)"

def both(x):
    return {r: x for r in REGIONS}

def table(unit, source, prices):
    return {"unit": unit, "source": source, "date": DATE, "prices": {k: both(v) for k, v in prices.items()}}

tables = {
    "ec2": table("instance-hour, Linux, shared tenancy", EC2, {
        "t3.micro": 0.0104, "t3.small": 0.0208, "t3.medium": 0.0416, "t3.large": 0.0832, "t3.xlarge": 0.1664,
        "t4g.micro": 0.0084, "t4g.small": 0.0168, "t4g.medium": 0.0336, "t4g.large": 0.0672, "t4g.xlarge": 0.1344,
        "m6i.large": 0.096, "m6i.xlarge": 0.192, "m6i.2xlarge": 0.384, "m6i.4xlarge": 0.768,
        "m7i.large": 0.1008, "m7i.xlarge": 0.2016, "m7i.2xlarge": 0.4032, "m7i.4xlarge": 0.8064,
        "m6g.large": 0.077, "m6g.xlarge": 0.154, "m6g.2xlarge": 0.308, "m6g.4xlarge": 0.616,
        "m7g.large": 0.0816, "m7g.xlarge": 0.1632, "m7g.2xlarge": 0.3264, "m7g.4xlarge": 0.6528,
        "c7g.large": 0.0725, "c7g.xlarge": 0.145, "c7g.2xlarge": 0.29,
        "c7i.large": 0.08925, "c7i.xlarge": 0.1785, "c7i.2xlarge": 0.357,
        "r7g.large": 0.1071, "r7g.xlarge": 0.2142, "r7g.2xlarge": 0.4284,
        "r7i.large": 0.1323, "r7i.xlarge": 0.2646, "r7i.2xlarge": 0.5292,
    }),
    "ebs": table("GB-month", EBS, {"gp3": 0.08, "gp2": 0.10, "io1": 0.125, "io2": 0.125, "st1": 0.045, "sc1": 0.015}),
    "rds": table("instance-hour, PostgreSQL, single-AZ (multi-AZ is twice)", RDS, {
        "db.t4g.micro": 0.016, "db.t4g.small": 0.032, "db.t4g.medium": 0.065, "db.t4g.large": 0.129,
        "db.t3.micro": 0.018, "db.t3.small": 0.036, "db.t3.medium": 0.072, "db.t3.large": 0.145,
        "db.m7g.large": 0.168, "db.m7g.xlarge": 0.337, "db.m7g.2xlarge": 0.674,
        "db.m6i.large": 0.178, "db.m6i.xlarge": 0.356, "db.m6i.2xlarge": 0.712,
        "db.r7g.large": 0.239, "db.r7g.xlarge": 0.478, "db.r7g.2xlarge": 0.956,
        "db.r6i.large": 0.25, "db.r6i.xlarge": 0.50, "db.r6i.2xlarge": 1.00,
    }),
    "rds_storage": table("GB-month, single-AZ (multi-AZ is twice)", RDS, {"gp3": 0.115, "gp2": 0.115, "io1": 0.125, "standard": 0.10}),
    "aurora": table("instance-hour, Aurora PostgreSQL (standard)", AURORA, {
        "db.t4g.medium": 0.073, "db.t3.medium": 0.082,
        "db.r7g.large": 0.276, "db.r7g.xlarge": 0.552, "db.r6i.large": 0.29, "db.r6i.xlarge": 0.58,
    }),
    "elasticache": table("node-hour, Redis OSS", CACHE, {
        "cache.t4g.micro": 0.016, "cache.t4g.small": 0.032, "cache.t4g.medium": 0.065,
        "cache.t3.micro": 0.017, "cache.t3.small": 0.034, "cache.t3.medium": 0.068,
        "cache.m7g.large": 0.158, "cache.m7g.xlarge": 0.315, "cache.m5.large": 0.156, "cache.m5.xlarge": 0.311,
        "cache.r7g.large": 0.219, "cache.r7g.xlarge": 0.437, "cache.r5.large": 0.216, "cache.r5.xlarge": 0.431,
    }),
    "msk": table("broker-hour", MSK, {
        "kafka.t3.small": 0.0456, "kafka.m5.large": 0.21, "kafka.m5.xlarge": 0.42,
        "kafka.m7g.large": 0.204, "kafka.m7g.xlarge": 0.408,
    }),
    "msk_storage": table("GB-month of broker storage", MSK, {"broker": 0.10}),
    "opensearch": table("instance-hour", SEARCH, {
        "t3.small.search": 0.036, "t3.medium.search": 0.073,
        "m6g.large.search": 0.128, "m7g.large.search": 0.136, "m5.large.search": 0.142, "m7i.large.search": 0.151,
        "r6g.large.search": 0.167, "r7g.large.search": 0.178, "r5.large.search": 0.186, "r7i.large.search": 0.196,
        "c6g.large.search": 0.113, "c5.large.search": 0.125,
    }),
    "opensearch_storage": table("GB-month of EBS", SEARCH, {"gp3": 0.122, "gp2": 0.135}),
}

# Sizes above large: AWS lists OpenSearch prices linearly in size within a family.
for fam in ["m6g", "m7g", "m5", "m7i", "r6g", "r7g", "r5", "r7i", "c6g", "c5"]:
    base = tables["opensearch"]["prices"][f"{fam}.large.search"]["us-east-1"]
    for size, mult in [("xlarge", 2), ("2xlarge", 4), ("4xlarge", 8)]:
        tables["opensearch"]["prices"][f"{fam}.{size}.search"] = both(round(base * mult, 4))

naive_instance = {}
for a, b in [("t4g", "t3"), ("m6g", "m6i"), ("m7g", "m7i"), ("c7g", "c7i"), ("r7g", "r7i")]:
    for size in ["micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge"]:
        if f"{a}.{size}" in tables["ec2"]["prices"]:
            naive_instance[f"{a}.{size}"] = f"{b}.{size}"
for a, b in [("db.t4g", "db.t3"), ("db.m7g", "db.m6i"), ("db.r7g", "db.r6i")]:
    for size in ["micro", "small", "medium", "large", "xlarge", "2xlarge"]:
        if f"{a}.{size}" in tables["rds"]["prices"] or f"{a}.{size}" in tables["aurora"]["prices"]:
            naive_instance[f"{a}.{size}"] = f"{b}.{size}"
for a, b in [("cache.t4g", "cache.t3"), ("cache.m7g", "cache.m5"), ("cache.r7g", "cache.r5")]:
    for size in ["micro", "small", "medium", "large", "xlarge"]:
        if f"{a}.{size}" in tables["elasticache"]["prices"]:
            naive_instance[f"{a}.{size}"] = f"{b}.{size}"
naive_instance.update({"kafka.m7g.large": "kafka.m5.large", "kafka.m7g.xlarge": "kafka.m5.xlarge"})
for a, b in [("m6g", "m5"), ("m7g", "m7i"), ("r6g", "r5"), ("r7g", "r7i"), ("c6g", "c5")]:
    for size in ["large", "xlarge", "2xlarge", "4xlarge"]:
        naive_instance[f"{a}.{size}.search"] = f"{b}.{size}.search"

def res(model, source, **kw):
    d = {"model": model, "source": source, "date": DATE}
    d.update(kw)
    return d

resources = {
    # networking
    "aws_nat_gateway": res("hourly", VPC, price=both(0.045), unit="NAT gateway-hour", note="data processing ($0.045/GB) is usage, not estimated"),
    "aws_eip": res("hourly", VPC, price=both(0.005), unit="public IPv4 address-hour"),
    "aws_vpc_endpoint": res("vpc_endpoint", PRIVATELINK, price=both(0.01), unit="interface endpoint ENI-hour (per AZ); gateway endpoints free"),
    "aws_ec2_transit_gateway_vpc_attachment": res("hourly", TGW, price=both(0.05), unit="attachment-hour"),
    "aws_lb": res("hourly", ELB, price=both(0.0225), unit="load balancer-hour", note="LCU/NLCU usage not estimated"),
    "aws_flow_log": res("usage", CW, note="vended log ingestion per GB"),
    # compute
    "aws_eks_cluster": res("hourly", EKS, price=both(0.10), unit="cluster-hour (standard support)"),
    "aws_eks_node_group": res("eks_node_group", EC2, table="ec2", storage="ebs"),
    "aws_instance": res("instance", EC2, table="ec2", storage="ebs"),
    "aws_ebs_volume": res("ebs_volume", EBS, storage="ebs"),
    "aws_eks_fargate_profile": res("usage", EKS, note="vCPU and GB-hours of pods"),
    # data
    "aws_db_instance": res("db_instance", RDS, table="rds", storage="rds_storage"),
    "aws_rds_cluster": res("usage", AURORA, note="Aurora storage and I/O per GB"),
    "aws_rds_cluster_instance": res("rds_cluster_instance", AURORA, table="aurora"),
    "aws_elasticache_replication_group": res("cache_replication_group", CACHE, table="elasticache"),
    "aws_elasticache_cluster": res("cache_cluster", CACHE, table="elasticache"),
    "aws_msk_cluster": res("msk_cluster", MSK, table="msk", storage="msk_storage"),
    "aws_msk_replicator": res("hourly", MSK, price=both(0.30), unit="replicator-hour", note="data replicated ($0.08/GB) is usage, not estimated"),
    "aws_opensearch_domain": res("opensearch_domain", SEARCH, table="opensearch", storage="opensearch_storage"),
    "aws_s3_bucket": res("usage", "https://aws.amazon.com/s3/pricing/", note="GB stored and requests"),
    "aws_dynamodb_table": res("usage", "https://aws.amazon.com/dynamodb/pricing/", note="on-demand requests and GB stored"),
    "aws_db_proxy": res("usage", "https://aws.amazon.com/rds/proxy/pricing/", note="$0.015 per vCPU-hour of the target database instances"),
    "aws_backup_vault": res("usage", "https://aws.amazon.com/backup/pricing/", note="backup GB-month"),
    # security
    "aws_kms_key": res("monthly", KMS, price=both(1.0), unit="key-month", note="requests beyond the free tier are usage"),
    "aws_secretsmanager_secret": res("monthly", SM, price=both(0.40), unit="secret-month"),
    "aws_guardduty_detector": res("usage", "https://aws.amazon.com/guardduty/pricing/", note="events and GB analysed"),
    "aws_guardduty_detector_feature": res("usage", "https://aws.amazon.com/guardduty/pricing/", note="per protection plan usage"),
    "aws_config_configuration_recorder": res("usage", "https://aws.amazon.com/config/pricing/", note="configuration items recorded"),
    "aws_cloudtrail": res("usage", "https://aws.amazon.com/cloudtrail/pricing/", note="first management-event trail free; data events usage"),
    "aws_wafv2_web_acl": res("monthly", WAF, price=both(5.0), unit="web ACL-month", note="rules ($1/month each) and requests not estimated"),
    # observability and edge
    "aws_cloudwatch_log_group": res("usage", CW, note="GB ingested and stored"),
    "aws_cloudwatch_metric_alarm": res("monthly", CW, price=both(0.10), unit="standard-resolution alarm-month"),
    "aws_cloudwatch_dashboard": res("monthly", CW, price=both(3.0), unit="dashboard-month (beyond the 3 free)"),
    "aws_route53_zone": res("monthly", R53, price=both(0.50), unit="hosted zone-month"),
    "aws_route53_health_check": res("monthly", R53, price=both(0.50), unit="AWS-endpoint health check-month"),
    "aws_route53_record": res("usage", R53, note="queries"),
    "aws_sns_topic": res("usage", "https://aws.amazon.com/sns/pricing/", note="requests and deliveries"),
    "aws_sqs_queue": res("usage", "https://aws.amazon.com/sqs/pricing/", note="requests"),
    "aws_prometheus_workspace": res("usage", "https://aws.amazon.com/prometheus/pricing/", note="samples ingested and stored"),
    "aws_cloudfront_distribution": res("usage", "https://aws.amazon.com/cloudfront/pricing/", note="data transfer and requests"),
    "aws_ecr_repository": res("usage", "https://aws.amazon.com/ecr/pricing/", note="GB stored"),
    # cost management
    "aws_budgets_budget": res("free", BUDGETS, note="the first two action-free budgets are free; further ones $0.02/day (not counted)"),
    "aws_ce_anomaly_monitor": res("free", CE),
    "aws_ce_anomaly_subscription": res("free", CE),
    "aws_ce_cost_allocation_tag": res("free", "https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html"),
}

free_types = """
aws_vpc aws_subnet aws_route_table aws_route aws_route_table_association aws_internet_gateway aws_egress_only_internet_gateway
aws_network_acl aws_network_acl_rule aws_default_network_acl aws_default_security_group aws_default_route_table aws_security_group
aws_security_group_rule aws_vpc_security_group_ingress_rule aws_vpc_security_group_egress_rule aws_vpc_endpoint_route_table_association
aws_vpc_dhcp_options aws_vpc_dhcp_options_association aws_db_subnet_group aws_elasticache_subnet_group
aws_iam_role aws_iam_policy aws_iam_role_policy aws_iam_role_policy_attachment aws_iam_openid_connect_provider aws_iam_instance_profile
aws_iam_account_password_policy aws_iam_service_linked_role aws_accessanalyzer_analyzer aws_kms_alias aws_kms_key_policy
aws_s3_bucket_versioning aws_s3_bucket_server_side_encryption_configuration aws_s3_bucket_public_access_block aws_s3_bucket_policy
aws_s3_bucket_ownership_controls aws_s3_bucket_lifecycle_configuration aws_s3_bucket_logging aws_s3_bucket_notification
aws_config_delivery_channel aws_config_configuration_recorder_status aws_secretsmanager_secret_version aws_secretsmanager_secret_rotation
aws_launch_template aws_autoscaling_schedule aws_eks_addon aws_eks_access_entry aws_eks_access_policy_association
aws_eks_pod_identity_association aws_eks_identity_provider_config aws_db_parameter_group aws_rds_cluster_parameter_group
aws_rds_global_cluster aws_elasticache_parameter_group aws_elasticache_global_replication_group aws_elasticache_user aws_elasticache_user_group
aws_msk_configuration aws_msk_scram_secret_association aws_glue_registry aws_glue_schema aws_sns_topic_subscription aws_sns_topic_policy
aws_sqs_queue_policy aws_cloudwatch_log_resource_policy aws_cloudwatch_log_subscription_filter aws_cloudwatch_event_rule aws_cloudwatch_event_target
aws_acm_certificate aws_acm_certificate_validation aws_lb_target_group aws_lb_listener aws_lb_listener_rule aws_lb_target_group_attachment
aws_wafv2_web_acl_association aws_backup_plan aws_backup_selection aws_backup_vault_policy aws_resourcegroups_group
aws_ecr_lifecycle_policy aws_ecr_repository_policy aws_db_proxy_default_target_group aws_db_proxy_target
aws_network_interface aws_volume_attachment terraform_data aws_opensearch_domain_policy aws_appautoscaling_target aws_appautoscaling_policy
aws_budgets_budget_action aws_iam_group aws_iam_group_policy_attachment aws_iam_user_policy
""".split()
for t in free_types:
    resources.setdefault(t, res("free", FREE))

doc = {
    "currency": "USD",
    "source": "AWS public on-demand list prices (the service pricing pages named per entry; the same figures as the Price List API offer files https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<service>/current/<region>/index.json), transcribed without network access on this machine; re-verify with `aws pricing get-products` before quoting (see pricing/build_prices.py)",
    "retrieved": DATE,
    "regions": REGIONS,
    "spot_factor": 0.35,
    "spot_source": "EC2 Spot Instance Advisor (https://aws.amazon.com/ec2/spot/instance-advisor/): the m7g/c7g/r7g families in us-east-1 and us-west-2 show 60-70% average savings over on-demand; 0.35 of on-demand is used",
    "resources": dict(sorted(resources.items())),
    "tables": tables,
    "naive": {"instance": dict(sorted(naive_instance.items())), "storage": {"gp3": "gp2"}},
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prices.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
print(f"wrote {out}: {len(resources)} resource types, {sum(len(t['prices']) for t in tables.values())} table prices")
