# The import ID is the record's id: "<resource_address>@<accepted_at>", or for a
# scope "scope:<patterns, sorted, comma-separated>@<accepted_at>". Importing
# recreates a lost state entry with its original accepted_at; the first plan
# afterwards adopts the rest of the configuration in place.
terraform import srm_obligation_acceptance.orders_db 'module.payments.aws_db_instance.orders@2026-11-28T10:00:00Z'
terraform import srm_obligation_acceptance.payments 'scope:module.payments.*@2026-11-28T10:00:00Z'
