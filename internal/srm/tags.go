// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"regexp"
)

// DefaultTagPrefix is the prefix of tag keys when the provider sets none.
const DefaultTagPrefix = "srm"

// maxTagLength is the longest key or value valid as an AWS tag, an Azure tag
// and a GCP label at once (GCP labels allow 63 characters).
const maxTagLength = 63

// tagPattern is what AWS tags, Azure tags and GCP labels all accept: GCP
// labels are the strictest (lowercase letters, digits, '_' and '-'; keys
// start with a letter).
var (
	tagKeyPattern   = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	tagValuePattern = regexp.MustCompile(`^[a-z0-9_-]*$`)
)

// tagSuffixes are the key suffixes after the prefix: the service model and
// one per layer.
func (c *Catalog) tagSuffixes() []string {
	out := []string{"service-model"}
	for _, l := range c.Layers {
		out = append(out, sanitizeTag(l.ID))
	}
	return out
}

// ValidateTagPrefix reports whether every tag key built with prefix is a
// valid AWS tag, Azure tag and GCP label key.
func (c *Catalog) ValidateTagPrefix(prefix string) error {
	if !tagKeyPattern.MatchString(prefix) {
		return fmt.Errorf("%q must start with a lowercase letter and contain only lowercase letters, digits, '_' and '-', so that every key is valid as an AWS tag, an Azure tag and a GCP label", prefix)
	}
	longest := 0
	for _, s := range c.tagSuffixes() {
		longest = max(longest, len(s))
	}
	if limit := maxTagLength - 1 - longest; len(prefix) > limit {
		return fmt.Errorf("%q is %d characters long; at most %d fit, because keys such as %q must stay within the %d characters GCP labels allow", prefix, len(prefix), limit, prefix+"-"+"service-model", maxTagLength)
	}
	return nil
}

// Tags returns the tags that describe a result: keys "<prefix>-service-model"
// and "<prefix>-<layer>" (owner of each layer). Every key and value is valid
// as an AWS tag, an Azure tag and a GCP label at once. Tags depend only on
// what the catalog answers for the resource, never on what is accepted: a
// cloud resource tagged from them changes only when its ownership does, not
// when a team records, renames, renews or lets expire an acceptance.
func (r *Result) Tags(prefix string) map[string]string {
	tags := make(map[string]string, len(r.Layers)+1)
	tags[prefix+"-service-model"] = sanitizeTag(r.ServiceModel.ID)
	for _, l := range r.Layers {
		tags[prefix+"-"+sanitizeTag(l.Layer.ID)] = string(l.Owner)
	}
	return tags
}

// sanitizeTag maps an id to the tag alphabet: ids are already lowercase
// letters, digits and '_'; anything else becomes '-'.
func sanitizeTag(s string) string {
	b := []byte(s)
	for i, ch := range b {
		switch {
		case ch >= 'a' && ch <= 'z', ch >= '0' && ch <= '9', ch == '_', ch == '-':
		default:
			b[i] = '-'
		}
	}
	if len(b) > maxTagLength {
		b = b[:maxTagLength]
	}
	return string(b)
}
