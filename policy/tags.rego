# Every taggable resource carries the common tags (provider default_tags).
package tags

import data.lib.tfplan
import rego.v1

rules := {"TAG_REQUIRED": "Taggable resources carry Project, Environment, Region, Stack, Owner, CostCenter and ManagedBy"}

required := ["Project", "Environment", "Region", "Stack", "Owner", "CostCenter", "ManagedBy"]

deny contains v if {
	some r in tfplan.all_resources
	is_object(r.after.tags_all)
	not tfplan.unknown(r, "tags_all")
	missing := [k | some k in required; not r.after.tags_all[k]]
	count(missing) > 0
	v := tfplan.violation("TAG_REQUIRED", r, sprintf("missing tags %v", [missing]))
}
