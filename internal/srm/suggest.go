// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"sort"
	"strconv"
	"strings"
)

// Closest returns up to n candidates nearest to s, best first: candidates
// that contain s or are contained in it, then those within an edit distance
// of a third of the longer string. Nothing is returned when nothing is close.
func Closest(s string, candidates []string, n int) []string {
	type scored struct {
		c string
		d int
	}
	ls := strings.ToLower(s)
	var out []scored
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := levenshtein(ls, lc)
		limit := max(len(ls), len(lc))/3 + 1
		if ls != "" && (strings.Contains(lc, ls) || strings.Contains(ls, lc)) {
			d = min(d, abs(len(lc)-len(ls))/4)
		} else if d > limit {
			continue
		}
		out = append(out, scored{c, d})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].d != out[j].d {
			return out[i].d < out[j].d
		}
		return out[i].c < out[j].c
	})
	res := make([]string, 0, n)
	for i := 0; i < len(out) && i < n; i++ {
		res = append(res, out[i].c)
	}
	return res
}

// didYouMean renders the closest candidates as a sentence suffix.
func didYouMean(s string, candidates []string) string {
	c := Closest(s, candidates, 3)
	if len(c) == 0 {
		return ""
	}
	return "; did you mean " + quoteOr(c) + "?"
}

// unknownID is a reference to an id that is not defined: the one place that
// words "unknown X", with the closest defined ids and the list of them.
type unknownID struct {
	// kind names what the id should name ("service model"); of, if set,
	// names its owner ("aws_lambda_function" for a condition).
	kind, of string
	id       string
	defined  []string
}

// maxListed is the longest list of defined ids a message spells out.
const maxListed = 40

// problem words the reference for a catalog problem, as in
// `unknown <kind> "<id>"; did you mean "<a>" or "<b>"; defined: <ids>`.
func (u unknownID) problem() string {
	var b strings.Builder
	b.WriteString("unknown " + u.kind + " " + strconv.Quote(u.id))
	if u.of != "" {
		b.WriteString(" of " + u.of)
	}
	if near := Closest(u.id, u.defined, 3); len(near) > 0 {
		b.WriteString("; did you mean " + quoteOr(near))
	}
	switch {
	case len(u.defined) == 0:
		b.WriteString("; none is defined")
	case len(u.defined) <= maxListed:
		b.WriteString("; defined: " + strings.Join(u.defined, ", "))
	}
	return b.String()
}

// detail words the reference as the sentences of a diagnostic's detail, as
// in `"<id>" is not a <kind>; did you mean "<a>". Valid <kind>s: <ids>.`.
func (u unknownID) detail() string {
	var b strings.Builder
	b.WriteString(strconv.Quote(u.id) + " is not " + article(u.kind) + " " + u.kind)
	if u.of != "" {
		b.WriteString(" of " + u.of)
	}
	if near := Closest(u.id, u.defined, 3); len(near) > 0 {
		b.WriteString("; did you mean " + quoteOr(near))
	}
	b.WriteString(".")
	if len(u.defined) > 0 && len(u.defined) <= maxListed {
		b.WriteString(" Valid " + u.kind + "s: " + strings.Join(u.defined, ", ") + ".")
	}
	return b.String()
}

// inputError is the reference as an invalid request argument.
func (u unknownID) inputError(field, key string) *InputError {
	return &InputError{Field: field, Key: key, Summary: "Unknown " + u.kind, Detail: u.detail()}
}

// UnknownIDError is the error for an argument naming a service model, layer,
// component or framework (kind, as worded in messages) that the catalog does
// not define.
func UnknownIDError(field, kind, id string, defined []string) *InputError {
	return unknownID{kind: kind, id: id, defined: defined}.inputError(field, "")
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// quoteOr quotes items and joins them: "a", "b" or "c".
func quoteOr(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = `"` + s + `"`
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func levenshtein(a, b string) int {
	if a == b {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
