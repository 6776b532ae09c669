// Test input: typed resources return their name from ResourceType.

package containers

import (
	"github.com/hashicorp/go-azure-helpers/resourcemanager/commonids"
	"github.com/hashicorp/go-azure-sdk/resource-manager/containerservice/2025-01-01/managedclusters"
)

func (r KubernetesClusterResource) ResourceType() string {
	return "azurerm_kubernetes_cluster"
}

func (r KubernetesClusterNodePoolResource) ResourceType() string {
	return "azurerm_kubernetes_cluster_node_pool" // a comment
}

var _ = managedclusters.ManagedClusterId{}

var _ = commonids.ParseVirtualNetworkID
