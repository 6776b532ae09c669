// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// NewCatalogDataSource returns the srm_catalog data source.
// STUB: being written.
func NewCatalogDataSource() datasource.DataSource { return &catalogDataSource{} }

type catalogDataSource struct{}

func (d *catalogDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_catalog"
}
func (d *catalogDataSource) Schema(context.Context, datasource.SchemaRequest, *datasource.SchemaResponse) {}
func (d *catalogDataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse)       {}
