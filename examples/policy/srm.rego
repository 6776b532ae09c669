# A conftest-style policy over the JSON of `terraform-provider-srm review
# -format json`: fails a pull request when a resource it creates has
# customer obligations on data or access that nobody accepted, or when it
# grants an acceptance record without a review date within a year.
#
#   terraform-provider-srm review -format json plan.json > review.json
#   conftest test --policy examples/policy review.json
#   opa eval --fail-defined -d examples/policy -i review.json 'data.main.deny[x]'
package main

import rego.v1

# Obligation ids on the data layer and on user access: the customer keeps
# these in every service model.
sensitive(id) if startswith(id, "data_")

sensitive(id) if startswith(id, "accounts_and_access.")

# A new object: created, or replaced by a new one.
new(r) if r.action in {"create", "replace"}

deny contains msg if {
	some r in input.resources
	new(r)
	ids := sort([id | some id in r.unaccepted; sensitive(id)])
	count(ids) > 0
	msg := sprintf("%s (%s) is new and nobody accepted %s: add an srm_obligation_acceptance that covers it", [r.address, r.type, concat(", ", ids)])
}

deny contains msg if {
	some rec in input.acceptance_records
	rec.granted_by_this_change
	not reviewed_within_a_year(rec)
	msg := sprintf("%s (team %s) is granted by this change without a review_by within a year", [rec.address, rec.accepted_by])
}

reviewed_within_a_year(rec) if {
	rec.expires_in_days != null
	rec.expires_in_days <= 366
}
