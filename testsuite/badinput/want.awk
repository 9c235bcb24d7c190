# want.awk - checks a compiler's diagnostics against the expectations
# written in a test case (used by run-badinput.sh).
#
#   awk -f want.awk -v mode=notes|warnings -v prefix=FILE CASE.c LOG
#
# Expectations sit in a comment (// or /* */) of the case, on the line the
# diagnostic is reported at; several may follow each other:
#
#   want "RE"   mode notes: a note of this line whose whole message (the
#               text after "note: ") matches the POSIX ERE RE; required
#   may "RE"    mode notes: such a note is allowed here, not required
#   warn "RE"   mode warnings: a warning of this line whose message
#               contains a match of RE; required
#   may-warn "RE"  mode warnings: such a warning is allowed, not required
#   never "RE"  any line of LOG, in either mode: RE must match none
#
# Inside "...", \" stands for " and every other backslash is kept for the
# regex.  In mode notes every note of FILE that does not start with a space
# (flow steps do) must be matched by a want or may of its line; in mode
# warnings every warning of FILE that carries a rule id "[escape-...]"
# must be matched by a warn or may-warn of its line.  Other files' diagnostics are
# ignored (but never applies to them).  Prints one line per problem and
# exits 1 if there is any.

function directives(text, lnum,    kind, re, c, i, n) {
	for (;;) {
		sub(/^[ \t]+/, "", text)
		if (!match(text, /^(want|may-warn|may|warn|never)[ \t]+"/))
			return
		kind = substr(text, 1, RLENGTH)
		sub(/[ \t]+"$/, "", kind)
		text = substr(text, RLENGTH + 1)
		re = ""
		n = length(text)
		for (i = 1; i <= n; i++) {
			c = substr(text, i, 1)
			if (c == "\\" && substr(text, i + 1, 1) == "\"") {
				re = re "\""
				i++
			} else if (c == "\"") {
				break
			} else {
				re = re c
			}
		}
		if (i > n) {
			printf "%s:%d: unterminated \"...\" after %s\n", FILENAME, lnum, kind
			bad = 1
			return
		}
		nd++
		dkind[nd] = kind
		dline[nd] = lnum
		dre[nd] = re
		text = substr(text, i + 1)
	}
}

FNR == NR {
	a = index($0, "//")
	b = index($0, "/*")
	if (a == 0 || (b > 0 && b < a))
		a = b
	if (a > 0)
		directives(substr($0, a + 2), FNR)
	next
}

{
	logline[++nl] = $0
	if (index($0, prefix ":") != 1)
		next
	rest = substr($0, length(prefix) + 2)
	if (!match(rest, /^[0-9]+:[0-9]+: (note|warning): /))
		next
	split(rest, parts, ":")
	lnum = parts[1] + 0
	head = substr(rest, 1, RLENGTH)
	msg = substr(rest, RLENGTH + 1)
	if (mode == "notes" && head ~ /note: $/ && msg !~ /^ /) {
		nn++
		nline[nn] = lnum
		nmsg[nn] = msg
	} else if (mode == "warnings" && head ~ /warning: $/ && msg ~ /\[escape-[a-z]+\]/) {
		nn++
		nline[nn] = lnum
		nmsg[nn] = msg
	}
}

END {
	want_kind = mode == "notes" ? "want" : "warn"
	for (i = 1; i <= nn; i++) {
		ok = 0
		for (d = 1; d <= nd && !ok; d++) {
			if (dline[d] != nline[i])
				continue
			if (mode == "notes" && (dkind[d] == "want" || dkind[d] == "may") &&
			    nmsg[i] ~ ("^(" dre[d] ")$"))
				ok = 1
			if (mode == "warnings" && (dkind[d] == "warn" || dkind[d] == "may-warn") &&
			    nmsg[i] ~ dre[d])
				ok = 1
		}
		if (!ok) {
			printf "unexpected %s at line %d: %s\n", mode == "notes" ? "note" : "warning", nline[i], nmsg[i]
			bad = 1
		}
	}
	for (d = 1; d <= nd; d++) {
		if (dkind[d] == want_kind) {
			ok = 0
			for (i = 1; i <= nn && !ok; i++) {
				if (nline[i] != dline[d])
					continue
				if (mode == "notes" && nmsg[i] ~ ("^(" dre[d] ")$"))
					ok = 1
				if (mode == "warnings" && nmsg[i] ~ dre[d])
					ok = 1
			}
			if (!ok) {
				printf "missing %s at line %d: \"%s\"\n", mode == "notes" ? "note" : "warning", dline[d], dre[d]
				bad = 1
			}
		} else if (dkind[d] == "never") {
			for (i = 1; i <= nl; i++) {
				if (logline[i] ~ dre[d]) {
					printf "never \"%s\" (line %d of the case) matches: %s\n", dre[d], dline[d], logline[i]
					bad = 1
					break
				}
			}
		}
	}
	exit bad
}
