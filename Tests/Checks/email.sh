#!/usr/bin/env bash
# Email editions: Python's email parser reads every .eml back into its two parts, no edition holds
# a relative URL, rebuilding gives the same bytes, and `marketnote send` delivers a message to an
# SMTP server on loopback (aiosmtpd) that receives exactly the .eml.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${MARKETNOTE:?set MARKETNOTE to a marketnote binary}"
if ! python3 -c 'import aiosmtpd, markdown_it' >/dev/null 2>&1; then
  python3 -m pip install -q --disable-pip-version-check aiosmtpd markdown-it-py >/dev/null 2>&1 \
    || { echo "email: cannot install aiosmtpd and markdown-it-py with pip"; exit 1; }
fi
exec python3 Tests/Checks/email_check.py "$MARKETNOTE"
