// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bufio"
	"encoding/json"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// SchemaVersion is the version of the JSON report's schema
// (docs/review.schema.json): fields may be added within a major version.
const SchemaVersion = "1.0"

// jsonResource is one resource of the JSON report (SPEC §7.3).
type jsonResource struct {
	Address      string            `json:"address"`
	Type         string            `json:"type"`
	Action       string            `json:"action"`
	ServiceModel *string           `json:"service_model"`
	Basis        string            `json:"basis"`
	Owners       map[string]string `json:"owners"`
	Components   map[string]string `json:"components"`
	Unaccepted   []string          `json:"unaccepted"`
	Accepted     []string          `json:"accepted"`
	Assumptions  []Assumption      `json:"assumptions"`
}

// WriteJSON writes the report as JSON: the resources, then the summary.
// The resources are written one by one as encoding/json would indent them,
// with the catalog's ids escaped once: at ten thousand resources,
// reflection and a second indenting pass over the whole document cost more
// than the review itself.
func (r *Report) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64*1024)
	_, _ = bw.WriteString("{\n  \"schema_version\": \"" + SchemaVersion + "\",")
	if err := r.writeJSONMembers(bw); err != nil {
		return err
	}
	_, _ = bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeJSONMembers writes the members of the report's JSON object: the
// resources one by one, then the records, unknown types, warnings, gate,
// summary and notes.
func (r *Report) writeJSONMembers(bw *bufio.Writer) error {
	// A bufio.Writer keeps its first error and Flush returns it.
	ws := func(s string) { _, _ = bw.WriteString(s) }
	wb := func(b []byte) { _, _ = bw.Write(b) }
	jw := newJSONWriter(r.Catalog)
	buf := make([]byte, 0, 4096)
	ws("\n  \"resources\": [")
	for i, it := range r.Items {
		if i > 0 {
			ws(",")
		}
		buf = jw.appendResource(buf[:0], it, r.recordOf)
		wb(buf)
	}
	if len(r.Items) > 0 {
		ws("\n  ")
	}
	ws("]")
	for _, part := range []struct {
		key   string
		value any
		omit  bool
	}{
		{"acceptance_records", r.jsonRecords(), false},
		{"unknown_types", r.jsonUnknownTypes(), false},
		{"warnings", r.Warnings(), false},
		{"gate", r.Gate(), false},
		{"summary", r.Summary(), false},
		{"notes", r.Notes, len(r.Notes) == 0},
	} {
		if part.omit {
			continue
		}
		v, err := marshalIndent(part.value)
		if err != nil {
			return err
		}
		ws(",\n  \"" + part.key + "\": ")
		wb(v)
	}
	return nil
}

// marshalIndent encodes a member of the report's top-level object.
func marshalIndent(v any) ([]byte, error) { return json.MarshalIndent(v, "  ", "  ") }

// jsonRecord is an acceptance record of the JSON report (SPEC §8.1).
type jsonRecord struct {
	Address             string   `json:"address"`
	AcceptedBy          string   `json:"accepted_by"`
	ResourceAddress     string   `json:"resource_address,omitempty"`
	Scope               []string `json:"scope,omitempty"`
	ResourceType        string   `json:"resource_type,omitempty"`
	ServiceModel        string   `json:"service_model,omitempty"`
	Obligations         []string `json:"obligations"`
	AcceptedObligations []string `json:"accepted_obligations"`
	ReviewBy            *string  `json:"review_by"`
	Expired             bool     `json:"expired"`
	Expiring            bool     `json:"expiring"`
	ExpiresInDays       *int     `json:"expires_in_days"`
	// Action is what the plan does to the record; Granted: it creates or
	// changes it; Pending: granted, not trusted, accepts nothing.
	Action     string   `json:"action"`
	Granted    bool     `json:"granted_by_this_change"`
	Pending    bool     `json:"pending"`
	Applies    bool     `json:"applies"`
	Matches    []string `json:"matches"`
	DidYouMean []string `json:"did_you_mean,omitempty"`
}

func (r *Report) jsonRecords() []jsonRecord {
	out := make([]jsonRecord, 0, len(r.Records))
	for _, rec := range r.Records {
		j := jsonRecord{Address: rec.Address, AcceptedBy: rec.Record.AcceptedBy, ResourceAddress: rec.Record.ResourceAddress,
			Scope: rec.Record.Scope, ResourceType: rec.Record.ResourceType, ServiceModel: rec.Record.ServiceModel,
			Obligations: rec.Record.Obligations, AcceptedObligations: rec.Record.Accepted, Expired: rec.Expired, Expiring: rec.Expiring,
			ExpiresInDays: rec.ExpiresInDays, Action: rec.Action, Granted: rec.Granted(), Pending: rec.Pending,
			Applies: rec.Applies && !rec.Expired, Matches: rec.Matched, DidYouMean: rec.DidYouMean}
		if rec.Record.ReviewBy != "" {
			j.ReviewBy = &rec.Record.ReviewBy
		}
		if j.AcceptedObligations == nil {
			j.AcceptedObligations = []string{}
		}
		if j.Matches == nil {
			j.Matches = []string{}
		}
		out = append(out, j)
	}
	return out
}

// jsonUnknownType is a type the catalog cannot resolve, with its resources
// and, per resource, the record that accepts every obligation of it.
type jsonUnknownType struct {
	Type      string            `json:"type"`
	Resources []jsonUnknownItem `json:"resources"`
}

type jsonUnknownItem struct {
	Address   string  `json:"address"`
	CoveredBy *string `json:"covered_by"`
}

func (r *Report) jsonUnknownTypes() []jsonUnknownType {
	out := []jsonUnknownType{}
	index := map[string]int{}
	for _, it := range r.Items {
		if it.Result != nil {
			continue
		}
		i, ok := index[it.Type]
		if !ok {
			i = len(out)
			index[it.Type] = i
			out = append(out, jsonUnknownType{Type: it.Type})
		}
		item := jsonUnknownItem{Address: it.Address}
		if it.CoveredBy != nil {
			item.CoveredBy = &it.CoveredBy.Address
		}
		out[i].Resources = append(out[i].Resources, item)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Type < out[b].Type })
	return out
}

// Warnings are what the reader should fix that does not stop the review:
// records that match nothing.
func (r *Report) Warnings() []string {
	out := []string{}
	for _, rec := range r.Records {
		if !rec.Removed() && rec.Matches == 0 {
			out = append(out, rec.matchNothing())
		}
	}
	return out
}

// jsonWriter writes resources of the JSON report with the catalog's ids
// escaped once and its layers and components in key order.
type jsonWriter struct {
	// layerOrder and compOrder are the indexes of the catalog's layers and
	// components sorted by id (encoding/json sorts map keys).
	layerOrder, compOrder []int
	layerKey, compKey     [][]byte
	obligation            map[*srm.Obligation][]byte
}

func newJSONWriter(c *srm.Catalog) *jsonWriter {
	jw := &jsonWriter{obligation: make(map[*srm.Obligation][]byte, len(c.Obligations))}
	order := func(n int, id func(int) string) ([]int, [][]byte) {
		idx := make([]int, n)
		keys := make([][]byte, n)
		for i := range idx {
			idx[i] = i
			keys[i] = append(appendJSONString(nil, id(i)), ": "...)
		}
		sort.Slice(idx, func(a, b int) bool { return id(idx[a]) < id(idx[b]) })
		return idx, keys
	}
	jw.layerOrder, jw.layerKey = order(len(c.Layers), func(i int) string { return c.Layers[i].ID })
	jw.compOrder, jw.compKey = order(len(c.Components), func(i int) string { return c.Components[i].ID })
	for _, o := range c.Obligations {
		jw.obligation[o] = appendJSONString(nil, o.ID)
	}
	return jw
}

// appendResource appends one resource of the JSON report (SPEC §7.3:
// address, type, action, service_model, basis, owners, components,
// unaccepted, accepted, assumptions; answered_by, the service or provider
// rule, when the basis is not the type), indented as an element of the
// resources array.
func (jw *jsonWriter) appendResource(b []byte, it *Item, recordOf map[*srm.AcceptanceRecord]*Record) []byte {
	const in = "\n      "
	b = append(b, "\n    {"+in+`"address": `...)
	b = appendJSONString(b, it.Address)
	b = append(b, ","+in+`"type": `...)
	b = appendJSONString(b, it.Type)
	b = append(b, ","+in+`"action": `...)
	b = appendJSONString(b, it.Action)
	b = append(b, ","+in+`"service_model": `...)
	res := it.Result
	if res == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, res.ServiceModel.ID)
	}
	b = append(b, ","+in+`"basis": `...)
	b = appendJSONString(b, it.Basis)
	if res != nil && it.Basis != BasisType {
		// What answered: the service's key or the provider rule's name.
		b = append(b, ","+in+`"answered_by": `...)
		b = appendJSONString(b, res.ResourceType.Type)
	}
	b = append(b, ","+in+`"owners": `...)
	if res == nil {
		b = append(b, "{},"+in+`"components": {},`+in+`"unaccepted": [],`+in+`"accepted": [],`+in+`"accepted_by": {},`...)
	} else {
		b = appendOwners(b, jw.layerOrder, jw.layerKey, func(i int) srm.Owner { return res.Layers[i].Owner })
		b = append(b, ","+in+`"components": `...)
		b = appendOwners(b, jw.compOrder, jw.compKey, func(i int) srm.Owner { return res.Components[i].Owner })
		b = append(b, ","+in+`"unaccepted": `...)
		b = jw.appendObligations(b, res.Unaccepted, nil)
		b = append(b, ","+in+`"accepted": `...)
		b = jw.appendObligations(b, res.CustomerObligations, res.Unaccepted)
		b = append(b, ","+in+`"accepted_by": `...)
		b = jw.appendAcceptedBy(b, res, it.AcceptedBy, recordOf)
		b = append(b, ","...)
	}
	b = append(b, in+`"owner_changes": `...)
	b = appendObjects(b, len(it.OwnerChanges), func(i int) [3][2]string {
		c := it.OwnerChanges[i]
		return [3][2]string{{"component", c.Component}, {"before", string(c.Before)}, {"after", string(c.After)}}
	})
	b = append(b, ","+in+`"assumptions": `...)
	b = appendObjects(b, len(it.Assumptions), func(i int) [3][2]string {
		a := it.Assumptions[i]
		return [3][2]string{{"condition", a.Condition}, {"assumed", a.Assumed}, {"reason", a.Reason}}
	})
	return append(b, "\n    }"...)
}

// appendAcceptedBy appends, per accepted obligation that a record
// accepts, the record's team, address and review_by, in obligation order.
func (jw *jsonWriter) appendAcceptedBy(b []byte, res *srm.Result, by map[string]*srm.AcceptanceRecord,
	recordOf map[*srm.AcceptanceRecord]*Record) []byte {
	const in = "\n        "
	n := 0
	b = append(b, '{')
	for _, o := range res.CustomerObligations {
		rec := by[o.ID]
		if rec == nil || slices.Contains(res.Unaccepted, o) {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, in...)
		if q, ok := jw.obligation[o]; ok {
			b = append(b, q...)
		} else {
			b = appendJSONString(b, o.ID)
		}
		b = append(b, ": {"+in+`  "team": `...)
		b = appendJSONString(b, rec.AcceptedBy)
		b = append(b, ","+in+`  "record": `...)
		addr := rec.ID
		if from := recordOf[rec]; from != nil {
			addr = from.Address
		}
		b = appendJSONString(b, addr)
		b = append(b, ","+in+`  "review_by": `...)
		if rec.ReviewBy == "" {
			b = append(b, "null"...)
		} else {
			b = appendJSONString(b, rec.ReviewBy)
		}
		b = append(b, in+"}"...)
	}
	if n == 0 {
		return append(b, '}')
	}
	return append(b, "\n      }"...)
}

// appendObjects appends an array of n objects of three string members
// (key, value), indented as a member of a resource.
func appendObjects(b []byte, n int, members func(int) [3][2]string) []byte {
	const in = "\n      "
	if n == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, in+"  {"...)
		for j, m := range members(i) {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, in+`    "`+m[0]+`": `...)
			b = appendJSONString(b, m[1])
		}
		b = append(b, in+"  }"...)
	}
	return append(b, in+"]"...)
}

// appendOwners appends an object of owners keyed by id, in key order.
func appendOwners(b []byte, order []int, keys [][]byte, owner func(int) srm.Owner) []byte {
	b = append(b, '{')
	for n, i := range order {
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n        "...)
		b = append(b, keys[i]...)
		b = appendJSONString(b, string(owner(i)))
	}
	return append(b, "\n      }"...)
}

// appendObligations appends the ids of obls as an array, leaving out those
// of except (a subsequence of obls, in the same order).
func (jw *jsonWriter) appendObligations(b []byte, obls, except []*srm.Obligation) []byte {
	n := 0
	for _, o := range obls {
		if len(except) > 0 && except[0] == o {
			except = except[1:]
			continue
		}
		if n == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		n++
		b = append(b, "\n        "...)
		if q, ok := jw.obligation[o]; ok {
			b = append(b, q...)
		} else {
			b = appendJSONString(b, o.ID)
		}
	}
	if n == 0 {
		return append(b, "[]"...)
	}
	return append(b, "\n      ]"...)
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it (HTML characters included).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// WriteOSCAL writes the resolved resources as the OSCAL system security
// plan that srm_assessment exports, as it goes. A plan with nothing
// reviewed is a plan without components: valid, never an error.
func (r *Report) WriteOSCAL(w io.Writer) error {
	return r.Assessment().WriteOSCAL(w)
}

func mdEscape(s string) string { return mdEscaper.Replace(termSafeLine(s)) }

// mdEscaper escapes text for Markdown table cells and lines; built once (a
// strings.Replacer per call cost more than the review of a large plan).
var mdEscaper = strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;", "`", "\\`", "*", "\\*", "[", "\\[", "]", "\\]")

func htmlEscape(s string) string { return htmlEscaper.Replace(termSafe(s)) }

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
