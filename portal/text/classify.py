"""Petition classification: the taxonomy's category, and whether the text reports an immediate danger.

Both models read the same two views of each text. The syllable view: TF-IDF of its syllables and syllable
pairs, taken after lower-casing, expanding short forms and dropping the diacritics, so "duong bi ngap" and
"đường bị ngập" are the same text to it and people who type without accents are read as well as those who
do not. The word view: TF-IDF of the compound words underthesea's word_tokenize finds in a text typed with
diacritics ("dây điện", "giải phóng mặt bằng"), which tells apart phrases whose syllables alone overlap;
it is empty for text typed without them. The model file is rebuilt deterministically by
`flask classifier train` and loaded once per process.
"""
import pickle
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from portal.text.normalize import model_view, word_view

MODEL_PATH = Path(__file__).resolve().parent / "data" / "classifier.pkl"
_load_lock = threading.Lock()

# Below this probability of urgency a text is not urgent. Chosen low on purpose (see
# `flask classifier crossvalidate`): a coordinator downgrades a false alarm in a minute, a missed fallen
# wire waits days in a queue.
URGENCY_THRESHOLD = 0.25
# The word view counts half as much as the syllable view: a text typed without diacritics has an empty word
# view, and the more the models lean on it, the worse they read such a text (grouped cross-validation in
# bench/README.md: at equal weight, unaccented text lost a point of macro-F1 that half weight keeps).
WORD_VIEW_WEIGHT = 0.5


class PetitionClassifier:
    """The syllable view and the word view side by side; a multinomial logistic regression for the category
    and a binary one for urgency (their probabilities give the confidences). Character n-grams, syllable
    triples, other regularisations and a calibrated linear SVM were tried and scored lower in grouped
    cross-validation (figures in bench/README.md)."""

    def __init__(self, seed: int = 0, urgency_threshold: float = URGENCY_THRESHOLD):
        self.syllables = TfidfVectorizer(token_pattern=r"\w+", ngram_range=(1, 2), min_df=1, sublinear_tf=True)
        self.words = TfidfVectorizer(token_pattern=r"\S+", min_df=1, sublinear_tf=True)
        self.model = LogisticRegression(C=20.0, max_iter=3000, random_state=seed)
        self.urgency = LogisticRegression(C=3.0, max_iter=3000, random_state=seed, class_weight="balanced")
        self.urgency_threshold = urgency_threshold

    def features(self, texts: list[str], fit: bool = False):
        """One row per text: its syllable view's columns, then its word view's."""
        words = [word_view(t) for t in texts]
        if fit and not any(words):  # every training text typed without diacritics: no word view to learn
            self.words = None
        views = [(self.syllables, [model_view(t) for t in texts], 1.0)]
        views += [(self.words, words, WORD_VIEW_WEIGHT)] if self.words is not None else []
        return scipy.sparse.hstack([weight * (vectorizer.fit_transform(view) if fit else vectorizer.transform(view))
                                    for vectorizer, view, weight in views]).tocsr()

    def fit(self, texts: list[str], labels: list[str], urgent: list[bool | None]) -> "PetitionClassifier":
        """`urgent` is None where nobody said (a coordinator's category correction): the urgency model
        learns from the other rows only."""
        matrix = self.features(texts, fit=True)
        self.model.fit(matrix, labels)
        known = [n for n, value in enumerate(urgent) if value is not None]
        self.urgency.fit(matrix[known], np.array([urgent[n] for n in known], dtype=bool))
        # Neither is needed to predict, and both differ run to run (a set's order, a memory address):
        # dropping them makes the model file byte-for-byte reproducible.
        for vectorizer in [v for v in (self.syllables, self.words) if v is not None]:
            vectorizer.stop_words_ = None
            vectorizer.__dict__.pop("_stop_words_id", None)
        return self

    def predict_both(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(category probabilities, one row per text; probability of urgency, one per text)."""
        matrix = self.features(texts)
        return self.model.predict_proba(matrix), self.urgency.predict_proba(matrix)[:, 1]

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return self.predict_both(texts)[0]

    def predict(self, texts: list[str]) -> list[str]:
        return list(self.model.classes_[self.predict_proba(texts).argmax(axis=1)])

    @property
    def labels(self) -> list[str]:
        return list(self.model.classes_)


def train(rows: list[tuple[str, str, bool | None]], urgency_threshold: float = URGENCY_THRESHOLD) -> PetitionClassifier:
    """Train on (text, category, urgent or None) rows in a fixed order, so the same rows give the same model."""
    rows = sorted(rows, key=lambda row: (row[0], row[1], row[2] is None, bool(row[2])))
    return PetitionClassifier(urgency_threshold=urgency_threshold).fit(
        [t for t, _, _ in rows], [c for _, c, _ in rows], [u for _, _, u in rows])


def save(classifier: PetitionClassifier, path: Path = MODEL_PATH) -> None:
    with open(path, "wb") as handle:
        pickle.dump({"sklearn": sklearn.__version__, "classifier": classifier}, handle, protocol=5)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> PetitionClassifier:
    """The model of this process, read once. Pickles are trusted: the file ships with the code."""
    with _load_lock, open(path, "rb") as handle:
        return pickle.load(handle)["classifier"]


def classify(text: str) -> dict:
    """{"category", "confidence", "alternatives": top three [{"category", "confidence"}], "urgent",
    "urgency_confidence": the probability that the text reports an immediate danger}."""
    classifier = load()
    categories, urgency = classifier.predict_both([text])
    probabilities = categories[0]
    order = np.argsort(-probabilities)[:3]
    alternatives = [{"category": classifier.labels[i], "confidence": round(float(probabilities[i]), 4)}
                    for i in order]
    return {"category": alternatives[0]["category"], "confidence": alternatives[0]["confidence"],
            "alternatives": alternatives, "urgent": bool(urgency[0] >= classifier.urgency_threshold),
            "urgency_confidence": round(float(urgency[0]), 4)}
