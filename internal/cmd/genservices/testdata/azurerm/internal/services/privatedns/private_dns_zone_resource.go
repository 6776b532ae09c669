// Test input: private DNS zones and their records.

package privatedns

var zone = "/providers/Microsoft.Network/privateDnsZones/%s"

var link = "/providers/Microsoft.Network/privateDnsZones/%s/virtualNetworkLinks/%s"
