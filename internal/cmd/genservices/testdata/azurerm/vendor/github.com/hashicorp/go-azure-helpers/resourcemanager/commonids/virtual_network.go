// Test input: a resource ID as go-azure-sdk generates it.

package commonids

type VirtualNetworkId struct{}

func (id VirtualNetworkId) Segments() []resourceids.Segment {
	return []resourceids.Segment{
		resourceids.StaticSegment("staticSubscriptions", "subscriptions", "subscriptions"),
		resourceids.StaticSegment("staticProviders", "providers", "providers"),
		resourceids.ResourceProviderSegment("staticProvider", "Microsoft.Network", "Microsoft.Network"),
		resourceids.StaticSegment("staticType", "virtualNetworks", "virtualNetworks"),
		resourceids.UserSpecifiedSegment("name", "name"),
	}
}
