// Test input: a typed resource; the resource ID package names the ARM type.

package compute

import "github.com/hashicorp/go-azure-sdk/resource-manager/compute/2024-03-01/virtualmachines"

func (r LinuxVirtualMachineResource) ResourceType() string {
	return "azurerm_linux_virtual_machine"
}

var _ = virtualmachines.VirtualMachineId{}
