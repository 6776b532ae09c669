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
