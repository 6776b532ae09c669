# What the teams accepted: one record per team and scope, not one per resource.
# Accepting an obligation records who owns it; it does not transfer liability or remove risk.
acceptances = {
  # The platform team runs hosts, runtimes and networks for everything.
  platform = {
    scope       = ["*"]
    obligations = ["operating_system.*", "runtime.*", "middleware.*", "network_controls.*"]
    accepted_by = "team-platform"
  }
  identity = {
    scope       = ["*"]
    obligations = ["identity_infrastructure.*", "accounts_and_access.*"]
    accepted_by = "team-identity"
  }
  # Data protection is listed id by id: an obligation a newer catalog adds stays
  # open until the team accepts it (with "data_protection.*" the plan would show
  # the record accepting it, with a warning).
  data = {
    scope = ["*"]
    obligations = [
      "data_classification.*", "data_access.*",
      "data_protection.encrypt_at_rest", "data_protection.encrypt_in_transit",
      "data_protection.manage_keys", "data_protection.back_up_data",
    ]
    accepted_by = "team-data"
  }
  # Each product team owns the application layer of its module. A database and a
  # bucket run no code of the team's, so application code does not apply there.
  payments = { scope = ["module.payments.*"], obligations = ["configuration.*", "deployment_settings.*"], accepted_by = "team-payments" }
  media    = { scope = ["module.media.*"], obligations = ["application_code.*", "configuration.*", "deployment_settings.*"], accepted_by = "team-media" }
  portal   = { scope = ["module.portal.*", "module.platform.*"], obligations = ["application_code.*", "configuration.*", "deployment_settings.*"], accepted_by = "team-web" }
}
