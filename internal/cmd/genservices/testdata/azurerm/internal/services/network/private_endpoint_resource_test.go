// Test input: test files are not read.

package network

var _ = "azurerm_not_a_resource"

var _ = "/providers/Microsoft.Network/dnsZones/%s"
