// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// resultCache remembers the computed attributes of srm_responsibility per
// distinct request. An estate declares thousands of resources of a few dozen
// types, so most reads ask a question already answered: the cache turns them
// into a lookup and skips building the same nested values again. The values
// are immutable Terraform values, safe to share between reads. The cache
// belongs to one configured provider, whose catalog, agreements and tag
// prefix never change.
type resultCache struct {
	mu      sync.Mutex
	entries map[string]map[string]tftypes.Value
}

// resultCacheSize bounds the cache; when full it starts over, which only
// costs recomputation.
const resultCacheSize = 4096

func (c *resultCache) get(key string) (map[string]tftypes.Value, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.entries[key]
	return v, ok
}

func (c *resultCache) put(key string, v map[string]tftypes.Value) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= resultCacheSize {
		c.entries = make(map[string]map[string]tftypes.Value)
	}
	c.entries[key] = v
}

// requestKey identifies a request and the frameworks asked for, for
// resultCache. Every part is length-prefixed, so that no two requests share
// a key whatever their strings hold; sets and maps are sorted.
func requestKey(req srm.Request, frameworks []string) string {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	field(req.ResourceType)
	field(req.ServiceModel)
	field(req.Agreement)
	keys := make([]string, 0, len(req.Conditions))
	for k := range req.Conditions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		field(k)
		field(req.Conditions[k])
	}
	b.WriteByte(';')
	for _, list := range [][]string{req.Accepted, frameworks} {
		sorted := append([]string(nil), list...)
		sort.Strings(sorted)
		for _, s := range sorted {
			field(s)
		}
		b.WriteByte(';')
	}
	return b.String()
}
