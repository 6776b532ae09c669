terraform {
  required_providers {
    srm = { source = "shared-responsibility/srm" }
  }
}

resource "srm_obligation_acceptance" "db" {
  resource_address = "module.payments.aws_db_instance.orders[\"eu\"]"
  resource_type    = "aws_db_instance"
  obligations      = ["data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"]
  accepted_by      = "team-payments"
  justification    = "KMS per environment"
  reference        = "CHG-1042"
  review_by        = "2099-01-01"
}

resource "srm_obligation_acceptance" "fn" {
  resource_address = "aws_lambda_function.resize"
  resource_type    = "aws_lambda_function"
  conditions       = { package_type = "Image" }
  agreement        = null
  obligations      = ["runtime.use_supported_runtime"]
  accepted_by      = "team-media"
}

resource "srm_obligation_acceptance" "legacy" {
  resource_address = "legacy.crm"
  service_model    = "saas"
  obligations      = ["accounts_and_access.enforce_mfa"]
  accepted_by      = "team-crm"
  review_by        = "2098-06-30T12:00:00Z"
}
