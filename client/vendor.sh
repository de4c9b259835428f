#!/usr/bin/env bash
# Copies the pinned browser builds named in package.json into wwwroot/lib (committed; the site never runs npm).
# Usage: client/vendor.sh   (after changing a version in client/package.json)
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="$(node -p 'require("./package.json").dependencies["@microsoft/signalr"]')"
(cd "$work" && npm pack --silent "@microsoft/signalr@$version" >/dev/null && tar xzf microsoft-signalr-*.tgz)
target=../wwwroot/lib/microsoft-signalr
mkdir -p "$target"
cp "$work/package/dist/browser/signalr.min.js" "$work/package/dist/browser/signalr.min.js.map" "$target/"
echo "@microsoft/signalr $version -> $target"
