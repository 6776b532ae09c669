package kubernetes

func Provider() *schema.Provider {
	return &schema.Provider{
		ResourcesMap: map[string]*schema.Resource{
			// resource claims
			"kubernetes_resource_claim_v1": resourceKubernetesResourceClaimV1(),
		},
	}
}
