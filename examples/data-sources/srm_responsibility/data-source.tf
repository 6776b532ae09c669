# Who owns what for a container-image Lambda function, with the NIST SP 800-53 split.
data "srm_responsibility" "resize" {
  resource_type    = "aws_lambda_function"
  resource_address = "aws_lambda_function.resize"
  conditions = {
    package_type = "Image" # the image brings its own OS layer and runtime
  }
  frameworks = ["nist_800_53_r5"]
}

output "resize_owners" {
  value = data.srm_responsibility.resize.owners # platform = "shared", data = "customer", ...
}

output "resize_obligations" {
  value = data.srm_responsibility.resize.unaccepted_obligations
}

output "resize_controls_to_evidence" {
  value = data.srm_responsibility.resize.controls["nist_800_53_r5"].customer
}

# Titles and descriptions come once from srm_catalog (or per instance with
# detail = true).
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
