#!/usr/bin/env bash
# System packages (Debian) the project needs; the one place that installs them.
#   bash scripts/system-deps.sh test   chromium + fonts (browser tests), docker-compose (compose
#                                      config test), curl (README examples)  -- `make deps`
#   bash scripts/system-deps.sh base   python3 + venv, make, runuser, a JDK >= 21 for Elasticsearch
#   bash scripts/system-deps.sh all    both                                  -- .ci/run
# Installs only what is missing, with apt-get as root or through passwordless sudo; otherwise
# exits 1 naming the packages, so that a missing browser fails `make test` instead of
# quietly skipping its tests.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

log() { echo "[system-deps] $*" >&2; }

SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); fi
can_install() { [ "$(id -u)" -eq 0 ] || [ ${#SUDO[@]} -gt 0 ]; }

apt_updated=0
apt_update_once() {
    if [ "$apt_updated" -eq 0 ]; then "${SUDO[@]}" apt-get update -q >&2; apt_updated=1; fi
}

install() {  # install PACKAGE...: or explain what to install and fail
    [ $# -gt 0 ] || return 0
    if ! can_install; then
        log "missing: $* -- install them (apt-get install $*) and re-run; not root and no passwordless sudo"
        return 1
    fi
    log "installing: $*"
    apt_update_once
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$@" >&2
}

have_jdk21() {  # a JDK >= 21 for Elasticsearch (ES_JAVA_HOME wins, as in scripts/es.py)
    if [ -n "${ES_JAVA_HOME:-}" ]; then [ -x "$ES_JAVA_HOME/bin/java" ]; return; fi
    local rel major
    for rel in /usr/lib/jvm/*/release; do
        [ -f "$rel" ] || continue
        major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ -x "$(dirname "$rel")/bin/java" ]; then return 0; fi
    done
    return 1
}

install_jdk() {
    have_jdk21 && return 0
    can_install || { log "missing: a JDK >= 21 (or set ES_JAVA_HOME)"; return 1; }
    apt_update_once
    local cand  # Debian 12 ships only JDK 17; take whatever >= 21 the configured repos offer
    for cand in openjdk-25-jdk-headless openjdk-21-jdk-headless temurin-25-jdk temurin-21-jdk; do
        if apt-cache show "$cand" >/dev/null 2>&1; then install "$cand"; return; fi
    done
    log "no JDK >= 21 installed or available from apt; install one (e.g. Temurin 21/25) or set ES_JAVA_HOME"
    return 1
}

base() {
    local pkgs=()
    command -v python3 >/dev/null || pkgs+=(python3)
    python3 -c 'import venv, ensurepip' 2>/dev/null || pkgs+=(python3-venv)
    command -v make >/dev/null || pkgs+=(make)
    command -v runuser >/dev/null || pkgs+=(util-linux)
    install "${pkgs[@]}"
    install_jdk
}

test_deps() {
    local pkgs=()
    # Browser tests drive Debian's chromium through Playwright (no browser download).
    [ -x /usr/bin/chromium ] || pkgs+=(chromium)
    [ -d /usr/share/fonts/truetype/noto ] || pkgs+=(fonts-noto-core)
    # tests/test_infra.py and tests/test_web_packaging.py validate docker-compose.yml (no engine needed).
    if ! command -v docker-compose >/dev/null && ! docker compose version >/dev/null 2>&1; then
        pkgs+=(docker-compose)
    fi
    command -v curl >/dev/null || pkgs+=(curl)
    install "${pkgs[@]}"
}

case "${1:-all}" in
    base) base ;;
    test) test_deps ;;
    all) base; test_deps ;;
    *) log "usage: $0 [base|test|all]"; exit 2 ;;
esac
