package provider

func (p *KubernetesProvider) Resources(ctx context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		admissionregistrationv1.NewValidatingAdmissionPolicy,
	}
}

func (p *KubernetesProvider) EphemeralResources(ctx context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		authenticationv1.NewTokenRequestEphemeralResource,
	}
}
