"""Train the sentence model of linter/sense from the team's labelled sentences.

    python tests/sense/train.py            # cross-validate, then write the tables
    python tests/sense/train.py --cv-only  # cross-validate only
    python tests/sense/train.py --oof F --kinds-only
        # refit only kinds.tsv, reusing the cross-validated probabilities kept
        # in F while the labelled sentences are unchanged (seconds, not minutes)

Reads ``linter/sense/sentences/*.yaml``. Features: the mean of the
sentence's token vectors from WordLlama's embedding table (loaded from the
installed ``wordllama`` package's own files, never from a hub), plus word and
word-pair indicators. One logistic regression per label. Quality is reported
by k-fold cross-validation grouped by email, so no email is scored by a model
that saw any of its sentences. Each label's threshold is the one that
maximises F1 out of fold (F-beta where BETA says so). The kind of note is a
softmax over each note's strongest readings, its subject line and its
length, its penalty chosen by the same grouped cross-validation. Writes
``words.tsv`` (per word: Zipf frequency from ``wordfreq``, token count and
per-label score), ``ngrams.tsv`` and ``kinds.tsv``.

Needs the test extras (numpy, wordllama, wordfreq); the linter itself does not.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from linter.sense.kind_model import KINDS, kind_features  # noqa: E402
from linter.sense.model import LABELS, _unknown_tokens, ngram_features, word_tokens  # noqa: E402

SENSE = ROOT / "linter" / "sense"
VOCAB_SIZE = 20000
FOLDS = 5


@dataclass
class Email:
    group: str
    kind: str
    rows: list[int]  # indices of its body sentences
    subject: int | None  # index of its subject line (scored, never trained on)
    words: int


@contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    """A text file written beside ``path`` and moved over it when complete: a
    running linter maps the tables it reads, and must never see one cut short."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        yield out
    os.replace(tmp, path)


def load_sentences(folder: Path) -> tuple[list[str], np.ndarray, list[str], list[bool], list[Email]]:
    """Sentences, their label rows, their email (the CV group), whether each is
    trained on (subject lines are not: they carry no labels), and the emails."""
    texts: list[str] = []
    rows: list[list[int]] = []
    groups: list[str] = []
    trained: list[bool] = []
    emails: list[Email] = []
    for path in sorted(folder.glob("*.yaml")):
        for email in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            group = f"{path.stem}:{email['email']}"
            record = Email(group, str(email.get("kind", "general")), [], None, 0)
            for labels, text in email.get("sentences") or []:
                names = set() if labels == "-" else set(str(labels).split("+"))
                unknown = names - set(LABELS)
                if unknown:
                    raise SystemExit(f"{path.name}: {email['email']}: unknown label {sorted(unknown)}")
                record.rows.append(len(texts))
                record.words += len(str(text).split())
                texts.append(str(text))
                rows.append([int(n in names) for n in LABELS])
                groups.append(group)
                trained.append(True)
            if email.get("subject"):
                record.subject = len(texts)
                texts.append(str(email["subject"]))
                rows.append([0] * len(LABELS))
                groups.append(group)
                trained.append(False)
            emails.append(record)
    return texts, np.array(rows, dtype=np.float32), groups, trained, emails


class Embedder:
    """Per-word summed token vectors from the wordllama package's files."""

    def __init__(self) -> None:
        import wordllama
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        base = Path(wordllama.__file__).parent
        self.tokenizer = Tokenizer.from_file(str(base / "tokenizers" / "l2_supercat_tokenizer_config.json"))
        table = load_file(str(base / "weights" / "l2_supercat_256.safetensors"))
        self.table = next(iter(table.values())).astype(np.float32)
        self.cache: dict[str, tuple[np.ndarray, int]] = {}

    def word(self, word: str) -> tuple[np.ndarray, int]:
        if word not in self.cache:
            ids = self.tokenizer.encode(word, add_special_tokens=False).ids
            self.cache[word] = (self.table[ids].sum(axis=0), len(ids))
        return self.cache[word]

    def sentence(self, words: list[str], known: set[str]) -> np.ndarray:
        total = np.zeros(self.table.shape[1], dtype=np.float32)
        count = 0
        for w in words:
            if w in known:
                vec, n = self.word(w)
                total += vec
                count += n
            else:
                count += _unknown_tokens(w)
        return total / count if count else total


def fit(x: np.ndarray, y: np.ndarray, l2: np.ndarray, steps: int = 400, rate: float = 0.05) -> tuple[np.ndarray, float]:
    """Logistic regression by Adam on the mean log loss plus a per-feature L2
    penalty; positives weighted up to balance the classes."""
    n, d = x.shape
    pos = max(1.0, float(y.sum()))
    weight = np.where(y > 0, (n - pos) / pos, 1.0)
    weight = weight / weight.mean()
    w = np.zeros(d, dtype=np.float64)
    b = 0.0
    m_w = np.zeros(d)
    v_w = np.zeros(d)
    m_b = v_b = 0.0
    for t in range(1, steps + 1):
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = weight * (p - y) / n
        g_w = x.T @ g + l2 * w
        g_b = float(g.sum())
        m_w = 0.9 * m_w + 0.1 * g_w
        v_w = 0.999 * v_w + 0.001 * g_w**2
        m_b = 0.9 * m_b + 0.1 * g_b
        v_b = 0.999 * v_b + 0.001 * g_b**2
        w -= rate * (m_w / (1 - 0.9**t)) / (np.sqrt(v_w / (1 - 0.999**t)) + 1e-8)
        b -= rate * (m_b / (1 - 0.9**t)) / (np.sqrt(v_b / (1 - 0.999**t)) + 1e-8)
    return w, b


def features(texts: list[str], embedder: Embedder, known: set[str], ngrams: list[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {f: i for i, f in enumerate(ngrams)}
    emb = np.stack([embedder.sentence(word_tokens(t), known) for t in texts])
    sparse = np.zeros((len(texts), len(ngrams)), dtype=np.float32)
    for r, t in enumerate(texts):
        for f in ngram_features(word_tokens(t)):
            if f in index:
                sparse[r, index[f]] = 1.0
    return emb, sparse


def ngram_vocabulary(texts: list[str], groups: list[str]) -> list[str]:
    """N-grams seen in at least two emails (one email's quirk is not a signal)."""
    seen: dict[str, set[str]] = {}
    for t, g in zip(texts, groups):
        for f in ngram_features(word_tokens(t)):
            seen.setdefault(f, set()).add(g)
    return sorted(f for f, gs in seen.items() if len(gs) >= 2)


def design(emb: np.ndarray, sparse: np.ndarray, mu: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    return np.hstack([(emb - mu) / sigma, sparse])


def penalties(d_emb: int, d_sparse: int, l2_emb: float, l2_sparse: float) -> np.ndarray:
    return np.concatenate([np.full(d_emb, l2_emb), np.full(d_sparse, l2_sparse)])


# How much each label's threshold favours precision (beta < 1) over recall
# (beta > 1): a false "asks about the decision" is an error on a good note;
# "detail" is only a gate, which FL301 passes only with a rare word in the
# sentence as well, so a missed reading costs more than a loose one;
# "interest" leans to precision because FL302 also takes the phrasings in its
# YAML as interest, so the model need only add the readings it is sure of.
BETA = {"decision": 0.5, "timeline": 0.5, "pressure": 0.5, "detail": 2.0, "interest": 0.75}


def best_threshold(p: np.ndarray, y: np.ndarray, beta: float = 1.0) -> tuple[float, float, float, float]:
    """The threshold with the best F-beta out of fold, with its precision,
    recall and F1."""
    best = (0.5, 0.0, 0.0, -1.0)
    best_f = -1.0
    for th in np.arange(0.2, 0.96, 0.025):
        pred = p >= th
        tp = float((pred & (y > 0)).sum())
        fp = float((pred & (y == 0)).sum())
        fn = float((~pred & (y > 0)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        b2 = beta * beta
        fb = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp + fp + fn else 0.0
        if fb > best_f + 1e-9:
            best_f = fb
            best = (float(th), tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, f1)
    return best


def cross_validate(texts: list[str], y: np.ndarray, groups: list[str], trained: np.ndarray, embedder: Embedder,
                   known: set[str], l2: tuple[float, float]) -> np.ndarray:
    names = sorted(set(groups))
    rng = np.random.default_rng(7)
    rng.shuffle(names)
    fold_of = {g: i % FOLDS for i, g in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    out = np.zeros_like(y)
    for k in range(FOLDS):
        train, test = (folds != k) & trained, folds == k
        tr_texts = [t for t, m in zip(texts, train) if m]
        vocab = ngram_vocabulary(tr_texts, [g for g, m in zip(groups, train) if m])
        emb, sparse = features(texts, embedder, known, vocab)
        mu, sigma = emb[train].mean(0), emb[train].std(0) + 1e-6
        x = design(emb, sparse, mu, sigma)
        pen = penalties(emb.shape[1], sparse.shape[1], *l2)
        for j in range(len(LABELS)):
            w, b = fit(x[train], y[train, j], pen)
            out[test, j] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))
    return out


def out_of_fold(path: Path | None, texts: list[str], y: np.ndarray, groups: list[str], trained: np.ndarray,
                embedder: Embedder, known: set[str], l2: tuple[float, float]) -> np.ndarray:
    """Cross-validated probabilities, reused from ``path`` while the labelled
    sentences and the penalties are the same."""
    digest = hashlib.sha256(repr((texts, y.tolist(), groups, l2)).encode()).hexdigest()
    if path and path.exists():
        saved = np.load(path)
        if str(saved["digest"]) == digest:
            print(f"out-of-fold probabilities reused from {path}")
            return np.asarray(saved["oof"])
    oof = cross_validate(texts, y, groups, trained, embedder, known, l2)
    if path:
        np.savez(path, oof=oof, digest=np.array(digest))
    return oof


def kind_matrix(emails: list[Email], probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each email's kind features from out-of-fold sentence probabilities."""
    xs, ys = [], []
    for e in emails:
        body = [dict(zip(LABELS, probs[i])) for i in e.rows]
        subject = dict(zip(LABELS, probs[e.subject])) if e.subject is not None else None
        xs.append(kind_features(LABELS, body, subject, e.words))
        ys.append(KINDS.index(e.kind) if e.kind in KINDS else KINDS.index("general"))
    return np.array(xs), np.array(ys)


def fit_softmax(x: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 3000, rate: float = 0.1) -> np.ndarray:
    """Multinomial logistic regression by gradient descent, classes balanced."""
    n, d = x.shape
    k = len(KINDS)
    onehot = np.eye(k)[y]
    counts = onehot.sum(0) + 1
    weight = (n / (k * counts))[y]
    w = np.zeros((d, k))
    for _ in range(steps):
        z = x @ w
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        grad = x.T @ ((p - onehot) * weight[:, None]) / n + l2 * w
        w -= rate * grad
    return w


KIND_L2 = (0.003, 0.01, 0.03)


def kind_cv(x: np.ndarray, y: np.ndarray, emails: list[Email]) -> float:
    """Grouped cross-validation of the kind softmax for each penalty in
    ``KIND_L2``; returns the penalty with the most notes right (the larger
    one on a tie)."""
    names = sorted({e.group for e in emails})
    rng = np.random.default_rng(11)
    rng.shuffle(names)
    fold_of = {g: i % FOLDS for i, g in enumerate(names)}
    folds = np.array([fold_of[e.group] for e in emails])
    scores = {}
    for l2 in KIND_L2:
        right = 0
        for f in range(FOLDS):
            w = fit_softmax(x[folds != f], y[folds != f], l2=l2)
            right += int(((x[folds == f] @ w).argmax(1) == y[folds == f]).sum())
        scores[l2] = right
        print(f"kind of note, {FOLDS}-fold grouped, l2 {l2}: {right}/{len(y)} = {right / len(y):.2f}")
    return max(KIND_L2, key=lambda l2: (scores[l2], l2))


_POS = {"NOUN": "N", "PROPN": "N", "VERB": "V", "AUX": "V", "ADJ": "A", "ADV": "R"}


def parts_of_speech(word: str) -> str:
    from lemminflect import getAllLemmas

    tags = sorted({_POS[t] for t in getAllLemmas(word) if t in _POS})
    return "".join(tags) or "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--oof", type=Path, help="keep the out-of-fold probabilities in this .npz file and reuse them while the sentences are unchanged")
    parser.add_argument("--kinds-only", action="store_true", help="refit and write only kinds.tsv (with --oof: a few seconds)")
    parser.add_argument("--l2-emb", type=float, default=0.1)
    parser.add_argument("--l2-ngram", type=float, default=0.003)
    args = parser.parse_args()
    import wordfreq

    texts, y, groups, trained_list, emails = load_sentences(SENSE / "sentences")
    trained = np.array(trained_list)
    print(f"{len(texts)} sentences from {len(set(groups))} emails in {len({g.split(':')[0] for g in groups})} files")
    embedder = Embedder()
    vocab_words = list(dict.fromkeys([*wordfreq.top_n_list("en", VOCAB_SIZE), *(w for t in texts for w in word_tokens(t))]))
    known = set(vocab_words)
    l2 = (args.l2_emb, args.l2_ngram)
    oof = out_of_fold(args.oof, texts, y, groups, trained, embedder, known, l2)
    thresholds = {}
    print(f"{FOLDS}-fold cross-validation grouped by email (threshold chosen out of fold):")
    for j, name in enumerate(LABELS):
        th, p, r, f1 = best_threshold(oof[trained, j], y[trained, j], BETA.get(name, 1.0))
        thresholds[name] = th
        print(f"  {name:10s} n+ {int(y[:, j].sum()):4d}  P {p:.2f} R {r:.2f} F1 {f1:.2f}  threshold {th:.3f}")
    notes = [e for e in emails if e.kind != "none"]  # "none": loose sentences, not a note
    kind_x, kind_y = kind_matrix(notes, oof)
    kind_l2 = kind_cv(kind_x, kind_y, notes)
    if args.cv_only:
        return 0
    kind_weights = fit_softmax(kind_x, kind_y, l2=kind_l2)
    with _replacing(SENSE / "kinds.tsv") as out:
        out.write("# written by tests/sense/train.py: per kind, softmax weights over linter.sense.kind_model features\n")
        for k, kind in enumerate(KINDS):
            out.write(kind + "\t" + " ".join(f"{w:.4f}" for w in kind_weights[:, k]) + "\n")
    if args.kinds_only:
        return 0
    train_texts = [t for t, m in zip(texts, trained) if m]
    train_groups = [g for g, m in zip(groups, trained) if m]
    ngrams = ngram_vocabulary(train_texts, train_groups)
    emb, sparse = features(texts, embedder, known, ngrams)
    emb, sparse, y = emb[trained], sparse[trained], y[trained]
    mu, sigma = emb.mean(0), emb.std(0) + 1e-6
    x = design(emb, sparse, mu, sigma)
    pen = penalties(emb.shape[1], sparse.shape[1], *l2)
    d = emb.shape[1]
    word_scores = np.zeros((len(vocab_words), len(LABELS)), dtype=np.float64)
    sums = np.stack([embedder.word(w)[0] for w in vocab_words])
    with _replacing(SENSE / "ngrams.tsv") as out:
        out.write("# written by tests/sense/train.py: label rows (bias threshold), then n-gram weights\n")
        for j, name in enumerate(LABELS):
            w, b = fit(x, y[:, j], pen)
            w_emb = w[:d] / sigma
            bias = b - float(w_emb @ mu)
            word_scores[:, j] = sums @ w_emb
            out.write(f"label\t{name}\t-\t{bias:.4f} {thresholds[name]:.3f}\n")
            for f, weight in zip(ngrams, w[d:]):
                if abs(weight) >= 0.02:
                    out.write(f"ngram\t{name}\t{f}\t{weight:.3f}\n")
    with _replacing(SENSE / "words.tsv") as out:
        out.write("# written by tests/sense/train.py: word, Zipf frequency (wordfreq), parts of speech (lemminflect:\n")
        out.write("# N noun, V verb, A adjective, R adverb, - none known), tokens, score per label\n")
        out.write("# labels: " + " ".join(LABELS) + "\n")
        rows = []
        for i, word in enumerate(vocab_words):
            if word_tokens(word) != [word]:
                continue
            scores = " ".join(f"{s:.2f}" for s in word_scores[i])
            rows.append(f"{word}\t{wordfreq.zipf_frequency(word, 'en'):.2f}\t{parts_of_speech(word)}\t{embedder.word(word)[1]}\t{scores}\n")
        out.writelines(sorted(rows))  # sorted: the linter looks words up by bisection
    print(f"wrote {SENSE / 'ngrams.tsv'} and {SENSE / 'words.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
