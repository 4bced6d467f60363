"""Extraction speed: articles/second of the extractors on the bundled corpus, beside underthesea's
``word_tokenize`` on the same texts, on one core.

Two rates are measured: in this process (the corpus's articles and pages read once,
extracted ``rounds`` times), and as a command, the marginal rate of whole ``unionnews
extract`` runs over 400 and 100 copies of the corpus's plain-text articles
(``300 / (t400 - t100)``), which leaves out start-up and includes reading,
normalising and writing JSON lines; each is set beside ``word_tokenize`` on the
texts it ran over.
"""
from __future__ import annotations

import itertools
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: File counts of the two command runs whose difference gives the marginal rate.
COMMAND_FILES = (100, 400)


def benchmark_extract(rounds: int) -> dict[str, float]:
    """Articles/second of extraction in this process and as a command, each beside ``word_tokenize``."""
    from underthesea import word_tokenize

    from pipeline.bundled import corpus_dir
    from pipeline.normalizer import extract_record
    from pipeline.sources import articles

    corpus = corpus_dir()
    items = list(articles([corpus / "articles", corpus / "site"], on_error=lambda _: None))
    texts = [item.article for item in items]
    plain = [item for item in items if item.origin.path and item.origin.path.suffix == ".txt"]
    extract_record(texts[0])
    word_tokenize(texts[0].text)
    extract_rate = _rate(texts, rounds, extract_record)
    tokenize_rate = _rate(texts, rounds, lambda article: word_tokenize(article.text))
    plain_tokenize_rate = _rate([item.article for item in plain], rounds, lambda article: word_tokenize(article.text))
    command_rate = _command_rate([item.origin.path for item in plain], rounds)
    return {"articles": len(texts), "extract_articles_per_s": extract_rate,
            "word_tokenize_articles_per_s": tokenize_rate, "ratio": extract_rate / tokenize_rate,
            "command_text_files": len(plain), "command_articles_per_s": command_rate,
            "command_word_tokenize_articles_per_s": plain_tokenize_rate,
            "command_ratio": command_rate / plain_tokenize_rate}


def _rate(texts: list, rounds: int, work: Callable[[object], object]) -> float:
    """Articles/second of ``work`` over ``rounds`` passes of ``texts``."""
    started = time.perf_counter()
    for _ in range(rounds):
        for article in texts:
            work(article)
    return len(texts) * rounds / (time.perf_counter() - started)


def _command_rate(sources: list[Path], rounds: int) -> float:
    """Articles/second that ``unionnews extract`` adds per file, from runs over 100 and 400 copies of ``sources``
    (the fastest of ``rounds`` runs of each)."""
    few, many = COMMAND_FILES
    with tempfile.TemporaryDirectory(prefix="unionnews-bench-") as tmp:
        folders = {n: _copies(sources, n, Path(tmp) / str(n)) for n in COMMAND_FILES}
        best = {n: min(_run_extract(folders[n]) for _ in range(max(1, rounds))) for n in COMMAND_FILES}
    return (many - few) / max(best[many] - best[few], 1e-9)


def _copies(sources: list[Path], count: int, folder: Path) -> Path:
    """``count`` article files in ``folder``, the given articles repeated in turn."""
    folder.mkdir(parents=True)
    for i, source in zip(range(count), itertools.cycle(sources)):
        (folder / f"{i:04d}_{source.name}").write_bytes(source.read_bytes())
    return folder


def _run_extract(folder: Path) -> float:
    """Wall time of one whole ``unionnews extract`` process over ``folder``, output discarded."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "extract", "--format", "jsonl", str(folder)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started
