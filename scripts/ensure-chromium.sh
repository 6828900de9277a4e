#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (never a
# downloaded browser). Install it when it is missing, so that `npm test` works
# on a fresh machine and in CI alike.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: /usr/bin/chromium is missing and apt-get is not available; install Chromium to run test/embedding/browser.test.ts" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "ensure-chromium: installing Debian's chromium (about 20 s)" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
