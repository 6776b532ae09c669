#!/usr/bin/env bash
# Runs the demo against the locally built provider: `make demo` sets DEMO_CLI
# (terraform or tofu) and TF_CLI_CONFIG_FILE (dev_overrides). No `init`: the
# provider is served from the local build, and the configuration needs nothing
# else.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="${DEMO_CLI:?set DEMO_CLI to the terraform or tofu binary}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here"/*.tf "$here"/*.tfvars "$here"/*.json "$work"/
cd "$work"
export TF_IN_AUTOMATION=1
# The teams review their acceptances within a year: six months from today
# (GNU date, then BSD date).
TF_VAR_review_by="$(date -u -d '+182 days' +%F 2>/dev/null || date -u -v+182d +%F)"
export TF_VAR_review_by

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { "$cli" "$@" -input=false -no-color 2>&1 | grep -v -e 'Provider development overrides' -e 'shared-responsibility/srm in' -e 'hashicorp/time in' -e 'The behavior may therefore' -e 'applying changes may cause' -e 'published releases' -e '^│ *$' -e '^releases.$' -e 'configuration:$' -e '^ - ' -e '^$' ; return "${PIPESTATUS[0]}"; }

step "1. Plan with no acceptance: the precondition fails, naming what nobody has accepted"
if run plan; then
  echo "demo: expected the precondition to fail" >&2; exit 1
fi

step "2. The teams record their acceptances by scope (accepted.tfvars) and apply: the precondition passes"
run apply -auto-approve -var-file=accepted.tfvars || exit 1
step "   Ownership of each declared resource"
"$cli" output -raw ownership; echo
step "   Who accepted the obligations of each resource"
"$cli" output -no-color accepted_by

step "3. Plan again: nothing to do"
run plan -detailed-exitcode -var-file=accepted.tfvars || { echo "demo: expected an empty plan" >&2; exit 1; }

step "4. A newer catalog adds an obligation nobody accepted: the gate closes again, naming it"
if out="$(run apply -auto-approve -var-file=accepted.tfvars -var catalog_file=catalog-update.json)"; then
  echo "$out"; echo "demo: expected the new obligation to fail the precondition" >&2; exit 1
fi
echo "$out"
grep -q 'data_protection.test_restores' <<<"$out" || { echo "demo: expected the failure to name data_protection.test_restores" >&2; exit 1; }
step "Done: accept the new obligation in accepted.tfvars to open the gate again."

step "5. Review the saved plan as a pull-request comment: terraform-provider-srm review reads terraform show -json"
# The stand-ins are terraform_data, not cloud types: the review answers them by
# the provider-wide rule for terraform_data (basis provider: a command on the
# Terraform host, all the customer's), not as the resources they stand for;
# with real resources it shows each one's owners and unaccepted obligations.
# -all includes unchanged resources.
srm="${SRM_PROVIDER_BIN:-$here/../../.tools/provider/terraform-provider-srm}"
run plan -out=review.tfplan -var-file=accepted.tfvars >/dev/null || exit 1
"$cli" show -json review.tfplan > plan.json || exit 1
"$srm" review -all -format markdown plan.json || { echo "demo: the review failed" >&2; exit 1; }
