// Test input: ResourceType returns a constant of the package.

package signalr

const webPubsubCustomDomainResourceType = "azurerm_web_pubsub_custom_domain"

func (r CustomDomainWebPubsubResource) ResourceType() string {
	return webPubsubCustomDomainResourceType
}

// The parse packages of a service name ARM types in literals.
var idFormat = "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.SignalRService/webPubSub/%s/customDomains/%s"
