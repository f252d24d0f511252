#!/usr/bin/env bash
# Create the GitHub release of a tag with the assets pipeline/ci/release.sh prepared, its changelog as the notes.
# Needs `gh` and GH_TOKEN; the only step of the release workflow that talks to GitHub (tests never run it).
# Usage: pipeline/ci/upload.sh TAG ASSETS_DIR [DIST=dist]
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="$1"
assets="$2"
dist="${3:-dist}"
[ -f "$assets/SHA256SUMS" ] || { echo "upload: no $assets/SHA256SUMS: run pipeline/ci/release.sh first" >&2; exit 1; }
(cd "$assets" && sha256sum --quiet -c SHA256SUMS)
gh release create "$tag" "$assets"/* --verify-tag --title "$tag" --notes-file "$dist/${tag#v}/CHANGELOG.md"
