# The payments team accepts the data obligations of the orders database.
resource "srm_obligation_acceptance" "orders_db" {
  resource_address = "aws_db_instance.orders"
  resource_type    = "aws_db_instance"
  # The attribute values that change the answer; without them the catalog
  # assumes the conservative values (RDS Custom, no automatic minor upgrades).
  conditions = { engine = "postgres", auto_minor_version_upgrade = "true" }
  obligations = [
    "data_protection.encrypt_at_rest",
    "data_protection.back_up_data",
    "accounts_and_access.enforce_mfa",
  ]
  accepted_by   = "team-payments"
  justification = "KMS key per environment; daily snapshots kept 35 days; MFA enforced by the identity provider."
  reference     = "CHG-1042"
  review_by     = "2099-01-01"
}

# Pass accepted_obligations (not obligations) so that an expired acceptance closes the gate.
data "srm_responsibility" "orders_db" {
  resource_type        = "aws_db_instance"
  resource_address     = "aws_db_instance.orders"
  conditions           = srm_obligation_acceptance.orders_db.conditions
  accepted_obligations = srm_obligation_acceptance.orders_db.accepted_obligations
}
