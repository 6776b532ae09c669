// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"strings"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// complianceGuide renders the "Compliance mapping" guide from the catalog:
// the controls each obligation supports, the controls the provider covers
// per component, and the resulting split per service model.
func complianceGuide(c *srm.Catalog) string {
	var b strings.Builder
	b.WriteString(frontMatter("Compliance mapping", "Which controls each obligation supports, which the provider covers, and how they split per service model."))
	b.WriteString("Auditors speak in controls, not layers. Every customer obligation in the catalog names the controls it helps satisfy, ")
	b.WriteString("and every component names the controls the provider covers when it owns or shares that component. ")
	b.WriteString("`srm_responsibility_detail` and `srm_assessment` take a `frameworks` argument and return, per framework, the controls the customer ")
	b.WriteString("must evidence (`customer`), those inherited from the provider (`inherited`), and those both parties address (`shared`) — ")
	b.WriteString("the FedRAMP idea of inherited and customer-configured parts. Agreements move a control's split exactly as they move the component.\n\n")
	b.WriteString("~> **The mapping supports, and does not replace, an assessor's judgement.** It says which controls an obligation is evidence for; ")
	b.WriteString("whether the evidence suffices is the assessor's call, and inherited controls still need the provider's attestation (SOC 2, ISO 27001, FedRAMP package).\n\n")
	b.WriteString("Frameworks:\n\n")
	for _, id := range c.FrameworkIDs {
		f := c.Frameworks[id]
		s := c.Sources[f.Source]
		fmt.Fprintf(&b, "- `%s`: [%s](%s) (as of %s)\n", id, f.Name, s.URL, s.AsOf)
	}
	b.WriteString("\n## Customer obligations\n\n")
	rows := make([][2]string, len(c.Obligations))
	controls := make([]map[string][]string, len(c.Obligations))
	for i, o := range c.Obligations {
		rows[i] = [2]string{fmt.Sprintf("`%s` %s", o.ID, mdEscape(o.Title)), strings.Join(o.ServiceModels, ", ")}
		controls[i] = o.Controls
	}
	controlTable(&b, c, [2]string{"obligation", "applies to"}, rows, controls)
	b.WriteString("\n## Controls the provider covers\n\nWhen the provider owns or shares a component, the customer inherits these controls for it.\n\n")
	rows = make([][2]string, len(c.Components))
	controls = make([]map[string][]string, len(c.Components))
	for i, comp := range c.Components {
		rows[i] = [2]string{"`" + comp.ID + "`", comp.Layer}
		controls[i] = comp.ProviderControls
	}
	controlTable(&b, c, [2]string{"component", "layer"}, rows, controls)
	e := &srm.Engine{Catalog: c}
	for _, fw := range c.FrameworkIDs {
		fmt.Fprintf(&b, "\n## Split of %s by service model\n\nFor a resource of each model with no conditions or agreements.\n\n| model | customer | inherited | shared |\n|---|---|---|---|\n", c.Frameworks[fw].Name)
		for _, m := range c.ServiceModels {
			r, err := e.Resolve(srm.Request{ServiceModel: m.ID})
			if err != nil {
				continue
			}
			s := r.Controls(fw)
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", m.ID, strings.Join(s.Customer, ", "), strings.Join(s.Inherited, ", "), strings.Join(s.Shared, ", "))
		}
	}
	return b.String()
}

// controlTable writes a table of two leading columns and one column of
// control ids per framework.
func controlTable(b *strings.Builder, c *srm.Catalog, head [2]string, rows [][2]string, controls []map[string][]string) {
	b.WriteString("| " + head[0] + " | " + head[1] + " | ")
	for _, id := range c.FrameworkIDs {
		b.WriteString(c.Frameworks[id].Name + " | ")
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---|", len(c.FrameworkIDs)) + "\n")
	for i, r := range rows {
		b.WriteString("| " + r[0] + " | " + r[1] + " | ")
		for _, fw := range c.FrameworkIDs {
			b.WriteString(strings.Join(controls[i][fw], ", ") + " | ")
		}
		b.WriteString("\n")
	}
}

// mdEscape escapes the pipes of a Markdown table cell.
func mdEscape(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
