#!/usr/bin/env bash
# Builds the Debian package of RnR Explorer (portable Release build in build/package), validates
# its desktop file, AppStream metainfo and manual pages, installs it and runs both executables.
#
# Usage: packaging/check-package.sh [--system]
#   --system  install the package on this machine with apt-get, which proves that its Depends
#             resolve (needs root; the default when running as root with CI=true). Otherwise the
#             package is unpacked into build/package/root and run from there.
# CMAKE_BUILD_PARALLEL_LEVEL limits the build jobs. Exit status: 0 when every check passed.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$source_dir/build/package
app_id=io.github.rnr_explorer.RnRExplorer

fail() {
    echo "check-package: FAIL: $*" >&2
    exit 1
}
step() { echo "== check-package: $*"; }

system=false
if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ]; then system=true; fi
for arg in "$@"; do
    case $arg in
        --system) system=true ;;
        -h | --help)
            sed -n '2,9s/^# \{0,1\}//p' "$0"
            exit 0
            ;;
        *)
            echo "check-package: unknown argument '$arg' (see --help)" >&2
            exit 2
            ;;
    esac
done
if $system && [ "$(id -u)" -ne 0 ]; then
    echo "check-package: --system needs root" >&2
    exit 2
fi

for tool in cmake ninja cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli groff man; do
    command -v "$tool" >/dev/null || fail "$tool is missing; run packaging/install-deps.sh"
done

step "configure and build (Release, portable) in $build_dir"
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DRNR_ARCH= -DRNR_BUILD_GUI=ON -DRNR_BUILD_TESTS=OFF -DRNR_BUILD_BENCHMARKS=OFF || fail "configure"
cmake --build "$build_dir" || fail "build"

step "cpack -G DEB"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build_dir/CPackConfig.cmake"
deb=$build_dir/rnr-explorer_${version}_$(dpkg --print-architecture).deb
rm -f "$build_dir"/*.deb
(cd "$build_dir" && cpack -G DEB) || fail "cpack"
[ -f "$deb" ] || fail "cpack did not write $deb"
depends=$(dpkg-deb -f "$deb" Depends)

if $system; then
    step "apt-get install $deb"
    root=
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "$deb" || fail "apt-get install"
    [ "$(dpkg-query -W -f='${Version}' rnr-explorer)" = "$version" ] || fail "dpkg does not list rnr-explorer $version"
else
    root=$build_dir/root
    step "dpkg-deb -x into $root"
    rm -rf "$root"
    dpkg-deb -x "$deb" "$root"
fi

step "installed files"
desktop=$root/usr/share/applications/$app_id.desktop
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
icon=$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg
man_pages=("$root/usr/share/man/man1/rnr.1.gz" "$root/usr/share/man/man1/rnr-explorer.1.gz")
for file in "$root/usr/bin/rnr" "$root/usr/bin/rnr-explorer" "$desktop" "$metainfo" "${man_pages[@]}"; do
    [ -f "$file" ] || fail "$file is missing"
done
if [ -f "$icon" ]; then icon_state="installed"; else icon_state="none (resources/icons/rnr-explorer.svg absent)"; fi

step "desktop-file-validate"
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"

step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no <release> for $version"

step "manual pages (groff -ww, man --warnings)"
for page in "${man_pages[@]}"; do
    warnings=$({ zcat "$page" | groff -man -ww -z && LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" >/dev/null; } 2>&1) ||
        fail "$page: groff or man failed: $warnings"
    [ -z "$warnings" ] || fail "$page: $warnings"
    zcat "$page" | grep -q "^\.TH .*$version\"" || fail "$page: .TH does not name version $version"
done

step "run the installed executables"
for exe in rnr rnr-explorer; do
    missing=$(env -u LD_LIBRARY_PATH ldd "$root/usr/bin/$exe" | grep 'not found' || true)
    [ -z "$missing" ] || fail "$exe: unresolved libraries: $missing"
done
out=$(env -u LD_LIBRARY_PATH "$root/usr/bin/rnr" --version) || fail "rnr --version exited with $?"
[ "$out" = "rnr $version" ] || fail "rnr --version printed '$out', expected 'rnr $version'"
out=$(env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$root/usr/bin/rnr-explorer" --version) ||
    fail "rnr-explorer --version exited with $?"
[ "$out" = "rnr-explorer $version" ] || fail "rnr-explorer --version printed '$out', expected 'rnr-explorer $version'"
for lang in de zh_CN; do
    [ -f "$root/usr/share/rnr-explorer/translations/rnr-explorer_$lang.qm" ] || fail "no $lang translation installed"
done
out=$(env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$root/usr/bin/rnr-explorer" --language de --help) ||
    fail "rnr-explorer --language de --help exited with $?"
grep -q "Datensatz" <<<"$out" || fail "rnr-explorer --language de --help is not in German: $out"
[ -f "$root/usr/share/doc/rnr-explorer/copyright" ] || fail "no copyright file installed"

if command -v lintian >/dev/null; then
    step "lintian (information only)"
    lintian "$deb" || true
fi

echo
echo "check-package: all checks passed"
echo "  package:  $deb ($(du -h "$deb" | cut -f1), $(stat -c %s "$deb") bytes)"
echo "  Depends:  $depends"
echo "  install:  $(if $system; then echo "apt-get on this machine"; else echo "unpacked into $root"; fi)"
echo "  icon:     $icon_state"
echo "  versions: rnr $version, rnr-explorer $version"
