// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
	"strings"
	"testing"
)

// movedType is a custom resource type whose condition "hosting" moves it
// from iaas to on_premises; fields are spliced into the type's object and
// conditions into its conditions.
func movedType(fields, conditions string) string {
	return `{"resource_types": {"acme_vm": {"service_model": "iaas", "class": "compute_host", "source": "aws-srm"` + fields + `,
  "conditions": {"hosting": {"description": "where it runs", "default": "cloud", "values": {
    "cloud": {},
    "local": {"service_model": "on_premises", "reason": "runs in our data centre",
      "cells": {"physical_datacenter": {"owner": "customer"}, "virtualization": {"owner": "customer"}}}}}` +
		conditions + `}}}}`
}

// movedCatalog is the built-in catalog with movedType merged on top.
func movedCatalog(t *testing.T) *Catalog {
	t.Helper()
	return customCatalog(t, movedType("", ""))
}

// brokenCase is one catalog that breaks one rule.
type brokenCase struct {
	name string
	// rule is the rule (or "merge") that must report the problem.
	rule string
	// edit breaks the built-in documents; custom, if set, is merged on top.
	edit   func(docs []NamedDocument)
	custom string
	// want is the problem: document, path and a part of the message.
	doc, path, msg string
}

func brokenCases() []brokenCase {
	obligations := func(docs []NamedDocument) *Document { return docs[docIndex(docs, "data/obligations.json")].Document }
	return []brokenCase{
		{name: "duplicate within a document", rule: "merge", edit: func(d []NamedDocument) {
			matrixDoc(d).Layers = append(matrixDoc(d).Layers, matrixDoc(d).Layers[0])
		}, doc: "data/matrix.json", path: "$.layers[5]", msg: `duplicate layer "infrastructure": already defined at $.layers[0]`},
		{name: "collision without override", rule: "merge", edit: func(d []NamedDocument) {
			if d[docIndex(d, d2Name)].Document.Sources == nil {
				d[docIndex(d, d2Name)].Document.Sources = map[string]SourceDoc{}
			}
			d[docIndex(d, d2Name)].Document.Sources["aws-srm"] = SourceDoc{Title: "t", URL: "https://x.example", AsOf: "2026-01-01"}
		}, doc: d2Name, path: "$.sources.aws-srm", msg: `duplicate source "aws-srm": it is already defined by an earlier document`},
		{name: "no version", rule: "version", edit: func(d []NamedDocument) {
			for _, nd := range d {
				nd.Document.CatalogVersion = ""
			}
		}, doc: "catalog", path: "$.catalog_version", msg: "no document sets the catalog version"},
		{name: "source without https", rule: "sources", edit: func(d []NamedDocument) {
			s := matrixDoc(d).Sources["aws-srm"]
			s.URL = "http://aws.amazon.com/"
			matrixDoc(d).Sources["aws-srm"] = s
		}, doc: "data/matrix.json", path: "$.sources.aws-srm.url", msg: `must be an https:// URL, got "http://aws.amazon.com/"`},
		{name: "empty id pattern", rule: "frameworks", edit: func(d []NamedDocument) {
			f := matrixDoc(d).Frameworks["csa_ccm_v4"]
			f.IDPattern = ""
			matrixDoc(d).Frameworks["csa_ccm_v4"] = f
		}, doc: "data/matrix.json", path: "$.frameworks.csa_ccm_v4.id_pattern", msg: "must be a regular expression that every control id of the framework matches; it is empty"},
		{name: "id pattern that does not compile", rule: "frameworks", custom: `{"frameworks": {"iso": {"name": "ISO", "source": "aws-srm", "id_pattern": "A\\.[0-9"}}}`,
			doc: "catalog", path: "$.frameworks.iso.id_pattern", msg: "must be a regular expression: error parsing regexp: missing closing ]"},
		{name: "model id", rule: "service_models", edit: func(d []NamedDocument) { matrixDoc(d).ServiceModels[5].ID = "SaaS" },
			doc: "data/matrix.json", path: "$.service_models[5].id", msg: `"SaaS" must be lowercase letters`},
		{name: "layer without component", rule: "layers", custom: `{"layers": [{"id": "network", "name": "Network", "description": "d"}]}`,
			doc: "catalog", path: "$.layers[0]", msg: `layer "network" has no component`},
		{name: "cell of an unknown model", rule: "components", custom: `{"components": [{"id": "data_access", "cells": {"daas": {"owner": "customer"}}}]}`,
			doc: "catalog", path: "$.components[0].cells.daas", msg: `unknown service model "daas"; did you mean "caas", "faas" or "iaas"; defined: on_premises, iaas, caas, paas, faas, saas`},
		{name: "obligation with an unknown owner", rule: "obligations", custom: `{"obligations": [{"id": "data_access.x", "component": "data_access", "title": "t", "description": "d", "when": "provider"}]}`,
			doc: "catalog", path: "$.obligations[0].when", msg: `must be "customer", "shared" or empty, got "provider"`},
		{name: "customer cell without obligation", rule: "obligation_coverage", edit: func(d []NamedDocument) {
			obligations(d).Obligations = slices.DeleteFunc(obligations(d).Obligations, func(o ObligationDoc) bool { return o.Component == "middleware" })
		}, doc: "data/matrix.json", path: "$.components[6].cells.on_premises.owner", msg: `middleware is customer under on_premises but no obligation applies to it`},
		{name: "type name", rule: "resource_types", custom: `{"resource_types": {"acme": {"service_model": "paas", "class": "data_store", "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme", msg: `"acme" is not a Terraform resource type name`},
		{name: "unknown focus", rule: "resource_types", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "class": "data_store", "source": "aws-srm", "focus": ["data_protect"]}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.focus[0]", msg: `unknown component "data_protect"; did you mean "data_protection"`},
		{name: "default not a value", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "class": "data_store", "source": "aws-srm",
			"conditions": {"tier": {"description": "d", "default": "basic", "values": {"premium": {"source": "aws-srn"}}}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.tier.default", msg: `"basic" is not one of the values or rules (premium)`},
		{name: "unknown source of a condition value", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "class": "data_store", "source": "aws-srm",
			"conditions": {"tier": {"description": "d", "default": "premium", "values": {"premium": {"source": "aws-srn"}}}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.tier.values.premium.source", msg: `unknown source "aws-srn"; did you mean "aws-srm"`},
		{name: "class id", rule: "service_classes", custom: `{"service_classes": [{"id": "Edge", "name": "Edge", "description": "d", "applies_to": ["network_controls"]}]}`,
			doc: "catalog", path: "$.service_classes[0].id", msg: `"Edge" must be lowercase letters`},
		{name: "class without components", rule: "service_classes", custom: `{"service_classes": [{"id": "edge", "name": "Edge", "description": "d", "applies_to": []}]}`,
			doc: "catalog", path: "$.service_classes[0].applies_to", msg: "at least one component"},
		{name: "unknown component of a class", rule: "service_classes", custom: `{"service_classes": [{"id": "edge", "name": "Edge", "description": "d", "applies_to": ["network_control"]}]}`,
			doc: "catalog", path: "$.service_classes[0].applies_to[0]", msg: `unknown component "network_control"`},
		{name: "unknown class", rule: "applicability", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "class": "data_stor", "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.class", msg: `unknown service class "data_stor"`},
		{name: "unknown applicable component", rule: "applicability", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "applies_to": ["data_protect"], "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.applies_to[0]", msg: `unknown component "data_protect"`},
		{name: "type without class or applies_to", rule: "applicability", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.class", msg: "needs a class or applies_to"},
		{name: "focus not applicable", rule: "applicability", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "class": "network_object", "focus": ["data_protection"], "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.focus[0]", msg: `component "data_protection" is a focus of the type but does not apply to it`},
		{name: "built-in type without a class", rule: "applicability", edit: func(d []NamedDocument) {
			rt := d[docIndex(d, d2Name)].Document.ResourceTypes["aws_vpc"]
			rt.Class = ""
			d[docIndex(d, d2Name)].Document.ResourceTypes["aws_vpc"] = rt
		}, doc: d2Name, path: "$.resource_types.aws_vpc.class", msg: "needs a class or applies_to"},
		{name: "provider rule name with an underscore", rule: "providers", custom: `{"providers": {"acme_x": {"service_model": "on_premises", "class": "configuration_object", "source": "aws-srm", "rationale": "r"}}}`,
			doc: "catalog", path: "$.providers.acme_x", msg: `"acme_x" is not a Terraform provider name`},
		{name: "provider rule with an unknown model", rule: "providers", custom: `{"providers": {"acme": {"service_model": "onprem", "class": "configuration_object", "source": "aws-srm", "rationale": "r"}}}`,
			doc: "catalog", path: "$.providers.acme.service_model", msg: `unknown service model "onprem"`},
		{name: "provider rule without class or applies_to", rule: "providers", custom: `{"providers": {"acme": {"service_model": "on_premises", "source": "aws-srm", "rationale": "r"}}}`,
			doc: "catalog", path: "$.providers.acme.class", msg: "a provider rule needs a class or applies_to"},
		{name: "provider rule focus not applicable", rule: "providers", custom: `{"providers": {"acme": {"service_model": "on_premises", "class": "configuration_object", "focus": ["data_protection"], "source": "aws-srm", "rationale": "r"}}}`,
			doc: "catalog", path: "$.providers.acme.focus[0]", msg: `component "data_protection" is a focus of the provider rule but does not apply to it`},
		{name: "provider rule without a source", rule: "providers", custom: `{"providers": {"acme": {"service_model": "on_premises", "class": "configuration_object", "rationale": "r"}}}`,
			doc: "catalog", path: "$.providers.acme.source", msg: "a source is required"},
		{name: "provider rule without a rationale", rule: "providers", custom: `{"providers": {"acme": {"service_model": "on_premises", "class": "configuration_object", "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.providers.acme.rationale", msg: "must not be empty"},
		{name: "service key without a provider", rule: "services", custom: `{"services": {"acme": {"name": "Acme", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_store_"]}}}`,
			doc: "catalog", path: "$.services.acme", msg: `"acme" is not a service key`},
		{name: "part of an undefined service", rule: "services", custom: `{"services": {"acme/store.net": {"name": "Acme Store networking", "service_model": "paas", "class": "network_object", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_store_net_"]}}}`,
			doc: "catalog", path: "$.services.acme/store.net", msg: `"acme/store.net" is a part of service "acme/store", which the catalog does not define`},
		{name: "part beyond its service", rule: "services", custom: `{"services": {
			"acme/store": {"name": "Acme Store", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_store_"]},
			"acme/store.net": {"name": "Acme Store networking", "service_model": "paas", "class": "network_object", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_net_"]}}}`,
			doc: "catalog", path: "$.services.acme/store.net.prefixes[0]", msg: `"acme_net_" does not extend a prefix of service "acme/store" (acme_store_)`},
		{name: "service prefix of another provider", rule: "services", custom: `{"services": {"acme/store": {"name": "Acme", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "prefixes": ["other_x_"]}}}`,
			doc: "catalog", path: "$.services.acme/store.prefixes[0]", msg: `"other_x_" must start with "acme_"`},
		{name: "service prefix that is the provider alone", rule: "services", custom: `{"services": {"acme/store": {"name": "Acme", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_"]}}}`,
			doc: "catalog", path: "$.services.acme/store.prefixes[0]", msg: `"acme_" must start with "acme_" and go on`},
		{name: "service answering for nothing", rule: "services", custom: `{"services": {"acme/store": {"name": "Acme", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r"}}}`,
			doc: "catalog", path: "$.services.acme/store", msg: "answers for no resource type"},
		{name: "service without a name", rule: "services", custom: `{"services": {"acme/store": {"service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_store_"]}}}`,
			doc: "catalog", path: "$.services.acme/store.name", msg: "must not be empty"},
		{name: "service without a class", rule: "services", custom: `{"services": {"acme/store": {"name": "Acme", "service_model": "paas", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_store_"]}}}`,
			doc: "catalog", path: "$.services.acme/store.class", msg: "a service needs a class or applies_to"},
		{name: "service without a rationale", rule: "services", custom: `{"services": {"acme/store": {"name": "Acme", "service_model": "paas", "class": "data_store", "source": "aws-srm", "prefixes": ["acme_store_"]}}}`,
			doc: "catalog", path: "$.services.acme/store.rationale", msg: "must not be empty"},
		{name: "prefix of two services", rule: "services", custom: `{"services": {
			"acme/a": {"name": "A", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_store_"]},
			"acme/b": {"name": "B", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "prefixes": ["acme_store_"]}}}`,
			doc: "catalog", path: "$.services.acme/b.prefixes[0]", msg: `prefix "acme_store_" is claimed by service "acme/a" too`},
		{name: "type of two services", rule: "services", custom: `{"services": {
			"acme/a": {"name": "A", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "types": ["acme_thing"]},
			"acme/b": {"name": "B", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "types": ["acme_thing"]}}}`,
			doc: "catalog", path: "$.services.acme/b.types[0]", msg: `type "acme_thing" is claimed by service "acme/a" too`},
		{name: "ARM type of two services, in another case", rule: "services", custom: `{"services": {
			"acme/a": {"name": "A", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "arm": ["Microsoft.Acme/stores"]},
			"acme/b": {"name": "B", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "arm": ["microsoft.acme/Stores"]}}}`,
			doc: "catalog", path: "$.services.acme/b.arm[0]", msg: `ARM type "microsoft.acme/stores" is claimed by service "acme/a" too`},
		{name: "ARM type with its API version", rule: "services", custom: `{"services": {"acme/store": {"name": "Acme", "service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "r", "arm": ["Microsoft.Acme/stores@2024-01-01"]}}}`,
			doc: "catalog", path: "$.services.acme/store.arm[0]", msg: "is not an ARM namespace or resource type"},
		{name: "two model-moving conditions", rule: "one_model_moving_condition",
			custom: movedType("", `, "tenancy": {"description": "d", "default": "shared", "values": {"shared": {"service_model": "paas"}}}`),
			doc:    "catalog", path: "$.resource_types.acme_vm.conditions.tenancy", msg: `condition "tenancy" sets service_model, and so does condition "hosting"`},
		{name: "matrix cell", rule: "invariants", edit: func(d []NamedDocument) {
			component(matrixDoc(d), "physical_hosts").Cells["iaas"] = CellDoc{Owner: "customer", Source: "aws-srm"}
		}, doc: "data/matrix.json", path: "$.components[2].cells.iaas.owner", msg: "physical_hosts iaas may not be customer: the provider keeps the physical layer of its cloud"},
		// The type's own cell holds under iaas, its model, but not under
		// on_premises, where its condition can move it.
		{name: "type cell under a model a condition moves the type to", rule: "invariants",
			custom: movedType(`, "cells": {"physical_hosts": {"owner": "provider"}}`, ""),
			doc:    "catalog", path: "$.resource_types.acme_vm.cells.physical_hosts.owner",
			msg: "physical_hosts may not be provider under on_premises, which a condition of acme_vm moves it to: on premises the customer runs everything"},
		// Another condition's cell applies under the moved model as well.
		{name: "condition cell under a model another condition moves the type to", rule: "invariants",
			custom: movedType("", `, "managed": {"description": "d", "default": "no", "values": {"no": {}, "yes": {"cells": {"operating_system": {"owner": "provider"}}}}}`),
			doc:    "catalog", path: "$.resource_types.acme_vm.conditions.managed.values.yes.cells.operating_system.owner",
			msg: "operating_system may not be provider under on_premises, which a condition of acme_vm moves it to"},
		{name: "rule with two ways of matching", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"engine": {"description": "d", "default": "custom-*", "rules": [{"prefix": "custom-", "present": true}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.engine.rules[0]", msg: "a rule sets exactly one of prefix, present and boolean, got 2"},
		{name: "rule with no way of matching", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"engine": {"description": "d", "default": "x", "values": {"x": {}}, "rules": [{"reason": "r"}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.engine.rules[0]", msg: "a rule sets exactly one of prefix, present and boolean, got 0"},
		{name: "rule repeating an earlier one", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"key_store": {"description": "d", "default": "(set)", "rules": [{"present": true}, {"present": true}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.key_store.rules[1]", msg: `rule "(set)" repeats a value or an earlier rule`},
		{name: "boolean rule beside exact values", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"managed": {"description": "d", "default": "yes", "values": {"yes": {}}, "rules": [{"boolean": true}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.managed.rules[0].boolean", msg: "a boolean condition matches by rules only"},
		{name: "unknown cell component in a rule", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"engine": {"description": "d", "default": "custom-*", "rules": [{"prefix": "custom-", "cells": {"operating_sytem": {"owner": "customer"}}}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.engine.rules[0].cells.operating_sytem", msg: `unknown component "operating_sytem"`},
		{name: "replaced by an unknown condition", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"stack": {"description": "d", "default": "x", "values": {"x": {}}, "replaced_by": "stack.image"}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.stack.replaced_by", msg: `unknown condition "stack.image"`},
		{name: "entry arm that is a namespace", rule: "entry_arm", custom: `{"resource_types": {"acme_app": {"service_model": "paas", "source": "aws-srm", "arm": ["Microsoft.App"]}}}`,
			doc: "catalog", path: "$.resource_types.acme_app.arm[0]", msg: `"Microsoft.App" is not an ARM resource type`},
		{name: "entry arm listed twice", rule: "entry_arm", custom: `{"resource_types": {"acme_app": {"service_model": "paas", "class": "managed_platform", "source": "aws-srm", "arm": ["Microsoft.App/containerApps"]}}}`,
			doc: "data/resource_types_azurerm.json", path: "$.resource_types.azurerm_container_app.arm[0]", msg: `ARM type "Microsoft.App/containerApps" is listed by "acme_app" too`},
		{name: "arm property without arm types", rule: "entry_arm", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"tier": {"description": "d", "default": "x", "values": {"x": {}}, "arm_property": "properties.tier"}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.tier.arm_property", msg: "the entry lists no arm types"},
		{name: "focus component the provider's", rule: "focus_not_provider", custom: `{"resource_types": {"acme_rule": {"service_model": "saas", "class": "network_object", "source": "aws-srm", "focus": ["network_controls"]}}}`,
			doc: "catalog", path: "$.resource_types.acme_rule.focus[0]", msg: "network_controls is in focus but saas answers it provider"},
		{name: "binding that carries MFA", rule: "object_kinds", custom: `{"resource_types": {"acme_bucket_iam_member": {"service_model": "saas", "class": "identity_provider", "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme_bucket_iam_member.class", msg: "an access object (acme_bucket_iam_member) carries accounts_and_access.enforce_mfa"},
		{name: "setting with a host", rule: "object_kinds", custom: `{"resource_types": {"acme_function_event_config": {"service_model": "faas", "class": "serverless_function", "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme_function_event_config.class", msg: "a setting of its parent (acme_function_event_config) embodies operating_system"},
		{name: "traffic endpoint that backs up data", rule: "object_kinds", custom: `{"service_classes": [{"id": "traffic_endpoint", "name": "T", "description": "d", "applies_to": ["network_controls", "data_protection"]}],
			"resource_types": {"acme_lb": {"service_model": "paas", "class": "traffic_endpoint", "source": "aws-srm"}}}`,
			doc: "catalog", path: "$.resource_types.acme_lb.class", msg: "acme_lb carries the data-store obligation data_protection.back_up_data"},
		{name: "replaced name of another provider", rule: "replaces", custom: `{"resource_types": {"acme_app": {"service_model": "paas", "class": "managed_platform", "source": "aws-srm", "replaces": ["azurerm_app"]}}}`,
			doc: "catalog", path: "$.resource_types.acme_app.replaces[0]", msg: `"azurerm_app" is not a type name of provider acme`},
		{name: "replaced name with an entry", rule: "replaces", custom: `{"resource_types": {"azurerm_app": {"service_model": "paas", "class": "managed_platform", "source": "aws-srm", "replaces": ["azurerm_linux_web_app"]}}}`,
			doc: "catalog", path: "$.resource_types.azurerm_app.replaces[0]", msg: `"azurerm_linux_web_app" has an entry of its own`},
		{name: "setting without match", rule: "conditions", custom: `{"resource_types": {"acme_env": {"service_model": "paas", "class": "managed_platform", "source": "aws-srm",
			"conditions": {"managed": {"description": "d", "default": "x", "values": {"x": {}}, "setting": {"list": "setting", "value": "value"}}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_env.conditions.managed.setting", msg: "a setting needs list, match and value"},
		{name: "absent value that matches nothing", rule: "conditions", custom: `{"resource_types": {"acme_fn": {"service_model": "faas", "source": "aws-srm",
			"conditions": {"package": {"description": "d", "default": "Image", "absent": "zip", "values": {"Image": {}, "Zip": {}}}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_fn.conditions.package.absent", msg: `"zip" matches none of the values and rules (Image, Zip)`},
		{name: "replaced by a deprecated condition", rule: "conditions", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"a": {"description": "d", "default": "x", "values": {"x": {}}, "replaced_by": "b"},
				"b": {"description": "d", "default": "x", "values": {"x": {}}, "replaced_by": "c"}, "c": {"description": "d", "default": "x", "values": {"x": {}}}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.a.replaced_by", msg: `"b" is deprecated itself (replaced by "c")`},
		{name: "default that hides an obligation", rule: "conservative_default", custom: `{"resource_types": {"acme_fn": {"service_model": "faas", "source": "aws-srm",
			"conditions": {"image": {"description": "d", "default": "(not set)", "rules": [
				{"present": true, "cells": {"operating_system": {"owner": "customer"}}}, {"present": false}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_fn.conditions.image.default", msg: `"(not set)" is not the value that leaves the most to the customer: "(set)" makes operating_system customer`},
		{name: "boolean default that hides an obligation", rule: "conservative_default", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"auto_upgrade": {"description": "d", "default": "true", "rules": [
				{"boolean": true}, {"boolean": false, "cells": {"middleware": {"owner": "customer"}}}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.auto_upgrade.default", msg: `"false" makes middleware customer where "true" makes it`},
		{name: "hybrid default", rule: "conservative_default", custom: `{"resource_types": {"acme_node": {"service_model": "caas", "source": "aws-srm",
			"conditions": {"site": {"description": "d", "default": "(set)", "rules": [
				{"present": true, "hybrid": true, "cells": {"physical_hosts": {"owner": "customer"}}}, {"present": false}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_node.conditions.site.default", msg: `"(set)" is hybrid: hardware on the customer's site is never assumed`},
		{name: "rule cell breaking an invariant", rule: "invariants", custom: `{"resource_types": {"acme_db": {"service_model": "paas", "source": "aws-srm",
			"conditions": {"engine": {"description": "d", "default": "custom-*", "rules": [{"prefix": "custom-", "cells": {"physical_hosts": {"owner": "customer"}}}]}}}}}`,
			doc: "catalog", path: "$.resource_types.acme_db.conditions.engine.rules[0].cells.physical_hosts.owner", msg: "physical_hosts may not be customer under paas: the provider keeps the physical layer of its cloud"},
		{name: "hybrid type cell under a model a condition moves it to", rule: "invariants",
			custom: movedType(`, "hybrid": true, "cells": {"physical_hosts": {"owner": "provider"}}`, ""),
			doc:    "catalog", path: "$.resource_types.acme_vm.cells.physical_hosts.owner",
			msg: "physical_hosts may not be provider under on_premises"},
		{name: "condition cell under the type's model", rule: "invariants",
			custom: movedType("", `, "managed": {"description": "d", "default": "no", "values": {"no": {}, "yes": {"cells": {"configuration": {"owner": "provider"}}}}}`),
			doc:    "catalog", path: "$.resource_types.acme_vm.conditions.managed.values.yes.cells.configuration.owner",
			msg: "configuration may not be provider under iaas: misconfiguration stays with the customer"},
	}
}

// d2Name is the name of the first resource-type document.
const d2Name = "data/resource_types_aws.json"

// docIndex returns the index of the document named name, or -1.
func docIndex(docs []NamedDocument, name string) int {
	for i, d := range docs {
		if d.Name == name {
			return i
		}
	}
	return -1
}

// A table of broken catalogs, at least one per rule: each must be rejected
// with a problem at the offending path, and that problem must come from the
// rule the case names.
func TestRulesRejectBrokenCatalogs(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	for _, tc := range brokenCases() {
		covered[tc.rule] = true
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			docs := builtinDocs(t)
			if docIndex(docs, d2Name) < 0 {
				t.Fatalf("no document %s", d2Name)
			}
			if tc.edit != nil {
				tc.edit(docs)
			}
			if tc.custom != "" {
				doc, probs := ParseDocument(CustomDocumentName, tc.custom)
				if len(probs) > 0 {
					t.Fatal(probs)
				}
				docs = append(docs, NamedDocument{Name: CustomDocumentName, Document: doc, Override: true})
			}
			_, err := Compile(docs...)
			ps, _ := err.(Problems)
			m, mergeProbs := merge(docs)
			from := mergeProbs
			for _, r := range rules {
				if r.name == tc.rule {
					from = r.check(m)
				}
			}
			for _, p := range ps {
				if p.Document == tc.doc && p.Path == tc.path && strings.Contains(p.Message, tc.msg) {
					if !slices.Contains(from, p) {
						t.Errorf("the problem is not reported by rule %s: %v", tc.rule, p)
					}
					return
				}
			}
			t.Errorf("want %s: %s: ...%s...; got:\n%v", tc.doc, tc.path, tc.msg, err)
		})
	}
	for _, r := range rules {
		if !covered[r.name] {
			t.Errorf("rule %s has no broken catalog in the table", r.name)
		}
	}
}

// The cells of a model-moving condition's value are checked under the model
// that value selects only: on premises, physical components are the
// customer's.
func TestModelMovingConditionCellsHoldUnderTheirModel(t *testing.T) {
	t.Parallel()
	c := movedCatalog(t)
	e := &Engine{Catalog: c}
	r := resolve(t, e, Request{ResourceType: "acme_vm", Conditions: map[string]string{"hosting": "local"}})
	if r.ServiceModel.ID != "on_premises" || owner(t, r, "physical_datacenter") != OwnerCustomer {
		t.Errorf("acme_vm hosting=local resolved to %s with physical_datacenter %s", r.ServiceModel.ID, owner(t, r, "physical_datacenter"))
	}
	if got := modelsOfType(c, c.ResourceTypes["acme_vm"]); len(got) != 2 || got[0].ID != "iaas" || got[1].ID != "on_premises" {
		t.Errorf("modelsOfType = %v", got)
	}
}

// An agreement naming a resource type is checked under every model the type
// can resolve to, not only its own.
func TestAgreementHoldsUnderEveryModelOfTheType(t *testing.T) {
	t.Parallel()
	c := movedCatalog(t)
	ok := &Agreement{Name: "hosting", Overrides: []Override{{ResourceType: "acme_vm", Component: "runtime", Owner: OwnerCustomer, Reason: "r"}}}
	if errs := ValidateAgreements(c, []*Agreement{ok}); len(errs) != 0 {
		t.Fatalf("valid agreement rejected: %v", errs[0])
	}
	// virtualization may be the provider's under iaas, not on premises.
	bad := &Agreement{Name: "hosting", Overrides: []Override{{ResourceType: "acme_vm", Component: "virtualization", Owner: OwnerProvider, Reason: "r"}}}
	errs := ValidateAgreements(c, []*Agreement{bad})
	if len(errs) != 1 || errs[0].Override != 0 || errs[0].Attribute != "owner" ||
		!strings.Contains(errs[0].Detail, "virtualization provider under on_premises") {
		t.Errorf("want an owner error under on_premises, got %+v", errs)
	}
}
