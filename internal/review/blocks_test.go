// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Plans of nested blocks written by the real CLIs. testdata/blocks/config
// declares, for every catalog condition that names a nested block or an
// attribute inside one, resources of stand-in types (testdata/blocks/standin,
// a provider whose schemas shape those blocks as hashicorp/aws, azurerm and
// google do) with the block unset, set, set empty and repeated; the JSON of
// its plan is committed under testdata/blocks as <cli>-plan.json, so that
// TestReviewBlockPlans reads what the CLIs print without running them, and
// TestAccReviewBlockPlans (TF_ACC) rebuilds it with the CLI of
// TF_ACC_TERRAFORM_PATH and checks it again.

// notRead marks a condition the reader leaves out (the domain assumes).
const notRead = "<not read>"

// blockCase is what the reader must read from one resource of the plan,
// and what the answer must then say.
type blockCase struct {
	conds map[string]string // key → value read ("" not set), or notRead
	owner map[string]srm.Owner
	// hybrid is whether the answer puts hardware on the customer's site.
	hybrid bool
}

var blockCases = map[string]blockCase{
	// An unset block is [] in the plan: not set (audit N3: was "(set)").
	"aws_ecs_capacity_provider.asg": {conds: map[string]string{"managed_instances_provider": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerCustomer}},
	"aws_ecs_capacity_provider.managed": {conds: map[string]string{"managed_instances_provider": `[{"infrastructure_role_arn":"arn:aws:iam::111122223333:role/ecs-infrastructure"}]`},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerProvider}},
	"aws_ecs_service.ec2": {conds: map[string]string{"launch_type": "EC2", "capacity_provider_strategy.capacity_provider": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerCustomer}},
	// launch_type, optional and computed, is known only after apply; it
	// conflicts with the strategy, which answers alone (audit N11: was
	// assumed EC2).
	"aws_ecs_service.fargate": {conds: map[string]string{"launch_type": notRead, "capacity_provider_strategy.capacity_provider": "FARGATE"},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerShared}},
	// Two strategies that disagree: no one value, the domain assumes.
	"aws_ecs_service.mixed": {conds: map[string]string{"launch_type": notRead, "capacity_provider_strategy.capacity_provider": notRead},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerCustomer}},
	// Neither: the cluster's default strategy, not Fargate (audit N11).
	"aws_ecs_service.cluster_default": {conds: map[string]string{"launch_type": notRead, "capacity_provider_strategy.capacity_provider": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerCustomer}},
	"aws_ecs_task_set.ec2": {conds: map[string]string{"launch_type": "EC2", "capacity_provider_strategy.capacity_provider": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerCustomer}},
	"aws_ecs_task_set.spot": {conds: map[string]string{"launch_type": notRead, "capacity_provider_strategy.capacity_provider": "FARGATE_SPOT"},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerShared}},
	"aws_ecs_task_set.cluster_default": {conds: map[string]string{"launch_type": notRead, "capacity_provider_strategy.capacity_provider": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerCustomer}},
	"aws_eks_cluster.standard": {conds: map[string]string{"compute_config.enabled": "", "remote_network_config": ""},
		owner: map[string]srm.Owner{"physical_hosts": srm.OwnerProvider, "virtualization": srm.OwnerProvider}},
	"aws_eks_cluster.auto": {conds: map[string]string{"compute_config.enabled": "true", "remote_network_config": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerProvider}},
	"aws_eks_cluster.hybrid": {conds: map[string]string{"compute_config.enabled": "", "remote_network_config": `[{"remote_node_networks":[{"cidrs":["10.80.0.0/16"]}]}]`},
		owner: map[string]srm.Owner{"physical_hosts": srm.OwnerCustomer}, hybrid: true},
	"aws_lambda_function.zip": {conds: map[string]string{"package_type": "Zip"}},
	// An option of the setting blocks (audit N10: never read before).
	"aws_elastic_beanstalk_environment.managed": {conds: map[string]string{"managed_actions_enabled": "true"},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerShared}},
	"aws_elastic_beanstalk_environment.unmanaged": {conds: map[string]string{"managed_actions_enabled": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerCustomer}},
	"aws_lambda_function.image": {conds: map[string]string{"package_type": "Image"}},
	// A provider version without package_type: every function was a Zip.
	"aws_lambda_function.old":                           {conds: map[string]string{"package_type": "Zip"}},
	"azurerm_linux_web_app.code":                        {conds: map[string]string{"site_config.application_stack.docker_image_name": ""}},
	"azurerm_linux_web_app.container":                   {conds: map[string]string{"site_config.application_stack.docker_image_name": "payments/api:1.4"}},
	"azurerm_linux_web_app.bare":                        {conds: map[string]string{"site_config.application_stack.docker_image_name": ""}},
	"azurerm_linux_function_app.code":                   {conds: map[string]string{"site_config.application_stack.docker.image_name": ""}},
	"azurerm_linux_function_app.container":              {conds: map[string]string{"site_config.application_stack.docker.image_name": "payments/worker"}},
	"azurerm_linux_virtual_machine_scale_set.automatic": {conds: map[string]string{"automatic_os_upgrade_policy.automatic_os_upgrade_enabled": "true"}},
	"azurerm_linux_virtual_machine_scale_set.manual":    {conds: map[string]string{"automatic_os_upgrade_policy.automatic_os_upgrade_enabled": ""}},
	"azurerm_orchestrated_virtual_machine_scale_set.linux": {conds: map[string]string{
		"os_profile.linux_configuration.patch_mode": "AutomaticByPlatform", "os_profile.windows_configuration.patch_mode": ""}},
	"azurerm_orchestrated_virtual_machine_scale_set.windows": {conds: map[string]string{
		"os_profile.linux_configuration.patch_mode": "", "os_profile.windows_configuration.patch_mode": ""}},
	// automatic_update_policy {} is [{}]; the unset on_deploy_update_policy
	// is [] (audit N3: was "(set)").
	"google_cloudfunctions2_function.automatic": {conds: map[string]string{"build_config.on_deploy_update_policy": ""},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerProvider}},
	"google_cloudfunctions2_function.on_deploy": {conds: map[string]string{"build_config.on_deploy_update_policy": `[{"runtime_version":null}]`},
		owner: map[string]srm.Owner{"operating_system": srm.OwnerShared}},
	"google_cloud_run_v2_service.image": {conds: map[string]string{"template.containers.base_image_uri": ""}},
	"google_cloud_run_v2_service.source": {conds: map[string]string{
		"template.containers.base_image_uri": "europe-west1-docker.pkg.dev/serverless-runtimes/google-22/runtimes/python312"}},
	// A base image with a customer-built sidecar: not one value.
	"google_cloud_run_v2_service.sidecar":  {conds: map[string]string{"template.containers.base_image_uri": notRead}},
	"google_container_node_pool.auto":      {conds: map[string]string{"management.auto_upgrade": "true"}},
	"google_container_node_pool.unmanaged": {conds: map[string]string{"management.auto_upgrade": ""}},
	"google_kms_crypto_key.hsm":            {conds: map[string]string{"version_template.protection_level": "HSM"}},
	"google_kms_crypto_key.default":        {conds: map[string]string{"version_template.protection_level": ""}},
}

// checkBlockPlan reads every resource of a plan of testdata/blocks/config
// and checks what the reader reads and what the answer says.
func checkBlockPlan(t *testing.T, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := parseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	engine := &srm.Engine{Catalog: srm.MustBuiltin()}
	cr := &conditionReader{engine: engine}
	seen := map[string]bool{}
	for _, rc := range doc.ResourceChanges {
		want, ok := blockCases[rc.Address]
		if !ok {
			t.Errorf("%s: no case", rc.Address)
			continue
		}
		seen[rc.Address] = true
		rt := engine.Catalog.Lookup(rc.Type)
		if rt == nil {
			t.Fatalf("%s: no catalog entry", rc.Type)
		}
		conds, why := cr.read(rt, attributes{values: rc.Change.After, unknown: rc.Change.AfterUnknown, sensitive: rc.Change.AfterSensitive})
		for key, w := range want.conds {
			got, given := conds[key]
			switch {
			case w == notRead && given:
				t.Errorf("%s %s: read %q, want it left out", rc.Address, key, got)
			case w == notRead && why[key] == "":
				t.Errorf("%s %s: left out without a reason", rc.Address, key)
			case w != notRead && (!given || got != w):
				t.Errorf("%s %s = %q (given %v, %s), want %q", rc.Address, key, got, given, why[key], w)
			}
		}
		res, err := engine.Resolve(srm.Request{ResourceType: rc.Type, Conditions: conds})
		if err != nil {
			t.Fatalf("%s: %v", rc.Address, err)
		}
		if res.Hybrid != want.hybrid {
			t.Errorf("%s: hybrid %v, want %v", rc.Address, res.Hybrid, want.hybrid)
		}
		for _, rcomp := range res.Components {
			if w, ok := want.owner[rcomp.Component.ID]; ok && rcomp.Owner != w {
				t.Errorf("%s: %s %s, want %s", rc.Address, rcomp.Component.ID, rcomp.Owner, w)
			}
		}
	}
	for addr := range blockCases {
		if !seen[addr] {
			t.Errorf("%s: not in the plan", addr)
		}
	}
}

func TestReviewBlockPlans(t *testing.T) {
	for _, cli := range []string{"terraform", "tofu"} {
		file := filepath.Join("testdata", "blocks", cli+"-plan.json")
		if _, err := os.Stat(file); err != nil {
			t.Fatalf("%v: run TF_ACC=1 TF_ACC_TERRAFORM_PATH=<%s> go test ./internal/review -run TestAccReviewBlockPlans -update", err, cli)
		}
		t.Run(cli, func(t *testing.T) { checkBlockPlan(t, file) })
	}
}

func TestAccReviewBlockPlans(t *testing.T) {
	skipWithoutCLI(t)
	// The stand-in provider, served for hashicorp/aws, azurerm and google
	// and, under a name with "old", for standin/awsold.
	tmp := t.TempDir()
	standin := filepath.Join(tmp, "standin")
	build := exec.Command("go", "build", "-o", standin, "./testdata/blocks/standin")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	overrides := map[string]string{}
	for source, name := range map[string]string{"hashicorp/aws": "aws", "hashicorp/azurerm": "azurerm",
		"hashicorp/google": "google", "standin/awsold": "awsold"} {
		dir := filepath.Join(tmp, "plugins", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Link(standin, filepath.Join(dir, "terraform-provider-"+name)); err != nil {
			t.Fatal(err)
		}
		overrides[source] = dir
	}
	w := newCLIWorkServing(t, overrides, readTree(t, filepath.Join("testdata", "blocks", "config")), nil)
	out := filepath.Join(t.TempDir(), "json")
	if *update {
		out = filepath.Join("testdata", "blocks")
	}
	checkBlockPlan(t, saveJSON(t, out, w.cli+"-plan.json", w.planJSON()))
}

// TestReadValueShapes reads the shapes of values that the stand-in plans
// do not show, as Terraform's JSON output format documents them
// (https://developer.hashicorp.com/terraform/internals/json-format, "Values
// Representation": a single nested block or object attribute as an object,
// null when not set; a map as an object; a set as a list; numbers and
// booleans as JSON numbers and booleans).
func TestReadValueShapes(t *testing.T) {
	after := json.RawMessage(`{
	  "single": {"mode": "x", "empty": {}},
	  "single_null": null,
	  "tags": {},
	  "flags": [true, false],
	  "size": 3.5,
	  "set_one": ["FARGATE"],
	  "set_two": ["EC2", "FARGATE"],
	  "same": [{"v": "a"}, {"v": "a"}],
	  "some_unset": [{"v": "a"}, {"v": null}]
	}`)
	cases := []struct {
		path  string
		value string
		read  bool // false: left out (not one value)
	}{
		{"single.mode", "x", true},
		{"single.empty", "", true},
		{"single_null", "", true},
		{"single_null.mode", "", true},
		{"tags", "", true},
		{"flags.x", "", true}, // a list of booleans is not a block
		{"size", "3.5", true},
		{"set_one", "FARGATE", true},
		{"set_two", `["EC2","FARGATE"]`, true},
		{"same.v", "a", true},
		{"some_unset.v", "", false},
	}
	attrs := attributes{values: after}
	read := func(path string, cond *srm.Condition) (string, bool, string) {
		conds, why := map[string]string{}, ""
		attrs.readInto(conds, func(_, reason string) { why = reason }, path, strings.Split(path, "."), cond)
		got, ok := conds[path]
		return got, ok, why
	}
	for _, tc := range cases {
		if got, ok, why := read(tc.path, nil); got != tc.value || ok != tc.read {
			t.Errorf("%s = %q (read %v, %s), want %q (read %v)", tc.path, got, ok, why, tc.value, tc.read)
		}
	}
	// An attribute absent from its object (the provider predates it)
	// takes the condition's absent value; a null one does not.
	withAbsent := &srm.Condition{Absent: "Zip"}
	if got, _, _ := read("package_type", withAbsent); got != "Zip" {
		t.Errorf("package_type absent: %q, want the condition's absent value", got)
	}
	if got, ok, _ := read("single_null", withAbsent); got != "" || !ok {
		t.Errorf("a null attribute: %q (read %v), want not set", got, ok)
	}
}
