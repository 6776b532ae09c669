// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var _ function.Function = (*customerObligationsFunction)(nil)

// NewCustomerObligationsFunction returns provider::srm::customer_obligations.
func NewCustomerObligationsFunction() function.Function { return &customerObligationsFunction{} }

type customerObligationsFunction struct{}

func (f *customerObligationsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "customer_obligations"
}

func (f *customerObligationsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary:             "Customer obligation ids of a service model",
		MarkdownDescription: "Returns the ids of the customer obligations of a service model, in catalog order." + builtinNote,
		Parameters: []function.Parameter{
			function.StringParameter{Name: "service_model", MarkdownDescription: "Service model: " + modelList() + "."},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (f *customerObligationsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var model string
	resp.Error = req.Arguments.Get(ctx, &model)
	if resp.Error != nil {
		return
	}
	r, err := builtinEngine().Resolve(srm.Request{ServiceModel: model})
	if err != nil {
		resp.Error = argumentError(0, err)
		return
	}
	setStringList(ctx, resp, r.CustomerObligationIDs())
}
