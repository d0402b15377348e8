# Runs the fixtures of policy/tests/logging/data.json (passing and failing plan snippets).
package logging_test

import data.logging
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.logging.cases
	deny := logging.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.logging.cases) > 0
	bad := fixtures.mismatches(data.tests.logging.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.logging.cases; some id in c.expect}
	every id, _ in logging.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.logging.cases
	count(c.expect) == 0
}
