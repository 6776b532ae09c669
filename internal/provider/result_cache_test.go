// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"reflect"
	"runtime"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func TestAnswerKey(t *testing.T) {
	t.Parallel()
	conds := map[string]string{"package_type": "Image", "update_runtime_on": "Auto"}
	base := srm.Request{ResourceType: "aws_lambda_function", Conditions: conds}
	same := srm.Request{ResourceType: "aws_lambda_function", Conditions: map[string]string{"update_runtime_on": "Auto", "package_type": "Image"}}
	if answerKey(base) != answerKey(same) {
		t.Error("the order of the conditions changed the key")
	}
	// Acceptances apply per read: they are not part of the key.
	if answerKey(base) != answerKey(srm.Request{ResourceType: base.ResourceType, Conditions: conds, Accepted: []string{"a"}}) {
		t.Error("the accepted obligations changed the key")
	}
	distinct := map[string]srm.Request{
		"base":               base,
		"other type":         {ResourceType: "aws_lambda_functio", Conditions: conds},
		"model":              {ServiceModel: "aws_lambda_function", Conditions: conds},
		"agreement":          {ResourceType: base.ResourceType, Agreement: "a", Conditions: conds},
		"condition value":    {ResourceType: base.ResourceType, Conditions: map[string]string{"package_type": "Zip", "update_runtime_on": "Auto"}},
		"key/value boundary": {ResourceType: base.ResourceType, Conditions: map[string]string{"package_typeI": "mage", "update_runtime_on": "Auto"}},
		"no conditions":      {ResourceType: base.ResourceType},
	}
	seen := map[string]string{}
	for name, req := range distinct {
		k := answerKey(req)
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share a key", name, other)
		}
		seen[k] = name
	}
}

// Every field of srm.Request either changes the cache key or is applied per
// read (Accepted). A field added to the request without either would have
// cached answers served for requests that differ in it: this test fails
// first, naming the field.
func TestAnswerKeyCoversRequest(t *testing.T) {
	t.Parallel()
	perRead := map[string]bool{"Accepted": true}
	rt := reflect.TypeOf(srm.Request{})
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		var req srm.Request
		v := reflect.ValueOf(&req).Elem().Field(i)
		switch v.Interface().(type) {
		case string:
			v.SetString("x")
		case []string:
			v.Set(reflect.ValueOf([]string{"x"}))
		case map[string]string:
			v.Set(reflect.ValueOf(map[string]string{"x": "y"}))
		default:
			t.Fatalf("srm.Request.%s has type %s, which this test cannot vary: extend answerKey and this test", f.Name, f.Type)
		}
		changes := answerKey(req) != answerKey(srm.Request{})
		switch {
		case perRead[f.Name] && changes:
			t.Errorf("srm.Request.%s is applied per read, yet it changes the cache key: the cache would grow with it", f.Name)
		case !perRead[f.Name] && !changes:
			t.Errorf("srm.Request.%s does not change the cache key: add it to answerKey (or apply it per read)", f.Name)
		}
	}
}

func TestResultCacheBounded(t *testing.T) {
	t.Parallel()
	var c resultCache
	weight := resultCacheBytes / 10
	for i := 0; i < 100; i++ {
		c.put(answerKey(srm.Request{ResourceType: string(rune('a' + i))}), &cachedAnswer{weight: weight})
		if c.bytes > resultCacheBytes || len(c.entries) > 10 {
			t.Fatalf("after %d puts: %d bytes in %d entries, over the budget of %d", i+1, c.bytes, len(c.entries), resultCacheBytes)
		}
	}
	sum := 0
	for _, e := range c.entries {
		sum += e.weight
	}
	if sum != c.bytes {
		t.Errorf("bytes = %d, but the entries weigh %d", c.bytes, sum)
	}
	k := answerKey(srm.Request{ServiceModel: "paas"})
	if _, ok := c.get(k); ok {
		t.Error("hit for a request never stored")
	}
	a := &cachedAnswer{weight: weight}
	c.put(k, a)
	c.put(k, a) // replacing an entry does not count it twice
	if got, ok := c.get(k); !ok || got != a {
		t.Errorf("get after put = %v, %v", got, ok)
	}
	if c.bytes > resultCacheBytes {
		t.Errorf("%d bytes after replacing an entry", c.bytes)
	}
	huge := answerKey(srm.Request{ServiceModel: "iaas"})
	c.put(huge, &cachedAnswer{weight: resultCacheBytes + 1})
	if _, ok := c.get(huge); ok {
		t.Error("an answer above the whole budget was stored")
	}
}

// answerWeight stays within a factor of two of the heap an answer really
// holds, so that the byte budget means what it says.
func TestAnswerWeightTracksHeap(t *testing.T) {
	d := &responsibilityDataSource{data: testProviderData()}
	for _, req := range []srm.Request{{ResourceType: "aws_db_instance"}, {ServiceModel: "iaas"}} {
		const n = 200
		answers := make([]*cachedAnswer, n)
		weights := 0
		before := liveHeap()
		for i := range answers {
			a, ok := d.compute(context.Background(), req, new(diagnostics))
			if !ok {
				t.Fatal("compute failed")
			}
			answers[i] = a
			weights += a.weight
		}
		held := liveHeap() - before
		runtime.KeepAlive(answers)
		ratio := float64(weights) / float64(held)
		t.Logf("%+v: weight %d B, heap %d B per answer (%.2f)", req, weights/n, held/n, ratio)
		if ratio < 0.5 || ratio > 2 {
			t.Errorf("%+v: weight %d B per answer, heap %d B: off by more than 2x", req, weights/n, held/n)
		}
	}
}

func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

func testProviderData() *providerData {
	return &providerData{engine: &srm.Engine{Catalog: srm.MustBuiltin()}, tagPrefix: srm.DefaultTagPrefix}
}
