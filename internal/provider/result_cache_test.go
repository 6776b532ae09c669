// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func TestRequestKey(t *testing.T) {
	t.Parallel()
	base := srm.Request{ResourceType: "aws_lambda_function", Conditions: map[string]string{"package_type": "Image", "update_runtime_on": "Auto"},
		Accepted: []string{"b", "a"}}
	same := srm.Request{ResourceType: "aws_lambda_function", Conditions: map[string]string{"update_runtime_on": "Auto", "package_type": "Image"},
		Accepted: []string{"a", "b"}}
	if requestKey(base, []string{"x", "y"}) != requestKey(same, []string{"y", "x"}) {
		t.Error("the order of sets and maps changed the key")
	}
	distinct := map[string]srm.Request{
		"base":               base,
		"other type":         {ResourceType: "aws_lambda_functio", Conditions: base.Conditions, Accepted: base.Accepted},
		"model":              {ServiceModel: "aws_lambda_function", Conditions: base.Conditions, Accepted: base.Accepted},
		"agreement":          {ResourceType: base.ResourceType, Agreement: "a", Conditions: base.Conditions, Accepted: base.Accepted},
		"condition value":    {ResourceType: base.ResourceType, Conditions: map[string]string{"package_type": "Zip", "update_runtime_on": "Auto"}, Accepted: base.Accepted},
		"key/value boundary": {ResourceType: base.ResourceType, Conditions: map[string]string{"package_typeI": "mage", "update_runtime_on": "Auto"}, Accepted: base.Accepted},
		"fewer accepted":     {ResourceType: base.ResourceType, Conditions: base.Conditions, Accepted: []string{"a"}},
		"accepted joined":    {ResourceType: base.ResourceType, Conditions: base.Conditions, Accepted: []string{"ab"}},
	}
	seen := map[string]string{}
	for name, req := range distinct {
		k := requestKey(req, []string{"x", "y"})
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share a key", name, other)
		}
		seen[k] = name
	}
	// A framework moved into the accepted set is another request.
	if requestKey(srm.Request{Accepted: []string{"x"}}, nil) == requestKey(srm.Request{}, []string{"x"}) {
		t.Error("accepted obligations and frameworks share a key")
	}
}

func TestResultCacheBounded(t *testing.T) {
	t.Parallel()
	var c resultCache
	v := map[string]tftypes.Value{"catalog_version": tftypes.NewValue(tftypes.String, "v")}
	for i := 0; i < resultCacheSize+10; i++ {
		c.put(requestKey(srm.Request{ResourceType: "t", Accepted: []string{string(rune('a' + i%26)), string(rune(i))}}, nil), v)
	}
	if n := len(c.entries); n > resultCacheSize {
		t.Errorf("cache holds %d entries, more than %d", n, resultCacheSize)
	}
	k := requestKey(srm.Request{ServiceModel: "paas"}, nil)
	if _, ok := c.get(k); ok {
		t.Error("hit for a request never stored")
	}
	c.put(k, v)
	if got, ok := c.get(k); !ok || !got["catalog_version"].Equal(v["catalog_version"]) {
		t.Errorf("get after put = %v, %v", got, ok)
	}
}
