# Runs the fixtures of policy/tests/public/data.json (passing and failing plan snippets).
package public_test

import data.public
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.public.cases
	deny := public.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.public.cases) > 0
	bad := fixtures.mismatches(data.tests.public.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.public.cases; some id in c.expect}
	every id, _ in public.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.public.cases
	count(c.expect) == 0
}
