#!/usr/bin/env bash
# Installs the system packages the test suite needs on a fresh Debian 12 machine:
#   chromium + chromium-driver   browser tests (headless)
#   librsvg2-bin                 rsvg-convert (SVG -> PNG chart checks)
#   slurm-wlm, slurm-client      single-node Slurm test cluster (scripts/slurm/start-cluster.sh)
#   munge                        Slurm authentication daemon
#
# Idempotent: packages already installed (dpkg status "install ok installed") are
# skipped; if nothing is missing, apt is not touched at all, so a re-run takes < 1 s.
# Must run as root (or with sudo available). Exits non-zero if apt fails.
#
# Usage: scripts/ci/install-deps.sh            # install what is missing
#        FORCE_APT_UPDATE=1 scripts/ci/install-deps.sh   # also refresh lists when nothing is missing
set -euo pipefail

PACKAGES=(
  chromium
  chromium-driver
  librsvg2-bin
  slurm-wlm
  slurm-client
  munge
)

log() { printf '[install-deps] %s\n' "$*"; }
die() { printf '[install-deps] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || die "must run as root (or have sudo)"
  SUDO=(sudo)
fi

is_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

missing=()
for p in "${PACKAGES[@]}"; do
  if is_installed "$p"; then
    log "already installed: $p ($(dpkg-query -W -f='${Version}' "$p"))"
  else
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  log "nothing to install"
  if [[ "${FORCE_APT_UPDATE:-0}" == 1 ]]; then
    "${SUDO[@]}" apt-get update || die "apt-get update failed"
  fi
  exit 0
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
log "apt-get update"
"${SUDO[@]}" apt-get update || die "apt-get update failed"
log "installing: ${missing[*]}"
"${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}" \
  || die "apt-get install failed for: ${missing[*]}"

# Verify: apt can 'succeed' yet leave a package half-configured.
for p in "${missing[@]}"; do
  is_installed "$p" || die "package not correctly installed after apt: $p"
  log "installed: $p ($(dpkg-query -W -f='${Version}' "$p"))"
done

# Debian's postinst may start munge/slurm system services (if an init system runs).
# The test cluster runs its own daemons from a private state dir, so the
# system-wide ones are not needed; we leave them alone and only report.
log "done in $(( $(date +%s) - start )) s"
