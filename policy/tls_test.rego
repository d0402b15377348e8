# Runs the fixtures of policy/tests/tls/data.json (passing and failing plan snippets).
package tls_test

import data.tls
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.tls.cases
	deny := tls.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.tls.cases) > 0
	bad := fixtures.mismatches(data.tests.tls.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.tls.cases; some id in c.expect}
	every id, _ in tls.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.tls.cases
	count(c.expect) == 0
}
