provider "srm" {
  # Keys of every `tags` output start with this prefix: srm-service-model, srm-platform, ...
  tag_prefix = "srm"

  # A managed-firewall contract: the provider operates network controls of PaaS resources.
  agreement {
    name        = "managed-firewall"
    description = "Perimeter firewall operated by the provider for PaaS workloads."

    override {
      service_model = "paas"
      component     = "network_controls"
      owner         = "shared"
      provider_part = "Operates the managed firewall, its availability and its threat feeds."
      customer_part = "Requests, reviews and recertifies firewall rules every quarter."
      reason        = "Managed firewall service contract, schedule B"
      reference     = "MSA-2026-07"
    }
  }
}
