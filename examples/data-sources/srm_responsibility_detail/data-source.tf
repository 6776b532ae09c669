# What each party does for a container-image Lambda function, with the
# NIST SP 800-53 split: for a report or a review, not for every resource.
data "srm_responsibility_detail" "resize" {
  resource_type = "aws_lambda_function"
  conditions = {
    package_type = "Image"
  }
  frameworks = ["nist_800_53_r5"]
}

output "resize_controls_to_evidence" {
  value = data.srm_responsibility_detail.resize.controls["nist_800_53_r5"].customer
}

output "resize_todo" {
  value = [for o in data.srm_responsibility_detail.resize.customer_obligations : "${o.id}: ${o.title}"]
}

output "resize_runtime" {
  value = data.srm_responsibility_detail.resize.components["runtime"] # owner, provider_part, customer_part, ...
}
