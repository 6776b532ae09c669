# Every declared resource of a module, for plan review and gating.
data "srm_assessment" "module" {
  resources = {
    "aws_db_instance.orders"     = { type = "aws_db_instance", conditions = { engine = "postgres", auto_minor_version_upgrade = "true" } }
    "aws_lambda_function.resize" = { type = "aws_lambda_function", conditions = { package_type = "Image" } }
    "legacy.crm"                 = { service_model = "saas" }
  }
  accepted_obligations = {
    "legacy.crm" = ["data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"]
  }
  frameworks = ["nist_800_53_r5"]
}

# A report for the pull request.
output "report" {
  value = data.srm_assessment.module.markdown
}

# An OSCAL 1.1.3 system security plan for GRC tooling.
output "oscal" {
  value = data.srm_assessment.module.oscal
}

# A warning while the team adopts the model; use a precondition to stop applies.
check "obligations_accepted" {
  assert {
    condition     = length(data.srm_assessment.module.unaccepted) == 0
    error_message = "Unaccepted obligations on: ${join(", ", keys(data.srm_assessment.module.unaccepted))}"
  }
}
