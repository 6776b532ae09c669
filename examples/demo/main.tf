# The demo: five declared resources (stand-ins built with terraform_data, so
# nothing is created in a cloud), the responsibility of each, and a
# precondition that fails the apply while a resource carries customer
# obligations that nobody has accepted.

terraform {
  required_providers {
    srm = {
      source = "shared-responsibility/srm"
    }
  }
}

provider "srm" {
  # A newer catalog with one more obligation, to show how it surfaces in review.
  catalog = var.catalog_file == "" ? null : file(var.catalog_file)
}

variable "catalog_file" {
  description = "Path of a custom catalog to merge, or empty."
  type        = string
  default     = ""
}

variable "review_by" {
  description = "When the teams review their acceptances: run.sh sets six months from today."
  type        = string
  default     = "2027-06-30"
}

variable "acceptances" {
  description = "Acceptance records by team: the address patterns they cover, the obligations (ids, <component>.* or *) and who is accountable."
  type = map(object({
    scope         = list(string)
    obligations   = list(string)
    accepted_by   = string
    resource_type = optional(string)
    service_model = optional(string)
  }))
  default = {}
}

locals {
  # The declared resources: their Terraform type and the attribute values
  # that change who owns what.
  # The addresses are those the resources would have in a root module that
  # calls one module per product.
  resources = {
    "module.payments.aws_db_instance.orders"        = { type = "aws_db_instance", conditions = { engine = "postgres", auto_minor_version_upgrade = "true" } }
    "module.payments.aws_s3_bucket.invoices"        = { type = "aws_s3_bucket", conditions = {} }
    "module.media.aws_lambda_function.resize"       = { type = "aws_lambda_function", conditions = { package_type = "Image" } }
    "module.platform.google_container_cluster.apps" = { type = "google_container_cluster", conditions = { enable_autopilot = "true" } }
    "module.portal.azurerm_linux_web_app.portal"    = { type = "azurerm_linux_web_app", conditions = { "site_config.application_stack.docker_image_name" = "" } }
  }
}

# The record of what each team accepted, for which scope, until when.
resource "srm_obligation_acceptance" "team" {
  for_each = var.acceptances

  scope         = each.value.scope
  resource_type = each.value.resource_type
  service_model = each.value.service_model
  obligations   = each.value.obligations
  accepted_by   = each.value.accepted_by
  reference     = "CHG-1042"
  review_by     = var.review_by
}

data "srm_responsibility" "this" {
  for_each = local.resources

  resource_address = each.key
  resource_type    = each.value.type
  conditions       = each.value.conditions
  # Every record; those whose scope covers this address apply.
  acceptances = values(srm_obligation_acceptance.team)
}

# Stand-ins for the real resources. The precondition is what a module adds to
# its own resources.
resource "terraform_data" "resource" {
  for_each = local.resources

  input = data.srm_responsibility.this[each.key].tags

  lifecycle {
    precondition {
      condition     = length(data.srm_responsibility.this[each.key].unaccepted_obligations) == 0
      error_message = "${each.key} carries customer obligations nobody has accepted: ${join(", ", data.srm_responsibility.this[each.key].unaccepted_obligations)}. Record them in srm_obligation_acceptance."
    }
  }
}

output "ownership" {
  description = "Who owns each layer of each declared resource."
  value = join("\n", concat(
    [format("%-46s %-6s %-15s %-9s %-12s %-9s %-9s %s", "resource", "model", "infrastructure", "platform", "application", "data", "identity", "unaccepted")],
    [for address, r in data.srm_responsibility.this : format("%-46s %-6s %-15s %-9s %-12s %-9s %-9s %d",
      address, r.service_model, r.owners["infrastructure"], r.owners["platform"], r.owners["application"],
    r.owners["data"], r.owners["identity"], length(r.unaccepted_obligations))]
  ))
}

output "accepted_by" {
  description = "Which teams accepted the obligations of each declared resource."
  value       = { for address, r in data.srm_responsibility.this : address => sort(distinct(values(coalesce(r.accepted_by, {})))) }
}

output "unaccepted" {
  description = "Unaccepted customer obligations by resource."
  value       = { for address, r in data.srm_responsibility.this : address => r.unaccepted_obligations if length(r.unaccepted_obligations) > 0 }
}
