// Test input: load balancers.

package loadbalancer

var lb = "/providers/Microsoft.Network/loadBalancers/%s"
