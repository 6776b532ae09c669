// Test input: a resource ID as go-azure-sdk generates it.

package managedclusters

type ManagedClusterId struct{}

func (id ManagedClusterId) Segments() []resourceids.Segment {
	return []resourceids.Segment{
		resourceids.StaticSegment("staticSubscriptions", "subscriptions", "subscriptions"),
		resourceids.StaticSegment("staticProviders", "providers", "providers"),
		resourceids.ResourceProviderSegment("staticProvider", "Microsoft.ContainerService", "Microsoft.ContainerService"),
		resourceids.StaticSegment("staticType", "managedClusters", "managedClusters"),
		resourceids.UserSpecifiedSegment("name", "name"),
	}
}
