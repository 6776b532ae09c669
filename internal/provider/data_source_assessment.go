// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// NewAssessmentDataSource returns the srm_assessment data source.
// STUB: being written.
func NewAssessmentDataSource() datasource.DataSource { return &assessmentDataSource{} }

type assessmentDataSource struct{}

func (d *assessmentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assessment"
}
func (d *assessmentDataSource) Schema(context.Context, datasource.SchemaRequest, *datasource.SchemaResponse) {
}
func (d *assessmentDataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse) {
}
