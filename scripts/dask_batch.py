#!/usr/bin/env python3
"""Analyses a JSONL archive on a Dask distributed cluster with the CLI's batch mode.

The driver reads the archive (plain JSONL, or .xz), cuts it into partitions of whole lines and writes each to
a staging folder; every partition becomes one task, which a worker runs by streaming the partition through
`article-analyzer --jsonl` and writing the result lines to OUTPUT/part-NNNNN.jsonl. Results are the CLI's own
(one line per input line, in input order within a partition), so the concatenated parts equal what one CLI
run over the whole archive gives. OUTPUT/_SUCCESS records the partitions (with the archive line each starts
at: an error object's `line` counts from its partition's start), the totals and the throughput.

On one machine (a local cluster of N worker processes):
    python3 scripts/dask_batch.py --local-workers 2 --input archive.jsonl.xz --output results/
On a cluster (a scheduler started with `dask scheduler`, workers with `dask worker tcp://HOST:8786`):
    python3 scripts/dask_batch.py --scheduler tcp://HOST:8786 --input archive.jsonl.xz --output /shared/results \\
        --staging /shared/staging --cli /opt/article-analyzer/bin/article-analyzer
There the staging and output folders must be on storage every worker can read and write (NFS, a mounted
bucket), and the CLI installed at the same path on every worker.

Uses Debian's python3-distributed (dask.distributed): the scheduling, the worker processes and their
failure handling are what it does well; the analysis itself stays in the CLI.
"""
import argparse
import json
import lzma
import os
import shutil
import subprocess
import sys
import time

import dask
from dask.distributed import Client, LocalCluster, wait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CLI = os.path.join(ROOT, "build", "native", "core", "article-analyzer")


def open_archive(path):
    """The archive as a binary stream of lines: '-' is stdin, a name ending in .xz is decompressed."""
    if path == "-":
        return sys.stdin.buffer
    if path.endswith(".xz"):
        return lzma.open(path, "rb")
    return open(path, "rb")


def partitions(stream, limit_bytes):
    """(first line number, lines) of whole lines, each partition about limit_bytes long."""
    lines, size, first, number = [], 0, 1, 0
    for line in stream:
        number += 1
        if not line.endswith(b"\n"):
            line += b"\n"
        lines.append(line)
        size += len(line)
        if size >= limit_bytes:
            yield first, lines
            lines, size, first = [], 0, number + 1
    if lines:
        yield first, lines


def count_lines(path, chunk=1 << 20):
    """The number of lines of a file, read a megabyte at a time: a partition's results are about ten times its
    input (a tenth of a worker's time went to counting them line by line)."""
    lines, last = 0, b"\n"
    with open(path, "rb") as f:
        while block := f.read(chunk):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def run_partition(index, source, target, cli, cli_args):
    """On a worker: streams one staged partition through the CLI into its output part (written under a
    temporary name, renamed when complete, so that a part that exists is whole)."""
    started = time.time()
    partial = target + ".partial"
    with open(source, "rb") as stdin, open(partial, "wb") as stdout:
        run = subprocess.run([cli, "--jsonl", "--no-progress", *cli_args], stdin=stdin, stdout=stdout,
                             stderr=subprocess.PIPE)
    if run.returncode != 0:
        raise RuntimeError(f"partition {index}: {cli} exited with {run.returncode}: {run.stderr.decode()[-500:]}")
    with open(source, "rb") as f:
        lines_in = sum(1 for line in f if line.strip())
        bytes_in = f.tell()
    lines_out = count_lines(partial)
    os.replace(partial, target)
    os.remove(source)
    return {"index": index, "lines_in": lines_in, "lines_out": lines_out, "bytes": bytes_in,
            "seconds": round(time.time() - started, 3)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786)")
    where.add_argument("--local-workers", type=int, help="start a local cluster of this many worker processes")
    parser.add_argument("--input", required=True, help="JSONL archive ({\"id\", \"text\", …} per line), .xz or '-'")
    parser.add_argument("--output", required=True, help="folder for part-NNNNN.jsonl and _SUCCESS")
    parser.add_argument("--staging", help="folder for the input partitions (default: OUTPUT/_staging)")
    parser.add_argument("--partition-mb", type=float, default=8, help="input partition size (default 8 MB)")
    parser.add_argument("--jobs", type=int, default=1, help="threads of each CLI run (default 1)")
    parser.add_argument("--cli", default=DEFAULT_CLI, help="the article-analyzer binary on the workers")
    parser.add_argument("--no-tokens", action="store_true", help="leave tokens out of the results")
    parser.add_argument("--lean", action="store_true",
                        help="the lean result: no tokens, no words, spans without their text (a fifth of the size)")
    parser.add_argument("--in-flight", type=int, default=0,
                        help="partitions staged ahead of the workers (default: 2 per worker thread)")
    args = parser.parse_args()

    os.makedirs(args.output, exist_ok=True)
    staging = args.staging or os.path.join(args.output, "_staging")
    os.makedirs(staging, exist_ok=True)
    for stale in os.listdir(args.output):
        if stale.startswith("part-") or stale == "_SUCCESS":
            os.remove(os.path.join(args.output, stale))
    cli_args = ["--jobs", str(args.jobs)] + (["--no-tokens"] if args.no_tokens else []) + (["--lean"] if args.lean else [])

    # A worker's own upkeep competes with the CLI for the cores: its statistical profiler samples every thread
    # 100 times a second, and memory, system and event-loop monitors poll several times a second. Measured on
    # a local cluster of 2 workers on 2 cores, the Python processes used about a quarter of a core while the
    # CLIs ran; with these, under a tenth. The task is one subprocess per partition, so nothing here needs the
    # profile, and a worker's memory is the CLI's (bounded by it). Set in this process, they reach the local
    # cluster's workers; workers started elsewhere take the same settings from their environment
    # (DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False, …; the README shows them).
    dask.config.set({
        "distributed.worker.profile.enabled": False,
        "distributed.worker.memory.monitor-interval": "1s",
        "distributed.admin.system-monitor.interval": "2s",
        "distributed.admin.tick.interval": "1s",
    })
    cluster = None
    if args.local_workers:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(args.scheduler)
    threads = sum(client.nthreads().values()) or 1
    in_flight_limit = args.in_flight or 2 * threads

    started = time.time()
    done, firsts, in_flight = [], {}, set()
    totals = {"articles": 0, "bytes": 0}

    def drain(down_to):
        """Waits for partitions until at most `down_to` are in flight, reporting progress on stderr."""
        while len(in_flight) > down_to:
            finished, _ = wait(list(in_flight), return_when="FIRST_COMPLETED")
            for future in finished:
                in_flight.discard(future)
                result = future.result()  # a failed partition stops the run with its error
                done.append(result)
                totals["articles"] += result["lines_out"]
                totals["bytes"] += result["bytes"]
            elapsed = max(time.time() - started, 1e-9)
            print(f"[dask] {len(done)} partitions, {totals['articles']} articles, "
                  f"{totals['articles'] / elapsed:.0f} articles/s, {totals['bytes'] / elapsed / 1e6:.2f} MB/s",
                  file=sys.stderr, flush=True)

    # Partitions are staged as the archive is read, never more than in_flight_limit ahead of the workers, so
    # that an archive of any size takes bounded staging space.
    with open_archive(args.input) as stream:
        for index, (first, lines) in enumerate(partitions(stream, int(args.partition_mb * 1e6))):
            source = os.path.join(staging, f"part-{index:05d}.jsonl")
            with open(source, "wb") as f:
                f.writelines(lines)
            firsts[index] = first
            target = os.path.join(args.output, f"part-{index:05d}.jsonl")
            in_flight.add(client.submit(run_partition, index, source, target, args.cli, cli_args, pure=False))
            drain(in_flight_limit - 1)
    drain(0)
    elapsed = time.time() - started

    done.sort(key=lambda r: r["index"])
    mismatched = [r for r in done if r["lines_in"] != r["lines_out"]]
    summary = {
        "input": args.input,
        "partitions": [dict(r, first_line=firsts[r["index"]]) for r in done],
        "articles": totals["articles"],
        "bytes": totals["bytes"],
        "seconds": round(elapsed, 3),
        "articles_per_second": round(totals["articles"] / elapsed, 1) if elapsed else None,
        "mb_per_second": round(totals["bytes"] / elapsed / 1e6, 3) if elapsed else None,
        "workers": len(client.nthreads()),
        "threads": threads,
    }
    with open(os.path.join(args.output, "_SUCCESS"), "w") as f:
        json.dump(summary, f, indent=1)
    if not args.staging:
        shutil.rmtree(staging, ignore_errors=True)
    client.close()
    if cluster:
        cluster.close()
    print(json.dumps({k: v for k, v in summary.items() if k != "partitions"}), flush=True)
    if mismatched:
        print(f"[dask] partitions whose output line count differs from their input: {mismatched}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
