# "caas": a GKE cluster runs containers on a managed control plane.
output "gke_model" {
  value = provider::srm::service_model("google_container_cluster")
}
