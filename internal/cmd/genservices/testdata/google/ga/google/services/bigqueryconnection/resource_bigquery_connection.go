package bigqueryconnection

func init() {
	registry.Schema{Name: "google_bigquery_connection", ProductName: "bigqueryconnection", Type: registry.SchemaTypeResource, Schema: ResourceBigqueryConnectionConnection()}.Register()
	registry.Schema{Name: "google_bigquery_connection_iam_member", ProductName: "bigqueryconnection", Type: registry.SchemaTypeIAMResource, Schema: nil}.Register()
}
