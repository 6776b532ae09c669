# A module that declares a database and carries who owns what. It cannot know
# its own address, and acceptance records match resources by address: the
# caller passes it (module_address), so that every instance of the module,
# under for_each or count, gets the records that cover that instance.

terraform {
  required_providers {
    srm = {
      source  = "shared-responsibility/srm"
      version = ">= 0.2"
    }
  }
}

variable "name" {
  description = "Name of the database."
  type        = string
}

variable "module_address" {
  description = "This module instance's own address, as its caller declares it: module.orders, or module.orders[\"eu\"] under for_each."
  type        = string

  validation {
    condition     = can(regex("^module\\.[A-Za-z0-9_-]+(\\[[^]]+\\])?(\\.module\\.[A-Za-z0-9_-]+(\\[[^]]+\\])?)*$", var.module_address))
    error_message = "module_address must be this module's address, e.g. module.orders or module.orders[\"eu\"]."
  }
}

variable "engine" {
  description = "Database engine; custom-* is RDS Custom, which leaves the operating system to the customer."
  type        = string
  default     = "postgres"
}

variable "acceptances" {
  description = "The caller's srm_obligation_acceptance records, as they are: [srm_obligation_acceptance.payments, ...]."
  type        = any
  default     = []
}

data "srm_responsibility" "db" {
  # The address of the database below, as Terraform names it in this instance.
  resource_address = "${var.module_address}.aws_db_instance.this"
  conditions       = { engine = var.engine, auto_minor_version_upgrade = "true" }
  acceptances      = var.acceptances
}

# Stands in for the module's aws_db_instance.this, so that the example runs
# without cloud credentials: a real module declares
#   resource "aws_db_instance" "this" { ... tags = data.srm_responsibility.db.tags ... }
# with the same lifecycle.
resource "terraform_data" "db" {
  input = {
    identifier = var.name
    engine     = var.engine
    tags       = data.srm_responsibility.db.tags
  }

  lifecycle {
    precondition {
      condition     = length(data.srm_responsibility.db.unaccepted_obligations) == 0
      error_message = "${var.module_address}: unaccepted obligations: ${join(", ", data.srm_responsibility.db.unaccepted_obligations)}"
    }
  }
}

output "responsibility" {
  description = "Who owns each layer of the database, and who accepted each customer obligation."
  value = {
    owners      = data.srm_responsibility.db.owners
    accepted_by = data.srm_responsibility.db.accepted_by
    unaccepted  = data.srm_responsibility.db.unaccepted_obligations
  }
}
