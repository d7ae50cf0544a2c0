"""Training and evaluating the petition classifier (`flask classifier train|evaluate|crossvalidate`)."""
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

from portal.text import classify
from portal.text.corpus import CORPUS_PATH, is_reference_row, read_labelled
from portal.text.corrections import labelled_corrections
from portal.text.normalize import strip_accents

# How people shorten words on a phone; with `abbreviated` they make the third variant of each held-out
# text. Kept apart from normalize.ABBREVIATIONS on purpose: the evaluation must not be the model's own list.
SHORT_FORMS = [("không", "ko"), ("được", "dc"), ("người", "ng"), ("nước", "nc"), ("với", "vs"),
               ("thành phố", "tp"), ("ủy ban nhân dân", "ubnd"), ("Ủy ban nhân dân", "UBND"), ("hồ sơ", "hs"),
               ("thủ tục", "tt"), ("gì", "j")]
URGENCY_THRESHOLDS = (0.2, 0.25, 0.3, 0.4, 0.5)


def abbreviated(text: str) -> str:
    """'Không được xử lý' -> 'ko dc xu ly': short forms, no diacritics, lower case."""
    for full, short in SHORT_FORMS:
        text = re.sub(r"\b%s\b" % re.escape(full), short, text)
    return strip_accents(text).lower()


VARIANTS = {"accented": lambda text: text, "unaccented": strip_accents, "abbreviated": abbreviated}


@dataclass(frozen=True)
class Training:
    corpus_rows: int
    corrections: int
    model_path: Path


@dataclass(frozen=True)
class VariantScores:
    accuracy: float
    macro_f1: float
    urgency_precision: float
    urgency_recall: float
    urgency_f1: float


@dataclass(frozen=True)
class Evaluation:
    rows: int
    urgency_rows: int  # rows whose urgency is labelled; the urgency scores are 0 when there are none
    urgency_threshold: float
    variants: dict[str, VariantScores]  # accented, unaccented, abbreviated
    labels: list[str]
    category_f1: list[float]  # on accented text, in the order of `labels`
    confusion: list[list[int]]  # accented text; rows: true label, columns: predicted, both in the order of `labels`


@dataclass(frozen=True)
class CrossValidation:
    rows: int  # the held-out texts scored: every problem's phrasings
    reference_rows: int  # taxonomy and vocabulary rows: in every fold's training, never scored
    groups: int
    folds: int
    urgency_threshold: float
    variants: dict[str, VariantScores]  # accented, unaccented, abbreviated
    urgency_by_threshold: list[tuple[float, float, float]]  # (threshold, precision, recall) on accented text
    labels: list[str]
    category_f1: list[float]  # on accented text, in the order of `labels`
    confusion: list[list[int]]  # accented text; rows: true label, columns: predicted


def retrain(session) -> Training:
    """Rebuild the model file from the corpus and the coordinators' corrections (deterministic); this process
    reads the new model from then on. Corrections say nothing about urgency: they teach the category only."""
    rows = [(text, category, urgent) for text, category, _, urgent in read_labelled(CORPUS_PATH)]
    corrections = labelled_corrections(session)
    classify.save(classify.train(rows + [(text, category, None) for text, category in corrections]))
    classify.load.cache_clear()
    return Training(corpus_rows=len(rows), corrections=len(corrections), model_path=classify.MODEL_PATH)


def evaluate(rows: list[tuple[str, str, str, bool | None]]) -> Evaluation:
    """The current model on labelled (text, category, group, urgent) rows as read_labelled returns them: each
    text as written, without diacritics and abbreviated; urgency on the rows that say whether they are urgent."""
    model = classify.load()
    texts, truth, urgent = [row[0] for row in rows], np.array([row[1] for row in rows]), [row[3] for row in rows]
    predicted, urgency = {}, {}
    for name, variant in VARIANTS.items():
        probabilities, urgency[name] = model.predict_both([variant(text) for text in texts])
        predicted[name] = model.model.classes_[probabilities.argmax(axis=1)]
    return Evaluation(rows=len(rows), urgency_rows=sum(value is not None for value in urgent),
                      urgency_threshold=model.urgency_threshold,
                      **_scores(truth, predicted, urgent, urgency, model.urgency_threshold))


def _scores(truth, predicted: dict, urgent: list, urgency: dict, threshold: float) -> dict:
    """Accuracy, macro-F1 and urgency scores per variant; per-category F1 and the confusion matrix on accented text."""
    known = np.array([n for n, value in enumerate(urgent) if value is not None], dtype=int)
    urgent_truth = np.array([bool(urgent[n]) for n in known], dtype=bool)
    labels = sorted(set(truth) | set(predicted["accented"]))
    return {"variants": {name: VariantScores(accuracy_score(truth, predicted[name]),
                                             f1_score(truth, predicted[name], average="macro", zero_division=0),
                                             *_urgency_scores(urgent_truth, urgency[name][known] >= threshold))
                         for name in VARIANTS},
            "labels": labels,
            "category_f1": [float(f) for f in f1_score(truth, predicted["accented"], labels=labels, average=None,
                                                       zero_division=0)],
            "confusion": confusion_matrix(truth, predicted["accented"], labels=labels).tolist()}


def crossvalidate(rows: list[tuple[str, str, str, bool | None]], folds: int = 5) -> CrossValidation:
    """Grouped k-fold cross-validation on (text, category, group, urgent) rows: every text of one group (one
    problem, however phrased) is held out together, so the scores are those of problems the model never
    saw. The taxonomy's and the vocabulary's rows (corpus.is_reference_row) are in every fold's training, as
    they are in the shipped model, and are never scored: they are words, not petitions. Each held-out text is
    also read without diacritics and abbreviated. Rows whose urgency is None count for the category only."""
    reference = [(r[0], r[1], r[3]) for r in rows if is_reference_row(r[2])]
    rows = [r for r in rows if not is_reference_row(r[2])]
    texts, labels, groups = [r[0] for r in rows], np.array([r[1] for r in rows]), [r[2] for r in rows]
    urgent = [r[3] for r in rows]
    predicted = {name: np.empty(len(rows), dtype=object) for name in VARIANTS}
    urgency = {name: np.zeros(len(rows)) for name in VARIANTS}
    threshold = classify.URGENCY_THRESHOLD
    for train_index, test_index in GroupKFold(n_splits=folds).split(texts, labels, groups):
        model = classify.train([(texts[i], labels[i], urgent[i]) for i in train_index] + reference)
        threshold = model.urgency_threshold
        for name, variant in VARIANTS.items():
            probabilities, urgency[name][test_index] = model.predict_both([variant(texts[i]) for i in test_index])
            predicted[name][test_index] = model.model.classes_[probabilities.argmax(axis=1)]
    known = np.array([n for n, value in enumerate(urgent) if value is not None], dtype=int)
    truth = np.array([bool(urgent[n]) for n in known], dtype=bool)
    by_threshold = [(t, *_urgency_scores(truth, urgency["accented"][known] >= t)[:2]) for t in URGENCY_THRESHOLDS]
    return CrossValidation(rows=len(rows), reference_rows=len(reference), groups=len(set(groups)), folds=folds,
                           urgency_threshold=threshold, urgency_by_threshold=by_threshold,
                           **_scores(labels, predicted, urgent, urgency, threshold))


def _urgency_scores(truth, predicted) -> tuple[float, float, float]:
    if not len(truth):
        return 0.0, 0.0, 0.0
    precision, recall, f1, _ = precision_recall_fscore_support(truth, predicted, average="binary", zero_division=0)
    return float(precision), float(recall), float(f1)
