// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"slices"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// planCase is what the review must answer for one resource of a plan or a
// state written as `terraform show -json` writes them
// (https://developer.hashicorp.com/terraform/internals/json-format: an
// unknown value is left out of "after" and marked in "after_unknown"; an
// unset nested block is []).
type planCase struct {
	owner map[string]srm.Owner
	// obligation must be a customer obligation of the resource (absent:
	// must not be).
	obligation string
	absent     bool
	// assumed are the conditions the answer must list as assumed, and
	// only those.
	assumed []string
}

// checkPlanCases reviews a plan or state with -all and checks each case.
func checkPlanCases(t *testing.T, data string, cases map[string]planCase) {
	t.Helper()
	doc, k, err := parseDocument([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	rep := reviewDocument(doc, k, &srm.Engine{Catalog: srm.MustBuiltin()}, Options{Now: testNow, All: true})
	seen := map[string]bool{}
	for _, it := range rep.Items {
		tc, ok := cases[it.Address]
		if !ok {
			continue
		}
		seen[it.Address] = true
		if it.Result == nil {
			t.Errorf("%s: no answer (basis %s)", it.Address, it.Basis)
			continue
		}
		for _, rc := range it.Result.Components {
			if want, ok := tc.owner[rc.Component.ID]; ok && rc.Owner != want {
				t.Errorf("%s: %s %s, want %s", it.Address, rc.Component.ID, rc.Owner, want)
			}
		}
		if tc.obligation != "" && slices.Contains(it.Result.CustomerObligationIDs(), tc.obligation) == tc.absent {
			t.Errorf("%s: obligations %v; want %s present %v", it.Address, it.Result.CustomerObligationIDs(), tc.obligation, !tc.absent)
		}
		var assumed []string
		for _, a := range it.Assumptions {
			assumed = append(assumed, a.Condition)
		}
		if !slices.Equal(assumed, tc.assumed) {
			t.Errorf("%s: assumed %v (%v), want %v", it.Address, assumed, it.Assumptions, tc.assumed)
		}
	}
	for addr := range cases {
		if !seen[addr] {
			t.Errorf("%s: not reviewed", addr)
		}
	}
}

// TestReviewECSCapacity (audit N11): where an ECS service's or task set's
// tasks run is said by launch_type or by capacity_provider_strategy, which
// conflict, or by neither, and then the cluster's default strategy decides,
// which the resource does not show. The aws provider declares launch_type
// Optional and Computed (internal/service/ecs/service.go,
// task_set.go), so a plan that creates a resource without it has it known
// only after apply, and a state or a later plan has "" for it, with
// capacity_provider_strategy [].
func TestReviewECSCapacity(t *testing.T) {
	const plan = `{
  "format_version": "1.2",
  "terraform_version": "1.8.5",
  "resource_changes": [
    {"address": "aws_ecs_service.cluster_default", "mode": "managed", "type": "aws_ecs_service", "name": "cluster_default",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["update"],
                "before": {"name": "api", "launch_type": "", "capacity_provider_strategy": [], "desired_count": 1},
                "after": {"name": "api", "launch_type": "", "capacity_provider_strategy": [], "desired_count": 2},
                "after_unknown": {"capacity_provider_strategy": []}, "before_sensitive": {}, "after_sensitive": {"capacity_provider_strategy": []}}},
    {"address": "aws_ecs_service.fargate_strategy", "mode": "managed", "type": "aws_ecs_service", "name": "fargate_strategy",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "web", "capacity_provider_strategy": [{"base": 0, "capacity_provider": "FARGATE", "weight": 1}]},
                "after_unknown": {"id": true, "launch_type": true, "capacity_provider_strategy": [{}]},
                "before_sensitive": false, "after_sensitive": {"capacity_provider_strategy": [{}]}}},
    {"address": "aws_ecs_service.fargate", "mode": "managed", "type": "aws_ecs_service", "name": "fargate",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "jobs", "launch_type": "FARGATE", "capacity_provider_strategy": []},
                "after_unknown": {"id": true, "capacity_provider_strategy": []},
                "before_sensitive": false, "after_sensitive": {"capacity_provider_strategy": []}}},
    {"address": "aws_ecs_service.new_default", "mode": "managed", "type": "aws_ecs_service", "name": "new_default",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "worker", "capacity_provider_strategy": []},
                "after_unknown": {"id": true, "launch_type": true, "capacity_provider_strategy": []},
                "before_sensitive": false, "after_sensitive": {"capacity_provider_strategy": []}}},
    {"address": "aws_ecs_task_set.blue", "mode": "managed", "type": "aws_ecs_task_set", "name": "blue",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null,
                "after": {"service": "api", "cluster": "main", "capacity_provider_strategy": []},
                "after_unknown": {"id": true, "arn": true, "launch_type": true, "capacity_provider_strategy": []},
                "before_sensitive": false, "after_sensitive": {"capacity_provider_strategy": []}}},
    {"address": "aws_ecs_task_set.green", "mode": "managed", "type": "aws_ecs_task_set", "name": "green",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null,
                "after": {"service": "api", "cluster": "main", "launch_type": "FARGATE", "capacity_provider_strategy": []},
                "after_unknown": {"id": true, "arn": true, "capacity_provider_strategy": []},
                "before_sensitive": false, "after_sensitive": {"capacity_provider_strategy": []}}},
    {"address": "aws_ecs_task_set.spot", "mode": "managed", "type": "aws_ecs_task_set", "name": "spot",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null,
                "after": {"service": "api", "cluster": "main", "capacity_provider_strategy": [{"base": 0, "capacity_provider": "FARGATE_SPOT", "weight": 1}]},
                "after_unknown": {"id": true, "arn": true, "launch_type": true, "capacity_provider_strategy": [{}]},
                "before_sensitive": false, "after_sensitive": {"capacity_provider_strategy": [{}]}}}
  ]
}`
	customer := map[string]srm.Owner{"operating_system": srm.OwnerCustomer}
	shared := map[string]srm.Owner{"operating_system": srm.OwnerShared}
	checkPlanCases(t, plan, map[string]planCase{
		// Neither attribute: the cluster's default strategy, not Fargate
		// (was: no override, the caas OS row shared, no patch obligation).
		"aws_ecs_service.cluster_default": {owner: customer, obligation: "operating_system.patch"},
		// A strategy: the launch type, known only after apply, cannot be
		// set beside it and is not assumed (was: assumed EC2).
		"aws_ecs_service.fargate_strategy": {owner: shared, obligation: "operating_system.patch", absent: true},
		"aws_ecs_service.fargate":          {owner: shared, obligation: "operating_system.patch", absent: true},
		// Neither, the launch type known only after apply: assumed EC2.
		"aws_ecs_service.new_default": {owner: customer, obligation: "operating_system.patch", assumed: []string{"launch_type"}},
		// Task sets have the same conditions (was: the ECS service's
		// answer, OS shared, whatever they set).
		"aws_ecs_task_set.blue":  {owner: customer, obligation: "operating_system.patch", assumed: []string{"launch_type"}},
		"aws_ecs_task_set.green": {owner: shared, obligation: "operating_system.patch", absent: true},
		"aws_ecs_task_set.spot":  {owner: shared, obligation: "operating_system.patch", absent: true},
	})

	// A state: what the provider read back for a service created with
	// neither attribute.
	const state = `{
  "format_version": "1.0",
  "terraform_version": "1.8.5",
  "values": {"root_module": {"resources": [
    {"address": "aws_ecs_service.api", "mode": "managed", "type": "aws_ecs_service", "name": "api",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
     "values": {"name": "api", "launch_type": "", "capacity_provider_strategy": [], "desired_count": 2},
     "sensitive_values": {"capacity_provider_strategy": []}},
    {"address": "aws_ecs_task_set.blue", "mode": "managed", "type": "aws_ecs_task_set", "name": "blue",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
     "values": {"service": "api", "cluster": "main", "launch_type": "", "capacity_provider_strategy": []},
     "sensitive_values": {"capacity_provider_strategy": []}}
  ]}}
}`
	checkPlanCases(t, state, map[string]planCase{
		"aws_ecs_service.api":   {owner: customer, obligation: "operating_system.patch"},
		"aws_ecs_task_set.blue": {owner: customer, obligation: "operating_system.patch"},
	})
}

// TestReviewGKEReleaseChannel (audit L10): a GKE cluster's Kubernetes
// components (middleware) are shared when its release channel enrolls it in
// auto-upgrade, the customer's otherwise. The google provider declares
// release_channel optional and computed (a list of at most one block) and
// reads UNSPECIFIED back for a cluster without a channel
// (google/services/container/resource_container_cluster.go,
// flattenReleaseChannel), so a plan that creates a cluster without the block
// knows it only after apply.
func TestReviewGKEReleaseChannel(t *testing.T) {
	const plan = `{
  "format_version": "1.2",
  "terraform_version": "1.8.5",
  "resource_changes": [
    {"address": "google_container_cluster.regular", "mode": "managed", "type": "google_container_cluster", "name": "regular",
     "provider_name": "registry.terraform.io/hashicorp/google",
     "change": {"actions": ["update"],
                "before": {"name": "regular", "enable_autopilot": null, "release_channel": [{"channel": "REGULAR"}], "min_master_version": "1.30"},
                "after": {"name": "regular", "enable_autopilot": null, "release_channel": [{"channel": "REGULAR"}], "min_master_version": "1.31"},
                "after_unknown": {"release_channel": [{}]}, "before_sensitive": {}, "after_sensitive": {"release_channel": [{}]}}},
    {"address": "google_container_cluster.pinned", "mode": "managed", "type": "google_container_cluster", "name": "pinned",
     "provider_name": "registry.terraform.io/hashicorp/google",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "pinned", "enable_autopilot": null, "release_channel": [{"channel": "UNSPECIFIED"}]},
                "after_unknown": {"id": true, "release_channel": [{}]}, "before_sensitive": false, "after_sensitive": {"release_channel": [{}]}}},
    {"address": "google_container_cluster.new", "mode": "managed", "type": "google_container_cluster", "name": "new",
     "provider_name": "registry.terraform.io/hashicorp/google",
     "change": {"actions": ["create"], "before": null,
                "after": {"name": "new", "enable_autopilot": null},
                "after_unknown": {"id": true, "release_channel": true}, "before_sensitive": false, "after_sensitive": {}}}
  ]
}`
	checkPlanCases(t, plan, map[string]planCase{
		"google_container_cluster.regular": {owner: map[string]srm.Owner{"middleware": srm.OwnerShared}, obligation: "middleware.patch_middleware",
			assumed: []string{"enable_autopilot"}},
		"google_container_cluster.pinned": {owner: map[string]srm.Owner{"middleware": srm.OwnerCustomer}, assumed: []string{"enable_autopilot"}},
		"google_container_cluster.new": {owner: map[string]srm.Owner{"middleware": srm.OwnerCustomer},
			assumed: []string{"enable_autopilot", "release_channel.channel"}},
	})
}
