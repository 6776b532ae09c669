// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"reflect"
	"testing"
)

func TestExtractAzuread(t *testing.T) {
	ex, err := extractAzuread(gitRepo(t, "azuread", true))
	if err != nil {
		t.Fatal(err)
	}
	if ex.Provider != "azuread" || ex.Provenance.Repository != "hashicorp/terraform-provider-azuread" ||
		ex.Provenance.Path != "internal/services" || ex.Provenance.Date != "2026-08-21" {
		t.Errorf("provider %q, provenance %+v", ex.Provider, ex.Provenance)
	}
	// azuread_user is a prefix of azuread_user_flow_attribute's name, but not
	// at a word: users lists it, user flows takes azuread_user_.
	want := []extractedService{
		{ID: "azuread/userflows", Name: "Microsoft Entra ID: User Flows", Prefixes: []string{"azuread_user_"}},
		{ID: "azuread/users", Name: "Microsoft Entra ID: Users", Types: []string{"azuread_user"}},
	}
	if !reflect.DeepEqual(ex.Services, want) {
		t.Errorf("services\n got %+v\nwant %+v", ex.Services, want)
	}
	wantRows := []row{
		{Kind: "type", Name: "azuread_user", Service: "azuread/users"},
		{Kind: "type", Name: "azuread_user_flow_attribute", Service: "azuread/userflows"},
	}
	if !reflect.DeepEqual(ex.Rows, wantRows) {
		t.Errorf("rows\n got %+v\nwant %+v", ex.Rows, wantRows)
	}
}
