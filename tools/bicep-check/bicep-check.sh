#!/usr/bin/env bash
# Syntax check of Bicep files with the tree-sitter Bicep grammar (see parse-bicep.cjs).
#   bicep-check.sh install          npm ci from package-lock.json when node_modules is missing or stale (locked: test
#                                   processes running in parallel may all call it)
#   bicep-check.sh [--errors-only] [FILE...]
#                                   install if needed, then parse FILE... (default: every infra/**/*.bicep) and print
#                                   JSON; exit code 1 when a file has a syntax error
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

install() {
  exec 9>"$here/.install.lock"
  flock 9
  local stamp="$here/node_modules/.installed-stamp" want
  want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  echo "bicep-check: npm ci" >&2
  # --ignore-scripts: only the grammar's .wasm is used, never its native binding.
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
}

case "${1:-}" in
  install) install ;;
  *)
    install
    has_file=false
    for arg in "$@"; do case "$arg" in --*) ;; *) has_file=true ;; esac; done
    if ! $has_file; then
      mapfile -t files < <(find "$root/infra" -name '*.bicep' | sort)
      set -- "$@" "${files[@]}"
    fi
    exec node "$here/parse-bicep.cjs" "$@"
    ;;
esac
