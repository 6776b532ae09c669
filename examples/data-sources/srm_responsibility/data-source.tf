# Who owns what for a container-image Lambda function.
data "srm_responsibility" "resize" {
  resource_type    = "aws_lambda_function"
  resource_address = "aws_lambda_function.resize"
  conditions = {
    package_type = "Image" # the image brings its own OS layer and runtime
  }
}

output "resize_owners" {
  value = data.srm_responsibility.resize.owners # platform = "shared", data = "customer", ...
}

output "resize_obligations" {
  value = data.srm_responsibility.resize.unaccepted_obligations
}

# Titles and descriptions come once from srm_catalog (or per resource from
# srm_responsibility_detail).
data "srm_catalog" "all" {}

output "resize_todo" {
  value = [
    for id in data.srm_responsibility.resize.unaccepted_obligations :
    "${id}: ${data.srm_catalog.all.obligations[id].title}"
  ]
}

# A type without an entry of its own answers through its cloud service
# (basis = "service"); an azapi resource, through the service of the ARM type
# it manages.
data "srm_responsibility" "app" {
  resource_type    = "azapi_resource"
  resource_address = "azapi_resource.app"
  conditions = {
    type = "Microsoft.App/containerApps@2024-03-01" # azapi_resource.app.type
  }
}

output "app_answered_by" {
  value = "${data.srm_responsibility.app.basis}: ${data.srm_responsibility.app.service_model}" # "service: paas"
}
