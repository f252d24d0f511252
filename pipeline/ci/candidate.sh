#!/usr/bin/env bash
# Build the release a pull request would publish, without touching dist/: copy dist/ to a work
# folder, build there (--strict: any rejected source fails), validate it, score it against the
# gold that ships with the sources, and write a markdown summary (diff against the current release).
# Usage: pipeline/ci/candidate.sh [SOURCES=seeds] [WORK=$(mktemp -d)] [SUMMARY=/dev/stdout]
set -euo pipefail
cd "$(dirname "$0")/../.."
sources="${1:-seeds}"
work="${2:-$(mktemp -d)}"
summary="${3:-/dev/stdout}"
mkdir -p "$work/dist"
[ -d dist ] && cp -R dist/. "$work/dist/"
version_of() { node -e 'try{process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).version)}catch{}' "$1"; }
previous=$(version_of "$work/dist/latest.json")
npx tsx pipeline/bin.ts build --sources "$sources" --out "$work/dist" --strict
latest=$(version_of "$work/dist/latest.json")
npx tsx pipeline/bin.ts validate "$work/dist/$latest"
{
  echo "## Candidate release $latest"
  echo
  if [ -n "$previous" ] && [ "$previous" != "$latest" ]; then
    echo '```'
    npx tsx pipeline/bin.ts diff "$work/dist/$previous" "$work/dist/$latest"
    echo '```'
    echo
    sed -n '/^## /,$p' "$work/dist/$latest/CHANGELOG.md" | head -200
  elif [ "$previous" = "$latest" ]; then
    echo "No change: the sources and code give the published release $latest byte for byte."
  else
    echo "First release."
  fi
  if [ -d "$sources/gold" ]; then
    echo
    echo '```'
    npx tsx pipeline/bin.ts eval --sources "$sources"
    echo '```'
  fi
} >> "$summary"
