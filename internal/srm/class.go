// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

// ServiceClass is a kind of resource and the components it embodies.
type ServiceClass struct {
	ID          string
	Name        string
	Description string
	// AppliesTo are the components a resource of the class embodies, in
	// catalog order.
	AppliesTo []string
	// Without are the obligations resources of the class never carry.
	Without []string
	// Cells refine the matrix for the class's resources, by component id
	// and then by service model id (see ServiceClassDoc.Cells).
	Cells     map[string]map[string]Cell
	Rationale string
	// applies is AppliesTo by component index, shared by the types that
	// take the class as it is.
	applies []bool
	// cells are Cells by component index and then by model index; a cell
	// without an owner is not set.
	cells [][]Cell
	// without is Without by obligation.
	without map[string]bool
}

// cell is the class's cell for component ci under model mi, or nil.
func (sc *ServiceClass) cell(ci, mi int) *Cell {
	if sc == nil || sc.cells == nil || sc.cells[ci] == nil || sc.cells[ci][mi].Owner == "" {
		return nil
	}
	return &sc.cells[ci][mi]
}
