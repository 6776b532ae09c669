// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var _ function.Function = (*serviceModelFunction)(nil)

// NewServiceModelFunction returns provider::srm::service_model.
func NewServiceModelFunction() function.Function { return &serviceModelFunction{} }

type serviceModelFunction struct{}

func (f *serviceModelFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "service_model"
}

func (f *serviceModelFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Service model of a Terraform resource type",
		MarkdownDescription: "Returns the service model of a Terraform resource type from the resource-type catalog, e.g. `caas` for " +
			"`google_container_cluster`. Conditions are not considered: the answer is the type's base model." + builtinNote,
		Parameters: []function.Parameter{
			function.StringParameter{Name: "resource_type", MarkdownDescription: "A Terraform resource type, e.g. `aws_db_instance`."},
		},
		Return: function.StringReturn{},
	}
}

func (f *serviceModelFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var t string
	resp.Error = req.Arguments.Get(ctx, &t)
	if resp.Error != nil {
		return
	}
	c := srm.MustBuiltin()
	rt := c.Lookup(t)
	if rt == nil {
		resp.Error = argumentError(0, srm.UnknownTypeError(c, t))
		return
	}
	resp.Error = resp.Result.Set(ctx, rt.ServiceModel)
}
