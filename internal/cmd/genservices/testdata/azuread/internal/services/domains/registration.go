// Test input: a service with data sources only has no services entry.

package domains

type Registration struct{}

// Name is the name of this Service
func (r Registration) Name() string {
	return "Domains"
}

func (r Registration) SupportedDataSources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azuread_domains": domainsDataSource(),
	}
}
