// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"flag"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/shared-responsibility/terraform-provider-srm/internal/provider"
	"github.com/shared-responsibility/terraform-provider-srm/internal/review"
)

// version is set by the release build (-ldflags "-X main.version=...").
var version = "dev"

// stopProfile ends a CPU profile started by a pprof build (main_pprof.go).
var stopProfile = func() {}

func main() {
	// `terraform-provider-srm review PLAN.json` reviews a plan; anything
	// else is the provider, served to Terraform.
	if len(os.Args) > 1 && os.Args[1] == "review" {
		os.Exit(review.Run(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
	}
	var debug bool
	flag.BoolVar(&debug, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()

	if !debug {
		for _, name := range silencedLogs(os.Environ()) {
			_ = os.Setenv(name, "off")
		}
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}

	defer stopProfile()
	err := tf6server.Serve("registry.terraform.io/shared-responsibility/srm",
		provider.ProtocolServer(provider.New(version)()), opts...)
	if err != nil {
		stopProfile()
		log.Fatal(err.Error())
	}
}

// silencedLogs returns the log-level variables to set to "off" so that the
// provider does not write logs nobody reads.
//
// The plugin libraries log every request at TRACE level to stderr unless told
// otherwise, and Terraform and OpenTofu parse every line before discarding it
// when their own TF_LOG is unset. When no TF_LOG* variable is set at all, the
// CLI discards provider logs, so the provider does not produce them: at a
// thousand instances this is a fifth of the provider's CPU time. Setting any
// TF_LOG* variable (TF_LOG, TF_LOG_PROVIDER, TF_LOG_SDK_FRAMEWORK, ...) keeps
// the libraries' usual behaviour.
func silencedLogs(environ []string) []string {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG") {
			return nil
		}
	}
	// TF_LOG_SDK silences the SDK's root logger and with it the output of
	// its subsystems (proto, framework); TF_LOG_PROVIDER_SRM is this
	// provider's own tflog logger. The subsystems' own variables are set
	// too: tfsdklog decides whether to build a log entry from the level
	// each subsystem was created with, which without its variable is "no
	// level", so every TRACE entry was built (and then dropped by the silent
	// root): a tenth of the provider's CPU in a plan of 2,000 reads.
	return []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_LOG_PROVIDER_SRM"}
}
