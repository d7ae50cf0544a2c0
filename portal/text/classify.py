"""Petition classification into the taxonomy's categories.

underthesea segments the words; scikit-learn learns on two views of each text: underthesea's word
tokens, and character n-grams of the text without diacritics (so "duong bi ngap" still reads as
"đường bị ngập"). The model file is rebuilt deterministically by `flask classifier train` and loaded
once per process.
"""
import pickle
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import sklearn
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from underthesea import word_tokenize

from portal.text.normalize import normalize_for_model, strip_accents

MODEL_PATH = Path(__file__).resolve().parent / "data" / "classifier.pkl"
_load_lock = threading.Lock()


def word_view(text: str) -> str:
    return " ".join(word_tokenize(normalize_for_model(text)))


def plain_view(text: str) -> str:
    return strip_accents(normalize_for_model(text))


class PetitionClassifier:
    """Two TF-IDF views and a multinomial logistic regression (its probabilities give the confidence)."""

    def __init__(self, seed: int = 0):
        self.words = TfidfVectorizer(token_pattern=r"[^\s]+", ngram_range=(1, 2), min_df=1, sublinear_tf=True)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
        self.model = LogisticRegression(C=20.0, max_iter=3000, random_state=seed)

    def _matrix(self, texts: list[str], fit: bool = False):
        words, plains = [word_view(t) for t in texts], [plain_view(t) for t in texts]
        if fit:
            return hstack([self.words.fit_transform(words), self.chars.fit_transform(plains)]).tocsr()
        return hstack([self.words.transform(words), self.chars.transform(plains)]).tocsr()

    def fit(self, texts: list[str], labels: list[str]) -> "PetitionClassifier":
        self.model.fit(self._matrix(texts, fit=True), labels)
        # Neither is needed to predict, and both differ run to run (a set's order, a memory address):
        # dropping them makes the model file byte-for-byte reproducible.
        for vectorizer in (self.words, self.chars):
            vectorizer.stop_words_ = None
            vectorizer.__dict__.pop("_stop_words_id", None)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return self.model.predict_proba(self._matrix(texts))

    def predict(self, texts: list[str]) -> list[str]:
        return list(self.model.classes_[self.predict_proba(texts).argmax(axis=1)])

    @property
    def labels(self) -> list[str]:
        return list(self.model.classes_)


def train(rows: list[tuple[str, str]]) -> PetitionClassifier:
    """Train on (text, category) rows in a fixed order, so the same rows give the same model."""
    rows = sorted(rows)
    return PetitionClassifier().fit([t for t, _ in rows], [c for _, c in rows])


def save(classifier: PetitionClassifier, path: Path = MODEL_PATH) -> None:
    with open(path, "wb") as handle:
        pickle.dump({"sklearn": sklearn.__version__, "classifier": classifier}, handle, protocol=5)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> PetitionClassifier:
    """The model of this process, read once. Pickles are trusted: the file ships with the code."""
    with _load_lock, open(path, "rb") as handle:
        return pickle.load(handle)["classifier"]


def classify(text: str) -> dict:
    """{"category", "confidence", "alternatives": top three [{"category", "confidence"}]}."""
    classifier = load()
    probabilities = classifier.predict_proba([text])[0]
    order = np.argsort(-probabilities)[:3]
    alternatives = [{"category": classifier.labels[i], "confidence": round(float(probabilities[i]), 4)}
                    for i in order]
    return {"category": alternatives[0]["category"], "confidence": alternatives[0]["confidence"],
            "alternatives": alternatives}
