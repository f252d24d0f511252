#!/usr/bin/env bash
# Prepare the assets of the GitHub release for a tag vX.Y.Z, without uploading them (pipeline/ci/upload.sh does):
# check that the tag names dist/latest.json's version, check that dist/X.Y.Z rebuilds byte for byte (`verify`), then
# put each table's CSV and Parquet, the reproducible .tar.gz of the release (pipeline/ci/pack.sh) and a SHA256SUMS of
# those files in OUT, and print the SHA256SUMS (also to $GITHUB_STEP_SUMMARY when set).
# Usage: pipeline/ci/release.sh [TAG=$GITHUB_REF_NAME] [DIST=dist] [OUT=$(mktemp -d)]   (SOURCES: default seeds)
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:-${GITHUB_REF_NAME:-}}"
dist="${2:-dist}"
out="${3:-$(mktemp -d)}"
sources="${SOURCES:-seeds}"
fail() { echo "release: $*" >&2; exit 1; }
[[ "$tag" =~ ^v([0-9]+\.[0-9]+\.[0-9]+)$ ]] || fail "tag '$tag' is not of the form vX.Y.Z"
version="${BASH_REMATCH[1]}"
latest=$(node -e 'try{process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).version)}catch{}' "$dist/latest.json")
[ -n "$latest" ] || fail "cannot read the version in $dist/latest.json"
[ "$version" = "$latest" ] ||
  fail "tag $tag does not match $dist/latest.json, whose version is $latest: tag the commit that publishes $version, or tag v$latest"
dir="$dist/$version"
[ -d "$dir" ] || fail "$dist/latest.json names $version but there is no folder $dir"
npx tsx pipeline/bin.ts verify --sources "$sources" --out "$dist" "$dir"

mkdir -p "$out"
shopt -s nullglob
parquets=("$dir"/data/*.parquet)
[ "${#parquets[@]}" -gt 0 ] || fail "no tables (data/*.parquet) in $dir"
for p in "${parquets[@]}"; do
  t=$(basename "$p" .parquet)
  for ext in csv parquet; do
    [ -f "$dir/data/$t.$ext" ] || fail "$dir/data/$t.$ext is missing"
    cp "$dir/data/$t.$ext" "$out/$t.$ext"
    # the asset is the file the release's own SHA256SUMS lists
    want=$(awk -v f="data/$t.$ext" '$2 == f { print $1 }' "$dir/SHA256SUMS")
    got=$(sha256sum "$out/$t.$ext" | cut -d' ' -f1)
    [ "$want" = "$got" ] || fail "$dir/data/$t.$ext: SHA-256 $got is not the one in $dir/SHA256SUMS (${want:-absent})"
  done
done
tarball=$(bash pipeline/ci/pack.sh "$version" "$dist" "$out")
rm -f "$tarball.sha256"
(cd "$out" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
echo "Assets of $tag in $out (upload: bash pipeline/ci/upload.sh $tag $out):"
cat "$out/SHA256SUMS"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { echo "## Release $tag: assets"; echo; echo '```'; cat "$out/SHA256SUMS"; echo '```'; } >> "$GITHUB_STEP_SUMMARY"
fi
