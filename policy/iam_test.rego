# Runs the fixtures of policy/tests/iam/data.json (passing and failing plan snippets).
package iam_test

import data.iam
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.iam.cases
	deny := iam.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.iam.cases) > 0
	bad := fixtures.mismatches(data.tests.iam.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.iam.cases; some id in c.expect}
	every id, _ in iam.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.iam.cases
	count(c.expect) == 0
}
