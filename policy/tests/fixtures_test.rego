# Turns a fixture case (policy/tests/<package>/data.json) into a plan document.
package tests.fixtures

import rego.v1

plan(c) := {
	"format_version": "1.2",
	"variables": {"environment": {"value": object.get(c, "environment", "dev")}},
	"resource_changes": [rc |
		some r in c.resources
		rc := object.union(module_of(r), {
			"address": address(r),
			"mode": "managed",
			"type": r.type,
			"name": r.name,
			"change": {
				"actions": object.get(r, "actions", ["create"]),
				"after": r.after,
				"after_unknown": object.get(r, "unknown", {}),
			},
		})
	],
}

module_of(r) := {"module_address": r.module} if {
	r.module
} else := {}

address(r) := sprintf("%s.%s.%s", [r.module, r.type, r.name]) if {
	r.module
} else := sprintf("%s.%s", [r.type, r.name])

# The rule ids `deny` reports for each case, where they differ from `expect`.
mismatches(cases, results) := [sprintf("%s: got %v, want %v", [c.name, results[i], sort(c.expect)]) |
	some i, c in cases
	results[i] != sort(c.expect)
]
