# A plan built by the real CLIs for the review's golden tests
# (review_acc_test.go): terraform_data stands in for cloud resources, and
# the catalog below gives it a condition on its input, so that modules,
# count and for_each addresses, unknown, sensitive and unexpected values,
# nested blocks, replacements and deletions all appear in a real plan.

terraform {
  required_providers {
    srm = { source = "shared-responsibility/srm" }
  }
}

variable "generation" {
  description = "1 for the applied state, 2 for the plan reviewed on top of it."
  type        = number
}

variable "secret_package_type" {
  type      = string
  sensitive = true
  default   = "Image"
}

provider "srm" {
  # A literal catalog: the review reads it from the plan's configuration.
  catalog = <<-EOT
    {
      "sources": {"fixture": {"title": "Test fixture", "url": "https://example.com/fixture", "as_of": "2026-11-29"}},
      "resource_types": {
        "terraform_data": {
          "service_model": "faas",
          "class": "serverless_function",
          "source": "fixture",
          "conditions": {
            "input.package_type": {
              "description": "How the stand-in function is packaged.",
              "default": "Image",
              "values": {
                "Zip": {"reason": "The provider runs the runtime."},
                "Image": {"reason": "The customer builds the image.", "cells": {
                  "operating_system": {"owner": "customer"}, "runtime": {"owner": "customer"}}}
              }
            },
            "input.site_config.application_stack.docker_image_name": {
              "description": "A container image in a nested block.",
              "default": "custom",
              "values": {
                "none": {"reason": "No image."},
                "custom": {"reason": "A customer image.", "cells": {"middleware": {"owner": "customer"}}}
              }
            }
          }
        }
      }
    }
  EOT

  agreement {
    name = "managed-network"
    override {
      service_model = "faas"
      component     = "network_controls"
      owner         = "customer"
      reason        = "The customer runs its own egress firewall."
    }
  }
}

module "payments" {
  source = "./payments"
}

# for_each: one packaged as a zip, one as an image.
resource "terraform_data" "fn" {
  for_each = toset(["resize", "thumb"])
  input    = { package_type = each.key == "resize" ? "Image" : "Zip" }
}

# Known only after apply: the id of a resource that generation 2 replaces.
resource "terraform_data" "later" {
  count = var.generation == 2 ? 1 : 0
  input = { package_type = terraform_data.nested.id }
}

# A sensitive value: used conservatively, never printed.
resource "terraform_data" "secret" {
  input = { package_type = var.secret_package_type }
}

# A value the catalog does not know; updated in place in generation 2.
resource "terraform_data" "odd" {
  input = { package_type = var.generation == 1 ? "Wasm" : "Wasm2" }
}

# A nested block (a list of objects), replaced in generation 2.
resource "terraform_data" "nested" {
  input            = { package_type = "Zip", site_config = [{ application_stack = [{ docker_image_name = "none" }] }] }
  triggers_replace = var.generation
}

# Deleted in generation 2.
resource "terraform_data" "gone" {
  count = var.generation == 1 ? 1 : 0
  input = { package_type = "Zip" }
}

resource "srm_obligation_acceptance" "payments" {
  scope       = ["module.payments.*"]
  obligations = ["*"]
  accepted_by = "team-payments"
  review_by   = "2099-01-01"
}

resource "srm_obligation_acceptance" "data" {
  scope       = ["*"]
  obligations = ["data_classification.*", "data_protection.*", "data_access.*"]
  accepted_by = "team-data"
  review_by   = "2099-01-01"
}

resource "srm_obligation_acceptance" "resize" {
  resource_address = "terraform_data.fn[\"resize\"]"
  obligations      = ["operating_system.*"]
  accepted_by      = "team-media"
}
