#!/usr/bin/env bash
# Publishes the `alliances` CLI as a self-contained single-file executable, for machines without
# a .NET SDK/runtime (cluster compute nodes).
#
# Usage: scripts/publish.sh [OUTPUT_DIR]        (default: <repo>/publish/linux-x64)
#        -> OUTPUT_DIR/alliances  (+ alliances.pdb, optional, for line numbers in stack traces)
#
# Environment overrides:
#   RID=linux-x64                  runtime identifier (linux-arm64 also works if its packs restore)
#   CONFIGURATION=Release
#   COMPRESS=1                     -p:EnableCompressionInSingleFile=true (~half the size, slower start)
#   RUNTIME_FRAMEWORK_VERSION=x.y.z  pin the runtime packs (-p:RuntimeFrameworkVersion=...). Not
#                                  needed here: SDK 10.0.401 selects runtime packs 10.0.12
#                                  (Microsoft.NETCore.App.Runtime.linux-x64 and
#                                  Microsoft.AspNetCore.App.Runtime.linux-x64), which restore from
#                                  the configured NuGet feed; the apphost pack ships with the SDK
#                                  (dotnet/packs/Microsoft.NETCore.App.Host.linux-x64). Set it only if a
#                                  feed lacks the SDK's default patch version.
#   ALLIANCES_CLI_PROJECT=path     project to publish (default src/Alliances.Cli/Alliances.Cli.csproj)
#   ARTIFACTS_PATH=dir             build in DIR (dotnet --artifacts-path: obj/ and bin/ of every project under DIR)
#                                  instead of the projects' own obj/ and bin/, so publishing cannot disturb a
#                                  concurrent build or test run of the same checkout (slower: a full rebuild)
#
# Runtime requirements on the target machine (no .NET needed): glibc-based x64 Linux and libicu
# (the repo sets InvariantGlobalization=false; without libicu the binary aborts with "Couldn't find
# a valid ICU package" unless run with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1).
#
# Note: publishing restores/builds the CLI and its project references with -r $RID, i.e. it writes
# the same obj/ directories as a normal build; do not run it concurrently with another build
# (or set ARTIFACTS_PATH, above).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RID=${RID:-linux-x64}
CONFIGURATION=${CONFIGURATION:-Release}
PROJECT=${ALLIANCES_CLI_PROJECT:-$REPO_ROOT/src/Alliances.Cli/Alliances.Cli.csproj}
OUT=${1:-$REPO_ROOT/publish/$RID}

die() { printf '[publish] ERROR: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"
[[ -f $PROJECT ]] || die "project not found: $PROJECT"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

args=(
  publish "$PROJECT"
  -c "$CONFIGURATION"
  -r "$RID"
  --self-contained true
  -p:PublishSingleFile=true
  -p:IncludeNativeLibrariesForSelfExtract=true
  -o "$OUT"
)
[[ ${COMPRESS:-0} == 1 ]] && args+=(-p:EnableCompressionInSingleFile=true)
[[ -n ${RUNTIME_FRAMEWORK_VERSION:-} ]] && args+=("-p:RuntimeFrameworkVersion=$RUNTIME_FRAMEWORK_VERSION")
if [[ -n ${ARTIFACTS_PATH:-} ]]; then
  mkdir -p "$ARTIFACTS_PATH"
  args+=(--artifacts-path "$(cd "$ARTIFACTS_PATH" && pwd)")
fi

printf '[publish] dotnet %s\n' "${args[*]}"
start=$(date +%s)
(cd "$REPO_ROOT" && dotnet "${args[@]}") || die "dotnet publish failed"

exe=$OUT/alliances
[[ -x $exe ]] || die "expected executable not produced: $exe (is AssemblyName still 'alliances'?)"
size=$(stat -c %s "$exe")
printf '[publish] %s (%d MiB) in %d s\n' "$exe" $(( size / 1024 / 1024 )) $(( $(date +%s) - start ))

# Smoke test when the target matches this machine; a failure here is reported, not fatal.
if [[ $RID == linux-x64 && $(uname -m) == x86_64 ]]; then
  if ver=$(timeout 60 "$exe" --version 2>&1); then
    printf '[publish] smoke test: alliances --version -> %s\n' "$(head -n 1 <<<"$ver")"
  else
    printf '[publish] WARNING: "%s --version" failed:\n%s\n' "$exe" "$(head -n 5 <<<"$ver")" >&2
  fi
fi
