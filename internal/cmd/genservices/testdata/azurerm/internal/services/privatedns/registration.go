// Test input: a service registration as the azurerm provider writes it.

package privatedns

type Registration struct{}

// Name is the name of this Service
func (r Registration) Name() string {
	return "Private DNS"
}

func (r Registration) SupportedDataSources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_privatedns_data_only": dataSourceOnly(),
	}
}

// SupportedResources returns the supported Resources supported by this Service
func (r Registration) SupportedResources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_private_dns_zone":     resource(),
		"azurerm_private_dns_a_record": resource(),
	}
}
