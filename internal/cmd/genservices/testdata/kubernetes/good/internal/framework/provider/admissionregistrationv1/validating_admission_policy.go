package admissionregistrationv1

func NewValidatingAdmissionPolicy() resource.Resource {
	return &ValidatingAdmissionPolicy{}
}

func (r *ValidatingAdmissionPolicy) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_validating_admission_policy_v1"
}
