#!/usr/bin/env bash
# The README's Emacs eglot recipe, tried in Emacs batch mode: opens draft.txt
# through `followup-lint lsp`, applies a quick fix, adds a word to the vocabulary file,
# and compares what Emacs
# saw with eglot.expected. Needs Emacs 29+, or Emacs 28 with the eglot
# package (Debian: apt-get install emacs-nox elpa-eglot), and followup-lint
# on PATH. Not part of the pytest suite.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v emacs >/dev/null || { echo "run-eglot.sh: emacs is not installed" >&2; exit 2; }
command -v followup-lint >/dev/null || { echo "run-eglot.sh: followup-lint is not on PATH" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'grammar: embedded\nvocabulary_file: words.txt\n' > "$work/.followup-lint.yaml"
cp "$here/draft.txt" "$work/draft.txt"
start=$(date +%s.%N)
(cd "$work" && timeout 120 emacs --batch -l "$here/eglot.el" "$work/draft.txt") > "$work/seen" 2> "$work/log" ||
    { cat "$work/log" >&2; exit 1; }
echo "emacs $(emacs --version | head -1 | cut -d' ' -f3): $(echo "$(date +%s.%N) - $start" | bc) s" >&2
# UPDATE=1 takes what was seen as the new expected transcript.
[ "${UPDATE:-}" = 1 ] && cp "$work/seen" "$here/eglot.expected"
diff -u "$here/eglot.expected" "$work/seen" && echo "eglot recipe: as expected"
