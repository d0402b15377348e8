# Least-privilege IAM.
package iam

import data.lib.tfplan
import rego.v1

rules := {
	"IAM_WILDCARD": "No policy allows every action on every resource (Action * with Resource *)",
	"IAM_ADMIN_POLICY": "No role carries an administrator-level AWS managed policy",
	"IAM_OPEN_TRUST": "No role trusts any principal (Principal *) without a condition",
}

policy_attrs := {
	"aws_iam_policy": "policy",
	"aws_iam_role_policy": "policy",
	"aws_iam_user_policy": "policy",
	"aws_iam_group_policy": "policy",
}

admin_policies := {"AdministratorAccess", "PowerUserAccess", "IAMFullAccess"}

wildcard_action(a) if a in {"*", "*:*"}

deny contains v if {
	some type, attr in policy_attrs
	some r in tfplan.resources(type)
	is_string(r.after[attr])
	some s in tfplan.statements(json.unmarshal(r.after[attr]))
	s.Effect == "Allow"
	some a in tfplan.as_list(s.Action)
	wildcard_action(a)
	"*" in tfplan.as_list(s.Resource)
	v := tfplan.violation("IAM_WILDCARD", r, "a statement allows Action * on Resource *")
}

deny contains v if {
	some r in tfplan.resources("aws_iam_role")
	some p in object.get(r.after, "inline_policy", [])
	is_string(p.policy)
	p.policy != ""
	some s in tfplan.statements(json.unmarshal(p.policy))
	s.Effect == "Allow"
	some a in tfplan.as_list(s.Action)
	wildcard_action(a)
	"*" in tfplan.as_list(s.Resource)
	v := tfplan.violation("IAM_WILDCARD", r, sprintf("inline policy %s allows Action * on Resource *", [p.name]))
}

admin_arn(arn) if {
	some name in admin_policies
	endswith(arn, sprintf(":policy/%s", [name]))
}

deny contains v if {
	some type in ["aws_iam_role_policy_attachment", "aws_iam_policy_attachment"]
	some r in tfplan.resources(type)
	admin_arn(r.after.policy_arn)
	v := tfplan.violation("IAM_ADMIN_POLICY", r, sprintf("attaches %s", [r.after.policy_arn]))
}

deny contains v if {
	some r in tfplan.resources("aws_iam_role")
	some arn in object.get(r.after, "managed_policy_arns", [])
	admin_arn(arn)
	v := tfplan.violation("IAM_ADMIN_POLICY", r, sprintf("managed_policy_arns includes %s", [arn]))
}

deny contains v if {
	some r in tfplan.resources("aws_iam_role")
	is_string(r.after.assume_role_policy)
	some s in tfplan.statements(json.unmarshal(r.after.assume_role_policy))
	s.Effect == "Allow"
	open_principal(s.Principal)
	not s.Condition
	v := tfplan.violation("IAM_OPEN_TRUST", r, "trust policy allows Principal * without a condition")
}

open_principal(p) if p == "*"

open_principal(p) if "*" in tfplan.as_list(p.AWS)
