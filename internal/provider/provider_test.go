// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// testAccProtoV6ProviderFactories serve the provider in-process to the real
// Terraform or OpenTofu CLI named by TF_ACC_TERRAFORM_PATH, through the same
// protocol server as the released binary.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"srm": serve(New("test")()),
}

// factoriesAt serves a provider whose clock reads the given time, so tests
// can move time (review_by expiry).
func factoriesAt(now func() time.Time) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"srm": serve(NewWithClock("test", now)()),
	}
}

func serve(p provider.Provider) func() (tfprotov6.ProviderServer, error) {
	s := ProtocolServer(p)
	return func() (tfprotov6.ProviderServer, error) { return s(), nil }
}

// errorPattern compiles an ExpectError pattern written with plain spaces:
// the CLIs wrap diagnostics at any space, so each space matches any run of
// white space.
func errorPattern(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))
}

func regexpMust(pattern string) *regexp.Regexp { return regexp.MustCompile(pattern) }
