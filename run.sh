#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds, and then renders or tests.
#   ./run.sh          install missing packages, build, render the default outputs into output/
#   ./run.sh test     install missing packages, build, run every test (non-zero exit on failure),
#                     then a fuzz smoke: every libFuzzer target for $BRIEFING_FUZZ_SECONDS (15) s
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-render}
build_dir=${BRIEFING_BUILD_DIR:-build}

packages=(
  build-essential cmake pkg-config
  libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev libglib2.0-dev
  libtomlplusplus-dev libhyphen-dev hyphen-en-us liburiparser-dev libqpdf-dev nlohmann-json3-dev
  libgtest-dev libpoppler-glib-dev poppler-utils qpdf
  libcsv-dev  # spreadsheet import and export
  groff-base man-db  # tests: the man page renders with man -l
  zsh fish  # tests: the generated completions parse (zsh) and complete (fish)
  libxml2-dev  # the SVG writer's XML (harfbuzz-subset comes with libharfbuzz-dev)
  chromium librsvg2-bin  # tests/svg_render_test: the SVG as a browser and librsvg draw it
  python3-jsonschema  # tests/schema_agreement_test: data/schema.json against `check`
  bc valgrind  # tests/bench scripts (valgrind: callgrind's instruction counts)
  libpng-dev  # paint/png_writer
  librsvg2-dev  # SVG logos in layouts (load/image_loader, paint/painter)
  fonts-dejavu-core  # tests/house_fonts_test: a house face from outside the bundle
  fonts-noto-cjk  # Chinese, Japanese and Korean faces with bold, read at run time
  clang-format  # tests/check_format.sh
  clang libclang-rt-14-dev  # tests/fuzz: libFuzzer, ASan, UBSan
)

install_missing_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "run.sh: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  # One configuration for both modes (warnings are errors on Debian 12's compiler), so
  # `./run.sh` then `./run.sh test` builds once, not twice.
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRIEFING_WERROR=ON >/dev/null
  cmake --build "$build_dir" -j "$(nproc)"
}

install_missing_packages
build
case "$mode" in
  render) exec "$build_dir/briefing" ;;  # briefing build with ./briefing.toml
  test)
    (cd "$build_dir" && ctest --output-on-failure -j 2)
    exec tests/fuzz/run_fuzzers.sh "${BRIEFING_FUZZ_SECONDS:-15}" ;;
  *) echo "usage: ./run.sh [render|test]" >&2; exit 2 ;;
esac
