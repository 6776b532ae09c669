// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// NewObligationAcceptanceResource returns the srm_obligation_acceptance resource.
// STUB: being written.
func NewObligationAcceptanceResource() resource.Resource { return &obligationAcceptanceResource{} }

type obligationAcceptanceResource struct{}

func (r *obligationAcceptanceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_obligation_acceptance"
}
func (r *obligationAcceptanceResource) Schema(context.Context, resource.SchemaRequest, *resource.SchemaResponse) {}
func (r *obligationAcceptanceResource) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (r *obligationAcceptanceResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse)       {}
func (r *obligationAcceptanceResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (r *obligationAcceptanceResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

var _ = schema.Schema{}
