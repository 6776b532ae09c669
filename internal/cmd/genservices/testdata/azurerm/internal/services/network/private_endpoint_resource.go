// Test input: network uses the common virtual network ID in two files and
// names the DNS zones it links.

package network

import "github.com/hashicorp/go-azure-helpers/resourcemanager/commonids"

var _ = commonids.ParseVirtualNetworkID

var zone = "/providers/Microsoft.Network/privateDnsZones/%s"

var endpoint = "/providers/Microsoft.Network/privateEndpoints/%s"
