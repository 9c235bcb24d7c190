#!/usr/bin/env python3
"""gcc-compare.py A B - are two compilers' outputs (scripts/gcc-outputs.sh)
the same?  Everything must be - the notes and warnings, their order, their
positions, the flows' steps and lines, the reports - except columns that
GCC's gimplification of a conditional expression moves: GCC 15 and later
gimplify `T x = c ? a : b;' into a store to x in each arm, at the arm's
position, where GCC 12 to 14 store the arms into a temporary and that into x
at its declaration.  So on a source line that holds a conditional
expression (a '?'), and only there, the column of any position may differ
(an address-of, a flow's step, a warning's related location); and anywhere,
the column of a flow's step on the same line.  Prints what differs, or how
many positions are at another column; exits 1 if anything else differs.
(diff -r of the two directories shows the differences themselves.)"""
import json
import os
import re
import sys

STEP = re.compile(r'^([^:]*:[0-9]+):[0-9]+(: note:   flow: .*)$')
POS = re.compile(r'^([^:]*):([0-9]+):([0-9]+)(: .*)$')
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def conditional_lines(name):
    """The 1-based lines of output NAME's source file that hold a '?'."""
    try:
        with open(os.path.join(ROOT, os.path.splitext(name)[0] + '.c')) as f:
            return {i + 1 for i, x in enumerate(f) if '?' in x}
    except OSError:
        return set()


def text_without_columns(lines, cond):
    """Notes and warnings with the columns of positions on CONDitional
    lines and of flow steps taken out."""
    out = []
    for x in lines:
        m = POS.match(x)
        if m and int(m.group(2)) in cond:
            x = '%s:%s%s' % (m.group(1), m.group(2), m.group(4))
        out.append(STEP.sub(r'\1\2', x))
    return out


def report_without_columns(o, cond):
    """A report with the columns of positions on CONDitional lines taken
    out (LSP positions count lines from 0)."""
    if isinstance(o, dict):
        o = {k: report_without_columns(v, cond) for k, v in o.items()}
        if isinstance(o.get('line'), int):
            if 'column' in o and o['line'] in cond:
                del o['column']
            if 'character' in o and o['line'] + 1 in cond:
                del o['character']
        return o
    if isinstance(o, list):
        return [report_without_columns(x, cond) for x in o]
    return o


def lines(path):
    with open(path) as f:
        return f.read().splitlines()


def without_step_columns(o):
    """A report with the columns of its flows' steps taken out."""
    if isinstance(o, dict):
        out = {}
        for k, v in o.items():
            if k == 'steps' and isinstance(v, list):
                v = [{x: y for x, y in s.items() if x != 'column'} for s in v]
            elif k == 'relatedInformation' and isinstance(v, list):
                v = [dict(r, location=dict(r['location'], range={
                    end: {'line': p['line']}
                    for end, p in r['location']['range'].items()}))
                     for r in v]
            out[k] = without_step_columns(v)
        return out
    if isinstance(o, list):
        return [without_step_columns(x) for x in o]
    return o


def main(a, b):
    names = set()
    for top in (a, b):
        for d, _, files in os.walk(top):
            names |= {os.path.relpath(os.path.join(d, f), top) for f in files}
    moved, problems = 0, []
    for n in sorted(names):
        pa, pb = os.path.join(a, n), os.path.join(b, n)
        if not (os.path.isfile(pa) and os.path.isfile(pb)):
            problems.append('%s: in one of them only' % n)
            continue
        la, lb = lines(pa), lines(pb)
        if la == lb:
            continue
        cond = conditional_lines(n)
        if n.endswith('.txt'):
            if text_without_columns(la, cond) != text_without_columns(lb, cond):
                problems.append('%s: the notes or warnings differ' % n)
            else:
                moved += sum(x != y for x, y in zip(la, lb))
            continue
        try:
            ra, rb = json.loads('\n'.join(la)), json.loads('\n'.join(lb))
        except ValueError:
            problems.append('%s: differ' % n)
            continue
        if (without_step_columns(report_without_columns(ra, cond)) !=
                without_step_columns(report_without_columns(rb, cond))):
            problems.append('%s: the reports differ' % n)
    for p in problems:
        print(p)
    if not problems:
        print('%d files the same%s' % (len(names), ', but %d lines with positions '
              'at another column of the same line' % moved if moved else ''))
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: gcc-compare.py A B')
    sys.exit(main(sys.argv[1], sys.argv[2]))
