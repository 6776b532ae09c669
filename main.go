// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/shared-responsibility/terraform-provider-srm/internal/provider"
	"github.com/shared-responsibility/terraform-provider-srm/internal/review"
	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// version is set by the release build (-ldflags "-X main.version=...").
var version = "dev"

// stopProfile ends a CPU profile started by a pprof build (main_pprof.go).
var stopProfile = func() {}

// usage names the binary's modes: `review`, `version`, and the provider
// that Terraform starts.
const usage = `Usage: terraform-provider-srm <command> [args]

The shared responsibility provider for Terraform and OpenTofu. Terraform and
OpenTofu start this binary themselves as a plugin; run by hand, it reviews
plans:

  review    review the shared responsibility of a plan or state
            (terraform-provider-srm review -h for its flags)
  version   print the provider, catalog and Go versions

Plugin mode: without a command, when started by Terraform or OpenTofu
(-debug serves it for a debugger).
`

// pluginCookie is the variable Terraform and OpenTofu set when they start
// a provider: without it and without arguments, a person ran the binary.
const pluginCookie = "TF_PLUGIN_MAGIC_COOKIE"

func main() {
	// `terraform-provider-srm review PLAN.json` reviews a plan, `version`
	// says what this is; anything else is the provider, served to
	// Terraform.
	if status, done := command(os.Args[1:], os.Getenv(pluginCookie) != "", os.Stdout, os.Stderr); done {
		os.Exit(status)
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

// command runs the modes that are not the provider: review, version and
// usage. done is false when the binary is to serve the provider: started
// by Terraform (plugin), or with the provider's own flags.
func command(args []string, plugin bool, stdout, stderr io.Writer) (status int, done bool) {
	if len(args) == 0 {
		if plugin {
			return 0, false
		}
		_, _ = io.WriteString(stderr, usage)
		return 1, true
	}
	switch args[0] {
	case "review":
		return review.Run(args[1:], os.Stdin, stdout, stderr), true
	case "version", "-version", "--version":
		catalog := "unavailable"
		if c, err := srm.Builtin(); err == nil {
			catalog = c.Version
		}
		fmt.Fprintf(stdout, "terraform-provider-srm %s\ncatalog %s\n%s %s/%s\n", version, catalog, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return 0, true
	case "-h", "-help", "--help", "help":
		_, _ = io.WriteString(stdout, usage)
		return 0, true
	}
	return 0, false
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
