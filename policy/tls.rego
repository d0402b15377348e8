# Modern TLS policies on every endpoint we terminate.
package tls

import data.lib.tfplan
import rego.v1

rules := {
	"TLS_LB_POLICY": "HTTPS/TLS listeners use a TLS 1.2+ policy (TLS 1.3 capable)",
	"TLS_LB_HTTP": "Plain HTTP listeners only redirect to HTTPS",
	"TLS_CDN": "CloudFront requires HTTPS from viewers with TLS 1.2 (2021 policy)",
	"TLS_SEARCH": "OpenSearch endpoints require TLS 1.2",
	"TLS_APIGW": "API Gateway custom domains require TLS 1.2",
}

lb_policies := {
	"ELBSecurityPolicy-TLS13-1-2-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
	"ELBSecurityPolicy-TLS13-1-3-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
	"ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
}

deny contains v if {
	some r in tfplan.resources("aws_lb_listener")
	r.after.protocol in {"HTTPS", "TLS"}
	not r.after.ssl_policy in lb_policies
	v := tfplan.violation("TLS_LB_POLICY", r, sprintf("ssl_policy %v is not one of the TLS 1.3-capable policies", [r.after.ssl_policy]))
}

deny contains v if {
	some r in tfplan.resources("aws_lb_listener")
	r.after.protocol == "HTTP"
	not redirects_to_https(r)
	v := tfplan.violation("TLS_LB_HTTP", r, "HTTP listener does not redirect to HTTPS")
}

redirects_to_https(r) if {
	some a in r.after.default_action
	a.type == "redirect"
	some rd in a.redirect
	rd.protocol == "HTTPS"
}

cdn_protocols := {"TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"}

deny contains v if {
	some r in tfplan.resources("aws_cloudfront_distribution")
	c := tfplan.block(r, "viewer_certificate")
	not c.cloudfront_default_certificate == true
	not c.minimum_protocol_version in cdn_protocols
	v := tfplan.violation("TLS_CDN", r, sprintf("minimum_protocol_version %v", [c.minimum_protocol_version]))
}

deny contains v if {
	some r in tfplan.resources("aws_cloudfront_distribution")
	tfplan.block(r, "default_cache_behavior").viewer_protocol_policy == "allow-all"
	v := tfplan.violation("TLS_CDN", r, "default_cache_behavior allows plain HTTP")
}

search_policies := {"Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"}

deny contains v if {
	some r in tfplan.resources("aws_opensearch_domain")
	not tfplan.block(r, "domain_endpoint_options").tls_security_policy in search_policies
	v := tfplan.violation("TLS_SEARCH", r, "domain_endpoint_options.tls_security_policy is not a TLS 1.2 policy")
}

deny contains v if {
	some r in tfplan.resources("aws_api_gateway_domain_name")
	not r.after.security_policy == "TLS_1_2"
	v := tfplan.violation("TLS_APIGW", r, "security_policy is not TLS_1_2")
}

deny contains v if {
	some r in tfplan.resources("aws_apigatewayv2_domain_name")
	not tfplan.block(r, "domain_name_configuration").security_policy == "TLS_1_2"
	v := tfplan.violation("TLS_APIGW", r, "security_policy is not TLS_1_2")
}
