#!/usr/bin/env bash
# Regression (output_4k_writes): the tools asked setvbuf for a 1 MB buffer without giving one,
# which glibc answers with a buffer of the file's block size (4 KB), so zhextract handed its
# output to the system 4 KB at a time. Here its output goes into a pipe that is never read:
# once the pipe is full zhextract waits in a write, and with the buffer it asked for that is
# its first write (the kernel counts the bytes of those done in /proc/PID/io; wchan names where
# it waits: pipe_write, or anon_pipe_write in newer kernels).
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
# (what the kernel says of a process: Linux's /proc; elsewhere nothing to ask)
[[ -r /proc/self/io && -r /proc/self/wchan ]] || { echo "no /proc/PID/io or wchan: skipped"; exit 77; }
work=$(mktemp -d)
pid=
trap 'if [[ -n $pid ]]; then kill "$pid" 2> /dev/null || true; fi; rm -rf "$work"' EXIT
for i in $(seq -w 1 200); do  # ~1.4 MB of JSONL
  cp "$source_dir/data/samples/01_aksu_simplified.txt" "$work/report$i.txt"
done
mkfifo "$work/out"
exec 3<> "$work/out"  # open for reading, so zhextract's open does not wait; never read
"$bin/zhextract" -q -j 1 "$work"/report*.txt > "$work/out" &
pid=$!
for _ in $(seq 1 300); do  # until it waits for the pipe: 30 s at most
  [[ $(cat "/proc/$pid/wchan" 2> /dev/null) == *pipe_write ]] && break
  sleep 0.1
done
if [[ $(cat "/proc/$pid/wchan" 2> /dev/null) != *pipe_write ]]; then
  echo "FAIL: zhextract never waited for the full pipe" >&2
  exit 1
fi
# Bytes of the writes done (wchar; a sanitizer's own small writes count too): none of the
# output's while its first write waits, 64 KB of it in 4 KB writes.
written=$(awk '$1 == "wchar:" {print $2}' "/proc/$pid/io")
if ((written >= 4096)); then
  echo "FAIL: $written bytes written before the pipe was full: the output buffer is not 1 MB" >&2
  exit 1
fi
echo "ok: the first write filled the pipe ($written bytes written before it)"
