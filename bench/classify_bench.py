"""Classification speed: p50/p95 per petition after warm-up, against a reference measured in the same run
(underthesea's word_tokenize alone on the same texts: one tokenizer pass, which the classifier makes too for
its word view of a text typed with diacritics, so the ratio is above 1; what it adds is the rest: the
syllable view, two TF-IDF transforms and two linear models). `POST /api/v1/classify` answers synchronously:
its p50 should stay under about 20 ms. Run: .venv/bin/python bench/classify_bench.py"""
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from underthesea import word_tokenize  # noqa: E402

from portal.text.classify import classify  # noqa: E402
from portal.text.corpus import build_corpus  # noqa: E402


def timings(function, texts) -> list[float]:
    result = []
    for text in texts:
        start = time.perf_counter()
        function(text)
        result.append((time.perf_counter() - start) * 1000)
    return result


def main(rounds: int = 3) -> None:
    texts = [row[0] for row in build_corpus()][:300]
    start = time.perf_counter()
    classify(texts[0])
    print(f"first call (model load): {(time.perf_counter() - start) * 1000:.0f} ms")
    ours = [t for _ in range(rounds) for t in timings(classify, texts)]
    floor = [t for _ in range(rounds) for t in timings(word_tokenize, texts)]
    for name, values in (("classify", ours), ("floor: word_tokenize", floor)):
        quantiles = statistics.quantiles(values, n=100)
        print(f"{name:22} n={len(values)} p50={statistics.median(values):.2f} ms p95={quantiles[94]:.2f} ms")
    print(f"ratio classify/floor at p50: {statistics.median(ours) / statistics.median(floor):.2f}")


if __name__ == "__main__":
    main()
