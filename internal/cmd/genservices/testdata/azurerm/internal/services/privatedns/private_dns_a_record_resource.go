// Test input: a second file naming private DNS zones.

package privatedns

var record = "/providers/Microsoft.Network/privateDnsZones/%s/A/%s"
