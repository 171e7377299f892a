"""Fit the block model's weights on the development sets; report held-out figures; write the weight files.

    .venv/bin/python bench/fit_blocks.py [--cache FILE] [--no-write] [--l2 X]

Reads every labelled page (bench/blockdata.py), fits the logistic weights of
crawler/extract/model.py, and writes:

- ``crawler/extract/weights/blocks.json``: the model extraction uses, fitted on every page
  (zh-news, evaldata-dev, pages.json articles, seed articles);
- ``bench/weights/folds.json``: one model per held-out fold, for the held-out figures of
  bench/quality.py and the quality gate: each zh-news site fitted without that site (and
  without fixture pages of its domain), each half of evaldata-dev (split by
  ``blockdata.evaldata_fold``) fitted without that half.

Held-out figures printed here score the kept blocks' text with each set's own measure
(bench/devsets.py); zh-news pages are read with the generic profile only. The full
pipeline's figures (post-clean, page type) come from bench/quality.py.

Fitting: weighted logistic regression (L-BFGS, L2 on standardised features), and boosted
decision trees (scikit-learn's HistGradientBoostingClassifier, fixed random state) on the
same blocks, blended where the regression is uncertain (crawler/extract/model.py). Page
weights make every page count once: on labelled text each block weighs its share of the
page's characters (the score is a character measure), on snippet pages each labelled
block weighs alike. The L2 penalty, the forest's size and the blend were chosen by these
held-out figures among a few values each (docs/extraction.md).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import blockdata  # noqa: E402
import devsets  # noqa: E402

from crawler.extract.features import BLOCK_FEATURES  # noqa: E402
from crawler.extract.maintext import keep_flags  # noqa: E402
from crawler.extract.model import WEIGHTS, parse_model  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOLDS_FILE = ROOT / "bench" / "weights" / "folds.json"
MODEL_VERSION = "1"
THRESHOLD = 0.5
L2 = 0.05
#: The forest: this many trees of this depth, learning rate, and its share of the blend
#: (``--trees``, ``--depth``, ``--blend`` override them).
TREES, DEPTH, LEARNING_RATE, BLEND = 50, 4, 0.1, 0.3
FOREST = {"trees": TREES, "depth": DEPTH, "blend": BLEND}
#: Floats in the weight files keep this many significant digits.
DIGITS = 10
#: Characters added to every block's weight on labelled-text pages, so that short chrome
#: lines are not weightless.
WEIGHT_PAD = 10


def page_weights(page: blockdata.PageData) -> tuple[np.ndarray, np.ndarray]:
    """Targets and sample weights of one page's blocks (unlabelled blocks weigh 0)."""
    labelled = [i for i, label in enumerate(page.labels) if label is not None]
    targets = np.array([label or 0 for label in page.labels], dtype=float)
    weights = np.zeros(len(page.labels))
    if labelled:
        if page.kind in ("zh-news", "seed"):
            sizes = np.array([len(page.texts[i]) + WEIGHT_PAD for i in labelled], dtype=float)
            weights[labelled] = sizes / sizes.sum()
        else:
            weights[labelled] = 1.0 / len(labelled)
    return targets, weights


def fit_linear(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression; weights returned for raw (unscaled) features."""
    mean = (x * w[:, None]).sum(0) / w.sum()
    scale = np.sqrt(((x - mean) ** 2 * w[:, None]).sum(0) / w.sum())
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    sample = w / w.sum()

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1 / (1 + np.exp(-(z @ beta)))
        value = -(sample * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum() + l2 * (beta[:-1] ** 2).sum()
        grad = z.T @ (sample * (p - y))
        grad[:-1] += 2 * l2 * beta[:-1]
        return value, grad

    beta = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 5000}).x
    raw = beta[:-1] / scale
    return raw, float(beta[-1] - (raw * mean).sum())


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def fit_forest(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict:
    """Boosted trees on the same blocks; returned as the weight file's ``forest`` table."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(max_depth=FOREST["depth"], max_iter=FOREST["trees"],
                                           learning_rate=LEARNING_RATE, random_state=0)
    model.fit(x, y, sample_weight=w * (len(w) / w.sum()))
    trees = []
    for (predictor,) in model._predictors:  # sklearn's fitted trees: one predictor per iteration
        nodes = predictor.nodes
        trees.append([
            [-1, 0.0, 0, 0, _round(node["value"])] if node["is_leaf"]
            else [int(node["feature_idx"]), _round(node["num_threshold"]), int(node["left"]), int(node["right"]), 0.0]
            for node in nodes
        ])
    return {"blend": FOREST["blend"], "baseline": _round(float(np.ravel(model._baseline_prediction)[0])), "trees": trees}


def fit_model(pages: list[blockdata.PageData], l2: float) -> dict:
    """Fit the weights on ``pages``; return the weight-file table."""
    pages = [page for page in pages if page.rows]
    x = np.vstack([np.array(page.rows) for page in pages])
    targets, weights = zip(*(page_weights(page) for page in pages))
    y, w = np.concatenate(targets), np.concatenate(weights)
    used = w > 0
    raw, bias = fit_linear(x[used], y[used], w[used], l2)
    return {
        "version": MODEL_VERSION,
        "threshold": THRESHOLD,
        "bias": _round(bias),
        "weights": {name: _round(float(value)) for name, value in zip(BLOCK_FEATURES, raw)},
        "forest": fit_forest(x[used], y[used], w[used]),
    }


def held_out_text(table: dict, page: blockdata.PageData) -> str:
    """The text the model ``table`` keeps on ``page``."""
    if not page.rows:
        return ""
    model = parse_model(table, "fold")
    keep = keep_flags(model.probabilities(page.rows), model.threshold, page.headline)
    return "\n".join(text for text, flag in zip(page.texts, keep) if flag)


def folds_of(pages: list[blockdata.PageData], l2: float) -> dict[str, dict]:
    """One model per held-out fold, each fitted without its fold's site."""
    training = [page for page in pages if not page.generic]
    folds = {}
    for fold in (*blockdata.FOLD_DOMAINS, *blockdata.EVAL_FOLDS):
        folds[fold] = fit_model([page for page in training if not blockdata.same_site(page, fold)], l2)
    return folds


def report(pages: list[blockdata.PageData], folds: dict[str, dict]) -> None:
    """Print held-out P/R/F1 per fold and per set."""
    labels = {page.name: page for page in devsets.load_zh_news() + devsets.load_evaldata()}
    per_set: dict[str, list[devsets.PageScore]] = {devsets.ZH_NEWS: [], devsets.EVALDATA: []}
    for fold, table in folds.items():
        dataset = devsets.ZH_NEWS if fold in blockdata.FOLD_DOMAINS else devsets.EVALDATA
        held = [p for p in pages if p.fold == fold and (p.generic or dataset == devsets.EVALDATA)]
        scores = [devsets.score_page(labels[p.name], held_out_text(table, p)) for p in held]
        per_set[dataset] += scores
        s = devsets.summarize(scores, dataset)
        print(f"  {fold:<8} {s.pages:4d} pages  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  empty {s.empty}")
    for dataset, scores in per_set.items():
        s = devsets.summarize(scores, dataset)
        print(f"{dataset:<13} held-out  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  empty {s.empty}")


def _dumps(table: dict) -> str:
    """JSON with one tree node per line: readable diffs, small files."""
    text = json.dumps(table, indent=1, ensure_ascii=False)
    # fold the innermost lists (tree nodes) onto one line each
    import re

    return re.sub(r"\[\s+([-0-9.e]+),\s+([-0-9.e]+),\s+([-0-9.e]+),\s+([-0-9.e]+),\s+([-0-9.e]+)\s+\]",
                  r"[\1, \2, \3, \4, \5]", text) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the read pages: reused when present, else written")
    parser.add_argument("--no-write", action="store_true", help="report only; leave the weight files alone")
    parser.add_argument("--l2", type=float, default=L2, help=f"L2 penalty on standardised weights (default {L2})")
    parser.add_argument("--trees", type=int, default=TREES, help=f"boosted trees (default {TREES})")
    parser.add_argument("--depth", type=int, default=DEPTH, help=f"their depth (default {DEPTH})")
    parser.add_argument("--blend", type=float, default=BLEND, help=f"the forest's share of the blend (default {BLEND})")
    args = parser.parse_args(argv)
    FOREST.update(trees=args.trees, depth=args.depth, blend=args.blend)
    started = time.perf_counter()
    if args.cache and args.cache.is_file():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = blockdata.collect()
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    print(f"{len(pages)} page readings, {sum(len(p.rows) for p in pages)} blocks, {len(BLOCK_FEATURES)} features "
          f"({time.perf_counter() - started:.0f} s)")
    folds = folds_of(pages, args.l2)
    report(pages, folds)
    if args.no_write:
        return 0
    production = fit_model([page for page in pages if not page.generic], args.l2)
    fitted = {"pages": sum(1 for p in pages if not p.generic), "l2": args.l2, **FOREST, "command": "bench/fit_blocks.py"}
    WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    WEIGHTS.write_text(_dumps({**production, "fitted": fitted}), encoding="utf-8")
    FOLDS_FILE.parent.mkdir(parents=True, exist_ok=True)
    FOLDS_FILE.write_text(_dumps({"fitted": fitted, "folds": folds}), encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)} and {FOLDS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
