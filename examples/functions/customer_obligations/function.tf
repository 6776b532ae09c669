# Every obligation a SaaS customer keeps: data, access and configuration.
output "saas_obligations" {
  value = provider::srm::customer_obligations("saas")
}
