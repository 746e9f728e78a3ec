#!/usr/bin/env bash
# The README's Neovim recipe, tried headless: opens draft.txt through
# `followup-lint lsp`, applies a quick fix, adds a word to the vocabulary file,
# and compares what Neovim saw with
# neovim.expected. Needs Neovim 0.7+ (Debian: apt-get install neovim) and
# followup-lint on PATH. Not part of the pytest suite.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v nvim >/dev/null || { echo "run-neovim.sh: nvim is not installed" >&2; exit 2; }
command -v followup-lint >/dev/null || { echo "run-neovim.sh: followup-lint is not on PATH" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'grammar: embedded\nvocabulary_file: words.txt\n' > "$work/.followup-lint.yaml"
cp "$here/draft.txt" "$work/draft.txt"
start=$(date +%s.%N)
(cd "$work" && timeout 120 nvim --headless -u NONE -c "luafile $here/neovim.lua" draft.txt) > "$work/seen" 2> "$work/log" ||
    { cat "$work/seen" "$work/log" >&2; exit 1; }
echo "nvim $(nvim --version | head -1 | cut -d' ' -f2): $(echo "$(date +%s.%N) - $start" | bc) s" >&2
# UPDATE=1 takes what was seen as the new expected transcript.
[ "${UPDATE:-}" = 1 ] && cp "$work/seen" "$here/neovim.expected"
diff -u "$here/neovim.expected" "$work/seen" && echo "Neovim recipe: as expected"
