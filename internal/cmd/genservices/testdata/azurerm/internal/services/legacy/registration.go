// Test input: a service registration as the azurerm provider writes it.

package legacy

type Registration struct{}

// Name is the name of this Service
func (r Registration) Name() string {
	return "Legacy"
}

func (r Registration) SupportedDataSources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_legacy_data_only": dataSourceOnly(),
	}
}

// SupportedResources returns the supported Resources supported by this Service
func (r Registration) SupportedResources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_virtual_machine":           resource(),
		"azurerm_virtual_machine_scale_set": resource(),
	}
}
