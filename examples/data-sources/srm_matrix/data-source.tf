# The matrix for the three classic models, as a table for a pull-request comment.
data "srm_matrix" "classic" {
  service_models = ["iaas", "paas", "saas"]
}

output "matrix" {
  value = data.srm_matrix.classic.markdown
}
