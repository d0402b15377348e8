# Runs the fixtures of policy/tests/backup/data.json (passing and failing plan snippets).
package backup_test

import data.backup
import data.tests.fixtures
import rego.v1

results := [ids |
	some c in data.tests.backup.cases
	deny := backup.deny with input as fixtures.plan(c)
	ids := sort({v.id | some v in deny})
]

test_fixtures if {
	count(data.tests.backup.cases) > 0
	bad := fixtures.mismatches(data.tests.backup.cases, results)
	count(bad) == 0
}

test_every_rule_has_a_failing_case if {
	expected := {id | some c in data.tests.backup.cases; some id in c.expect}
	every id, _ in backup.rules {
		id in expected
	}
}

test_has_a_passing_case if {
	some c in data.tests.backup.cases
	count(c.expect) == 0
}
