"""Extraction speed: articles/second of the extractors on the bundled corpus, beside underthesea's
``word_tokenize`` on the same texts, in this one process (one core)."""
from __future__ import annotations

import time


def benchmark_extract(rounds: int) -> dict[str, float]:
    """Read the corpus once, then time ``rounds`` passes of extraction and of ``word_tokenize`` over it."""
    from underthesea import word_tokenize

    from pipeline.bundled import corpus_dir
    from pipeline.normalizer import extract_record
    from pipeline.sources import articles

    corpus = corpus_dir()
    texts = [item.article for item in articles([corpus / "articles", corpus / "site"], on_error=lambda _: None)]
    extract_record(texts[0])
    word_tokenize(texts[0].text)
    started = time.perf_counter()
    for _ in range(rounds):
        for article in texts:
            extract_record(article)
    extract_rate = len(texts) * rounds / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(rounds):
        for article in texts:
            word_tokenize(article.text)
    tokenize_rate = len(texts) * rounds / (time.perf_counter() - started)
    return {"articles": len(texts), "extract_articles_per_s": extract_rate,
            "word_tokenize_articles_per_s": tokenize_rate, "ratio": extract_rate / tokenize_rate}
