# The import ID is "<resource_address>@<accepted_at>", as shown in the record's id.
# Importing recreates a lost state entry with its original accepted_at; the first
# plan afterwards adopts the rest of the configuration in place.
terraform import srm_obligation_acceptance.orders_db 'aws_db_instance.orders@2026-11-28T10:00:00Z'
