# Runs the fixtures of policy/tests/resilience/data.json (passing and failing plan snippets).
package resilience_test

import data.resilience
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.resilience.cases
	deny := resilience.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.resilience.cases) > 0
	bad := fixtures.mismatches(data.tests.resilience.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.resilience.cases; some id in c.expect}
	every id, _ in resilience.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.resilience.cases
	count(c.expect) == 0
}
