// Test input: a typed resource.

package userflows

func (r UserFlowAttributeResource) ResourceType() string {
	return "azuread_user_flow_attribute"
}
