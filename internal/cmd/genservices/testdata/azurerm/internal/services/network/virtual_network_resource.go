// Test input: network uses the common virtual network ID.

package network

import "github.com/hashicorp/go-azure-helpers/resourcemanager/commonids"

var _ = commonids.NewVirtualNetworkID

var locations = "/providers/Microsoft.Network/locations/%s"
