#!/usr/bin/env bash
# Installs what test_page.py needs: headless Chromium, its driver, and Selenium.
# Idempotent and quiet: each piece is installed only when it is missing.
set -euo pipefail

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    sudo_prefix=""
    if [ "$(id -u)" -ne 0 ]; then sudo_prefix="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo_prefix apt-get update -qq
    $sudo_prefix apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! python3 -c "import selenium" 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check selenium
fi

echo "browser test tools: $(chromium --version 2>/dev/null), selenium $(python3 -c 'import selenium; print(selenium.__version__)')"
