// Test input: a service registration as the azurerm provider writes it.

package loadbalancer

type Registration struct{}

// Name is the name of this Service
func (r Registration) Name() string {
	return "Load Balancer"
}

func (r Registration) SupportedDataSources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_loadbalancer_data_only": dataSourceOnly(),
	}
}

// SupportedResources returns the supported Resources supported by this Service
func (r Registration) SupportedResources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azurerm_lb":      resource(),
		"azurerm_lb_rule": resource(),
	}
}
