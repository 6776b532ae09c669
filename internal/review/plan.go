// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The JSON that `terraform show -json` prints for a saved plan or for a
// state, as documented in Terraform's "JSON Output Format"
// (https://developer.hashicorp.com/terraform/internals/json-format) and
// printed alike by OpenTofu. Only the parts the review reads are decoded;
// attribute values stay raw (json.RawMessage) until a condition needs one,
// so that a plan is decoded into a handful of structs per resource and
// never into a generic tree.

// document is a plan or a state.
type document struct {
	FormatVersion   *string          `json:"format_version"`
	PlannedValues   *values          `json:"planned_values"`
	PriorState      *stateDoc        `json:"prior_state"`
	ResourceChanges []resourceChange `json:"resource_changes"`
	Configuration   *configuration   `json:"configuration"`
	// Errored and Complete say whether Terraform finished the plan;
	// nil when not written (Terraform 1.8 writes both, OpenTofu 1.12
	// errored only, Terraform 1.5 neither).
	Errored  *bool `json:"errored"`
	Complete *bool `json:"complete"`
	// Checks are the results of conditions and check blocks: Terraform
	// 1.5 writes an errored plan without "errored", with its failed
	// preconditions here.
	Checks []checkResult `json:"checks"`
	// Values is the content of a state.
	Values *values `json:"values"`
}

// checkResult is one object of the plan's "checks".
type checkResult struct {
	Address struct {
		Kind      string `json:"kind"`
		ToDisplay string `json:"to_display"`
	} `json:"address"`
	Status string `json:"status"`
}

type stateDoc struct {
	Values *values `json:"values"`
}

// values is the "values representation": the root module, with its
// resources and child modules.
type values struct {
	RootModule *module `json:"root_module"`
}

type module struct {
	Address      string          `json:"address"`
	Resources    []stateResource `json:"resources"`
	ChildModules []module        `json:"child_modules"`
}

type stateResource struct {
	Address         string          `json:"address"`
	Mode            string          `json:"mode"`
	Type            string          `json:"type"`
	Values          json.RawMessage `json:"values"`
	SensitiveValues json.RawMessage `json:"sensitive_values"`
	// DeposedKey marks a deposed object (a state may list one beside the
	// current object of the same address).
	DeposedKey string `json:"deposed_key"`
}

type resourceChange struct {
	Address         string `json:"address"`
	ModuleAddress   string `json:"module_address"`
	PreviousAddress string `json:"previous_address"`
	Mode            string `json:"mode"`
	Type            string `json:"type"`
	// Deposed is set for a deposed object: a leftover of a
	// create_before_destroy replacement, always deleted.
	Deposed string `json:"deposed"`
	Change  change `json:"change"`
}

type change struct {
	Actions         []string        `json:"actions"`
	Before          json.RawMessage `json:"before"`
	After           json.RawMessage `json:"after"`
	AfterUnknown    json.RawMessage `json:"after_unknown"`
	BeforeSensitive json.RawMessage `json:"before_sensitive"`
	AfterSensitive  json.RawMessage `json:"after_sensitive"`
	Importing       json.RawMessage `json:"importing"`
}

// configuration is the part of the plan's configuration the review reads:
// the provider blocks, for the agreements of the srm provider.
type configuration struct {
	ProviderConfig map[string]providerConfig `json:"provider_config"`
}

type providerConfig struct {
	Name          string                     `json:"name"`
	FullName      string                     `json:"full_name"`
	Alias         string                     `json:"alias"`
	ModuleAddress string                     `json:"module_address"`
	Expressions   map[string]json.RawMessage `json:"expressions"`
}

// kind is what a document holds.
type kind int

const (
	kindPlan kind = iota + 1
	kindState
)

// InputError is an input the review cannot read. Its message is one line.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// parseDocument decodes the JSON of `terraform show -json`, of a plan or a
// state, and checks that it is one.
func parseDocument(data []byte) (*document, kind, error) {
	if err := checkEncoding(data); err != nil {
		return nil, 0, err
	}
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, 0, describeDecodeError(data, err)
	}
	if doc.FormatVersion == nil {
		return nil, 0, inputErrorf("not the JSON of a Terraform plan or state: it has no format_version " +
			"(expected the output of `terraform show -json PLANFILE` or `terraform show -json`)")
	}
	if err := checkFormatVersion(*doc.FormatVersion); err != nil {
		return nil, 0, err
	}
	switch {
	case doc.ResourceChanges != nil || doc.PlannedValues != nil || doc.PriorState != nil:
		return &doc, kindPlan, checkDuplicates(&doc, kindPlan)
	case doc.Values != nil:
		return &doc, kindState, checkDuplicates(&doc, kindState)
	}
	// An empty state prints as {"format_version": "1.0"}; any other key
	// means another of Terraform's JSON documents (a provider schema, a
	// validation result) or something else altogether.
	var top map[string]json.RawMessage
	_ = json.Unmarshal(data, &top) // it decoded above
	var other []string
	for k := range top {
		if k != "format_version" && k != "terraform_version" {
			other = append(other, k)
		}
	}
	if len(other) > 0 {
		sort.Strings(other)
		if len(other) > 5 {
			other = append(other[:5], "...")
		}
		return nil, 0, inputErrorf("not the JSON of a Terraform plan or state: it has format_version but neither "+
			"planned_values/resource_changes (a plan) nor values (a state); its keys: %s", strings.Join(other, ", "))
	}
	return &doc, kindState, nil
}

// checkDuplicates rejects a document that lists one resource instance
// twice (a deposed object beside the current one is not a duplicate):
// Terraform never writes one, and reviewing it would give one answer to
// two different sets of values.
func checkDuplicates(doc *document, k kind) error {
	seen := map[string]bool{}
	var dups []string
	note := func(addr, deposed string) {
		key := addr + "\x00" + deposed
		if seen[key] {
			if len(dups) < 5 {
				dups = append(dups, strconv.Quote(addr))
			}
			return
		}
		seen[key] = true
	}
	where := "resource_changes"
	if k == kindPlan {
		for i := range doc.ResourceChanges {
			note(doc.ResourceChanges[i].Address, doc.ResourceChanges[i].Deposed)
		}
	} else {
		where = "values"
		walkModules(doc.Values.RootModule, func(r *stateResource) { note(r.Address, r.DeposedKey) })
	}
	if len(dups) > 0 {
		return inputErrorf("the input lists a resource instance twice in %s (%s): Terraform never writes that; "+
			"was the JSON edited or concatenated?", where, strings.Join(dups, ", "))
	}
	return nil
}

// checkEncoding rejects what encoding/json would misreport: an empty input,
// a byte-order mark, UTF-16, a binary plan file and invalid UTF-8 (which
// encoding/json would silently replace).
func checkEncoding(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return inputErrorf("the input is empty: expected the JSON of `terraform show -json PLANFILE`")
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return inputErrorf("the input starts with a UTF-8 byte-order mark: save the JSON without one " +
			"(in PowerShell: terraform show -json plan | Out-File -Encoding utf8NoBOM plan.json)")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}),
		len(data) >= 2 && (data[0] == 0 || data[1] == 0):
		return inputErrorf("the input is UTF-16, not UTF-8: convert it (iconv -f UTF-16 -t UTF-8) " +
			"or write it without PowerShell's > redirection")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return inputErrorf("the input is a binary plan file: convert it with `terraform show -json PLANFILE > plan.json`")
	}
	if !utf8.Valid(data) {
		off := invalidUTF8(data)
		line, col := position(data, int64(off)+1)
		return inputErrorf("the input is not valid UTF-8: byte offset %d (line %d, column %d) starts an invalid sequence "+
			"(0x%02x); Terraform writes UTF-8: was the file re-encoded?", off, line, col, data[off])
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte of data that does not
// start a valid UTF-8 sequence.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// describeDecodeError turns a decoding error into one line that says where.
func describeDecodeError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		if strings.Contains(syn.Error(), "unexpected end") {
			return inputErrorf("the JSON is truncated: it ends at line %d, column %d inside a value (was the file written completely?)", line, col)
		}
		return inputErrorf("not valid JSON at line %d, column %d: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		where := typ.Field
		if where == "" {
			where = "the top level"
		}
		return inputErrorf("not the JSON of a Terraform plan or state: %s is a JSON %s, expected %s", where, typ.Value, jsonKind(typ.Type.Kind().String()))
	}
	return inputErrorf("not valid JSON: %s", err)
}

func jsonKind(goKind string) string {
	switch goKind {
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "an array"
	case "string":
		return "a string"
	case "ptr":
		return "an object"
	default:
		return "a " + goKind
	}
}

// position converts a byte offset into a 1-based line and column.
func position(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 1 {
		return 1, 1
	}
	before := data[:off-1]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n') - 1
	return line, col
}

// checkFormatVersion accepts the formats of Terraform 0.12 onwards (0.1,
// 0.2, 1.x) and rejects an unsupported major version, as the format's
// documentation asks consumers to.
func checkFormatVersion(v string) error {
	major, minor, ok := strings.Cut(v, ".")
	maj, err1 := strconv.Atoi(major)
	_, err2 := strconv.Atoi(minor)
	if !ok || err1 != nil || err2 != nil {
		return inputErrorf("format_version %q is not a version such as \"1.2\"", v)
	}
	if maj != 0 && maj != 1 {
		return inputErrorf("unsupported format_version %q: this review reads formats 0.1 to 1.x "+
			"(Terraform 0.12 to 1.x, OpenTofu); a newer terraform-provider-srm may read it", v)
	}
	return nil
}

// walkModules calls f for every resource of a module and its descendants.
func walkModules(m *module, f func(*stateResource)) {
	if m == nil {
		return
	}
	for i := range m.Resources {
		f(&m.Resources[i])
	}
	for i := range m.ChildModules {
		walkModules(&m.ChildModules[i], f)
	}
}

// moduleOf returns the module part of a resource instance address:
// "module.a[\"x\"].module.b" for `module.a["x"].module.b.aws_s3_bucket.c[0]`,
// "" in the root module.
func moduleOf(address string) string {
	end := 0
	i := 0
	for i < len(address) {
		// A segment: a name, then an optional instance key.
		start := i
		for i < len(address) && address[i] != '.' && address[i] != '[' {
			i++
		}
		name := address[start:i]
		if i < len(address) && address[i] == '[' {
			i = skipKey(address, i)
		}
		if name != "module" {
			break
		}
		// "module." then the call name and its key.
		if i >= len(address) || address[i] != '.' {
			break
		}
		i++
		for i < len(address) && address[i] != '.' && address[i] != '[' {
			i++
		}
		if i < len(address) && address[i] == '[' {
			i = skipKey(address, i)
		}
		end = i
		if i >= len(address) || address[i] != '.' {
			break
		}
		i++
	}
	return address[:end]
}

// skipKey returns the index after the instance key that starts at i ('[').
func skipKey(s string, i int) int {
	quoted := false
	for i++; i < len(s); i++ {
		switch {
		case quoted && s[i] == '\\':
			i++
		case s[i] == '"':
			quoted = !quoted
		case !quoted && s[i] == ']':
			return i + 1
		}
	}
	return i
}
