#!/usr/bin/env bash
# Deploy.SlurmArray: deploy/slurm-array.sh on a real single-node Slurm
# (Debian's slurmctld, slurmd and munge), configured here in a temporary
# folder with its own munge key and socket, free ports, and state, spool,
# log and pid files of its own; /etc/slurm and /etc/munge are not used.
# The array runs the built redact (REDACT=...) over every sample PDF as 3
# shards into one output folder. Checked: every task COMPLETED with exit 0;
# every input done exactly once, by one shard, with one output file; the
# shard summaries add up to the inputs; `redact unseal` opens every
# shard's sealed mappings together and they cover every input. Then the
# array is submitted again as tasks 1, 3 and 5 (Slurm ids need not start
# at 0 nor be consecutive): every document is skipped as done before.
# Usage: slurm_test.sh SOURCE_DIR REDACT_BINARY
# Slurm that cannot start (packages slurmctld slurmd munge missing, or the
# daemons failing) skips the test (exit 77) locally and fails it under CI.
set -euo pipefail
src=$(cd "$1" && pwd)
redact=$(realpath "$2")
name=Deploy.SlurmArray

fail() { echo "$name: FAIL: $*" >&2; exit 1; }
under_ci() { case "${CI:-}" in '' | 0 | false) return 1 ;; *) return 0 ;; esac; }
# Ends the test when Slurm itself is not there to test with: skipped
# locally, failed under CI (which must have every tool).
unavailable() {
  if under_ci; then echo "$name: FAIL: $* (CI must run a real Slurm)" >&2; exit 1; fi
  echo "$name: SKIP: $*" >&2
  exit 77
}
for tool in munged mungekey slurmctld slurmd sbatch sinfo scontrol scancel age-keygen; do
  command -v "$tool" >/dev/null || unavailable "$tool is missing (Debian packages: slurmctld slurmd munge age)"
done
[ "$(id -u)" = 0 ] || unavailable "a private slurmd must run as root (it starts jobs as their users)"

work=$(mktemp -d "${TMPDIR:-/tmp}/redact-slurm-test.XXXXXX")
# Every process this test starts (the daemons, and through them the job
# steps and redact) carries this marker in its environment, so cleanup
# ends exactly those, by process id, and no other Slurm on the machine.
marker="REDACT_SLURM_TEST_RUN=$work"
marked() {
  local p
  for p in /proc/[0-9]*; do
    { tr '\0' '\n' <"$p/environ"; } 2>/dev/null | grep -qxF "$marker" && echo "${p#/proc/}"
  done
  return 0
}
show_logs() {
  local f
  for f in "$work"/log/* "$work"/task-*.log; do
    [ -s "$f" ] || continue
    echo "--- ${f#"$work"/} (last lines)" >&2
    tail -n 25 "$f" >&2
  done
}
cleanup() {
  local status=$? pids tries
  trap - EXIT INT TERM HUP
  set +e  # every step below is best effort; the test's status stands
  [ "$status" = 0 ] || [ "$status" = 77 ] || show_logs
  job=${job:-$(head -n 1 "$work/sbatch.out" 2>/dev/null | cut -d';' -f1)}
  [ -z "$job" ] || timeout 10 scancel --quiet "$job" 2>/dev/null || true
  pids=$(marked)
  [ -z "$pids" ] || kill -TERM $pids 2>/dev/null || true
  for tries in $(seq 50); do
    pids=$(marked)
    [ -n "$pids" ] || break
    sleep 0.2
  done
  [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
# CTest ends a test that runs out of time with SIGKILL, which no trap sees:
# a watcher outside this process tree ends the marked processes then.
setsid -f bash -c "$(declare -f marked)"'
  marker=$1 work=$2 test=$3
  while kill -0 "$test" 2>/dev/null; do sleep 1; done
  pids=$(marked); [ -z "$pids" ] || kill -KILL $pids 2>/dev/null
  rm -rf "$work"' _ "$marker" "$work" $$ </dev/null >/dev/null 2>&1
mkdir -p "$work"/{munge,state,spool,log,in,out,config}
chmod 700 "$work/munge"

# munge: a key of this test's own, its own socket.
mungekey --create --keyfile="$work/munge/munge.key" || unavailable "mungekey cannot make a key"
env "$marker" munged --foreground --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" \
  2>>"$work/log/munged.log" &
munged_pid=$!
for tries in $(seq 50); do [ -S "$work/munge/socket" ] && break; sleep 0.2; done
[ -S "$work/munge/socket" ] || unavailable "munged did not start"

# slurm.conf: one node (this host, 2 CPUs) in one default partition; no
# cgroups, accounting or MPI; root (running this test) as SlurmUser.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
host=$(hostname -s)
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=redacttest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SlurmdParameters=config_overrides
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 RealMemory=2048 State=UNKNOWN
PartitionName=redacttest Nodes=$host Default=YES MaxTime=30 State=UP
EOF
env "$marker" slurmctld -D -i -f "$SLURM_CONF" 2>>"$work/log/slurmctld.err" &
ctld_pid=$!
env "$marker" slurmd -D -N "$host" -f "$SLURM_CONF" 2>>"$work/log/slurmd.err" &
slurmd_pid=$!
# (a daemon that exited is a zombie until reaped, which kill -0 calls alive)
alive() { local s; s=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) && [ "${s%% *}" != Z ]; }
state=
for tries in $(seq 60); do
  alive "$munged_pid" && alive "$ctld_pid" && alive "$slurmd_pid" || break
  state=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 1
done
if [ "$state" != idle ]; then
  under_ci || show_logs  # (under CI, cleanup shows them as for any failure)
  unavailable "the private Slurm did not come up (node state '${state:-none}'; logs above)"
fi

# The job: the samples (every PDF, folders kept), their names list and
# policy, a fresh age key to seal the mappings to, and a private job key.
(cd "$src/samples" && find . -name '*.pdf' -exec cp --parents {} "$work/in/" \;)
inputs=$(cd "$work/in" && find . -name '*.pdf' | sed 's|^\./||' | sort)
count=$(wc -l <<<"$inputs")
[ "$count" -ge 6 ] || fail "only $count sample PDFs found under $src/samples"
cp "$src/samples/names.csv" "$src/samples/policy.toml" "$work/config/"
age-keygen -o "$work/identity.key" 2>/dev/null
age-keygen -y "$work/identity.key" >"$work/config/recipients.txt"
(umask 077 && head -c 32 /dev/urandom >"$work/config/job.key")

# Submits deploy/slurm-array.sh as the array ARRAY and waits for it; the
# job's id in $job. The array script's own #SBATCH lines ask for 8 tasks of
# 2 CPUs and 8G: the command line sizes it to this node.
submit() {
  local array=$1 rc=0
  env "$marker" IN="$work/in" OUT="$work/out" CONFIG="$work/config" REDACT="$redact" \
    sbatch --parsable --wait --array="$array" --cpus-per-task=1 --mem=512M --time=10 \
    --chdir="$work" --output="$work/task-%A-%a.log" "$src/deploy/slurm-array.sh" \
    >"$work/sbatch.out" 2>"$work/sbatch.err" || rc=$?
  job=$(head -n 1 "$work/sbatch.out" | cut -d';' -f1)
  [[ "$job" =~ ^[0-9]+$ ]] || fail "sbatch --array=$array printed no job id (exit $rc): $(cat "$work/sbatch.err")"
  # Each task as the controller saw it end (no accounting here: scontrol
  # remembers finished jobs for MinJobAge, 300 s).
  local tasks bad
  tasks=$(scontrol -o show job "$job" |
    sed -n 's/.* ArrayTaskId=\([^ ]*\) .* JobState=\([^ ]*\) .* ExitCode=\([^ ]*\).*/task \1 \2 exit \3/p')
  bad=$(grep -v ' COMPLETED exit 0:0$' <<<"$tasks" || true)
  [ "$rc" = 0 ] && [ -z "$bad" ] || fail "array $array: sbatch --wait exited $rc; tasks:" $tasks
  [ "$(wc -l <<<"$tasks")" = 3 ] || fail "array $array: expected 3 tasks, scontrol shows:" $tasks
  local id
  for id in $(cut -d' ' -f2 <<<"$tasks"); do
    [ -s "$work/task-$job-$id.log" ] || fail "array $array: task $id wrote no log"
  done
}

started=$SECONDS
submit 0-2
echo "$name: 3 tasks over $count documents: $((SECONDS - started)) s"
# The checks read the summaries and the unsealed mappings, and print only
# counts and the samples' relative paths (never what the mappings hold).
check() {
  python3 - "$work" "$1" <<'EOF'
import glob, json, os, sys
work, expect = sys.argv[1], sys.argv[2]
out = os.path.join(work, 'out')
inputs = sorted(os.path.relpath(os.path.join(d, f), os.path.join(work, 'in'))
                for d, _, fs in os.walk(os.path.join(work, 'in')) for f in fs if f.endswith('.pdf'))
problems = []
summaries = sorted(glob.glob(os.path.join(out, 'job-summary*.json')))
names = [os.path.basename(s) for s in summaries]
want = ['job-summary.shard-%d-of-3.json' % i for i in range(3)]
if names != want:
    problems.append('summaries %s, expected %s' % (names, want))
seen, totals = {}, {}
for s in summaries:
    with open(s, encoding='utf-8') as fh:
        summary = json.load(fh)
    for key, value in summary['totals'].items():
        totals[key] = totals.get(key, 0) + value
    for d in summary['documents']:
        seen.setdefault(d['input'], []).append((os.path.basename(s), d['status'], d.get('output', '')))
for i in inputs:
    if len(seen.get(i, [])) != 1:
        problems.append('%s is in %d shard summaries' % (i, len(seen.get(i, []))))
for i in set(seen) - set(inputs):
    problems.append('the summaries name %s, which is no input' % i)
status = 'done' if expect == 'done' else 'skipped'
wrong = [i for i, entries in seen.items() if any(e[1] != status for e in entries)]
if wrong:
    problems.append('%d documents are not %s: %s' % (len(wrong), status, ', '.join(sorted(wrong))))
if totals.get(status) != len(inputs) or totals.get('failed') or totals.get('interrupted'):
    problems.append('the shard summaries add up to %s for %d inputs' % (totals, len(inputs)))
# One output file per input, none twice, nothing else.
outputs = sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out)
                 if '.redact-job' not in os.path.relpath(d, out).split(os.sep) for f in fs if f.endswith('.pdf'))
named = sorted(e[2] for entries in seen.values() for e in entries)
if outputs != named or len(outputs) != len(inputs):
    problems.append('%d output PDFs for %d inputs; the summaries name %d outputs (%d distinct)'
                    % (len(outputs), len(inputs), len(named), len(set(named))))
if expect == 'done':
    with open(os.path.join(work, 'unsealed.json'), encoding='utf-8') as fh:
        unsealed = json.load(fh)
    opened = sorted(d['input'] for d in unsealed['documents'])
    if opened != inputs:
        problems.append('unseal opened mappings of %d documents (%d distinct) for %d inputs; missing: %s'
                        % (len(opened), len(set(opened)), len(inputs), ', '.join(sorted(set(inputs) - set(opened)))))
    shards = {e[0] for i in opened for e in seen.get(i, [])}
    if len(shards) != 3:
        problems.append('the unsealed mappings come from %d shards, not 3' % len(shards))
for p in problems:
    print('Deploy.SlurmArray: FAIL: ' + p, file=sys.stderr)
print('Deploy.SlurmArray: %d inputs, %d summaries, totals %s' % (len(inputs), len(summaries), totals))
sys.exit(1 if problems else 0)
EOF
}
mappings=("$work"/out/.redact-job/mappings/*.age)
[ -e "${mappings[0]}" ] || fail "no sealed mappings in out/.redact-job/mappings"
"$redact" unseal -q -i "$work/identity.key" "${mappings[@]}" >"$work/unsealed.json" 2>"$work/unseal.err" \
  || fail "redact unseal of the ${#mappings[@]} shards' mappings failed: $(cat "$work/unseal.err")"
check done || fail "the sharded run is not complete (above)"

# Resubmitted as tasks 1, 3 and 5, the shards are the same three (ids
# count from SLURM_ARRAY_TASK_MIN in steps of SLURM_ARRAY_TASK_STEP) and
# find their documents done in the journal.
started=$SECONDS
submit 1-5:2
echo "$name: resubmitted as tasks 1-5:2: $((SECONDS - started)) s"
check skipped || fail "the resubmitted array did not resume from the journal (above)"
echo "$name: ok"
