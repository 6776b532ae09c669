// Test input: a service registration as the azurerm provider writes it.

package cosmos

type Registration struct{}

// Name is the name of this Service
func (r Registration) Name() string {
	return "CosmosDB"
}

func (r Registration) SupportedDataSources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_cosmos_data_only": dataSourceOnly(),
	}
}

// SupportedResources returns the supported Resources supported by this Service
func (r Registration) SupportedResources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_cosmosdb_account":      resource(),
		"azurerm_cosmosdb_sql_database": resource(),
	}
}
