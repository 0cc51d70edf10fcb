#!/bin/sh
# Installs Debian's Chromium, its driver and a CJK font for the browser tests. Idempotent: exits at once when all
# are present. Exit 0 = ready, 3 = cannot install here (no apt, or not root and no password-less sudo).
set -eu

have_all() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    && { [ -d /usr/share/fonts/opentype/noto ] || fc-list :lang=zh 2>/dev/null | grep -q .; }
}

if have_all; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: apt-get not found; cannot install chromium" >&2
  exit 3
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "install-chromium: not root and no password-less sudo; cannot install chromium" >&2
  exit 3
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk

have_all
