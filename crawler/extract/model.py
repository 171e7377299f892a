"""The block model: a logistic regression blended with a few boosted trees, its weights stored as data.

Each block's probability of being main text is the logistic function of a weighted sum
of its features (crawler/extract/features.py, which include its neighbours' and the
regions above it). Where that probability is uncertain, a small forest of boosted
decision trees over the same features, which sees interactions a sum cannot (a long
line is text unless it sits in a footer region …), is blended in. Both are fitted by
``bench/fit_blocks.py`` on the development sets and stored
(crawler/extract/weights/blocks.json) with the feature names they were fitted for: a
weight file that names other features is refused, so code and weights cannot drift
apart silently. Arithmetic is plain Python floats in a fixed order, so the same page
gives the same decision on every machine.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from operator import mul
from pathlib import Path
from typing import Any

from crawler.extract.features import BLOCK_FEATURES

WEIGHTS = Path(__file__).with_name("weights") / "blocks.json"


class ModelError(ValueError):
    """The weight file is missing, malformed or fitted for other features."""


def _sigmoid(z: float) -> float:
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class Linear:
    """Logistic weights over raw (unscaled) features, and a bias."""

    weights: tuple[float, ...]
    bias: float

    def probability(self, row: list[float]) -> float:
        """Logistic probability of one feature row."""
        return _sigmoid(self.bias + sum(map(mul, self.weights, row)))


#: A tree node: (feature index, threshold, left child, right child, value); a leaf has
#: feature index -1 and only its value counts. A row goes left when its feature is at
#: most the threshold.
Node = tuple[int, float, int, int, float]


@dataclass(frozen=True)
class Forest:
    """Boosted trees: the logistic function of a baseline plus the leaf value of every tree."""

    baseline: float
    trees: tuple[tuple[Node, ...], ...]
    _score: Callable[[list[float]], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_score", _compiled(self.baseline, self.trees))

    def probability(self, row: list[float]) -> float:
        """Probability of one feature row."""
        return _sigmoid(self._score(row))

    def walked(self, row: list[float]) -> float:
        """The sum ``probability`` takes the logistic function of, read by walking the trees (what ``_compiled`` writes out)."""
        z = self.baseline
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2]] if row[node[0]] <= node[1] else tree[node[3]]
            z += node[4]
        return z


def _literal(number: float) -> str:
    """Python source for exactly ``number`` (``float('inf')`` and the like where ``repr`` gives no literal)."""
    return repr(number) if math.isfinite(number) else f"float({str(number)!r})"


def _compiled(baseline: float, trees: tuple[tuple[Node, ...], ...]) -> Callable[[list[float]], float]:
    """The forest's sum as one Python function of nested ifs (five times faster than walking the node tuples).

    The same comparisons and the same additions in the same order as ``Forest.walked``:
    ``repr`` writes every threshold and leaf value back exactly, so the sum is identical.
    """
    lines = ["def score(row):", f"    z = {_literal(baseline)}"]

    def emit(tree: tuple[Node, ...], index: int, depth: int) -> None:
        feature, threshold, left, right, value = tree[index]
        pad = "    " * depth
        if feature < 0:
            lines.append(f"{pad}z += {_literal(value)}")
            return
        lines.append(f"{pad}if row[{feature}] <= {_literal(threshold)}:")
        emit(tree, left, depth + 1)
        lines.append(f"{pad}else:")
        emit(tree, right, depth + 1)

    for tree in trees:
        emit(tree, 0, 1)
    lines.append("    return z")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<block model forest>", "exec"), namespace)  # noqa: S102 - our own numbers only
    return namespace["score"]


@dataclass(frozen=True)
class BlockModel:
    """The weights, the blend, the keep threshold and the version recorded in every Document."""

    version: str
    linear: Linear
    threshold: float
    forest: Forest | None = None
    #: The forest's share of the probability where it is blended in.
    blend: float = 0.0

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        """The probability that each block is main text.

        The forest is only consulted where it can change the decision: where the linear
        probability lies between ``(t - blend) / (1 - blend)`` and ``t / (1 - blend)``
        for the threshold ``t`` (elsewhere the blend stays on the same side of it).
        """
        found = [self.linear.probability(row) for row in rows]
        if self.forest is None or not self.blend:
            return found
        low = (self.threshold - self.blend) / (1 - self.blend)
        high = self.threshold / (1 - self.blend)
        for i, p in enumerate(found):
            if low < p < high:
                found[i] = (1 - self.blend) * p + self.blend * self.forest.probability(rows[i])
        return found


def _forest(table: Any, where: str) -> tuple[Forest, float]:
    try:
        trees = tuple(
            tuple((int(f), float(t), int(left), int(right), float(v)) for f, t, left, right, v in tree)
            for tree in table["trees"]
        )
        baseline, blend = float(table["baseline"]), float(table["blend"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{where}: malformed 'forest' table ({exc})") from None
    for tree in trees:
        for feature, _, left, right, _ in tree:
            if feature >= len(BLOCK_FEATURES) or feature >= 0 and not (0 < left < len(tree) and 0 < right < len(tree)):
                raise ModelError(f"{where}: a forest node points outside its tree or the feature list")
    if not 0.0 <= blend < 1.0:
        raise ModelError(f"{where}: forest 'blend' must be in [0, 1), got {blend}")
    return Forest(baseline, trees), blend


def parse_model(data: Any, where: str) -> BlockModel:
    """Build a model from a decoded weight file; ``where`` names it in errors."""
    if not isinstance(data, dict):
        raise ModelError(f"{where}: not a JSON object")
    weights = data.get("weights")
    if not isinstance(weights, dict):
        raise ModelError(f"{where}: expected 'weights' (feature name -> weight), 'bias', 'threshold', 'version'")
    if tuple(weights) != BLOCK_FEATURES:
        missing = sorted(set(BLOCK_FEATURES) - set(weights))
        unknown = sorted(set(weights) - set(BLOCK_FEATURES))
        raise ModelError(
            f"{where}: weights do not match the code's features (missing {missing}, unknown {unknown}, "
            "or another order); refit with bench/fit_blocks.py"
        )
    try:
        linear = Linear(tuple(float(weights[name]) for name in BLOCK_FEATURES), float(data["bias"]))
        version, threshold = str(data["version"]), float(data["threshold"])
    except KeyError as exc:
        raise ModelError(f"{where}: missing key {exc}") from None
    except (TypeError, ValueError) as exc:
        raise ModelError(f"{where}: a weight, the bias or the threshold is not a number: {exc}") from None
    if "forest" not in data:
        return BlockModel(version, linear, threshold)
    forest, blend = _forest(data["forest"], where)
    return BlockModel(version, linear, threshold, forest, blend)


def load_model_file(path: Path) -> BlockModel:
    """Load and check one weight file; its version gets the file's digest appended."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ModelError(f"{path}: block model weights not found") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path}: not valid JSON: {exc}") from None
    model = parse_model(data, str(path))
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return BlockModel(f"{model.version}+{digest}", model.linear, model.threshold, model.forest, model.blend)


@cache
def default_model() -> BlockModel:
    """The bundled model."""
    return load_model_file(WEIGHTS)
