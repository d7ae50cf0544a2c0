"""Redaction speed: p50/p95 per text of the labelled corpus after warm-up (NER loaded once), against a floor
measured in the same run (underthesea's NER alone on the same texts), and the same without NER (titles on busy
pages). Run: .venv/bin/python bench/redact_bench.py"""
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from underthesea import ner  # noqa: E402

from bench.classify_bench import timings  # noqa: E402
from portal.text.redact import find_spans  # noqa: E402
from portal.text.redaction_eval import read_corpus  # noqa: E402
from portal.text.redaction_corpus import CORPUS_PATH  # noqa: E402


def main(rounds: int = 2) -> None:
    texts = [row["text"] for row in read_corpus(CORPUS_PATH)]
    start = time.perf_counter()
    find_spans(texts[0])
    print(f"first call (underthesea NER load): {(time.perf_counter() - start) * 1000:.0f} ms")
    runs = {"find_spans": lambda t: find_spans(t), "find_spans, no NER": lambda t: find_spans(t, use_ner=False),
            "floor: underthesea ner": ner}
    results = {name: [v for _ in range(rounds) for v in timings(function, texts)] for name, function in runs.items()}
    for name, values in results.items():
        quantiles = statistics.quantiles(values, n=100)
        print(f"{name:24} n={len(values)} p50={statistics.median(values):.2f} ms p95={quantiles[94]:.2f} ms")
    print(f"ratio find_spans/floor at p50: "
          f"{statistics.median(results['find_spans']) / statistics.median(results['floor: underthesea ner']):.2f}")


if __name__ == "__main__":
    main()
