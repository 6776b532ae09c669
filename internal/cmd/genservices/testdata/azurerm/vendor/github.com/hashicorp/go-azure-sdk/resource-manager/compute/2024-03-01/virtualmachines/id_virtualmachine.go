// Test input: a resource ID as go-azure-sdk generates it.

package virtualmachines

type VirtualMachineId struct{}

func (id VirtualMachineId) Segments() []resourceids.Segment {
	return []resourceids.Segment{
		resourceids.StaticSegment("staticSubscriptions", "subscriptions", "subscriptions"),
		resourceids.StaticSegment("staticProviders", "providers", "providers"),
		resourceids.ResourceProviderSegment("staticProvider", "Microsoft.Compute", "Microsoft.Compute"),
		resourceids.StaticSegment("staticType", "virtualMachines", "virtualMachines"),
		resourceids.UserSpecifiedSegment("name", "name"),
	}
}
