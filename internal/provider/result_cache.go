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

// resultCache memoises, for one configured provider, the part of
// srm_responsibility's answer that does not depend on the accepted
// obligations. An estate declares thousands of resources of a few dozen
// types and conditions, so most reads ask a question already answered; what
// each instance accepts is its own, so the unaccepted ids and the tags that
// count them are computed on every read from the cached result (cheap: a scan
// of a few dozen ids). Keyed this way the cache has few entries whatever the
// acceptances, and a byte budget bounds it whatever the inputs.
//
// The catalog, agreements and tag prefix of a configured provider never
// change, and each Configure makes a new cache. Cached values are immutable
// (srm.Result is read-only once resolved, Terraform values are immutable), so
// reads share them.
type resultCache struct {
	mu      sync.Mutex
	entries map[string]*cachedAnswer
	bytes   int // sum of the entries' weights
}

// cachedAnswer is one request's answer before acceptance.
type cachedAnswer struct {
	// result is resolved with nothing accepted; WithAccepted applies a
	// read's acceptances to it.
	result *srm.Result
	// shared are the computed attributes that do not depend on acceptance,
	// keyed by attribute name: every read of the answer has them.
	shared *sharedAttrs
	// weight approximates the heap bytes the answer holds (answerWeight).
	weight int
}

// resultCacheBytes bounds the approximate bytes the cache holds. An answer
// weighs 10–30 KiB, so the budget holds a few hundred distinct answers, more than the kinds of resources of
// an estate, and keeps the provider's peak memory bounded for any input.
const resultCacheBytes = 4 << 20

func (c *resultCache) get(key string) (*cachedAnswer, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.entries[key]
	return a, ok
}

// put stores an answer, evicting arbitrary entries (map order) while the
// budget is exceeded; eviction only costs recomputation.
func (c *resultCache) put(key string, a *cachedAnswer) {
	if a.weight > resultCacheBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[string]*cachedAnswer)
	}
	if old, ok := c.entries[key]; ok {
		c.bytes -= old.weight
	}
	for k, e := range c.entries {
		if c.bytes+a.weight <= resultCacheBytes {
			break
		}
		delete(c.entries, k)
		c.bytes -= e.weight
	}
	c.entries[key] = a
	c.bytes += a.weight
}

// Approximate heap bytes of a Terraform value node (with its share of the
// map or slice that holds it) and of a resolved result, calibrated by
// TestAnswerWeightTracksHeap. Strings are not counted: they are the
// catalog's own, shared.
const (
	valueNodeBytes = 224
	resultBytes    = 2 << 10
)

// answerWeight approximates the heap bytes a cached answer holds.
func answerWeight(values map[string]tftypes.Value) int {
	w := resultBytes
	for _, v := range values {
		_ = tftypes.Walk(v, func(*tftypes.AttributePath, tftypes.Value) (bool, error) {
			w += valueNodeBytes
			return true, nil
		})
	}
	return w
}

// answerKey identifies the part of a request that determines the cached
// answer: everything but the accepted obligations (applied per read; see
// TestAnswerKeyCoversRequest). Every part is length-prefixed, so that no two requests share a key
// whatever their strings hold; the conditions are sorted.
func answerKey(req srm.Request) string {
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
	return b.String()
}
