// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var _ function.Function = (*ownerFunction)(nil)

// NewOwnerFunction returns provider::srm::owner.
func NewOwnerFunction() function.Function { return &ownerFunction{} }

type ownerFunction struct{}

func (f *ownerFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "owner"
}

func (f *ownerFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Owner of a component or layer under a service model",
		MarkdownDescription: "Returns `provider`, `customer` or `shared`: the owner of a component (e.g. `operating_system`) or the " +
			"derived owner of a layer (e.g. `platform`) under a service model." + builtinNote,
		Parameters: []function.Parameter{
			function.StringParameter{Name: "service_model", MarkdownDescription: "Service model: " + modelList() + "."},
			function.StringParameter{Name: "component_or_layer", MarkdownDescription: "A component id (" +
				codeList(srm.MustBuiltin().ComponentIDs()) + ") or a layer id (" + layerList() + ")."},
		},
		Return: function.StringReturn{},
	}
}

func (f *ownerFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var model, name string
	resp.Error = req.Arguments.Get(ctx, &model, &name)
	if resp.Error != nil {
		return
	}
	r, err := builtinEngine().Resolve(srm.Request{ServiceModel: model})
	if err != nil {
		resp.Error = argumentError(0, err)
		return
	}
	for _, c := range r.Components {
		if c.Component.ID == name {
			resp.Error = resp.Result.Set(ctx, string(c.Owner))
			return
		}
	}
	for _, l := range r.Layers {
		if l.Layer.ID == name {
			resp.Error = resp.Result.Set(ctx, string(l.Owner))
			return
		}
	}
	valid := append(r.Catalog.ComponentIDs(), r.Catalog.LayerIDs()...)
	msg := fmt.Sprintf("%q is neither a component nor a layer.", name)
	if near := srm.Closest(name, valid, 3); len(near) > 0 {
		msg += " Did you mean " + strings.Join(near, ", ") + "?"
	}
	resp.Error = function.NewArgumentFuncError(1, msg+" Valid values: "+strings.Join(valid, ", ")+".")
}
