#!/usr/bin/env bash
# Pack a published release as a reproducible .tar.gz with its SHA-256 (same bytes on every run).
# Usage: pipeline/ci/pack.sh VERSION [DIST=dist] [OUT=.]
set -euo pipefail
version="$1"
dist="${2:-dist}"
out="${3:-.}"
[ -d "$dist/$version" ] || { echo "pack: no release $dist/$version" >&2; exit 1; }
created=$(node -e 'process.stdout.write(String(Math.floor(Date.parse(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).created)/1000)))' "$dist/$version/manifest.json")
name="central-asia-relations-$version.tar.gz"
tar --sort=name --mtime="@$created" --owner=0 --group=0 --numeric-owner --format=gnu -C "$dist" -cf - "$version" | gzip -n -9 > "$out/$name"
(cd "$out" && sha256sum "$name" > "$name.sha256")
echo "$out/$name"
