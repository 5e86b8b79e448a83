#!/usr/bin/env python3
"""scikit-learn peer of the in-house text classifiers (issue 6), run by `serverless intents evaluate --peers` and
`serverless sentiment evaluate --peers` on the very files the C# side uses, so both columns come from one command.

Model: FeatureUnion of TfidfVectorizer(word 1-2-grams) and TfidfVectorizer(char_wb 2-5-grams), both sublinear_tf
(each block L2-normalized, as the C# features), then multinomial LogisticRegression (lbfgs) with C = 1 / (lambda * n),
the same penalty as SoftmaxRegressionTrainer's mean-loss objective with L2Regularization = lambda.
Out-of-scope (CLINC150): the largest predicted probability is thresholded; the threshold maximizes in-scope accuracy
plus out-of-scope recall on the validation file, the rule the C# side uses.

Prints one JSON object on stdout. Needs scikit-learn (Debian: apt-get install -y python3-sklearn).

  text_sklearn.py intents --train T.csv --test name=X.csv [--test name2=Y.csv] [--validation V.csv]
                          [--oos-label oos] [--regularization 1e-4]
  text_sklearn.py sentiment --data D.csv (text,label,fold,source) [--regularization 1e-4]
"""
import argparse
import csv
import json
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline


def read_csv(path, columns):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [tuple(row[c] for c in columns) for row in rows]


def make_model(regularization, n):
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
    ])
    classifier = LogisticRegression(C=1.0 / (regularization * n), max_iter=1000, tol=1e-4)
    return make_pipeline(features, classifier)


def tune_threshold(confidences, correct, is_oos):
    """Threshold t (reject when confidence < t) maximizing in-scope accuracy + out-of-scope recall."""
    in_total = sum(1 for o in is_oos if not o)
    oos_total = sum(1 for o in is_oos if o)
    order = sorted(range(len(confidences)), key=lambda i: confidences[i])
    accepted_correct = sum(1 for c, o in zip(correct, is_oos) if c and not o)
    rejected_oos = 0
    best, best_score, k = 0.0, -1.0, 0
    for t in [0.0] + sorted(set(confidences)):
        while k < len(order) and confidences[order[k]] < t:
            i = order[k]
            if is_oos[i]:
                rejected_oos += 1
            elif correct[i]:
                accepted_correct -= 1
            k += 1
        score = accepted_correct / max(1, in_total) + rejected_oos / max(1, oos_total)
        if score > best_score:
            best, best_score = t, score
    return best


def intents(args):
    train = read_csv(args.train, ("text", "label"))
    in_scope = [(t, l) for t, l in train if l != args.oos_label]
    model = make_model(args.regularization, len(in_scope))
    started = time.perf_counter()
    model.fit([t for t, _ in in_scope], [l for _, l in in_scope])
    train_seconds = time.perf_counter() - started
    classes = model.classes_
    threshold = 0.0
    if args.validation and args.oos_label:
        validation = read_csv(args.validation, ("text", "label"))
        probabilities = model.predict_proba([t for t, _ in validation])
        best = probabilities.argmax(axis=1)
        threshold = tune_threshold(
            probabilities.max(axis=1).tolist(),
            [classes[b] == l for b, (_, l) in zip(best, validation)],
            [l == args.oos_label for _, l in validation])
    results = {}
    latencies = []
    for spec in args.test:
        name, path = spec.split("=", 1)
        test = read_csv(path, ("text", "label"))
        probabilities = model.predict_proba([t for t, _ in test])
        best = probabilities.argmax(axis=1)
        confidence = probabilities.max(axis=1)
        predicted = [args.oos_label if args.oos_label and c < threshold else classes[b] for b, c in zip(best, confidence)]
        expected = [l for _, l in test]
        result = {"examples": len(test), "accuracy": float(np.mean([p == e for p, e in zip(predicted, expected)]))}
        if args.oos_label:
            ins = [i for i, e in enumerate(expected) if e != args.oos_label]
            oos = [i for i, e in enumerate(expected) if e == args.oos_label]
            result["in_scope_accuracy"] = float(np.mean([predicted[i] == expected[i] for i in ins])) if ins else None
            result["out_of_scope_recall"] = float(np.mean([predicted[i] == args.oos_label for i in oos])) if oos else None
            result["in_scope_argmax_accuracy"] = float(np.mean([classes[best[i]] == expected[i] for i in ins])) if ins else None
        results[name] = result
        for text, _ in test[:200]:
            started = time.perf_counter()
            model.predict_proba([text])
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return {
        "peer": f"scikit-learn {sklearn.__version__} TF-IDF word 1-2 + char_wb 2-5, LogisticRegression lbfgs",
        "train_seconds": train_seconds,
        "threshold": threshold,
        "classify_ms_median": statistics.median(latencies) if latencies else None,
        "classify_ms_p99": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] if latencies else None,
        "results": results,
    }


def sentiment(args):
    rows = read_csv(args.data, ("text", "label", "fold", "source"))
    results = {}
    sources = sorted({s for *_, s in rows})
    groups = [("all", rows)] + ([(s, [r for r in rows if r[3] == s]) for s in sources] if len(sources) > 1 else [])
    train_seconds = []
    for name, group in groups:
        folds = sorted({int(f) for _, _, f, _ in group})
        correct = 0
        for fold in folds:
            train = [(t, l) for t, l, f, _ in group if int(f) != fold]
            test = [(t, l) for t, l, f, _ in group if int(f) == fold]
            model = make_model(args.regularization, len(train))
            started = time.perf_counter()
            model.fit([t for t, _ in train], [l for _, l in train])
            train_seconds.append(time.perf_counter() - started)
            predicted = model.predict([t for t, _ in test])
            correct += sum(1 for p, (_, l) in zip(predicted, test) if p == l)
        results[name] = {"examples": len(group), "folds": len(folds), "accuracy": correct / len(group)}
    return {
        "peer": f"scikit-learn {sklearn.__version__} TF-IDF word 1-2 + char_wb 2-5, LogisticRegression lbfgs",
        "train_seconds_median": statistics.median(train_seconds),
        "results": results,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    i = commands.add_parser("intents")
    i.add_argument("--train", required=True)
    i.add_argument("--test", action="append", required=True, help="name=path, repeatable")
    i.add_argument("--validation")
    i.add_argument("--oos-label")
    i.add_argument("--regularization", type=float, default=1e-4)
    s = commands.add_parser("sentiment")
    s.add_argument("--data", required=True)
    s.add_argument("--regularization", type=float, default=1e-4)
    args = parser.parse_args()
    output = intents(args) if args.command == "intents" else sentiment(args)
    json.dump(output, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
