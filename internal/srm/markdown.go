// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"strings"
)

// MatrixRow is one component with its owner under each selected model.
type MatrixRow struct {
	Layer     string
	Component string
	// Owners is indexed like the models passed to Matrix.
	Owners []Owner
}

// Matrix returns the rows of the matrix for the given models (all when
// empty), with an agreement's model-wide overrides applied when one is given.
func (e *Engine) Matrix(models []string, agreement string) ([]*ServiceModel, []MatrixRow, error) {
	c := e.Catalog
	var ms []*ServiceModel
	if len(models) == 0 {
		ms = c.ServiceModels
	} else {
		// Keep the catalog's column order whatever the order of the filter.
		want := map[string]bool{}
		for _, id := range models {
			if c.models[id] == nil {
				_, _, err := e.model(Request{ServiceModel: id})
				return nil, nil, err
			}
			want[id] = true
		}
		for _, m := range c.ServiceModels {
			if want[m.ID] {
				ms = append(ms, m)
			}
		}
	}
	results := make([]*Result, len(ms))
	for i, m := range ms {
		r, err := e.Resolve(Request{ServiceModel: m.ID, Agreement: agreement})
		if err != nil {
			return nil, nil, err
		}
		results[i] = r
	}
	rows := make([]MatrixRow, len(c.Components))
	for ci, comp := range c.Components {
		row := MatrixRow{Layer: comp.Layer, Component: comp.ID, Owners: make([]Owner, len(ms))}
		for mi := range ms {
			row.Owners[mi] = results[mi].Components[ci].Owner
		}
		rows[ci] = row
	}
	return ms, rows, nil
}

// MatrixMarkdown renders matrix rows as a Markdown table fit for a pull
// request comment. The output is deterministic.
func MatrixMarkdown(models []*ServiceModel, rows []MatrixRow) string {
	var b strings.Builder
	b.WriteString("| layer | component |")
	for _, m := range models {
		b.WriteString(" " + m.ID + " |")
	}
	b.WriteString("\n|---|---|")
	for range models {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("| " + r.Layer + " | " + r.Component + " |")
		for _, o := range r.Owners {
			b.WriteString(" " + string(o) + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// mdEscape escapes the pipes of a Markdown table cell.
func mdEscape(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
