"""The table `make bench` prints, from locust's CSV files listed in RESULTS_DIR/runs.tsv (written by bench/run.sh).

Usage: .venv/bin/python bench/report.py RESULTS_DIR      (also writes RESULTS_DIR/summary.txt)
"""
import csv
import statistics
import sys
from pathlib import Path

POST = "POST /api/v1/petitions"


def read_stats(prefix: str) -> dict[str, dict]:
    with open(prefix + "_stats.csv", newline="", encoding="utf-8") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def number(row: dict, column: str) -> float:
    value = row.get(column, "") or "0"
    return float(value) if value != "N/A" else float("nan")


def drain_lines(results: Path) -> list[str]:
    """The intake worker's side: what was still waiting to be routed when the load stopped, and how long it took."""
    path = results / "drain.tsv"
    if not path.exists():
        return []
    lines = ["", "Intake worker (classifies and routes accepted petitions, at a lower CPU priority):"]
    for line in path.read_text().splitlines():
        backend, mix, backlog, seconds, left, failed = line.split("\t")
        lines.append(f"  {backend} {mix}: {backlog} petitions waiting when the load stopped, routed in {seconds} s"
                     + (f"; {left} STILL WAITING" if left != "0" else "")
                     + (f"; {failed} SENT TO TRIAGE BY A ROUTING FAILURE so far" if failed != "0" else ""))
    return lines


def main(results: Path) -> None:
    runs = [line.split("\t") for line in (results / "runs.tsv").read_text().splitlines() if line.strip()]
    lines = [f"{'database':10} {'server':7} {'load':7} {'round':>5} {'petitions/s':>11} {'p50 ms':>7} {'p95 ms':>7} "
             f"{'p99 ms':>7} {'errors':>6} {'requests':>8} {'201s':>6} {'stored':>6}"]
    throughput, requests_per_second = {}, {}
    extra = []
    for backend, server, mix, round_, prefix, stored in runs:
        stats = read_stats(prefix)
        post, total = stats[POST], stats["Aggregated"]
        accepted = number(post, "Request Count") - number(post, "Failure Count")
        per_second = number(post, "Requests/s") - number(post, "Failures/s")
        throughput[(backend, server, mix, round_)] = per_second
        requests_per_second[(backend, server, mix)] = number(total, "Requests/s") - number(total, "Failures/s")
        lines.append(f"{backend:10} {server:7} {mix:7} {round_:>5} {per_second:11.1f} {number(post, '50%'):7.0f} "
                     f"{number(post, '95%'):7.0f} {number(post, '99%'):7.0f} {number(total, 'Failure Count'):6.0f} "
                     f"{number(total, 'Request Count'):8.0f} {accepted:6.0f} {stored:>6}")
        for name, row in stats.items():
            if name not in (POST, "Aggregated"):
                extra.append(f"  {backend} {server} {mix}: {name}: {number(row, 'Requests/s'):.1f}/s, "
                             f"p50 {number(row, '50%'):.0f} ms, p95 {number(row, '95%'):.0f} ms, "
                             f"p99 {number(row, '99%'):.0f} ms, errors {number(row, 'Failure Count'):.0f}")
    lines += ["", "Other requests of the mixed load:", *extra, ""]
    for backend in dict.fromkeys(run[0] for run in runs):
        lines += ratio_lines(backend, throughput, requests_per_second)
    lines.append("stored = rows the run added to the table; it may exceed the 201s by the requests in flight when "
                 "locust stopped.")
    lines.extend(drain_lines(results))
    text = "\n".join(lines)
    print(text)
    (results / "summary.txt").write_text(text + "\n", encoding="utf-8")


def ratio_lines(backend: str, throughput: dict, requests_per_second: dict) -> list[str]:
    """Portal ÷ floor per round (the two ran one after the other), and the median of the rounds."""
    rounds = sorted({r for (b, server, mix, r) in throughput if b == backend and mix == "submit"}, key=int)
    ratios = [throughput[(backend, "portal", "submit", r)] / throughput[(backend, "floor", "submit", r)]
              for r in rounds if (backend, "portal", "submit", r) in throughput
              and throughput.get((backend, "floor", "submit", r))]
    if not ratios:
        return []
    lines = [f"ratio portal/floor, {backend}, the same submit load on both: median {statistics.median(ratios):.2f} "
             f"(goal >= 0.5); rounds: {', '.join(f'{r:.2f}' for r in ratios)}"]
    mixed = throughput.get((backend, "portal", "mixed", "1"))
    floor = statistics.median(throughput[(backend, "floor", "submit", r)] for r in rounds)
    if mixed is not None:
        lines.append(f"  under the mixed load, where 4 requests in 10 are reads the floor does not serve: "
                     f"petitions/s ÷ floor = {mixed / floor:.2f}, all requests/s ÷ floor = "
                     f"{requests_per_second[(backend, 'portal', 'mixed')] / floor:.2f}")
    return lines


if __name__ == "__main__":
    main(Path(sys.argv[1]))
