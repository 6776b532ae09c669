# What remains open once encryption at rest and MFA are accepted.
output "open_obligations" {
  value = provider::srm::unaccepted("saas", ["data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"])
}
