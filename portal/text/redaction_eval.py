"""Measuring redaction on a labelled corpus (JSON lines: {"text", "spans": [{"start", "end", "type"}]}).

A labelled span is found when every letter and digit of it is hidden (by a span of any type: what matters
is that it does not leak). A hidden span is right when every letter and digit of it is inside labelled spans
(an ordinary word hidden counts against precision). Recall is counted by labelled type, precision by the
type the redaction gave; "overall" pools all types."""
import json
from dataclasses import dataclass, field

from portal.text.redact import find_spans

# Corpus types and the redaction's kinds.
KIND_OF_TYPE = {"name": "name", "phone": "phone", "id": "id_number", "email": "email", "plate": "plate",
                "address": "address", "other": "other"}
TYPE_OF_KIND = {kind: type_ for type_, kind in KIND_OF_TYPE.items()}
NUMBER_TYPES = ("phone", "id", "email", "plate")


@dataclass
class Tally:
    labelled: int = 0
    found: int = 0
    hidden: int = 0
    right: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.hidden if self.hidden else 1.0


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (text, span text, type)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)

    def tally(self, type_: str) -> Tally:
        return self.tallies.setdefault(type_, Tally())

    @property
    def overall(self) -> Tally:
        pooled = Tally()
        for tally in self.tallies.values():
            pooled.labelled += tally.labelled
            pooled.found += tally.found
            pooled.hidden += tally.hidden
            pooled.right += tally.right
        return pooled


class CorpusError(ValueError):
    """A line of the corpus file is not a labelled text."""


def read_corpus(path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, spans = row["text"], row.get("spans", [])
                for span in spans:
                    if span["type"] not in KIND_OF_TYPE or not 0 <= span["start"] < span["end"] <= len(text):
                        raise ValueError(f"span {span}")
            except (ValueError, KeyError, TypeError) as error:
                raise CorpusError(f"line {number}: {error}") from None
            rows.append(row)
    return rows


def _significant(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if text[i].isalnum()}


def evaluate(rows: list[dict], find=find_spans) -> Report:
    report = Report()
    for row in rows:
        text = row["text"]
        predicted = find(text)
        hidden = set().union(set(), *(_significant(text, s.start, s.end) for s in predicted))
        labelled = set().union(set(), *(_significant(text, s["start"], s["end"]) for s in row["spans"]))
        for span in row["spans"]:
            tally = report.tally(span["type"])
            tally.labelled += 1
            if _significant(text, span["start"], span["end"]) <= hidden:
                tally.found += 1
            else:
                report.misses.append((text, text[span["start"]:span["end"]], span["type"]))
        for span in predicted:
            tally = report.tally(TYPE_OF_KIND[span.kind])
            tally.hidden += 1
            if _significant(text, span.start, span.end) <= labelled:
                tally.right += 1
            else:
                report.false_positives.append((text, text[span.start:span.end], TYPE_OF_KIND[span.kind]))
    return report


def format_report(report: Report) -> list[str]:
    lines = [f"{'type':<8} {'labelled':>8} {'recall':>7} {'hidden':>7} {'precision':>9}"]
    for type_ in [*KIND_OF_TYPE, "overall"]:
        tally = report.overall if type_ == "overall" else report.tallies.get(type_)
        if tally:
            lines.append(f"{type_:<8} {tally.labelled:>8} {tally.recall:>7.3f} {tally.hidden:>7} "
                         f"{tally.precision:>9.3f}")
    lines.append(f"misses: {len(report.misses)}")
    lines += [f"  MISS [{type_}] {span!r} in: {text}" for text, span, type_ in report.misses]
    lines.append(f"false positives: {len(report.false_positives)}")
    lines += [f"  FALSE [{type_}] {span!r} in: {text}" for text, span, type_ in report.false_positives]
    return lines
