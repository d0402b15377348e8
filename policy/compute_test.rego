# Runs the fixtures of policy/tests/compute/data.json (passing and failing plan snippets).
package compute_test

import data.compute
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.compute.cases
	deny := compute.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.compute.cases) > 0
	bad := fixtures.mismatches(data.tests.compute.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.compute.cases; some id in c.expect}
	every id, _ in compute.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.compute.cases
	count(c.expect) == 0
}
