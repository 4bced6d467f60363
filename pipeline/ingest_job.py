"""The ingest job: inputs split into tasks, run by worker processes (local, or a Dask cluster), committed once.

A task is a slice of the input files (:data:`FILES_PER_TASK` article files, or one WARC file). Its
worker hashes each input's bytes together with :func:`extractor_version`; an input whose hash the
catalog (the ``input_key``/``input_hash`` columns of the stored table) already holds is unchanged
and is not read further. The others are read and extracted, and their rows written as one part file
(:mod:`pipeline.staging`) named after the task's inputs and their hashes. When every task is done the
driver merges all parts into the table in one commit (:func:`pipeline.store.commit`), so a job killed
half-way leaves the tables as they were; run again, it finds the parts already written and goes on
from there. The same tasks run in this process (one worker), in a local process pool, or on a Dask
cluster through its ``concurrent.futures`` executor, with Dask's own scheduling and retries.
"""
from __future__ import annotations

import hashlib
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.names import STAGING_DIR

#: Article files per task: enough to amortise a task's overhead, few enough to spread the work.
FILES_PER_TASK = 64
#: Retries of a task that raised, on a Dask cluster (a task whose worker died is rescheduled anyway).
DASK_RETRIES = 2
#: What decides the extractor version: the code and data of these packages and modules.
EXTRACTOR_SOURCES = ["extractors", "scrapers", "pipeline/normalizer.py", "pipeline/records.py",
                     "pipeline/sources.py", "pipeline/tables.py"]
SOURCE_SUFFIXES = {".py", ".toml", ".json", ".txt", ".tsv", ".csv"}

Map = Callable[..., Iterator[Any]]


@dataclass(frozen=True)
class Task:
    """A slice of the inputs, with what the catalog holds for them (input key → input hash)."""

    files: tuple[str, ...]
    known: dict[str, str]
    staging: str
    version: str


@dataclass
class TaskResult:
    """What a task did: its part file (``None`` when every input was unchanged), the inputs it found
    unchanged, one error line per input that failed, its worker's peak memory in MiB and the CPU seconds
    it took."""

    part: str | None
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    peak_rss_mib: float = 0.0
    cpu_s: float = 0.0


@dataclass
class JobResult:
    """How many articles were new, updated and unchanged, and the largest peak memory of a worker."""

    counts: dict[str, int]
    worker_peak_mib: float
    #: CPU seconds: the driver's before the tasks (``driver_plan``), while they ran (``driver_tasks``) and
    #: after them (``driver_commit``), and the workers' in the tasks (``workers``).
    cpu: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the reading and extraction code and data: a change to them makes every input changed."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for source in EXTRACTOR_SOURCES:
        path = root / source
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.suffix in SOURCE_SUFFIXES and file.is_file():
                digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def input_key(path: Path | str) -> str:
    """The catalog key of an input file: its absolute path, or its URL."""
    from pipeline.remote_inputs import is_url

    return path if is_url(path) else os.path.abspath(path)


def input_hash(path: str, version: str) -> str | None:
    """The hash of a regular file's bytes and the extractor version; ``None`` when it cannot be read."""
    try:
        if not os.path.isfile(path):  # a folder, a pipe, a device: the reader says why it is not read
            return None
        with open(path, "rb") as stream:
            digest = hashlib.file_digest(stream, "sha1")
    except OSError:
        return None
    digest.update(version.encode())
    return digest.hexdigest()


def run_task(task: Task) -> TaskResult:
    """Run one task in a worker: skip unchanged inputs, extract the others into a part file."""
    from pipeline.records import extracted
    from pipeline.remote_inputs import is_url, url_articles, url_hash
    from pipeline.sources import file_articles
    from pipeline.staging import part_errors, write_part
    from pipeline.tables import stored_row

    clock = time.process_time()
    result = TaskResult(part=None)
    pending = []
    for file in task.files:
        digest = url_hash(file, task.version) if is_url(file) else input_hash(file, task.version)
        if digest is not None and task.known.get(file) == digest:
            result.unchanged.append(file)
        else:
            pending.append((file, digest))
    if pending:
        name = hashlib.sha1(repr((task.version, pending)).encode()).hexdigest()
        part = Path(task.staging) / f"{name}.parquet"
        if part.exists():  # done by a run that was stopped before its commit
            result.errors = part_errors(part)
        else:
            rows = []
            for file, digest in pending:
                inputs = url_articles(file, result.errors.append) if is_url(file) else file_articles(
                    Path(file), result.errors.append)
                for _, record in extracted(inputs, result.errors.append):
                    rows.append(stored_row(record, file, digest))
            write_part(part, rows, result.errors)
        result.part = str(part)
    result.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.cpu_s = time.process_time() - clock
    return result


def plan(files: Iterable[Path | str], known: dict[str, str], staging: Path, version: str) -> list[Task]:
    """The tasks for ``files``, in order: runs of :data:`FILES_PER_TASK` article files, one task per WARC file."""
    from pipeline.sources import is_warc

    tasks: list[Task] = []
    run: list[str] = []

    def close(keys: list[str]) -> None:
        if keys:
            tasks.append(Task(tuple(keys), {key: known[key] for key in keys if key in known}, str(staging), version))

    for path in files:
        key = input_key(path)
        if is_warc(Path(path)):
            close(run)
            close([key])
            run = []
        else:
            run.append(key)
            if len(run) == FILES_PER_TASK:
                close(run)
                run = []
    close(run)
    return tasks


def default_workers() -> int:
    """Every core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def task_map(workers: int, scheduler: str | None) -> Iterator[Map]:
    """A ``map`` that runs tasks and gives their results in order: on the Dask scheduler at ``scheduler``,
    else on ``workers`` local processes (in this process when that is one)."""
    if scheduler:
        from distributed import Client

        with Client(scheduler) as client:
            yield client.get_executor(retries=DASK_RETRIES, pure=False).map
    elif workers <= 1:
        yield map
    else:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        from pipeline.parent_watch import exit_with_parent

        pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=exit_with_parent,
                                   initargs=(os.getpid(),))
        try:
            yield pool.map
        finally:  # the workers exit while the driver commits
            pool.shutdown(wait=False, cancel_futures=True)


def run_job(paths: Iterable[Path | str], data_dir: Path, on_error: Callable[[str], None], workers: int | None = None,
            scheduler: str | None = None) -> JobResult:
    """Ingest every input under ``paths`` (local paths or fsspec URLs) into the tables and archive of
    ``data_dir`` in one commit.

    The driver indexes each part as it arrives (:class:`pipeline.pending_index.PendingIndex`), while the
    workers go on extracting; after the last task it commits the table, then the archive."""
    import pyarrow.compute as pc

    from pipeline.pending_index import PendingIndex
    from pipeline.remote_inputs import job_inputs
    from pipeline.search_sync import sync_index
    from pipeline.store import commit, load_catalog, writer_lock

    data_dir, clock = Path(data_dir), time.process_time()
    workers = workers or default_workers()
    with writer_lock(data_dir):
        sync_index(data_dir)
        catalog = load_catalog(data_dir)
        known = {key: digest for key, digest in zip(catalog["input_key"].to_pylist(), catalog["input_hash"].to_pylist())
                 if key is not None and digest is not None}
        tasks = plan(job_inputs(paths, on_error), known, data_dir / STAGING_DIR, extractor_version())
        parts, unchanged, peak, cpu = [], [], 0.0, {"driver_plan": time.process_time() - clock, "workers": 0.0}
        index, clock = PendingIndex(data_dir, catalog), time.process_time()
        try:
            with task_map(workers, scheduler) as run:
                for result in run(run_task, tasks):
                    for line in result.errors:
                        on_error(line)
                    if result.part:
                        parts.append(Path(result.part))
                        index.add_part(Path(result.part))
                    unchanged += result.unchanged
                    peak, cpu["workers"] = max(peak, result.peak_rss_mib), cpu["workers"] + result.cpu_s
            in_process = cpu["workers"] if workers <= 1 and not scheduler else 0.0
            cpu["driver_tasks"], clock = time.process_time() - clock - in_process, time.process_time()
            unchanged_ids = catalog.filter(pc.is_in(catalog["input_key"], value_set=unchanged_keys(unchanged)))
            counts = commit(data_dir, parts, unchanged_ids["article_id"].to_pylist(), index)
        finally:
            index.close()
        cpu["driver_commit"] = time.process_time() - clock
        return JobResult(counts, round(peak, 1), {key: round(value, 2) for key, value in cpu.items()})


def unchanged_keys(keys: list[str]) -> Any:
    """``keys`` as an Arrow string array (for a catalog look-up)."""
    import pyarrow as pa

    return pa.array(keys, pa.string())
