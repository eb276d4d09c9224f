#!/usr/bin/env bash
# Fetches the validators that Debian does not package in the version we need.
# Idempotent; everything goes to .ci/tools (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p tools
