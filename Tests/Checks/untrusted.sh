#!/usr/bin/env bash
# XSS and path-traversal payloads in every untrusted field: no script in any output, nothing
# written outside output/ (Tests/Checks/untrusted_check.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 Tests/Checks/untrusted_check.py "${MARKETNOTE:?set MARKETNOTE to the marketnote binary}" "$PWD"
