# Instances and node launch templates require IMDSv2.
package compute

import data.lib.tfplan
import rego.v1

rules := {"IMDS_V2": "Launch templates and instances require IMDSv2 (metadata_options.http_tokens = required)"}

deny contains v if {
	some type in ["aws_launch_template", "aws_instance"]
	some r in tfplan.resources(type)
	not imds_required(r)
	v := tfplan.violation("IMDS_V2", r, "metadata_options.http_tokens is not \"required\"")
}

imds_required(r) if tfplan.block(r, "metadata_options").http_tokens == "required"

# An instance launched from a launch template of its module takes the
# template's metadata options; before the first apply they are unknown.
imds_required(r) if {
	r.type == "aws_instance"
	tfplan.unknown(r, "metadata_options")
	count(object.get(r.after, "launch_template", [])) > 0
	some lt in tfplan.siblings(r, "aws_launch_template")
	tfplan.block(lt, "metadata_options").http_tokens == "required"
}
