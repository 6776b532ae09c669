package bigquery

func init() {
	registry.Schema{Name: "google_bigquery_dataset", ProductName: "bigquery", Type: registry.SchemaTypeResource, Schema: ResourceBigQueryDataset()}.Register()
	registry.Schema{Name: "google_bigquery_table", ProductName: "bigquery", Type: registry.SchemaTypeResource, Schema: ResourceBigQueryTable()}.Register()
}
