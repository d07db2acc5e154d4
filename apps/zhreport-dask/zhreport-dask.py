#!/usr/bin/python3
"""zhreport-dask: zhextract | zhstats over a Dask cluster, merged into one table.

    zhreport-dask --scheduler tls://10.0.0.5:8786 --tls-ca-file ca.pem --tls-cert me.pem \\
        --tls-key me.key --by metric,region -o stats.csv --facts facts.jsonl /data/warc/
    zhreport-dask --local 2 --by metric,year reports/ crawl.warc.gz     # on this machine only

The inputs (files, directories, archives, or --list FILE naming them) are listed here in the
order zhextract reads them, cut into tasks of consecutive inputs (an archive bigger than a task
into byte ranges of its documents, zhextract --range; the last task of each worker thread
halved, so that the run ends evenly), and each task runs `zhextract --partial -j 1 INPUTS` on a worker (the state of `zhextract --docs
| zhstats --partial` in one process; with --facts those two, one after the other), largest
first; the last task of each worker thread with twice -j. The states go into one `zhstats
merge` here as the tasks end (with --facts the tasks run and come back in input order, the
facts streamed to their file): the table (and with --facts the facts) are byte for byte those
of one local `zhextract --docs INPUTS | zhstats` run. A worker that dies has its tasks rerun
elsewhere by the scheduler; a task's output is only taken whole, so no document is lost or
counted twice.

Workers must see the inputs at the same paths (shared storage; relative paths are resolved
against this command's working directory) and have the tools (--bin DIR, else PATH). Only
the tools' command lines run on the workers: this file has no extraction logic of its own.
Security: a Dask scheduler runs any code for whoever reaches its port. --local starts one
on 127.0.0.1 only; for a cluster use TLS (docs/distributed.md).

Exit codes: 0 ok, 1 problems in the data (from the tools), 2 usage, I/O or cluster error.
Progress and the tools' messages go to stderr. Python stdlib + distributed only.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib


def launched():
    """time.monotonic() at this process's start (its exec), not this module's: the start the
    summary reports then holds all that ran before the work, also before this interpreter (a
    version manager's `python3` shim, a first interpreter that re-ran this file under another)."""
    try:
        with open("/proc/self/stat", "rb") as f:
            after_name = f.read().rsplit(b")", 1)[1].split()
        ticks = int(after_name[19])  # field 22, starttime: clock ticks after boot
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
        return time.monotonic() - max(age, 0.0)
    except (OSError, ValueError, IndexError, AttributeError):  # no /proc (not Linux)
        return time.monotonic()


STARTED = launched()
PROG = "zhreport-dask"
OK, PROBLEMS, ERROR = 0, 1, 2


def import_distributed():
    """distributed, or re-run under a Python that may have it: the system one (Debian's
    python3-distributed; this file's own interpreter, since a `#!/usr/bin/env python3` that
    found pyenv's shim on PATH forked 40 processes and took 0.5 s of CPU, at load 20, before
    this file ran), else the python3 on PATH (a virtual environment's)."""
    try:
        import distributed  # noqa: F401

        return True
    except ImportError:
        if os.environ.get("ZHREPORT_DASK_REEXEC"):
            return False
        os.environ["ZHREPORT_DASK_REEXEC"] = "1"
        for other in ("/usr/bin/python3", shutil.which("python3")):
            if other and os.path.realpath(other) != os.path.realpath(sys.executable) and \
                    os.access(other, os.X_OK):
                os.execv(other, [other] + sys.argv)
        return False


# The engine's own housekeeping, made lean for tasks that are one Python thread waiting on a
# subprocess (a profile of that thread says nothing): with Dask's defaults (a statistical
# profiler sampling every 10 ms, event-loop checks every 20 ms, psutil every 100 and 500 ms)
# an idle scheduler and two workers took 8% of a core, 1.3% with these. --local sets them;
# for workers started by hand docs/distributed.md gives them as DASK_* variables.
LEAN_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def say(message):
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


# --- the inputs, in zhextract's order ----------------------------------------------------------


def expand(inputs):
    """(path, bytes) for every input: directories become their regular files, recursively,
    sorted by path as zhextract sorts them (byte order, symbolic links to directories not
    followed); anything else is passed on as given (zhextract reports what it cannot read)."""
    out = []
    for path in inputs:
        if os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(os.fsencode(path)):
                for name in files:
                    found.append(os.path.join(root, name))
            for entry in sorted(found):
                out.append((os.fsdecode(entry), size_of(entry)))
        else:
            out.append((path, size_of(path)))
    return out


def size_of(path):
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def read_lists(lists):
    paths = []
    for name in lists:
        try:
            with open(name, encoding="utf-8", errors="surrogateescape") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if line and not line.startswith("#"):
                        paths.append(line)
        except OSError as e:
            say(f"{name}: cannot read list: {e.strerror}")
            sys.exit(ERROR)
    return paths


# How much bigger a compressed archive's documents are than the archive, when nothing better
# is known (text and HTML compress three to five times).
COMPRESSION_GUESS = 3


def unpacked_size(path, stored):
    """The bytes of an archive as zhextract's --range counts them, estimated (the estimate
    only evens out the pieces: each document is taken once whatever it says). A gzip file gives
    its size uncompressed in its last four bytes (modulo 4 GiB, tar headers included; of the
    last member only, in a .warc.gz of many); an uncompressed .tar or .warc is as stored; any
    other (zip, zstd, ...) COMPRESSION_GUESS times that."""
    name = path.lower()
    if name.endswith((".tar", ".warc")):
        return stored
    if stored >= 4 and name.endswith((".gz", ".tgz")):
        try:
            with open(path, "rb") as f:
                f.seek(-4, os.SEEK_END)
                isize = int.from_bytes(f.read(4), "little")
            if isize >= stored:
                return isize
        except OSError:
            pass
    return stored * COMPRESSION_GUESS


# The names zhextract reads as archives (zhreport::is_archive_name): only those hold documents
# that --range can cut apart; a plain file is one document, taken whole by the range it starts.
ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.zst", ".tzst", ".tar.bz2", ".tbz2",
                    ".tar.xz", ".txz", ".zip", ".warc", ".warc.gz")


def is_archive(path):
    return path.lower().endswith(ARCHIVE_SUFFIXES)


class Task:
    """Inputs for one zhextract: consecutive paths, or one input's byte range (--range LO:HI,
    HI None = to the end), with their bytes as stored (for sizes, order and progress)."""

    def __init__(self, paths, nbytes, byte_range=None, unpacked=0):
        self.paths, self.nbytes, self.byte_range, self.unpacked = paths, nbytes, byte_range, unpacked

    def halves(self, smallest):
        """Two tasks of about half the work each, in input order; None for one plain file
        or when a half would be under `smallest` bytes as stored."""
        if self.nbytes < 2 * smallest:
            return None
        if len(self.paths) > 1:
            sizes = [size_of(p) for p in self.paths]
            half, taken, k = sum(sizes) / 2, 0, 0
            while k < len(sizes) - 1 and taken + sizes[k] / 2 < half:
                taken += sizes[k]
                k += 1
            k = max(k, 1)
            return [Task(self.paths[:k], sum(sizes[:k])), Task(self.paths[k:], sum(sizes[k:]))]
        if not is_archive(self.paths[0]):
            return None
        unpacked = self.unpacked or unpacked_size(self.paths[0], self.nbytes)
        lo, hi = self.byte_range or (0, None)
        end = hi if hi is not None else unpacked
        mid = lo + (end - lo) // 2
        share = self.nbytes / 2
        return [Task(self.paths, share, (lo, mid), unpacked),
                Task(self.paths, share, (mid, hi), unpacked)]

    def range_flag(self):
        if self.byte_range is None:
            return []
        lo, hi = self.byte_range
        return ["--range", f"{lo}:{'' if hi is None else hi}"]


# A range of a compressed archive decompresses the members before it too (passed over
# unread, but a gzip stream has no index): k pieces decompress it (k + 1) / 2 times, and
# decompressing a .tar.gz costs ~15% of extracting it. Hence a few pieces an archive at most.
MAX_PIECES = 4


def cut(entries, target):
    """Tasks of about `target` bytes as stored: consecutive runs of inputs, and an archive
    bigger than that cut into byte ranges of its documents (at most MAX_PIECES)."""
    tasks, current, size = [], [], 0
    for path, nbytes in entries:
        if current and size + nbytes > target:
            tasks.append(Task(current, size))
            current, size = [], 0
        pieces = min(round(nbytes / target), MAX_PIECES) if is_archive(path) else 1
        if pieces > 1:
            unpacked = unpacked_size(path, nbytes)
            step = unpacked // pieces
            for k in range(pieces):
                tasks.append(Task([path], nbytes / pieces,
                                  (k * step, (k + 1) * step if k < pieces - 1 else None),
                                  unpacked))
            continue
        current.append(path)
        size += nbytes
    if current:
        tasks.append(Task(current, size))
    return tasks


def finer_tail(tasks, threads, in_order, smallest):
    """The tasks, those that end the run halved: run largest first (or in input order), the
    last task of each worker thread decides how long the others wait at the end, so the last
    `threads` are cut in two (half the tail) where they can be. A range of an archive costs
    the decompression of the members before it, hence only the tail and not every task."""
    order = run_order(tasks, in_order)
    last = set(order[-threads:])
    out = []
    for i, task in enumerate(tasks):
        halves = task.halves(smallest) if i in last else None
        out.extend(halves or [task])
    return out


def run_order(tasks, in_order):
    """Task indexes in the order they run: largest first (ties in input order), or in input
    order (--facts takes the results so)."""
    if in_order:
        return list(range(len(tasks)))
    return sorted(range(len(tasks)), key=lambda i: (-tasks[i].nbytes, i))


# --- on a worker -------------------------------------------------------------------------------


def run_task(paths, range_flag, cwd, bindir, jobs, want_facts):
    """The zhstats state of `paths` (and their facts, zlib, when asked); runs on a worker, any
    number of times (a rerun after a lost worker gives the same bytes). Without facts one
    process, `zhextract --partial` (the state of `zhextract --docs | zhstats --partial` without
    writing the facts as JSON and reading them back in a second process); with facts
    `zhextract --docs -o FACTS` then `zhstats --partial FACTS`. Returns the state, the facts,
    the tools' exit codes, stderr and CPU time, and when it ran."""
    import os
    import socket
    import subprocess
    import tempfile
    import time
    import zlib

    start = time.time()
    cpu = 0.0

    def tool(name):
        path = os.path.join(bindir, name) if bindir else ""
        return path if path and os.access(path, os.X_OK) else name

    def call(command, **how):
        """subprocess.call, adding the tool's CPU time (wait4's rusage) to `cpu`."""
        nonlocal cpu
        process = subprocess.Popen(command, **how)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
        return process.returncode

    extract = [tool("zhextract"), "-q", "-j", str(jobs)] + range_flag
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 for its Python worker; inherited, it makes
    # glibc hand freed memory back to the kernel at nearly every free of the tools, which
    # allocate and free per document: zhextract took 1.5x the CPU time.
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    with tempfile.TemporaryDirectory(prefix="zhreport-dask-") as tmp:
        facts_path, err_path = os.path.join(tmp, "facts.jsonl"), os.path.join(tmp, "err")
        # The state goes to a file, read once at the end: from a pipe this thread woke for
        # each of the tool's 4 KB writes (~1,000 a task), ~0.1 s of CPU a task, each wake-up
        # taking the core of a zhextract.
        state_path = os.path.join(tmp, "state")
        with open(err_path, "w+b") as err, open(state_path, "w+b") as state_out:
            if want_facts:
                extract_code = call(extract + ["--docs", "-o", facts_path, "--"] + paths,
                                    cwd=cwd, env=env, stderr=err)
                with open(facts_path, "rb") as facts_in:
                    stats_code = call([tool("zhstats"), "--partial", "-q"], env=env,
                                      stdin=facts_in, stdout=state_out, stderr=err)
                with open(facts_path, "rb") as f:
                    facts = zlib.compress(f.read(), 1)
            else:
                extract_code = call(extract + ["--partial", "--"] + paths, cwd=cwd, env=env,
                                    stdout=state_out, stderr=err)
                stats_code, facts = 0, None
            state_out.seek(0)
            state = state_out.read()
            err.seek(0)
            messages = err.read()
    return {
        "state": state,
        "facts": facts,
        "extract_code": extract_code,
        "stats_code": stats_code,
        "messages": messages,
        "start": start,
        "end": time.time(),
        "cpu": cpu,
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }


# --- here --------------------------------------------------------------------------------------


class Progress:
    """"tasks done/total, MB, MB/s, ETA" on stderr: redrawn on a terminal, else every 10 s."""

    def __init__(self, total_tasks, total_bytes, quiet):
        self.total_tasks, self.total_bytes, self.quiet = total_tasks, total_bytes, quiet
        self.tty = sys.stderr.isatty()
        self.start = self.last = time.monotonic()
        self.tasks = self.bytes = 0
        self.drawn = False

    def update(self, nbytes):
        self.tasks += 1
        self.bytes += nbytes
        now = time.monotonic()
        if self.quiet or now - self.last < (0.25 if self.tty else 10):
            return
        self.last = now
        rate = self.bytes / 1e6 / max(now - self.start, 1e-9)
        line = (f"{PROG}: {self.tasks}/{self.total_tasks} tasks, {self.bytes / 1e6:.1f}/"
                f"{self.total_bytes / 1e6:.1f} MB, {rate:.1f} MB/s")
        if rate > 0:
            left = int((self.total_bytes - self.bytes) / 1e6 / rate)
            line += f", ETA {left // 60}:{left % 60:02}"
        if self.tty:
            sys.stderr.write(f"\r{line}\033[K")
            self.drawn = True
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def clear(self):
        if self.drawn:
            sys.stderr.write("\r\033[K")
            self.drawn = False


def finished(futures, in_order):
    """(index, future) for every task: in task order, or as they finish."""
    if in_order:
        yield from enumerate(list(futures))
        return
    from distributed import as_completed

    index = {future.key: i for i, future in enumerate(futures)}
    for future in as_completed(futures):
        yield index[future.key], future


def idle_threads(spans, threads):
    """(idle share, tail) of the tasks' span, from each task's (start, end): the share of the
    worker threads' time from the first start to the last end during which they ran no task
    (waiting for one, or with none left), and the tail, the seconds at the end during which
    some thread had no task left."""
    if not spans:
        return 0.0, 0.0
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    busy = sum(e - s for s, e in spans)
    # The last moment all threads ran a task: sweep the starts (+1) and ends (-1) in time order.
    running, full_until = 0, first
    for moment, step in sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans]):
        if running >= threads:
            full_until = moment
        running += step
    span = max(last - first, 1e-9)
    return max(0.0, 1 - busy / (threads * span)), last - full_until


def spans_end(spans):
    return max(e for _, e in spans)


def write_decompressed(out, data):
    """zlib data to `out` a megabyte at a time: no task's facts are ever held whole."""
    inflate = zlib.decompressobj()
    while data:
        out.write(inflate.decompress(data, 1 << 20))
        data = inflate.unconsumed_tail
    out.write(inflate.flush())


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="zhextract --docs | zhstats --partial over a Dask cluster (one "
        "`zhextract --partial` a task), merged with zhstats merge into the table one local run "
        "prints.",
        epilog="Exit codes: 0 ok, 1 problems in the data, 2 usage, I/O or cluster error. "
        "See docs/distributed.md for running a cluster safely (TLS, a private network).",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler, e.g. tls://10.0.0.5:8786")
    where.add_argument("--local", metavar="N", type=int,
                       help="start a scheduler and N single-threaded workers on 127.0.0.1 "
                       "for this run only")
    parser.add_argument("inputs", metavar="INPUT", nargs="*",
                        help="files, directories (recursive, sorted), archives")
    parser.add_argument("--list", metavar="FILE", action="append", default=[],
                        help="a file naming inputs, one a line (# comments), after INPUTs")
    parser.add_argument("--by", default="metric", help="grouping, as zhstats --by")
    parser.add_argument("--format", default="csv", choices=["csv", "json", "markdown"],
                        help="table format, as zhstats --format")
    parser.add_argument("-o", "--output", metavar="TABLE",
                        help="write the table to TABLE (written as TABLE.part, renamed when "
                        "complete) instead of stdout")
    parser.add_argument("--facts", metavar="FILE",
                        help="also write the facts, in the order of a local zhextract run")
    parser.add_argument("--task-mb", type=float, metavar="MB",
                        help="input megabytes a task, as stored (default: a quarter of an even "
                        "share per worker thread, between 1 and 256); a bigger archive is cut "
                        "into byte ranges of its documents, four at most")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="zhextract -j on the workers (default 1: one task per worker thread; "
                        "the last task of each thread gets twice that, to use the cores of "
                        "workers that have run out of tasks)")
    parser.add_argument("--bin", metavar="DIR",
                        help="where the workers find zhextract and zhstats (default: beside "
                        "this command when they are there, else PATH)")
    parser.add_argument("--tls-ca-file", metavar="PEM")
    parser.add_argument("--tls-cert", metavar="PEM")
    parser.add_argument("--tls-key", metavar="PEM")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress and no summaries on stderr")
    args = parser.parse_args(argv)
    if args.local is not None and args.local < 1:
        parser.error("--local: at least one worker")
    if not args.inputs and not args.list:
        parser.error("no inputs (stdin cannot be shared with workers)")
    if "-" in args.inputs:
        parser.error("'-' (stdin) cannot be shared with workers")
    tls = [args.tls_ca_file, args.tls_cert, args.tls_key]
    if any(tls) and not all(tls):
        parser.error("--tls-ca-file, --tls-cert and --tls-key go together")
    return args


def connect(args):
    """(client, cluster or None); exits 2 when no cluster can be reached or started."""
    import logging

    import dask
    from distributed import Client, LocalCluster
    from distributed.security import Security

    # The engine's INFO lines would drown the progress; warnings still show.
    dask.config.set({"logging.distributed": "warning"})
    if args.local is not None:
        dask.config.set(LEAN_CONFIG)
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    logging.getLogger("distributed").setLevel(logging.WARNING)
    security = None
    if args.tls_ca_file:
        security = Security(tls_ca_file=args.tls_ca_file, tls_client_cert=args.tls_cert,
                            tls_client_key=args.tls_key, require_encryption=True)
    try:
        if args.local is not None:
            # Never anything but the loopback interface: a scheduler runs arbitrary code for
            # whoever reaches its port.
            cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", scheduler_port=0,
                                   # their HTTP servers (health, metrics) too, not on all
                                   # interfaces as they would be by default
                                   dashboard_address="127.0.0.1:0",
                                   worker_dashboard_address="127.0.0.1:0",
                                   silence_logs=logging.WARNING)
            return Client(cluster), cluster
        address = args.scheduler
        if "://" not in address:
            address = "tcp://" + address
        host = address.split("://", 1)[1].rsplit(":", 1)[0].strip("[]")
        if not address.startswith("tls://") and host not in ("127.0.0.1", "localhost", "::1"):
            say(f"warning: {address} is neither TLS nor local: anyone on that network can run "
                "code on the cluster (docs/distributed.md, 'Running a cluster safely')")
        return Client(address, security=security, timeout="30s"), None
    except Exception as e:  # noqa: BLE001 - whatever the engine raises, it is a cluster error
        say(f"cannot reach the cluster: {e}")
        sys.exit(ERROR)


def submit(client, index, task, cwd, bindir, jobs, want_facts, priority):
    """One task on the cluster. A function of its own, and a short one, because distributed's
    client sends the source of the function that calls submit() along with every task
    (inspect.getsource, tokenized anew each time): from main() that was 8 KB and 3.4 ms of
    the driver's CPU a task, from here it is a few lines."""
    return client.submit(run_task, task.paths, task.range_flag(), cwd, bindir, jobs, want_facts,
                         pure=False,
                         priority=priority,
                         key=f"zhreport-task-{index}-{os.getpid()}-{time.time_ns()}")


def worker_threads(client):
    try:
        workers = client.scheduler_info()["workers"].values()
        return max(1, sum(w.get("nthreads", 1) for w in workers))
    except Exception:  # noqa: BLE001
        return 1


def main(argv):
    began = STARTED
    args = parse_args(argv)
    if not import_distributed():
        say("python3-distributed is not installed (apt-get install python3-distributed)")
        return ERROR
    bindir = args.bin or os.path.dirname(os.path.realpath(__file__))
    if not args.bin and not os.access(os.path.join(bindir, "zhstats"), os.X_OK):
        bindir = ""
    tool = (lambda name: os.path.join(bindir, name)) if bindir else (lambda name: name)
    merge_cmd = [tool("zhstats"), "merge", "--by", args.by, "--format", args.format]
    try:  # --by and --format checked by zhstats itself, on an empty state, before any work
        empty = subprocess.run([tool("zhstats"), "--partial", "-q"], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE).stdout
        if subprocess.run(merge_cmd + ["-q", "-"], input=empty,
                          stdout=subprocess.DEVNULL).returncode == ERROR:
            return ERROR
    except OSError as e:
        say(f"cannot run zhstats: {e}")
        return ERROR
    client, cluster = connect(args)
    planning_started = time.monotonic()
    start_usage = resource.getrusage(resource.RUSAGE_SELF)
    start_cpu = start_usage.ru_utime + start_usage.ru_stime
    entries = expand(args.inputs + read_lists(args.list))
    threads = worker_threads(client)
    total = sum(nbytes for _, nbytes in entries)
    # Four tasks a worker thread evens out the ends of the run; at least 1 MB keeps the tools'
    # start-up small beside the work, at most 256 MB a lost worker's rerun short.
    target = args.task_mb * 1e6 if args.task_mb else min(max(total / threads / 4, 1e6), 256e6)
    # Halves of the last tasks of at least a MB (a quarter of a task when that is less): a
    # task's start-up, a process and its dictionaries, stays small beside its work.
    tasks = finer_tail(cut(entries, target), threads, bool(args.facts), min(target / 4, 1e6))
    cwd = os.getcwd()
    # Without --facts the states merge in any order: the tasks run largest first, so that a
    # big one does not end the run alone on one worker while the others idle. With --facts
    # the results are taken in task order (the facts are streamed in that order): so they run.
    # Submitted in that order too: the scheduler hands a task to an idle worker as it comes.
    order = run_order(tasks, bool(args.facts))
    # The last task of each worker thread runs zhextract with twice the threads: when a
    # worker runs out of tasks, the tasks still running use its core instead of leaving it
    # idle until the end (the same bytes, and about the same CPU, as with -j 1).
    futures = [None] * len(tasks)
    for rank, i in enumerate(order):
        jobs = args.jobs * 2 if rank >= len(tasks) - threads else args.jobs
        futures[i] = submit(client, i, tasks[i], cwd, bindir, jobs, bool(args.facts),
                            priority=len(tasks) - rank)

    table = args.output + ".part" if args.output else None
    if args.quiet:
        merge_cmd.append("-q")
    if table:
        merge_cmd += ["-o", table]
    code = OK
    spans, tools_cpu, merged_at = [], 0.0, 0.0
    try:
        facts = open(args.facts + ".part", "wb") if args.facts else None
        merge = subprocess.Popen(merge_cmd + ["-"], stdin=subprocess.PIPE)
    except OSError as e:
        say(f"cannot write {e.filename or 'the table'}: {e.strerror}")
        return ERROR
    progress = Progress(len(tasks), total, args.quiet)
    # The tools' messages (and exit codes) of the tasks done, until those before them are.
    reports, reported = {}, 0
    try:
        # With --facts in task order, so the facts come out as one local run's: only one
        # task's results are held here at a time, the others wait on their workers. Without,
        # as the tasks end: each state goes into the merge at once, only the (small) messages
        # wait here for their turn, so they too come out in the order of a local run.
        for i, future in finished(futures, in_order=bool(facts)):
            result = future.result()
            futures[i] = None
            future.release()
            if facts:
                write_decompressed(facts, result["facts"])
            merge.stdin.write(result["state"])
            spans.append((result["start"], result["end"]))
            tools_cpu += result["cpu"]
            reports[i] = result
            del result["state"], result["facts"]
            progress.clear()
            while reported in reports:
                result = reports.pop(reported)
                if result["messages"]:
                    sys.stderr.buffer.write(result["messages"])
                    sys.stderr.flush()
                if result["stats_code"] != 0:
                    say(f"task {reported}: zhstats --partial exited {result['stats_code']}")
                    code = ERROR
                if result["extract_code"] in (OK, PROBLEMS, ERROR):
                    code = max(code, result["extract_code"])
                else:  # killed by a signal (negative), or anything else: the task is not whole
                    say(f"task {reported}: zhextract exited {result['extract_code']}")
                    code = ERROR
                reported += 1
            progress.update(tasks[i].nbytes)
        merge.stdin.close()
        merge_code = merge.wait()
        merged_at = time.time()
        if facts:
            facts.close()
    except BrokenPipeError:
        merge_code = merge.wait()
        say(f"zhstats merge stopped (exit {merge_code})")
        return ERROR
    except Exception as e:  # noqa: BLE001 - a task that failed on every try, a lost scheduler
        progress.clear()
        say(f"cluster error: {e}")
        merge.kill()
        return ERROR
    finally:
        progress.clear()
    if merge_code != 0:
        code = max(code, merge_code if merge_code in (PROBLEMS, ERROR) else ERROR)
    # Every task came back and the merge went through: the table is whole, whatever the data's
    # problems (an unreadable input is a record and a message, as in a local run).
    if merge_code in (OK, PROBLEMS):
        try:
            if args.facts:
                os.replace(args.facts + ".part", args.facts)
            if table:
                os.replace(table, args.output)
        except OSError as e:
            say(f"cannot rename: {e}")
            code = ERROR
    wall = time.monotonic() - began
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    merge_rss = children.ru_maxrss
    if not args.quiet:
        makespan = spans_end(spans) - min(s for s, _ in spans) if spans else 0.0
        idle, tail = idle_threads(spans, threads)
        # The start: Python, distributed's import, connecting (or starting --local's cluster).
        # The driver's overhead: the rest of the wall time during which no task ran: listing,
        # cutting, submitting, and after the last task gathering and the merge.
        start = planning_started - began
        overhead = max(wall - start - makespan, 0.0)
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        say(f"{len(tasks)} tasks on {threads} worker threads, {total / 1e6:.1f} MB in "
            f"{wall:.2f} s ({total / 1e6 / max(wall, 1e-9):.1f} MB/s); start {start:.2f} s "
            f"(cpu {start_cpu:.2f} s), driver overhead {overhead:.2f} s "
            f"({100 * overhead / max(wall - start, 1e-9):.1f}% of the rest), cpu "
            f"{cpu.ru_utime + cpu.ru_stime:.2f} s, merge cpu "
            f"{children.ru_utime + children.ru_stime:.2f} s; peak RSS driver "
            f"{cpu.ru_maxrss / 1024:.1f} MB, merge {merge_rss / 1024:.1f} MB")
        # Where a run loses against the tools alone, by CPU time rather than wall time (a
        # shared machine's wall times mislead): the tools' own CPU, and the worker threads'
        # time without a task (Dask's gaps between tasks, and the tail once a thread has no
        # task left; the last tasks' -j 2 put part of that time to use).
        say(f"tasks: the tools' cpu {tools_cpu:.2f} s; worker threads idle {100 * idle:.1f}% "
            f"of the tasks' {makespan:.2f} s, tail {tail:.2f} s (some thread out of tasks)")
        # The tail by task: how long each ran, the last ones to start most of all, and what the
        # merge left to do once the last task had ended (reading its state, the table).
        if spans:
            took = sorted(e - s for s, e in spans)
            last = [e - s for s, e in sorted(spans)[-threads:]]
            say(f"task seconds: min {took[0]:.2f}, median {took[len(took) // 2]:.2f}, max "
                f"{took[-1]:.2f}; the last {len(last)} to start "
                f"{' '.join(f'{t:.2f}' for t in last)}; the table {merged_at - spans_end(spans):.2f}"
                " s after the last task ended")
    client.close()
    if cluster is not None:
        cluster.close()
    # All is written and closed: exit without the interpreter's teardown of distributed's
    # threads and modules, ~0.1 s (2% of a run of a few seconds).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
