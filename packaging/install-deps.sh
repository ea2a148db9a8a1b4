#!/usr/bin/env bash
# Installs everything RnR Explorer needs to build, test and run on Debian 12 (bookworm).
# Idempotent: installs only what is missing and does nothing when all is there. Needs root;
# run as a user it re-runs itself through sudo.
set -euo pipefail

packages=(
    # toolchain; clang 14 and its sanitizer and libFuzzer runtimes for the fuzz targets
    # (packaging/fuzz.sh)
    cmake ninja-build g++ clang-format clang-14 libclang-rt-14-dev
    # Qt 6 Widgets, Qt Test, Linguist tools, the platform plugins, Qt SVG (the icon plugin and the
    # SVG export of plots), and fonts for offscreen tests and screenshots (Latin and Chinese)
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins libqt6svg6 qt6-svg-dev libgl-dev
    fonts-dejavu-core fonts-wqy-microhei
    # plotting, linear algebra, parallelism, JSON, benchmarks
    libqcustomplot-dev libeigen3-dev libtbb-dev libsimdjson-dev libbenchmark-dev
    # the Debian package and its checks (packaging/check-package.sh): dpkg-shlibdeps and file for
    # CPack, the desktop file, AppStream metainfo and manual page validators
    dpkg-dev file desktop-file-utils appstream groff-base man-db
)

if [ "$(id -u)" -ne 0 ]; then
    exec sudo -- "$0" "$@"
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "${missing[@]}"
