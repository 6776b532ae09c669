// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"strconv"
	"strings"
	"unicode"
)

// Values of the input (addresses and their instance keys, types, team
// names, scope patterns) may hold any character a for_each key can: they
// are escaped for the format they go into. The plan reader rejects invalid
// UTF-8, so every string here is valid UTF-8.

// termSafe makes s safe to print on a terminal: control characters (ANSI
// escapes included) and other invisible format characters are written as
// Go escapes (\x1b, \n, \u202e), so that nothing in the input can move the
// cursor, recolour the report or hide text.
func termSafe(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune: a control character, or a format character such as the
// bidirectional overrides that reorder what a reader sees.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// mdFence is body (ending with a line break) as a fenced code block of
// language lang, fenced by more backticks than body holds in a row, so that
// nothing in it can close the block early.
func mdFence(lang, body string) string {
	fence := strings.Repeat("`", max(3, longestRun(body, '`')+1))
	return fence + lang + "\n" + body + fence + "\n"
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c rune) int {
	longest, run := 0, 0
	for _, r := range s {
		if r == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// mdCode is s as a Markdown code span, safe anywhere a code span may stand,
// table cells included: invisible characters are escaped as on a terminal,
// "|" is escaped for tables (GitHub's tables split cells at an unescaped
// "|" even inside code spans) and the span is delimited by more backticks
// than s holds in a row, with spaces where s starts or ends with one.
func mdCode(s string) string {
	s = strings.ReplaceAll(termSafe(s), "|", `\|`)
	longest := longestRun(s, '`')
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || s == "" || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// termSafeLine is termSafe for text that must stay on one line: a line
// break is a space (as a Markdown cell or headline needs), other invisible
// characters are escaped.
func termSafeLine(s string) string {
	return termSafe(lineBreaks.Replace(s))
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ")
