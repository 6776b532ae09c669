# count addresses inside a module.
resource "terraform_data" "db" {
  count = 2
  input = { package_type = "Zip", engine = "postgres" }
}
