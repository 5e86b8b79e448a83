#!/usr/bin/env python3
"""Recommendation baselines in scikit-learn, run by `serverless recs evaluate --peers` on the same split.

Input (written by the CLI): --train CSV `userId,itemId,weight` (the training interactions, weights summed per pair,
exactly what the C# trainers see) and --users, one test user id per line. For every method the script writes
`<out-dir>/<method>.csv` as `userId,itemId,rank,score` (seen items excluded) and prints one JSON line with the fit
time (median of --runs) and the peak resident memory of the fit above the level before it. The CLI computes the
metrics with the same evaluator it uses for its own models, so the protocol is identical.

Methods:
  sklearn-puresvd  TruncatedSVD(n_components, randomized, random_state) of the user-item matrix; a user's scores are
                   x V^T V (PureSVD, Cremonesi, Koren & Turrin 2010).
  sklearn-knn      item-item cosine similarity (sklearn.metrics.pairwise.cosine_similarity) of the item columns,
                   diagonal zeroed, all neighbours kept; a user's scores are x S.
Requires Debian's python3-sklearn (scikit-learn, scipy, numpy).
"""
import argparse
import csv
import json
import os
import statistics
import sys
import time

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.decomposition import TruncatedSVD
from sklearn.metrics.pairwise import cosine_similarity


def read_train(path):
    users, items, rows, cols, vals = {}, {}, [], [], []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for row in reader:
            u = users.setdefault(row["userId"], len(users))
            i = items.setdefault(row["itemId"], len(items))
            rows.append(u)
            cols.append(i)
            vals.append(float(row["weight"]))
    matrix = sp.csr_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)), shape=(len(users), len(items)))
    matrix.sum_duplicates()
    return users, items, matrix


def rss_kib(field):
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak():
    """Resets VmHWM (Linux >= 4.0) so the peak measured is the fit's, not the data loading's."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def measure(fit, runs):
    times, peaks, model = [], [], None
    for _ in range(runs):
        model = None
        baseline = rss_kib("VmRSS")
        can_reset = reset_peak()
        start = time.perf_counter()
        model = fit()
        times.append(time.perf_counter() - start)
        peaks.append(max(0, rss_kib("VmHWM") - baseline) / 1024 if can_reset else float("nan"))
    return model, statistics.median(times), max(peaks)


def recommend(score_rows, matrix, users, items, test_users, k, out_path):
    names = np.empty(len(items), dtype=object)
    for name, index in items.items():
        names[index] = name
    start = time.perf_counter()
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["userId", "itemId", "rank", "score"])
        batch = 256
        known = [u for u in test_users if u in users]
        for b in range(0, len(known), batch):
            ids = known[b:b + batch]
            idx = np.fromiter((users[u] for u in ids), dtype=np.int64)
            history = matrix[idx]
            scores = np.asarray(score_rows(history), dtype=np.float64)
            scores[history.nonzero()] = -np.inf
            top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
            for r, user in enumerate(ids):
                order = top[r][np.argsort(-scores[r, top[r]], kind="stable")]
                for rank, item in enumerate(order, start=1):
                    if np.isfinite(scores[r, item]):
                        writer.writerow([user, names[item], rank, f"{scores[r, item]:.6g}"])
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True)
    parser.add_argument("--users", required=True)
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--components", type=int, default=64)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--methods", default="sklearn-puresvd,sklearn-knn")
    args = parser.parse_args()

    users, items, matrix = read_train(args.train)
    with open(args.users, encoding="utf-8") as f:
        test_users = [line.strip() for line in f if line.strip()]
    os.makedirs(args.out_dir, exist_ok=True)
    item_major = matrix.T.tocsr()

    def fit_svd():
        return TruncatedSVD(n_components=args.components, algorithm="randomized", random_state=args.seed).fit(matrix)

    def fit_knn():
        similarity = cosine_similarity(item_major, dense_output=True)
        np.fill_diagonal(similarity, 0)
        return similarity

    methods = {
        "sklearn-puresvd": (f"scikit-learn TruncatedSVD (PureSVD, {args.components} components)", fit_svd,
                            lambda model: lambda history: (history @ model.components_.T) @ model.components_),
        "sklearn-knn": ("scikit-learn item-kNN cosine (all neighbours)", fit_knn,
                        lambda model: lambda history: history @ model),
    }
    for method in args.methods.split(","):
        label, fit, scorer = methods[method]
        model, fit_seconds, peak_mib = measure(fit, args.runs)
        out_path = os.path.join(args.out_dir, method + ".csv")
        score_seconds = recommend(scorer(model), matrix, users, items, test_users, args.k, out_path)
        print(json.dumps({
            "method": method,
            "label": label,
            "fit_seconds": fit_seconds,
            "score_seconds": score_seconds,
            "peak_mib": peak_mib,
            "runs": args.runs,
            "recommendations": out_path,
            "versions": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}",
        }), flush=True)


if __name__ == "__main__":
    main()
