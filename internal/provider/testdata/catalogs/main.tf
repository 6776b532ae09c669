provider "srm" {
  catalog = file("${path.module}/acme.yaml")
}

data "srm_responsibility" "queue" {
  resource_type = "acme_queue"
}

data "srm_responsibility_detail" "queue" {
  resource_type = "acme_queue"
}

output "registers_consumers" {
  value = contains(data.srm_responsibility.queue.customer_obligation_ids, "data_access.register_consumers")
}
