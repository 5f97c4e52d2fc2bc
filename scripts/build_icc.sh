#!/usr/bin/env bash
# Build the CMYK output profile shipped in ials_print/kit/color/ from the freely licensed FOGRA39 characterization
# data (Debian's icc-profiles-free, FOGRA39L.ti3, Zlib licence) with ArgyllCMS's colprof.
# Needs: apt-get install argyll icc-profiles-free. The build itself never runs this script.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/color/icc/FOGRA39L.ti3
work=$(mktemp -d)
cp "$src" "$work/FOGRA39L.ti3"
# -qm medium quality, -kr black generation ramp, -l300 total ink limit 300 %, -L95 black limit 95 %.
(cd "$work" && colprof -v -qm -kr -l300 -L95 -A "ials-print" -D "FOGRA39L coated (300%)" \
    -C "Built by ials-print from FOGRA39L.ti3 (Zlib licence)" FOGRA39L > colprof.log)
cp "$work/FOGRA39L.icc" ials_print/kit/color/FOGRA39L-300.icc
echo "wrote ials_print/kit/color/FOGRA39L-300.icc ($(stat -c %s ials_print/kit/color/FOGRA39L-300.icc) bytes)"
