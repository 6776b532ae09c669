# The payments team owns the data obligations of everything in its module,
# module instances and nested modules included.
resource "srm_obligation_acceptance" "payments" {
  scope         = ["module.payments.*"]
  obligations   = ["data_classification.*", "data_protection.*", "data_access.*"]
  accepted_by   = "team-payments"
  justification = "KMS key per environment; daily snapshots kept 35 days; access reviewed quarterly."
  reference     = "CHG-1042"
  review_by     = "2027-06-30"
}

# The platform team owns every customer obligation of the VM fleet's operating
# systems: a scope with a model filter.
resource "srm_obligation_acceptance" "fleet" {
  scope         = ["aws_instance.*", "*.aws_instance.*"]
  service_model = "iaas"
  obligations   = ["operating_system.*"]
  accepted_by   = "team-platform"
  review_by     = "2027-03-31"
}

# One resource: its type is read from the address.
resource "srm_obligation_acceptance" "orders_db" {
  resource_address = "module.payments.aws_db_instance.orders"
  obligations      = ["accounts_and_access.enforce_mfa"]
  accepted_by      = "team-identity"
  review_by        = "2027-09-30"
}

# Pass the records themselves: those that cover the address apply, expired
# ones do not, and accepted_by names who owns each accepted obligation.
data "srm_responsibility" "orders_db" {
  resource_type    = "aws_db_instance"
  resource_address = "module.payments.aws_db_instance.orders"
  acceptances = [
    srm_obligation_acceptance.payments,
    srm_obligation_acceptance.fleet,
    srm_obligation_acceptance.orders_db,
  ]
}
