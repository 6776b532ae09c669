// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

//go:build gencatalog

package srm

// Built with the tag gencatalog, for the generator that writes
// builtin_documents.go: the package compiles without that file.

func builtinDocumentList() []NamedDocument { return nil }

var builtinTypes [0]builtinType
