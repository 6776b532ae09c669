// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Command standin is a provider that stands in for hashicorp/aws,
// hashicorp/azurerm and hashicorp/google in blocks_test.go: it declares the
// resource types whose catalog conditions name a nested block or an
// attribute inside one, with those blocks shaped as the real providers
// declare them (list blocks, as the SDKv2 providers' TypeList blocks
// appear in a plan), so that Terraform and OpenTofu write a plan of them
// exactly as they write one of the real types. Resources only plan: they
// are never applied. Installed under a name that contains "old", it is a
// provider version that predates aws_lambda_function's package_type.
package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// schemas gives each stand-in type as attribute paths: "a.b.c" declares
// blocks a and b and the attribute c in b; a path ending in "{}" declares
// a block with no attributes; the suffix ":bool" or ":list" gives the
// attribute's type (string otherwise), ":computed" makes a string attribute
// optional and computed, as the aws provider declares an ECS service's
// launch_type (unknown in a plan that creates the resource without it).
// Every attribute is optional.
var schemas = map[string][]string{
	"aws_ecs_capacity_provider": {"name", "auto_scaling_group_provider.auto_scaling_group_arn",
		"managed_instances_provider.infrastructure_role_arn"},
	"aws_ecs_service": {"name", "launch_type:computed", "capacity_provider_strategy.capacity_provider",
		"capacity_provider_strategy.weight"},
	"aws_ecs_task_set": {"service", "launch_type:computed", "capacity_provider_strategy.capacity_provider",
		"capacity_provider_strategy.weight"},
	"aws_eks_cluster": {"name", "compute_config.enabled:bool", "compute_config.node_pools:list",
		"remote_network_config.remote_node_networks.cidrs:list"},
	"aws_lambda_function":                            {"function_name", "package_type"},
	"aws_elastic_beanstalk_environment":              {"name", "setting.namespace", "setting.name", "setting.value"},
	"azurerm_linux_web_app":                          {"name", "site_config.application_stack.docker_image_name", "site_config.application_stack.python_version"},
	"azurerm_linux_function_app":                     {"name", "site_config.application_stack.docker.image_name", "site_config.application_stack.python_version"},
	"azurerm_linux_virtual_machine_scale_set":        {"name", "automatic_os_upgrade_policy.automatic_os_upgrade_enabled:bool"},
	"azurerm_orchestrated_virtual_machine_scale_set": {"name", "os_profile.linux_configuration.patch_mode", "os_profile.windows_configuration.patch_mode"},
	"google_cloudfunctions2_function": {"name", "build_config.runtime", "build_config.automatic_update_policy{}",
		"build_config.on_deploy_update_policy.runtime_version"},
	"google_cloud_run_v2_service": {"name", "template.containers.image", "template.containers.base_image_uri"},
	"google_container_node_pool":  {"name", "management.auto_upgrade:bool", "management.auto_repair:bool"},
	"google_kms_crypto_key":       {"name", "version_template.protection_level", "version_template.algorithm"},
}

func main() {
	old := strings.Contains(filepath.Base(os.Args[0]), "old")
	_ = providerserver.Serve(context.Background(), func() provider.Provider { return &standin{old: old} },
		providerserver.ServeOpts{Address: "registry.terraform.io/standin/standin"})
}

type standin struct{ old bool }

func (p *standin) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "standin"
}

func (p *standin) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *standin) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *standin) DataSources(context.Context) []func() datasource.DataSource { return nil }

func (p *standin) Resources(context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for name, paths := range schemas {
		if p.old && name == "aws_lambda_function" {
			paths = paths[:1] // before package_type existed
		}
		out = append(out, func() resource.Resource { return &standinResource{name: name, schema: build(paths)} })
	}
	return out
}

// block is a block being built: its attributes and nested blocks.
type block struct {
	attrs  map[string]schema.Attribute
	blocks map[string]*block
}

func build(paths []string) schema.Schema {
	root := &block{}
	for _, p := range paths {
		root.add(strings.Split(p, "."))
	}
	return schema.Schema{MarkdownDescription: "A stand-in.", Attributes: root.attrs, Blocks: root.nested()}
}

func (b *block) add(path []string) {
	if b.attrs == nil {
		b.attrs, b.blocks = map[string]schema.Attribute{}, map[string]*block{}
	}
	name := path[0]
	if len(path) > 1 || strings.HasSuffix(name, "{}") {
		name = strings.TrimSuffix(name, "{}")
		if b.blocks[name] == nil {
			b.blocks[name] = &block{attrs: map[string]schema.Attribute{}, blocks: map[string]*block{}}
		}
		if len(path) > 1 {
			b.blocks[name].add(path[1:])
		}
		return
	}
	name, kind, _ := strings.Cut(name, ":")
	switch kind {
	case "bool":
		b.attrs[name] = schema.BoolAttribute{Optional: true}
	case "list":
		b.attrs[name] = schema.ListAttribute{Optional: true, ElementType: types.StringType}
	case "computed":
		b.attrs[name] = schema.StringAttribute{Optional: true, Computed: true}
	default:
		b.attrs[name] = schema.StringAttribute{Optional: true}
	}
}

func (b *block) nested() map[string]schema.Block {
	out := map[string]schema.Block{}
	for name, nb := range b.blocks {
		out[name] = schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: nb.attrs, Blocks: nb.nested()}}
	}
	return out
}

type standinResource struct {
	name   string
	schema schema.Schema
}

func (r *standinResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.name
}

func (r *standinResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema
}

func (r *standinResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (r *standinResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *standinResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (r *standinResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
