# Runs the fixtures of policy/tests/tags/data.json (passing and failing plan snippets).
package tags_test

import data.tags
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.tags.cases
	deny := tags.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.tags.cases) > 0
	bad := fixtures.mismatches(data.tests.tags.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.tags.cases; some id in c.expect}
	every id, _ in tags.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.tags.cases
	count(c.expect) == 0
}
