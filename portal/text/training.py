"""Training and evaluating the petition classifier (`flask classifier train|evaluate`)."""
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from portal.text import classify
from portal.text.corpus import CORPUS_PATH, read_labelled
from portal.text.corrections import labelled_corrections


@dataclass(frozen=True)
class Training:
    corpus_rows: int
    corrections: int
    model_path: Path


@dataclass(frozen=True)
class Evaluation:
    rows: int
    accuracy: float
    macro_f1: float
    labels: list[str]
    confusion: list[list[int]]  # rows: true label, columns: predicted, both in the order of `labels`


def retrain(session) -> Training:
    """Rebuild the model file from the corpus and the coordinators' corrections (deterministic); this process
    reads the new model from then on."""
    rows = [(text, category) for text, category, _ in read_labelled(CORPUS_PATH)]
    corrections = labelled_corrections(session)
    classify.save(classify.train(rows + corrections))
    classify.load.cache_clear()
    return Training(corpus_rows=len(rows), corrections=len(corrections), model_path=classify.MODEL_PATH)


def evaluate(rows: list[tuple[str, str, object]]) -> Evaluation:
    """The current model on labelled rows (text, category, ...) as read_labelled returns them."""
    truth = [category for _, category, _ in rows]
    predicted = classify.load().predict([text for text, _, _ in rows])
    labels = sorted(set(truth) | set(predicted))
    return Evaluation(rows=len(rows), accuracy=accuracy_score(truth, predicted),
                      macro_f1=f1_score(truth, predicted, average="macro", zero_division=0), labels=labels,
                      confusion=confusion_matrix(truth, predicted, labels=labels).tolist())
