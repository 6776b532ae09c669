// Test input: a service with typed resources only.

package userflows

type Registration struct{}

// Name is the name of this Service
func (r Registration) Name() string {
	return "User Flows"
}

func (r Registration) SupportedResources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{}
}
