#!/usr/bin/env python3
"""check.py - the checks of run-report.sh on what escape-report printed.

Usage:
  check.py summary TEXT REPORTDIR COMPILEDIR ROOT
  check.py sarif SARIF SCHEMA REPORTDIR COMPILEDIR ROOT [--all]
  check.py shifted OLD.sarif NEW.sarif FILE N
  check.py diagnostics JSON REPORTDIR COMPILEDIR

REPORTDIR holds the plugin's reports (json=DIR/), compiled in COMPILEDIR;
ROOT is escape-report's --root.  Every expected number is computed here
from the reports themselves, independently of escape-report: the totals,
the tables and the unknown callees of the summary; the results, rule
indices, locations, flows, suppressions and fingerprints of SARIF (which
must also validate against the official SARIF 2.1.0 schema, draft-07); the
fingerprints of a file with N lines inserted at its top (the same, every
finding N lines lower); the merged LSP diagnostics.  Prints what is wrong
and exits 1, or exits 0.
"""
import glob
import json
import os
import re
import sys
import urllib.parse

problems = []


def bad(msg):
    problems.append(msg)


def done():
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)


def reports(rdir):
    return [json.load(open(f)) for f in sorted(glob.glob(os.path.join(rdir, "*.json")))]


def resolve(cdir, f):
    return os.path.realpath(os.path.join(cdir, f))


def shown(path, root):
    root = os.path.realpath(root)
    if path == root:
        return "."
    if path.startswith(root.rstrip("/") + "/"):
        return path[len(root.rstrip("/")) + 1:]
    return path


def functions(rdir, cdir):
    """The functions of the build, each once: (resolved file, function),
    with the warnings the link step adds (linked_warnings)."""
    seen, out = set(), []
    for doc in reports(rdir):
        for f in doc["functions"]:
            path = resolve(cdir, f["file"])
            key = (path, f["line"], f["column"], f["name"])
            if key in seen:
                continue
            seen.add(key)
            out.append((path, f))
    defined = {f["link"]["symbol"] for _, f in out
               if f["link"]["symbol"] and f["link"]["summary"] is not None}
    for _, f in out:
        f["warnings"] = f["warnings"] + linked_warnings(f, defined)
    return out


def linked_warnings(f, defined):
    """The pending warnings of f that the link step makes warnings when
    the callee is defined nowhere in these reports: a stack object's
    address given as a non-const void * (escape-unknown).  (A callee the
    build defines is run-link.sh's to check; these fixtures call none.)"""
    out = []
    for p in f["link"]["pending"]:
        c = p["call"]
        if c["callee"] in defined:
            bad("%s: pending on %s, which the reports define" % (f["name"], c["callee"]))
            continue
        if not (c["void"] and c.get("addr", c["derefs"] < 0)):
            continue
        out.append({
            "rule": "escape-unknown", "object": p["object"], "file": p["file"],
            "line": p["line"], "column": p["column"],
            "sink": {"line": c["line"], "column": c["column"]},
            "message": "address of '%s' is given as 'void *' to '%s' (no body, no rule), "
                       "which may keep it after '%s' returns [escape-unknown]"
                       % (p["object"], c["callee"], f["name"]),
            "suppressed": p["suppressed"], "flow": p["flow"]})
    return out


def step_text(s):
    k, w, a = s["kind"], s["what"] if s["what"] is not None else "?", s["arg"]
    arg = "static chain" if a == "chain" else "argument %s" % a
    special = {
        "argument": "%s of %s" % (arg, w),
        "argument kept by summary": "%s of %s (kept by its body)" % (arg, w),
        "argument kept by rule": "%s of %s (kept by its rule)" % (arg, w),
        "argument of unknown function": "%s of %s (no body, no rule)" % (arg, w),
        "argument of indirect call": "%s of indirect call" % arg,
        "thread argument": "thread argument of %s" % w,
        "returned by call": "returned by %s (%s)" % (w, arg),
        "asm operand": "asm operand %s" % a,
    }
    if k in special:
        return special[k]
    return k + (" " + s["what"] if s["what"] is not None else "")


def escaping_flows(fns):
    """Flows of escaping stack objects' sites and of heap leaks."""
    for _, f in fns:
        for l in f["locals"]:
            for s in l["sites"]:
                yield s["flow"]
        for p in f["params"]:
            for fl in p["flows"]:
                if fl["sink"] == "heap":
                    yield fl


def table(text, title):
    """Rows of the summary table whose heading starts with TITLE."""
    lines = text.split("\n")
    for i, l in enumerate(lines):
        if l.startswith(title):
            rows = []
            for r in lines[i + 1:]:
                if not r.strip():
                    break
                rows.append(r)
            return l, rows
    bad("no table %r in the summary" % title)
    return "", []


def ranked(counts):
    # as escape-report orders them: counts down, then by key
    return sorted(counts.items(), key=lambda kv: (tuple(-x for x in kv[1]), kv[0]))


def check_summary(text_path, rdir, cdir, root):
    text = open(text_path).read()
    docs = reports(rdir)
    fns = functions(rdir, cdir)
    fl = [f for _, f in fns]
    locals_ = [l for f in fl for l in f["locals"]]
    params = [p for f in fl for p in f["params"]]
    allocs = [a for f in fl for a in f["allocations"]]
    warns = [w for f in fl for w in f["warnings"]]
    sources = {resolve(cdir, d["source"]) for d in docs}
    want = {
        "reports": len(docs),
        "source files": len(sources),
        "functions": len(fl),
        "stack objects whose address is taken": len(locals_),
        "escaping to the heap": sum(l["escapes"] for l in locals_),
        "sites": sum(len(l["sites"]) for l in locals_),
        "pointer parameters": len(params),
        "leaking to the heap": sum(p["leaks_to_heap"] is not None for p in params),
        "leaking param content": sum((p["leaks_to_heap"] or 0) > 0 for p in params),
        "leaking to the result": sum(p["leaks_to_result"] is not None for p in params),
        "heap allocations": len(allocs),
        "escaping": sum(a["escapes"] for a in allocs),
        "not escaping": sum(not a["escapes"] for a in allocs),
        "dangling warnings": sum(not w["suppressed"] for w in warns),
        "suppressed (escape:ignore)": sum(w["suppressed"] for w in warns),
    }
    for w in warns:
        if not w["suppressed"]:
            want[w["rule"]] = want.get(w["rule"], 0) + 1
    got = {}
    m = re.search(r"^escape: (\d+) reports? \(translation units\), (\d+) source files?, "
                  r"(\d+) functions?", text, re.M)
    if not m:
        bad("no first line with the numbers of reports, files and functions")
    else:
        got["reports"], got["source files"], got["functions"] = map(int, m.groups())
    for l in text.split("\n"):
        m = re.match(r"^  +(\S.*?) +(\d+)(   \((.*)\))?$", l)
        if not m:
            continue
        got[m.group(1)] = int(m.group(2))
        extra = m.group(4) or ""
        m2 = re.match(r"at (\d+) sites?", extra)
        if m2:
            got["sites"] = int(m2.group(1))
        m2 = re.search(r"leaking param content: (\d+)", extra)
        if m2:
            got["leaking param content"] = int(m2.group(1))
    for k, v in want.items():
        if got.get(k) != v:
            bad("summary: %s is %s, the reports say %d" % (k, got.get(k), v))

    # escapes per file and per function
    per_file, per_func = {}, {}
    for path, f in fns:
        esc = sum(l["escapes"] for l in f["locals"])
        leaks = sum(p["leaks_to_heap"] is not None for p in f["params"])
        w = sum(not x["suppressed"] for x in f["warnings"])
        k = shown(path, root)
        a = per_file.get(k, (0, 0, 0))
        per_file[k] = (a[0] + esc, a[1] + leaks, a[2] + w)
        per_func["%s:%d: %s" % (k, f["line"], f["name"])] = (esc, leaks, w)
    for title, counts in (("Escapes per file", per_file), ("Escapes per function", per_func)):
        head, rows = table(text, title)
        m = re.search(r"\(top (\d+) of (\d+)\)", head)
        if not m or int(m.group(2)) != len(counts):
            bad("%s: heading %r, %d rows expected in all" % (title, head, len(counts)))
            continue
        expect = ranked(counts)[: int(m.group(1))]
        rows = rows[1:]  # column names
        got_rows = []
        for r in rows:
            m2 = re.match(r"^ +(\d+) +(\d+) +(\d+)  (.*)$", r)
            if m2:
                got_rows.append((m2.group(4), tuple(map(int, m2.groups()[:3]))))
        if got_rows != expect:
            bad("%s: rows %s, expected %s" % (title, got_rows, expect))

    # reasons: the last step of each escaping flow
    kinds, unknown, args = {}, {}, {}
    for flow in escaping_flows(fns):
        if not flow["steps"]:
            continue
        k = flow["steps"][-1]["kind"]
        kinds[k] = (kinds.get(k, (0,))[0] + 1,)
        for s in flow["steps"]:
            if s["kind"] == "argument of indirect call":
                break
            if s["kind"] == "argument of unknown function":
                unknown[s["what"]] = (unknown.get(s["what"], (0,))[0] + 1,)
                args.setdefault(s["what"], set()).add(s["arg"])
                break
    head, rows = table(text, "Why things escape")
    got_rows = [(r.split(None, 1)[1], (int(r.split()[0]),)) for r in rows]
    if got_rows != ranked(kinds)[:len(got_rows)] or not got_rows:
        bad("reasons: %s, expected %s" % (got_rows, ranked(kinds)))
    head, rows = table(text, "Unknown callees")
    got_rows = []
    for r in rows[1:]:
        m = re.match(r"^ +(\d+)  (\S+) +(.*)$", r)
        if m:
            got_rows.append((m.group(2), (int(m.group(1)),), m.group(3)))
    expect = [(k, v, ", ".join(str(a) for a in sorted(args[k]))) for k, v in ranked(unknown)]
    if not expect:
        bad("the fixtures should call unknown functions")
    if got_rows != expect[:len(got_rows)] or not got_rows:
        bad("unknown callees: %s, expected %s" % (got_rows, expect))
    if "rules/README.md" not in text or "-fplugin-arg-escape-rules=" not in text:
        bad("no hint on how to write a rule")
    for k, _, _ in got_rows[:5]:
        if not re.search(r'"%s": \{"params": \[' % re.escape(k), text):
            bad("no rule skeleton for %s" % k)
    done()


def check_uri(u, what):
    if not re.fullmatch(r"([A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})+", u):
        bad("%s: %r is not a URI reference" % (what, u))


def location(loc, root, cdir_file, line, col, what):
    """Checks a SARIF location against (resolved file, line, byte column)."""
    pl = loc["physicalLocation"]
    art = pl["artifactLocation"]
    rel = shown(cdir_file, root)
    if rel != cdir_file:
        if art.get("uriBaseId") != "%SRCROOT%":
            bad("%s: no uriBaseId %%SRCROOT%%" % what)
        check_uri(art["uri"], what)
        if urllib.parse.unquote(art["uri"]) != rel:
            bad("%s: uri %r for %s" % (what, art["uri"], rel))
    else:
        if "uriBaseId" in art or urllib.parse.unquote(art["uri"]) != "file://" + cdir_file:
            bad("%s: a file outside the root should have an absolute uri: %r" % (what, art))
    if line:
        reg = pl.get("region", {})
        if reg.get("startLine") != line:
            bad("%s: startLine %s, the report says %s" % (what, reg.get("startLine"), line))
        # the report counts bytes, SARIF (columnKind unicodeCodePoints) characters
        if col:
            text = open(cdir_file, "rb").read().split(b"\n")[line - 1]
            chars = len(text[:col - 1].decode("utf-8")) + 1
            if reg.get("startColumn") != chars:
                bad("%s: startColumn %s, the report says byte %s: character %s"
                    % (what, reg.get("startColumn"), col, chars))


def check_sarif(path, schema_path, rdir, cdir, root, all_):
    import jsonschema

    schema = json.load(open(schema_path))
    v = jsonschema.Draft7Validator
    v.check_schema(schema)
    log = json.load(open(path))
    for e in sorted(v(schema).iter_errors(log), key=str)[:5]:
        bad("schema: %s at %s" % (e.message, list(e.path)))
    if log.get("version") != "2.1.0" or "$schema" not in log or len(log.get("runs", [])) != 1:
        bad("not one run of SARIF 2.1.0 with $schema")
        done()
    run = log["runs"][0]
    drv = run["tool"]["driver"]
    if drv.get("name") != "escape" or not drv.get("version") or not drv.get("informationUri"):
        bad("driver: name, version, informationUri")
    rules = drv.get("rules", [])
    ids = [r["id"] for r in rules]
    dangling = ["escape-return", "escape-global", "escape-caller", "escape-kept",
                "escape-thread", "escape-unknown", "escape-noescape", "escape-scope"]
    for d in dangling:
        if d not in ids:
            bad("rule %s missing" % d)
            continue
        r = rules[ids.index(d)]
        for k in ("name", "shortDescription", "fullDescription", "help"):
            if not r.get(k):
                bad("rule %s: no %s" % (d, k))
        props = r.get("properties", {})
        if "external/cwe/cwe-562" not in props.get("tags", []):
            bad("rule %s: no CWE-562 tag" % d)
        try:
            sev = float(props.get("security-severity"))
            if not 0 < sev <= 10:
                bad("rule %s: security-severity %s" % (d, sev))
        except (TypeError, ValueError):
            bad("rule %s: no security-severity" % d)
        if "escape:ignore" not in r["help"]["text"]:
            bad("rule %s: the help does not say how to suppress it" % d)
    if run.get("columnKind") != "unicodeCodePoints":
        bad("columnKind %r" % run.get("columnKind"))
    if run["originalUriBaseIds"]["%SRCROOT%"]["uri"] != "file://" + urllib.parse.quote(
            os.path.realpath(root)).rstrip("/") + "/":
        bad("originalUriBaseIds: %r" % run["originalUriBaseIds"])

    # what the results must be, from the reports
    want = {}
    for path_, f in functions(rdir, cdir):
        for w in f["warnings"]:
            steps = w["flow"]["steps"] if w["flow"] else []
            file_ = resolve(cdir, steps[0]["file"]) if steps else path_
            key = (w["rule"], file_, w["line"], w["column"], w["object"],
                   step_text(steps[-1]) if steps else "")
            want[key] = (w, f, steps, "warning")
        if not all_:
            continue
        for l in f["locals"]:
            for s in l["sites"]:
                steps = s["flow"]["steps"]
                file_ = resolve(cdir, steps[0]["file"]) if steps else path_
                key = ("escape-note-escape", file_, s["line"], s["column"], l["name"],
                       step_text(steps[-1]) if steps else "")
                want[key] = (None, f, steps, "note")
        for p in f["params"]:
            for fl in p["flows"]:
                if fl["sink"] == "heap":
                    key = ("escape-note-leak", path_, p["line"], p["column"], p["name"],
                           step_text(fl["steps"][-1]) if fl["steps"] else "")
                    want[key] = (None, f, fl["steps"], "note")
    results = run["results"]
    if len(results) != len(want):
        bad("%d results, the reports have %d findings" % (len(results), len(want)))
    fps = set()
    for i, res in enumerate(results):
        what = "result %d (%s)" % (i, res.get("ruleId"))
        rid = res.get("ruleId")
        if rid not in ids or res.get("ruleIndex") != ids.index(rid):
            bad("%s: ruleIndex %s does not point to its rule" % (what, res.get("ruleIndex")))
        loc = res["locations"][0]
        art = loc["physicalLocation"]["artifactLocation"]
        uri = urllib.parse.unquote(art["uri"])
        file_ = (os.path.join(os.path.realpath(root), uri) if art.get("uriBaseId")
                 else uri[len("file://"):])
        flows = res.get("codeFlows", [])
        steps = flows[0]["threadFlows"][0]["locations"] if flows else []
        sink = steps[-1]["location"]["message"]["text"] if steps else ""
        obj = None
        name = loc["logicalLocations"][0]["name"]
        reg = loc["physicalLocation"].get("region", {})
        msg = res["message"]["text"]
        cands = [k for k in want if k[0] == rid and k[1] == file_ and k[2] == reg.get("startLine")
                 and k[5] == sink and want[k][1]["name"] == name
                 and (msg == want[k][0]["message"] if want[k][0] is not None
                      else re.match(r"(leaking param( content)?: )?%s[ :(]" % re.escape(k[4]), msg))]
        if len(cands) != 1:
            bad("%s: %s:%s matches %d findings of the reports" % (what, uri, reg.get("startLine"), len(cands)))
            continue
        w, f, wsteps, level = want.pop(cands[0])
        obj = cands[0][4]
        if res.get("level") != level:
            bad("%s: level %s, expected %s" % (what, res.get("level"), level))
        location(loc, root, cands[0][1], cands[0][2], cands[0][3], what)
        if w is not None:
            if res["message"]["text"] != w["message"]:
                bad("%s: message %r" % (what, res["message"]["text"]))
            sup = res.get("suppressions")
            if w["suppressed"] != bool(sup) or (sup and sup[0].get("kind") != "inSource"):
                bad("%s: suppressed=%s but suppressions %r" % (what, w["suppressed"], sup))
        elif "suppressions" in res or obj not in res["message"]["text"]:
            bad("%s: a note with suppressions, or without its object" % what)
        if len(steps) != len(wsteps):
            bad("%s: %d flow locations, the report has %d steps" % (what, len(steps), len(wsteps)))
        for s, t in zip(wsteps, steps):
            if t["location"]["message"]["text"] != step_text(s):
                bad("%s: flow step %r, expected %r" % (what, t["location"]["message"]["text"], step_text(s)))
            location(t["location"], root, resolve(cdir, s["file"]), s["line"], s["column"], what + " step")
        fp = res.get("partialFingerprints", {}).get("escape/v1")
        if not fp or fp in fps:
            bad("%s: fingerprint %r missing or not unique" % (what, fp))
        fps.add(fp)
    for k in want:
        bad("no result for %s" % (k,))
    done()


def check_shifted(old_path, new_path, file_, n):
    old = json.load(open(old_path))["runs"][0]["results"]
    new = json.load(open(new_path))["runs"][0]["results"]

    def index(results):
        out = {}
        for r in results:
            out[r["partialFingerprints"]["escape/v1"]] = r
        return out

    a, b = index(old), index(new)
    if set(a) != set(b):
        bad("fingerprints changed: %d before, %d after, %d in common" % (len(a), len(b), len(set(a) & set(b))))
    moved = 0
    for fp in set(a) & set(b):
        la = a[fp]["locations"][0]["physicalLocation"]
        lb = b[fp]["locations"][0]["physicalLocation"]
        if la["artifactLocation"]["uri"] != lb["artifactLocation"]["uri"]:
            bad("%s: moved to another file" % fp)
        elif la["artifactLocation"]["uri"] == file_:
            if lb["region"]["startLine"] != la["region"]["startLine"] + n:
                bad("%s: line %d, then %d (expected +%d)" % (fp, la["region"]["startLine"], lb["region"]["startLine"], n))
            moved += 1
    if not moved:
        bad("no finding of %s to compare" % file_)
    done()


def check_diagnostics(path, rdir, cdir):
    got = json.load(open(path))
    want = {}
    for doc in reports(rdir):
        for d in doc["diagnostics"]:
            p = urllib.parse.unquote(d["uri"][len("file://"):])
            uri = "file://" + urllib.parse.quote(os.path.realpath(p), safe="/-._~!$&'()*+,;=@")
            d = dict(d)
            del d["uri"]
            rel = []
            for r in d["relatedInformation"]:
                rp = urllib.parse.unquote(r["location"]["uri"][len("file://"):])
                rel.append({"location": {"uri": "file://" + urllib.parse.quote(os.path.realpath(rp), safe="/-._~!$&'()*+,;=@"),
                                         "range": r["location"]["range"]},
                            "message": r["message"]})
            d["relatedInformation"] = rel
            want.setdefault(uri, set()).add(json.dumps(d, sort_keys=True))
    # the warnings the link step adds, as the plugin would give them
    q = lambda p: "file://" + urllib.parse.quote(os.path.realpath(p), safe="/-._~!$&'()*+,;=@")
    at = lambda l, c: {"start": {"line": max(l - 1, 0), "character": max(c - 1, 0)},
                       "end": {"line": max(l - 1, 0), "character": max(c - 1, 0)}}
    for path_, f in functions(rdir, cdir):
        for p in f["link"]["pending"]:
            for w in linked_warnings({"name": f["name"], "link": {"pending": [p]}}, set()):
                if w["suppressed"]:
                    continue
                steps = w["flow"]["steps"] if w["flow"] else []
                d = {"range": at(w["line"] or 0, w["column"] or 0), "severity": 2,
                     "code": "dangling", "source": "escape", "message": w["message"],
                     "relatedInformation": [
                         {"location": {"uri": q(resolve(cdir, st["file"] or f["file"])),
                                       "range": at(st["line"] or 0, st["column"] or 0)},
                          "message": step_text(st)} for st in steps]}
                file_ = resolve(cdir, steps[0]["file"]) if steps else path_
                want.setdefault(q(file_), set()).add(json.dumps(d, sort_keys=True))
    if not isinstance(got, list):
        bad("not an array")
        done()
    uris = [g.get("uri") for g in got]
    if uris != sorted(want):
        bad("files %s, expected %s" % (uris, sorted(want)))
    for g in got:
        ds = g.get("diagnostics", [])
        if sorted(json.dumps(d, sort_keys=True) for d in ds) != sorted(want.get(g["uri"], ())):
            bad("%s: %d diagnostics, expected %d (each once)" % (g["uri"], len(ds), len(want.get(g["uri"], ()))))
        pos = [(d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in ds]
        if pos != sorted(pos):
            bad("%s: not in line order" % g["uri"])
        for d in ds:
            if set(d) != {"range", "severity", "code", "source", "message", "relatedInformation"}:
                bad("%s: keys %s" % (g["uri"], sorted(d)))
                break
    done()


def main():
    a = sys.argv[1:]
    if a[:1] == ["summary"] and len(a) == 5:
        check_summary(*a[1:])
    elif a[:1] == ["sarif"] and len(a) in (6, 7):
        check_sarif(a[1], a[2], a[3], a[4], a[5], a[6:] == ["--all"])
    elif a[:1] == ["shifted"] and len(a) == 5:
        check_shifted(a[1], a[2], a[3], int(a[4]))
    elif a[:1] == ["diagnostics"] and len(a) == 4:
        check_diagnostics(*a[1:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


main()
