#!/usr/bin/env bash
# Issue #11.1: an installed briefing needs neither its source nor its build tree.
#   tests/install_test.sh SOURCE_DIR BUILD_DIR
# Installs BUILD_DIR into a temporary prefix, copies the default build file and its
# data into a temporary folder, hides both trees behind empty tmpfs mounts in a
# private mount namespace, and renders every default output with the installed
# program. Exit 77 (skipped) when this user cannot make a mount namespace.
set -euo pipefail
source_dir=$(realpath "$1")
build_dir=$(realpath "$2")

scratch=$(mktemp -d /tmp/briefing-install-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
prefix="$scratch/prefix"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null

test -x "$prefix/bin/briefing"
test -d "$prefix/share/briefing/fonts"
test -f "$prefix/share/briefing/layouts/slide-16x9.toml"
if strings "$prefix/bin/briefing" | grep -qF "$source_dir/"; then
  echo "install_test: the installed program still names the source tree $source_dir" >&2
  exit 1
fi

mkdir -p "$scratch/work"
cp "$source_dir/briefing.toml" "$scratch/work/"
cp -r "$source_dir/data" "$scratch/work/"

hide_trees_and_render() {
  unshare --mount --propagation private bash -euc '
    mount -t tmpfs none "$2"  # the build tree first: it may lie inside the source tree
    mount -t tmpfs none "$1"
    if [ -e "$1/CMakeLists.txt" ]; then echo "install_test: $1 still visible" >&2; exit 1; fi
    cd "$3/work"
    env -u BRIEFING_DATA_DIR -u BRIEFING_FONTS_DIR -u BRIEFING_LAYOUTS_DIR "$4/bin/briefing" build
  ' hide "$source_dir" "$build_dir" "$scratch" "$prefix"
}

if ! unshare --mount true 2>/dev/null; then
  echo "install_test: skipped, no mount namespace for this user (run as root)" >&2
  exit 77
fi
hide_trees_and_render

expected=$(grep -c '^\[\[output\]\]' "$scratch/work/briefing.toml")
found=0
for output in $(sed -n 's/^path = "\(.*\)"/\1/p' "$scratch/work/briefing.toml"); do
  if [ -s "$scratch/work/$output" ]; then found=$((found + 1)); else
    echo "install_test: $output was not rendered" >&2
  fi
done
echo "install_test: $found of $expected default outputs rendered by $prefix/bin/briefing"
[ "$found" -eq "$expected" ]

# The same bytes as the build tree renders (default_build_identity_test holds those hashes).
(cd "$scratch/work/output" && sha256sum --quiet -c "$source_dir/tests/reference/default-outputs.sha256")
