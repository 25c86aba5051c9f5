#!/usr/bin/env bash
# Fails when a C++ file of the repository does not match .clang-format.
#   tests/check_format.sh            check (CTest runs this)
#   tests/check_format.sh --fix      reformat in place
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find renderer tests -name '*.cpp' -o -name '*.h' | sort)
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check_format.sh: ${#bad[@]} file(s) do not match .clang-format (run tests/check_format.sh --fix):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "check_format.sh: ${#files[@]} files match .clang-format"
