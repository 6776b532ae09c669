// Test input: the legacy virtual machine imports the same ID package.

package legacy

import "github.com/hashicorp/go-azure-sdk/resource-manager/compute/2024-03-01/virtualmachines"

var _ = virtualmachines.VirtualMachineId{}
