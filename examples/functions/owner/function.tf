# Who patches the operating system of a virtual machine? "customer"
output "vm_os_owner" {
  value = provider::srm::owner("iaas", "operating_system")
}

# The derived owner of a whole layer: "shared" for a PaaS platform.
output "paas_platform_owner" {
  value = provider::srm::owner("paas", "platform")
}
