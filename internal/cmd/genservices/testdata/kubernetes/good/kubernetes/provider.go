package kubernetes

func Provider() *schema.Provider {
	p := &schema.Provider{
		DataSourcesMap: map[string]*schema.Resource{
			"kubernetes_secret_v1": dataSourceKubernetesSecretV1(),
		},

		ResourcesMap: map[string]*schema.Resource{
			// core
			"kubernetes_secret":            resourceKubernetesSecretV1("Deprecated; use kubernetes_secret_v1."),
			"kubernetes_secret_v1":         resourceKubernetesSecretV1(""),
			"kubernetes_endpoint_slice_v1": resourceKubernetesEndpointSliceV1(),

			// apps
			"kubernetes_deployment_v1": resourceKubernetesDeploymentV1(""),

			// provider helper resources
			"kubernetes_labels": resourceKubernetesLabels(),
		},
	}
	return p
}
