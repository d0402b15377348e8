# Runs the fixtures of policy/tests/encryption/data.json (passing and failing plan snippets).
package encryption_test

import data.encryption
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.encryption.cases
	deny := encryption.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.encryption.cases) > 0
	bad := fixtures.mismatches(data.tests.encryption.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.encryption.cases; some id in c.expect}
	every id, _ in encryption.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.encryption.cases
	count(c.expect) == 0
}
