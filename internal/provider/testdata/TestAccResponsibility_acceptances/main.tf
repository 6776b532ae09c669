# Three teams' acceptance records and the resources they cover.
resource "srm_obligation_acceptance" "payments" {
  scope       = ["module.payments.*"]
  obligations = ["data_protection.*", "data_access.*"]
  accepted_by = "team-payments"
}

resource "srm_obligation_acceptance" "dba" {
  scope         = ["module.payments.*"]
  resource_type = "aws_db_instance"
  obligations   = ["data_protection.*"]
  accepted_by   = "team-dba"
}

resource "srm_obligation_acceptance" "orders" {
  resource_address = "module.payments.aws_db_instance.orders[\"eu\"]"
  obligations      = ["data_protection.back_up_data", "network_controls.*"]
  accepted_by      = "team-orders"
}

resource "srm_obligation_acceptance" "fleet" {
  scope         = ["aws_instance.*"]
  service_model = "iaas"
  obligations   = ["operating_system.*"]
  accepted_by   = "team-platform"
}

locals {
  acceptances = [
    srm_obligation_acceptance.payments,
    srm_obligation_acceptance.dba,
    srm_obligation_acceptance.orders,
    srm_obligation_acceptance.fleet,
  ]
}

# A for_each instance in the module: all four records are candidates.
data "srm_responsibility" "orders" {
  resource_address = "module.payments.aws_db_instance.orders[\"eu\"]"
  resource_type    = "aws_db_instance"
  acceptances      = local.acceptances
}

# A nested module: the payments scope covers it, the type filter of dba does not.
data "srm_responsibility" "journal" {
  resource_address = "module.payments.module.ledger.aws_s3_bucket.journal"
  resource_type    = "aws_s3_bucket"
  acceptances      = local.acceptances
}

# A count instance of a root-module type: the fleet scope and its model filter.
data "srm_responsibility" "web" {
  resource_address = "aws_instance.web[1]"
  resource_type    = "aws_instance"
  acceptances      = local.acceptances
}

# The same type in a module: outside the fleet scope.
data "srm_responsibility" "batch" {
  resource_address = "module.batch.aws_instance.worker"
  resource_type    = "aws_instance"
  acceptances      = local.acceptances
}
