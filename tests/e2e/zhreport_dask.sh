#!/usr/bin/env bash
# zhreport-dask on a real Dask cluster (issue 13): a scheduler and two single-threaded worker
# processes on 127.0.0.1 (free ports), the driver over a set of archives, a directory and a
# missing file (some named by a --list file), compared with one local `zhextract --docs |
# zhstats` run: byte-identical table and facts, the same exit code as zhextract's (not 0: the
# missing file) and its message (the archives cut into byte ranges, zhextract --range). Then
# a second run in which one worker is killed (SIGKILL) while it runs a task: the
# scheduler reruns its tasks on the other worker and the table and facts are still identical
# (no document lost or counted twice). Everything started here is stopped at the end, also on
# failure. The same without --facts (one `zhextract --partial` a task). Last, --local 1: the
# same table, and every socket it listens on is on 127.0.0.1.
# Skipped (77) when python3-distributed cannot be imported.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
python=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null && "$candidate" -c 'import distributed' 2> /dev/null; then
    python=$candidate
    break
  fi
done
[[ -n $python ]] || { echo "skip: python3-distributed is not installed"; exit 77; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  for log in "$work"/*.log; do [[ -s $log ]] && { echo "--- $log" >&2; tail -20 "$log" >&2; }; done
  exit 1
}

# Six archives and a directory of reports (the samples, each copy with a numbered first line),
# each cut into byte ranges of its documents with --facts (--task-mb 0.002: tasks of 2 KB,
# three pieces an archive); the directory holds the samples as they are.
mkdir -p "$work/in/dir"
"$python" - "$work/in" "$source_dir"/data/samples/*.txt << 'EOF'
import io, sys, tarfile
out, samples = sys.argv[1], [open(p, "rb").read() for p in sys.argv[2:]]
i = 0
for archive in range(1, 7):
    with tarfile.open(f"{out}/archive_{archive}.tar.gz", "w:gz") as tar:
        for round in range(1, 31):
            for sample in samples:
                i += 1
                data = f"Round {round}, report {i}\n".encode() + sample
                member = tarfile.TarInfo(f"./report_{i}.txt")
                member.size = len(data)
                tar.addfile(member, io.BytesIO(data))
EOF
cp "$source_dir"/data/samples/*.txt "$work/in/dir/"
cd "$work"
inputs=(in/archive_1.tar.gz in/archive_2.tar.gz in/dir in/missing.txt in/archive_3.tar.gz
        in/archive_4.tar.gz in/archive_5.tar.gz in/archive_6.tar.gz in/missing2.txt)

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)
scheduler=tcp://127.0.0.1:$port
export DASK_LOGGING__DISTRIBUTED=warning
"$python" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$port" \
  --dashboard-address 127.0.0.1:0 \
  > scheduler.log 2>&1 &
pids+=($!)
worker_pids=()
for w in 1 2; do
  "$python" -m distributed.cli.dask_worker "$scheduler" --host 127.0.0.1 --nthreads 1 \
    --no-nanny --dashboard-address 127.0.0.1:0 --name "w$w" > "worker$w.log" 2>&1 &
  pids+=($!)
  worker_pids+=($!)
done
"$python" - "$scheduler" << 'EOF' || fail "the cluster did not come up"
import sys
from distributed import Client
with Client(sys.argv[1], timeout="40s") as client:
    client.wait_for_workers(2, timeout=40)
EOF

# The local run, the reference.
status=0
"$bin/zhextract" -q --docs "${inputs[@]}" 2> local-extract.err > local.jsonl || status=$?
local_status=$status
((status == 1 || status == 2)) || fail "local zhextract: exit $status (a missing file)"
"$bin/zhstats" -q --by metric,region,year local.jsonl > local.csv
"$bin/zhstats" -q --by doc,metric --format json local.jsonl > local.json

status=0
printf '%s\n' "# the rest of the inputs, after those on the command line" "${inputs[@]:3}" > list.txt
"$bin/zhreport-dask" --scheduler "$scheduler" --by metric,region,year -o dask.csv \
  --facts dask.jsonl --task-mb 0.002 "${inputs[@]:0:3}" --list list.txt 2> run1.log || status=$?
((status == local_status)) || fail "zhreport-dask: exit $status, zhextract $local_status"
cmp local.csv dask.csv || fail "the table differs from a local run's"
cmp local.jsonl dask.jsonl || fail "the facts differ from a local run's"
grep -q "zhextract: in/missing.txt:" run1.log || fail "the missing file's message is not shown"
tasks=$(sed -n 's/.*: \([0-9]*\) tasks on 2 worker threads.*/\1/p' run1.log)
((tasks >= 18)) || fail "only '$tasks' tasks: the archives were not cut into ranges"
echo "ok: $tasks tasks on two workers, table and facts identical to a local run"

# Without --facts each task is one `zhextract --partial` (no zhstats on the worker), the
# largest tasks first (here each archive a task: --task-mb 0.004), and the states are merged
# as the tasks end: the same table, exit code and messages, in input order although the task
# of in/missing.txt (held back 1.5 s here) ends after that of in/missing2.txt. The tools note
# the inputs of each task as it starts. The last task of each worker thread (the two
# smallest) runs zhextract -j 2.
mkdir ordered
cat > ordered/zhextract << EOF
#!/bin/sh
for last; do :; done
echo "\$last" >> "$work/order"
echo "\$*" >> "$work/calls"
[ "\$last" = in/missing.txt ] && sleep 1.5
exec "$bin/zhextract" "\$@"
EOF
chmod +x ordered/zhextract
ln -s "$bin/zhstats" ordered/zhstats
: > order
status=0
"$bin/zhreport-dask" --scheduler "$scheduler" --bin "$work/ordered" --by metric,region,year \
  -o partial.csv --task-mb 0.004 "${inputs[@]}" 2> run1b.log || status=$?
((status == local_status)) || fail "zhreport-dask without --facts: exit $status, not $local_status"
cmp local.csv partial.csv || fail "without --facts, the table differs from a local run's"
grep '^zhextract:' run1b.log | cmp - local-extract.err || fail "without --facts: other messages"
largest=$(ls -S in/*.tar.gz | head -2 | sort)
[[ $(head -2 order | sort) == "$largest" ]] || fail "not the largest first: $(head -2 order)"
# The smallest task (in/missing2.txt alone) is one of them; the other is the smaller half of
# the directory's last task, halved as one of the last two.
(($(grep -c -e '-j 2 ' calls) == 2)) && grep -e '-j 2 ' calls | grep -q ' in/missing2.txt$' ||
  fail "-j 2 for other tasks than the last two: $(grep -e '-j 2 ' calls)"
echo "ok: without --facts (zhextract --partial, largest first, merged as they end), the same" \
  "table and messages"

# The tail cut finer: archives each about a task (--task-mb 0.005), so none is cut, but the
# last task of each worker thread (the two smallest archives, run last) is halved by range:
# eight tasks for six archives, the same table as a local run over them.
: > calls
"$bin/zhextract" -q --docs in/archive_*.tar.gz | "$bin/zhstats" -q --by metric,region > tail.csv
# Started by a shell that waits 3 s before it execs the driver (as a version manager's
# shim would take them): the summary's start counts from the process's exec, those 3 s too.
bash -c 'sleep 3; exec "$@"' driver "$bin/zhreport-dask" --scheduler "$scheduler" \
  --bin "$work/ordered" --by metric,region -o tail-dask.csv --task-mb 0.005 in/archive_*.tar.gz \
  2> run1c.log || fail "the tail run failed"
start=$(sed -n 's/.*; start \([0-9.]*\) s .*/\1/p' run1c.log)
[[ $(awk -v s="$start" 'BEGIN {print (s >= 3.0)}') == 1 ]] ||
  fail "the start, '$start' s, misses the 3 s before the driver's exec"
cmp tail.csv tail-dask.csv || fail "with the tail halved, the table differs from a local run's"
smallest=$(ls -S in/archive_*.tar.gz | tail -2 | sort)
[[ $(grep -e '--range' calls | sed 's/.* //' | sort -u) == "$smallest" ]] ||
  fail "not the two smallest archives halved: $(grep -e '--range' calls)"
(($(grep -c -e '--range' calls) == 4 && $(wc -l < calls) == 8)) ||
  fail "not six whole archives and two halves: $(cat calls)"
echo "ok: the last task of each worker thread halved by range, the same table; start $start s"

# Slow tools (each zhextract starts 0.3 s late) so the kill lands while tasks run; each notes
# its worker (its parent process) when it starts, and the malloc trimming Dask's nanny asks of
# its worker's allocator, if the tool inherited it.
mkdir slow
cat > slow/zhextract << EOF
#!/bin/sh
echo "\$PPID" >> "$work/started"
printenv MALLOC_TRIM_THRESHOLD_ >> "$work/trim"
sleep 0.3
exec "$bin/zhextract" "\$@"
EOF
chmod +x slow/zhextract
ln -s "$bin/zhstats" slow/zhstats
: > started
"$bin/zhreport-dask" --scheduler "$scheduler" --bin "$work/slow" --by doc,metric \
  --format json -o killed.json --facts killed.jsonl --task-mb 0.002 "${inputs[@]}" \
  2> run2.log &
driver=$!
pids+=($driver)
victim=${worker_pids[0]}
for _ in $(seq 1 400); do
  grep -qx "$victim" started && break
  sleep 0.05
done
grep -qx "$victim" started || fail "worker 1 never ran a task"
kill -9 "$victim"
kill -0 "$driver" 2> /dev/null || fail "the job was over before the kill"
status=0
wait "$driver" || status=$?
((status == local_status)) || fail "zhreport-dask, a worker killed: exit $status, not $local_status"
cmp local.json killed.json || fail "the table differs after a worker was killed"
cmp local.jsonl killed.jsonl || fail "the facts differ after a worker was killed"
echo "ok: a worker killed during a task, its tasks rerun: table and facts still identical"

# --local N starts its scheduler and workers on 127.0.0.1 only: every socket its processes
# listen on (read from /proc while the slow run goes on) is on the loopback interface. Its
# workers have nannies, which set MALLOC_TRIM_THRESHOLD_=65536 for the Python worker: the tools
# run without it (with it glibc hands freed memory back to the kernel at every free: zhextract
# took 1.5x the CPU time).
: > trim
"$bin/zhreport-dask" --local 1 --bin "$work/slow" --by metric -o local-mode.csv -q \
  --task-mb 0.004 "${inputs[@]}" 2> run3.log &
driver=$!
pids+=($driver)
listening=0
while kill -0 "$driver" 2> /dev/null; do
  read -r count outside < <("$python" - "$driver" << 'PYEOF'
import os, sys
children = {}
for p in filter(str.isdigit, os.listdir("/proc")):
    try:
        ppid = int(open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        continue
    children.setdefault(ppid, []).append(int(p))
tree, todo = set(), [int(sys.argv[1])]
while todo:
    p = todo.pop()
    tree.add(p)
    todo += children.get(p, [])
inodes = set()
for p in tree:
    try:
        for fd in os.listdir(f"/proc/{p}/fd"):
            link = os.readlink(f"/proc/{p}/fd/{fd}")
            if link.startswith("socket:["):
                inodes.add(link[8:-1])
    except OSError:
        pass
count, outside = 0, []
for table, loopback in (("/proc/net/tcp", "0100007F"),
                        ("/proc/net/tcp6", "0000000000000000FFFF00000100007F")):
    for line in open(table).readlines()[1:]:
        f = line.split()
        if f[3] == "0A" and f[9] in inodes:  # listening
            count += 1
            if f[1].split(":")[0] not in (loopback, "00000000000000000000000001000000"):
                outside.append(f[1])
print(count, ",".join(outside) or "-")
PYEOF
  )
  [[ $outside == - ]] || fail "--local listens beyond 127.0.0.1: $outside"
  ((count > listening)) && listening=$count
  sleep 0.5
done
status=0
wait "$driver" || status=$?
((status == local_status)) || fail "zhreport-dask --local: exit $status, not $local_status"
"$bin/zhstats" -q --by metric local.jsonl | cmp - local-mode.csv || fail "--local: the table differs"
((listening >= 3)) || fail "--local: saw only $listening listening sockets"
[[ ! -s trim ]] || fail "--local: the tools ran with MALLOC_TRIM_THRESHOLD_=$(head -1 trim)"
echo "ok: --local 1 listened on 127.0.0.1 only ($listening sockets) and gave the same table"
