#!/usr/bin/env bash
# Show what a pull request changes in the release, against the BASE branch's release (never against this tree's own
# dist/, which a pull request may already have moved on): copy the base's dist/ (`git archive BASE dist`) to a work
# folder, build this tree's sources and code over it (--strict), validate and score the candidate, and write a
# markdown summary: the version, the diff from the base's release and the changelog. Three cases:
# - the tree commits a new release (dist/latest.json differs from the base's): its changelog and its diff from the
#   base's release, and a check that it is byte for byte the candidate build (exit 1, naming the files, if not);
# - the tree changes the release without committing it: the candidate's diff and changelog, and a note that
#   `npm test` fails with not-reproducible until the rebuilt release is committed;
# - the tree builds nothing new over the base's release and commits it unchanged: "No change".
# Usage: pipeline/ci/candidate.sh [SOURCES=seeds] [WORK=$(mktemp -d)] [SUMMARY=$GITHUB_STEP_SUMMARY|/dev/stdout]
#                                 [BASE=origin/$GITHUB_BASE_REF|origin/main|main]
# CANDIDATE_BUILD_ARGS: extra build options (e.g. "--cache DIR"; the default cache is node_modules/.cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
sources="${1:-seeds}"
work="${2:-$(mktemp -d)}"
summary="${3:-${GITHUB_STEP_SUMMARY:-/dev/stdout}}"
base="${4:-}"
if [ -z "$base" ]; then
  if [ -n "${GITHUB_BASE_REF:-}" ]; then base="origin/$GITHUB_BASE_REF"
  elif git rev-parse -q --verify "origin/main^{commit}" >/dev/null; then base=origin/main
  else base=main; fi
fi
git rev-parse -q --verify "$base^{commit}" >/dev/null || {
  echo "candidate: base ref '$base' not found: fetch it (git fetch origin main; actions/checkout with fetch-depth: 0) or pass it as the 4th argument" >&2
  exit 1
}
version_of() { node -e 'try{process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).version)}catch{}' "$1"; }
path_of() { node -e 'try{process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).path)}catch{}' "$1"; }

# the base's releases, as committed on the base branch
mkdir -p "$work/base" "$work/candidate"
if git cat-file -e "$base:dist" 2>/dev/null; then git archive "$base" dist | tar -x -C "$work/base"; fi
mkdir -p "$work/base/dist"
cp -R "$work/base/dist/." "$work/candidate/"
base_version=$(version_of "$work/base/dist/latest.json")
base_dir="$work/base/dist/$(path_of "$work/base/dist/latest.json")"
# shellcheck disable=SC2086 # CANDIDATE_BUILD_ARGS is a list of options
npx tsx pipeline/bin.ts build --sources "$sources" --out "$work/candidate" --strict --no-progress ${CANDIDATE_BUILD_ARGS:-}
cand_version=$(version_of "$work/candidate/latest.json")
cand_dir="$work/candidate/$(path_of "$work/candidate/latest.json")"
[ -n "$cand_version" ] && npx tsx pipeline/bin.ts validate "$cand_dir"
# the release this tree commits
head_version=$(version_of dist/latest.json)
head_dir="dist/$(path_of dist/latest.json)"

# diff (base → new release) and changelog (its title dropped, its sections under the summary's headings)
show_change() {
  if [ -n "$base_version" ]; then
    echo "### Diff from the base's release $base_version"
    echo
    echo '```'
    npx tsx pipeline/bin.ts diff "$base_dir" "$1"
    echo '```'
  else
    echo "First release: the base branch ($base) has none."
  fi
  echo
  echo "### Changelog of $2"
  echo
  awk 'NR == 1 && /^# / { next } !seen && /^$/ { next } { seen = 1; sub(/^## /, "#### "); print }' "$1/CHANGELOG.md" |
    head -300
}

# the tree's release differs from the base's: another version, or the same version with other bytes
head_differs=0
if [ -n "$head_version" ]; then
  if [ "$head_version" != "$base_version" ] || ! diff -rq "$head_dir" "$base_dir" >/dev/null 2>&1; then head_differs=1; fi
fi

status=0
{
  if [ "$head_differs" = 1 ]; then
    echo "## Release $head_version (committed in this pull request)"
    echo
    if [ "$cand_version" = "$head_version" ] && diff -rq "$head_dir" "$cand_dir" >/dev/null; then
      echo "Base: \`$base\` (release ${base_version:-none}). The committed \`$head_dir\` is byte for byte what this tree's sources and code build over the base's releases."
    else
      status=1
      echo "**The committed \`$head_dir\` is not what this tree's sources and code build over the base's releases** (candidate: ${cand_version:-none}); rebase on \`$base\` and run \`npm run build:release\` again. Files that differ:"
      echo
      echo '```'
      diff -rq "$head_dir" "$cand_dir" 2>&1 | sed "s|$work/candidate/||" | head -50 || true
      echo '```'
    fi
    echo
    show_change "$head_dir" "$head_version"
  elif [ -n "$cand_version" ] && [ "$cand_version" != "$base_version" ]; then
    echo "## Candidate release $cand_version (not committed)"
    echo
    echo "Base: \`$base\` (release ${base_version:-none}). This pull request changes the release but does not commit it: run \`npm run build:release\` and commit \`dist/\`; until then \`npm test\` fails with \`not-reproducible\`."
    echo
    show_change "$cand_dir" "$cand_version"
  else
    echo "## No change: release $base_version"
    echo
    echo "Base: \`$base\`. This tree's sources and code build nothing new over the base's release $base_version (same content), and the tree commits that release unchanged."
  fi
  if [ -d "$sources/gold" ]; then
    echo
    echo "### Evaluation against \`$sources/gold\`"
    echo
    echo '```'
    npx tsx pipeline/bin.ts eval --sources "$sources"
    echo '```'
  fi
} >> "$summary"
[ "$status" = 0 ] || echo "candidate: the committed $head_dir differs from the candidate build $cand_dir (see the summary)" >&2
exit "$status"
