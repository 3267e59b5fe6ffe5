#!/usr/bin/env python3
"""End-to-end speed of the `chronomap extract` process, in MB/s.

Builds a corpus of CHRONOMAP_BENCH_MB megabytes (default 100) in a temp folder by copying
data/sample-corpus over and over; each copy shifts the years (so the copies report different
real-world events, as a real corpus would, instead of folding into one cluster) and varies some
figures (so no two copies are byte-identical). Then it runs the release binary once with
`--format json --out FILE --timings` and prints the wall time and MB/s of input files and of
article text (the binary's `--timings` line reports the text size and the time of each phase).

    cargo build --release && python3 tools/extract_speed.py [--mb 100] [--keep DIR] [--runs 3]

The corpus is built under /dev/shm (a RAM file system) when it exists: on the shared build
machine the page cache of a normal disk is emptied within seconds, so files written to /tmp are
read back from the disk and the run measures the disk, not the process. Pass --keep DIR to put
it elsewhere (e.g. on disk, to measure a cold read).

Only the standard library is used. The sample corpus is read, never written.
"""

import argparse
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def synthesize(sample: pathlib.Path, out: pathlib.Path, target_bytes: int) -> int:
    """Writes copies of the sample corpus into `out` until `target_bytes` are written."""
    files = sorted(p for p in sample.iterdir() if p.is_file())
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files]
    written = 0
    copy = 0
    while written < target_bytes:
        folder = out / f"copy{copy:05d}"
        folder.mkdir(parents=True)
        base = 1800 + 3 * (copy % 70)
        for name, text in texts:
            varied = (
                text.replace("2019", str(base))
                .replace("2020", str(base + 1))
                .replace("2021", str(base + 2))
                .replace(" 25 ", f" {20 + copy % 17} ")
                .replace(" 19 ", f" {10 + copy % 13} ")
            )
            data = varied.encode("utf-8")
            (folder / name).write_bytes(data)
            written += len(data)
            if written >= target_bytes:
                break
        copy += 1
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=float(os.environ.get("CHRONOMAP_BENCH_MB", 100)))
    ap.add_argument("--bin", default=str(ROOT / "target/release/chronomap"))
    ap.add_argument("--keep", help="build the corpus in this folder and keep it (reused if it exists)")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()

    binary = pathlib.Path(args.bin)
    if not binary.exists():
        print(f"{binary}: not found; run `cargo build --release` first", file=sys.stderr)
        return 2
    tmp = None
    if args.keep:
        corpus = pathlib.Path(args.keep)
        if corpus.exists() and any(corpus.iterdir()):
            written = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
        else:
            corpus.mkdir(parents=True, exist_ok=True)
            written = synthesize(ROOT / "data/sample-corpus", corpus, int(args.mb * 1e6))
    else:
        shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        tmp = tempfile.mkdtemp(prefix="chronomap-speed-", dir=shm)
        corpus = pathlib.Path(tmp) / "corpus"
        written = synthesize(ROOT / "data/sample-corpus", corpus, int(args.mb * 1e6))
    out_dir = tempfile.mkdtemp(prefix="chronomap-speed-out-")
    out_file = pathlib.Path(out_dir) / "events.json"
    try:
        for run in range(args.runs):
            t = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            proc = subprocess.run(
                [str(binary), "extract", str(corpus), "--format", "json", "--out", str(out_file), "--timings"],
                capture_output=True,
                text=True,
            )
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return proc.returncode
            timings = [line for line in proc.stderr.splitlines() if line.startswith("timings:")]
            text_mb = None
            for line in timings:
                for field in line.split():
                    if field.startswith("text_bytes="):
                        text_mb = int(field.split("=", 1)[1]) / 1e6
            summary = proc.stderr.strip().splitlines()[-1]
            print(f"run {run}: {written / 1e6:.1f} MB of files in {wall:.2f} s -> {written / 1e6 / wall:.1f} MB/s of files", end="")
            if text_mb is not None:
                print(f", {text_mb / wall:.1f} MB/s of article text ({text_mb:.1f} MB)", end="")
            # CPU seconds tell how much work there was when other processes share the cores.
            print(f"; {cpu:.2f} s CPU; output {out_file.stat().st_size / 1e6:.1f} MB; {summary}")
            for line in timings:
                print("  " + line)
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
