#!/usr/bin/env bash
# run-blind.sh [PLUGIN] - the blind corpus of issue #2 (testsuite/blind, see
# its README: written and labelled without running the plugin), scored by
# run-realistic.sh against the thresholds: >= 95% of escaping and of
# non-escaping stack objects, >= 90% of pointer parameters, the same at -O0
# and -O2.  Ends with "N passed, N failed".
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) || exit 2
exec "$here/run-realistic.sh" "$@" "$here"/blind/*.c
