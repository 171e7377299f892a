"""The block model's weight files: the bundled ones load, bad ones are refused with the file named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract.features import BLOCK_FEATURES
from crawler.extract.model import WEIGHTS, ModelError, default_model, load_model_file

FOLDS = Path(__file__).resolve().parents[1] / "bench" / "weights" / "folds.json"


def _table() -> dict:
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def test_the_bundled_model_loads_and_names_its_version() -> None:
    model = default_model()
    assert model.version.startswith("1+") and len(model.linear.weights) == len(BLOCK_FEATURES)
    assert model.forest is not None and 0 < model.blend < 1


def test_every_held_out_fold_loads() -> None:
    from crawler.extract.model import parse_model

    folds = json.loads(FOLDS.read_text(encoding="utf-8"))["folds"]
    assert sorted(folds) == sorted(["wangyi", "sina", "hexun", "jjgc", "qq", "evalA", "evalB"])
    for name, table in folds.items():
        parse_model(table, name)


def test_probabilities_are_a_pure_function_of_the_features() -> None:
    model = default_model()
    rows = [[0.5] * len(BLOCK_FEATURES), [0.0] * len(BLOCK_FEATURES), [1.0] * len(BLOCK_FEATURES)]
    first = model.probabilities(rows)
    assert first == model.probabilities([list(row) for row in rows])
    assert all(0.0 <= p <= 1.0 for p in first)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t["weights"].pop("link_density"), r"missing \['link_density'\]"),
        (lambda t: t["weights"].update(made_up=1.0), r"unknown \['made_up'\]"),
        (lambda t: t.pop("threshold"), "missing key 'threshold'"),
        (lambda t: t["forest"]["trees"][0].__setitem__(0, [0, 0.5, 99, 100, 0.0]), "outside its tree"),
        (lambda t: t["forest"].update(blend=1.5), "blend"),
    ],
)
def test_a_bad_weight_file_is_refused_naming_the_file(tmp_path: Path, change, message: str) -> None:  # noqa: ANN001
    table = _table()
    change(table)
    path = tmp_path / "blocks.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    with pytest.raises(ModelError, match=message) as info:
        load_model_file(path)
    assert str(path) in str(info.value)


def test_a_missing_or_broken_weight_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        load_model_file(tmp_path / "none.json")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model_file(tmp_path / "broken.json")


def test_the_compiled_forest_sums_exactly_what_walking_its_trees_does() -> None:
    """The forest runs as generated Python (model._compiled): the same comparisons and additions, bit for bit."""
    import random

    from crawler.extract.model import Forest

    generator = random.Random(7)
    rows = [[generator.choice((0.0, 1.0, generator.random(), generator.uniform(-5, 50))) for _ in BLOCK_FEATURES] for _ in range(3000)]
    forests = [default_model().forest]
    folds = json.loads(FOLDS.read_text(encoding="utf-8"))["folds"]
    from crawler.extract.model import parse_model

    forests += [parse_model(table, name).forest for name, table in sorted(folds.items())]
    for forest in forests:
        assert forest is not None
        assert [forest._score(row) for row in rows] == [forest.walked(row) for row in rows]
    # thresholds and leaves without a Python literal are written exactly too
    odd = Forest(0.25, (((0, float("inf"), 1, 2, 0.0), (-1, 0.0, 0, 0, 1e-300), (-1, 0.0, 0, 0, float("-inf"))),))
    assert odd._score([3.0]) == odd.walked([3.0]) == 0.25 + 1e-300
    assert odd._score([float("nan")]) == odd.walked([float("nan")]) == float("-inf")
