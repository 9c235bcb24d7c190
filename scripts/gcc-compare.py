#!/usr/bin/env python3
"""gcc-compare.py A B - are two compilers' outputs (scripts/gcc-outputs.sh)
the same?  Every file must be byte for byte the same: the notes and
warnings, their order and positions, the reports with their flows.  What
may differ between GCC series was taken out by gcc-outputs.sh already
(GCC's own diagnostics, the report's "gcc" version).  Prints, for each file
that differs or is in one of them only, its name and its first differing
lines, or how many files are the same; exits 1 if any differs.  (diff -r of
the two directories shows all the differences.)"""
import difflib
import os
import sys

SHOWN = 3  # differing lines shown per file


def files(top):
    names = set()
    for d, _, fs in os.walk(top):
        names |= {os.path.relpath(os.path.join(d, f), top) for f in fs}
    return names


def main(a, b):
    names = files(a) | files(b)
    problems = []
    for n in sorted(names):
        pa, pb = os.path.join(a, n), os.path.join(b, n)
        if not (os.path.isfile(pa) and os.path.isfile(pb)):
            problems.append('%s: in %s only' % (n, a if os.path.isfile(pa) else b))
            continue
        with open(pa, 'rb') as f:
            da = f.read()
        with open(pb, 'rb') as f:
            db = f.read()
        if da == db:
            continue
        la = da.decode('utf-8', 'replace').splitlines()
        lb = db.decode('utf-8', 'replace').splitlines()
        diff = [x for x in difflib.unified_diff(la, lb, lineterm='', n=0)
                if x[:1] in '-+' and x[:3] not in ('---', '+++')]
        problems.append('%s: differs%s' % (n, ''.join(
            '\n  ' + x for x in diff[:2 * SHOWN])))
    if not names:
        problems.append('no files in either')
    for p in problems:
        print(p)
    if not problems:
        print('%d files the same' % len(names))
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: gcc-compare.py A B')
    for d in sys.argv[1:]:
        if not os.path.isdir(d):
            sys.exit('gcc-compare.py: %s: not a directory' % d)
    sys.exit(main(sys.argv[1], sys.argv[2]))
