# Every serverless AWS resource type the catalog knows, with its conditions.
data "srm_catalog" "aws_serverless" {
  terraform_provider = "aws"
  service_model      = "faas"
}

output "aws_serverless_types" {
  value = {
    for type, t in data.srm_catalog.aws_serverless.resource_types :
    type => { focus = t.focus, conditions = keys(t.conditions) }
  }
}
