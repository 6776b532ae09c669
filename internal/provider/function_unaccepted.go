// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var _ function.Function = (*unacceptedFunction)(nil)

// NewUnacceptedFunction returns provider::srm::unaccepted.
func NewUnacceptedFunction() function.Function { return &unacceptedFunction{} }

type unacceptedFunction struct{}

func (f *unacceptedFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "unaccepted"
}

func (f *unacceptedFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Customer obligations of a service model not yet accepted",
		MarkdownDescription: "Returns the customer obligation ids of a service model that are not in `accepted`, in catalog order. " +
			"An accepted id that is not a customer obligation of the model is an error." + builtinNote,
		Parameters: []function.Parameter{
			function.StringParameter{Name: "service_model", MarkdownDescription: "Service model: " + modelList() + "."},
			function.SetParameter{Name: "accepted", ElementType: types.StringType,
				MarkdownDescription: "Accepted obligation ids, e.g. `srm_obligation_acceptance.x.accepted_obligations`."},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (f *unacceptedFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var model string
	var accepted []string
	resp.Error = req.Arguments.Get(ctx, &model, &accepted)
	if resp.Error != nil {
		return
	}
	r, err := builtinEngine().Resolve(srm.Request{ServiceModel: model, Accepted: accepted})
	if err != nil {
		arg := int64(0)
		if ie, ok := err.(*srm.InputError); ok && ie.Field == "accepted_obligations" {
			arg = 1
		}
		resp.Error = argumentError(arg, err)
		return
	}
	setStringList(ctx, resp, r.UnacceptedIDs())
}
