# Shared by the benchmark scripts (sourced, after they set $scratch): runs the servers a benchmark needs in their own
# process groups and stops every one of them when the script exits, however it exits.
#
# start NAME COMMAND...: runs COMMAND in its own process group, output in $scratch/NAME.log; sets $started to its
# process id, which is also the group (call it directly, not in $(...), so that the exit trap knows every group).
groups=()
stop_all() {
  for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  sleep 0.5
  for group in "${groups[@]}"; do kill -KILL -- "-$group" 2>/dev/null || true; done
}
trap stop_all EXIT

start() {
  local name=$1
  shift
  setsid "$@" >"$scratch/$name.log" 2>&1 &
  started=$!
  groups+=("$started")
}
