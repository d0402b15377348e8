# Helpers over a `terraform show -json` plan document (the input of every policy).
package lib.tfplan

import rego.v1

# The resources as they will be after the plan: created, updated, replaced and
# unchanged ones; resources being deleted are left out.
resources(type) := [r |
	some rc in input.resource_changes
	rc.mode == "managed"
	rc.type == type
	not deleted(rc)
	r := {
		"address": rc.address,
		"type": rc.type,
		"module": object.get(rc, "module_address", ""),
		"after": object.get(rc.change, "after", {}),
		"unknown": object.get(rc.change, "after_unknown", {}),
	}
]

# Every managed resource that will exist after the plan.
all_resources := [r |
	some rc in input.resource_changes
	rc.mode == "managed"
	not deleted(rc)
	r := {
		"address": rc.address,
		"type": rc.type,
		"module": object.get(rc, "module_address", ""),
		"after": object.get(rc.change, "after", {}),
		"unknown": object.get(rc.change, "after_unknown", {}),
	}
]

deleted(rc) if rc.change.actions == ["delete"]

# The environment the stack is planned for (every stack has `var.environment`).
environment := input.variables.environment.value

production if environment == "prod"

# A value is unknown until apply (computed): policies give it the benefit of the doubt.
unknown(r, key) if r.unknown[key] == true

# The attribute, or a default when it is absent or null.
attr(r, key, default_value) := v if {
	v := r.after[key]
	v != null
} else := default_value

# The first element of a nested block (a list of one object in plan JSON), or {}.
block(r, key) := b if {
	b := r.after[key][0]
	b != null
} else := {}

# Resources of `type` in the same module instance as `r` (e.g. a bucket's
# encryption configuration, written by the same module).
siblings(r, type) := [s | some s in resources(type); s.module == r.module]

has_sibling(r, type) if count(siblings(r, type)) > 0

# A JSON policy document's statements, always a list.
statements(doc) := doc.Statement if {
	is_array(doc.Statement)
} else := [doc.Statement] if {
	is_object(doc.Statement)
} else := []

# A string or a list of strings, as a list.
as_list(x) := x if {
	is_array(x)
} else := [x] if {
	x != null
} else := []

# A string attribute that is set (non-empty) or will be known only after apply.
set_or_unknown(r, key) if unknown(r, key)

set_or_unknown(r, key) if {
	v := r.after[key]
	is_string(v)
	v != ""
}

violation(id, r, msg) := {"id": id, "resource": r.address, "msg": sprintf("%s: %s", [r.address, msg])}
