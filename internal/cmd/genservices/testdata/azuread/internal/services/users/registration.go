// Test input: a service registration as the azuread provider writes it.

package users

type Registration struct{}

// Name is the name of this Service
func (r Registration) Name() string {
	return "Users"
}

// SupportedResources returns the supported Resources supported by this Service
func (r Registration) SupportedResources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"azuread_user": userResource(),
	}
}
