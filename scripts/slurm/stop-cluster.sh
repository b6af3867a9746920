#!/usr/bin/env bash
# Stops the test cluster started by scripts/slurm/start-cluster.sh.
#
# Usage: scripts/slurm/stop-cluster.sh [STATE_DIR] [DAEMON...]
#   STATE_DIR  default /tmp/alliances-slurm
#   DAEMON     any of slurmd slurmctld munged (default: all three, in that order)
#
# Before stopping slurmctld, all jobs of the cluster are cancelled (scancel -p debug) so that no
# job step (slurmstepd + its processes) outlives slurmd; set SLURM_STOP_NO_CANCEL=1 to skip.
# Daemons are stopped by the PIDs recorded in STATE_DIR/run/*.pid (SIGTERM, then SIGKILL after
# SLURM_STOP_TIMEOUT seconds, default 15). Only the pid files are removed; logs, config, munge key
# and controller state are kept for debugging.
set -uo pipefail

STATE_DIR=${1:-/tmp/alliances-slurm}
shift || true
DAEMONS=("$@")
[[ ${#DAEMONS[@]} -gt 0 ]] || DAEMONS=(slurmd slurmctld munged)
TIMEOUT=${SLURM_STOP_TIMEOUT:-15}
RUN=$STATE_DIR/run
CONF=$STATE_DIR/etc/slurm.conf

log() { printf '[slurm-stop] %s\n' "$*"; }

if [[ ! -d $STATE_DIR ]]; then
  log "no state dir $STATE_DIR; nothing to stop"
  exit 0
fi

pid_of() { # prints the recorded pid if that process is alive and is the expected daemon
  local name=$1 f=$RUN/$1.pid pid comm
  [[ -s $f ]] || return 1
  pid=$(tr -dc '0-9' <"$f")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null)
  # guard against a recycled pid: the process name must start with the daemon name
  [[ $comm == "$name"* ]] || { log "pid $pid in $f is '$comm', not $name: not touching it"; return 1; }
  echo "$pid"
}

cancel_jobs() {
  [[ ${SLURM_STOP_NO_CANCEL:-0} == 1 ]] && return
  [[ -f $CONF ]] && pid_of slurmctld >/dev/null && pid_of slurmd >/dev/null || return
  export SLURM_CONF=$CONF
  local n
  n=$(timeout 10 squeue -h -t PD,R,CG,S,CF,RQ -o %i 2>/dev/null | wc -l)
  [[ $n -gt 0 ]] || return
  log "cancelling $n job(s)"
  timeout 10 scancel -p debug 2>/dev/null
  local deadline=$(( $(date +%s) + TIMEOUT ))
  while (( $(date +%s) < deadline )); do
    [[ $(timeout 10 squeue -h -t R,CG,S,CF -o %i 2>/dev/null | wc -l) -eq 0 ]] && return
    sleep 0.5
  done
  log "WARNING: some jobs were still running/completing after ${TIMEOUT}s"
}

stop_daemon() {
  local name=$1 pid i
  if ! pid=$(pid_of "$name"); then
    rm -f "$RUN/$name.pid"
    log "$name: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  for (( i = 0; i < TIMEOUT * 5; i++ )); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) ignored SIGTERM for ${TIMEOUT}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null
    sleep 0.2
  fi
  rm -f "$RUN/$name.pid"
  log "$name (pid $pid) stopped"
}

[[ " ${DAEMONS[*]} " == *" slurmd "* ]] && cancel_jobs
for d in "${DAEMONS[@]}"; do
  case $d in
    slurmd|slurmctld|munged) stop_daemon "$d" ;;
    *) log "unknown daemon '$d' (expected slurmd, slurmctld or munged)"; exit 2 ;;
  esac
done
exit 0
