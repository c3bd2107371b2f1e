#!/usr/bin/env bash
# Make sure the Debian/Ubuntu packages this project needs outside PyPI are installed.
#
#   ensure-system-deps.sh             shared libraries PySide6's bundled Qt links against
#   ensure-system-deps.sh --python    python3 plus its venv/ensurepip module
#
# As root, missing packages are installed with apt-get; otherwise the exact
# command is printed and the script fails, so `make` stops with a clear message.
set -euo pipefail

# Direct link dependencies (readelf NEEDED) of PySide6-Essentials 6.11's Qt libraries
# and of the offscreen + xcb platform plugins, mapped to packages with dpkg -S.
# apt pulls the indirect ones (libxcb1's libxau6, libgl1's libglx0, ...).
# Left out on purpose: libc6/libstdc++6/libgcc-s1/zlib1g/libzstd1 (every Debian/Ubuntu
# base has them), libxcb-xinerama0 (Qt 6 no longer links it), and the plugins the app
# doesn't use: wayland, eglfs/kms, gtk3 theme, cups printing, non-SQLite SQL drivers.
QT_PKGS=(
    # QtCore / QtGui / QtWidgets / QtDBus (also needed offscreen)
    libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0
    libfontconfig1 libfreetype6 libdbus-1-3
    # QtNetwork (QLocalServer, QNetworkAccessManager)
    libgssapi-krb5-2 libbrotli1
    # xcb platform plugin (real windows) and its GLX integration
    libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
    libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-glx0
    # Qt ships no fonts; without one, every text renders empty with zero width.
    fonts-dejavu-core
    # tests/test_smoke_x11.py: the real program on a real X server, driven by keyboard.
    xvfb xdotool
)

PYTHON=${PYTHON:-python3}

python_pkgs() {
    if ! command -v "$PYTHON" >/dev/null; then
        echo python3 python3-venv
        return
    fi
    local ver
    ver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    # python3-venv only covers the distro's default python3; name the versioned one too.
    echo python3-venv "python${ver}-venv"
}

is_installed() {
    # Ubuntu 24.04+/Debian 13 renamed some libraries with a t64 suffix (libglib2.0-0t64).
    local status
    status=$(dpkg-query -W -f='${db:Status-Abbrev}\n' "$1" "${1}t64" 2>/dev/null || true)
    [[ $status == *"ii "* ]]
}

if ! command -v dpkg-query >/dev/null; then
    echo "ensure-system-deps: not a Debian/Ubuntu system; install Qt 6's runtime libraries yourself." >&2
    exit 0
fi

if [[ ${1:-} == --python ]]; then
    read -r -a wanted <<<"$(python_pkgs)"
else
    wanted=("${QT_PKGS[@]}")
fi

missing=()
for pkg in "${wanted[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
    echo "Missing system packages. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

echo "ensure-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Fresh images ship without package lists, so always refresh before installing.
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
