# No data store, cluster endpoint or bucket reachable from the internet.
package public

import data.lib.tfplan
import rego.v1

rules := {
	"PUB_S3": "S3 buckets block all public access (all four public access block settings)",
	"PUB_DB": "RDS instances are not publicly accessible",
	"PUB_EKS": "EKS API endpoints are private, or public only to listed CIDRs (never 0.0.0.0/0)",
	"PUB_SEARCH": "OpenSearch domains live in a VPC",
	"PUB_MSK": "MSK brokers have no public access",
	"PUB_SG": "Security groups admit the internet (0.0.0.0/0, ::/0) only on 80 and 443",
}

block_settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains v if {
	some b in tfplan.resources("aws_s3_bucket")
	not fully_blocked(b)
	v := tfplan.violation("PUB_S3", b, "no public access block with all four settings true in the same module")
}

fully_blocked(b) if {
	some p in tfplan.siblings(b, "aws_s3_bucket_public_access_block")
	every k in block_settings {
		p.after[k] == true
	}
}

deny contains v if {
	some type in ["aws_db_instance", "aws_rds_cluster_instance"]
	some r in tfplan.resources(type)
	r.after.publicly_accessible == true
	v := tfplan.violation("PUB_DB", r, "publicly_accessible = true")
}

deny contains v if {
	some r in tfplan.resources("aws_eks_cluster")
	c := tfplan.block(r, "vpc_config")
	c.endpoint_public_access == true
	open_cidr(c)
	v := tfplan.violation("PUB_EKS", r, "public API endpoint open to 0.0.0.0/0 (set endpoint_public_access = false or public_access_cidrs)")
}

open_cidr(c) if "0.0.0.0/0" in object.get(c, "public_access_cidrs", ["0.0.0.0/0"])

open_cidr(c) if count(object.get(c, "public_access_cidrs", [])) == 0

deny contains v if {
	some r in tfplan.resources("aws_opensearch_domain")
	count(object.get(r.after, "vpc_options", [])) == 0
	v := tfplan.violation("PUB_SEARCH", r, "no vpc_options: the domain endpoint is public")
}

deny contains v if {
	some r in tfplan.resources("aws_msk_cluster")
	some g in r.after.broker_node_group_info
	some ci in g.connectivity_info
	some pa in ci.public_access
	pa.type != "DISABLED"
	v := tfplan.violation("PUB_MSK", r, sprintf("public_access.type = %s", [pa.type]))
}

internet := {"0.0.0.0/0", "::/0"}

web_only(from, to) if {
	from == to
	from in {80, 443}
}

deny contains v if {
	some r in tfplan.resources("aws_vpc_security_group_ingress_rule")
	some key in ["cidr_ipv4", "cidr_ipv6"]
	r.after[key] in internet
	not web_only(r.after.from_port, r.after.to_port)
	v := tfplan.violation("PUB_SG", r, sprintf("ingress from %s on ports %v-%v", [r.after[key], r.after.from_port, r.after.to_port]))
}

deny contains v if {
	some r in tfplan.resources("aws_security_group")
	some rule in object.get(r.after, "ingress", [])
	some cidr in array.concat(object.get(rule, "cidr_blocks", []), object.get(rule, "ipv6_cidr_blocks", []))
	cidr in internet
	not web_only(rule.from_port, rule.to_port)
	v := tfplan.violation("PUB_SG", r, sprintf("ingress from %s on ports %v-%v", [cidr, rule.from_port, rule.to_port]))
}

deny contains v if {
	some r in tfplan.resources("aws_security_group_rule")
	r.after.type == "ingress"
	some cidr in array.concat(object.get(r.after, "cidr_blocks", []), object.get(r.after, "ipv6_cidr_blocks", []))
	cidr in internet
	not web_only(r.after.from_port, r.after.to_port)
	v := tfplan.violation("PUB_SG", r, sprintf("ingress from %s on ports %v-%v", [cidr, r.after.from_port, r.after.to_port]))
}
