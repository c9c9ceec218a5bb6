"""The entity model's files: a copied model loads; a missing, damaged or incomplete one is
reported by name (the app then opens articles without highlighting); the lexicon and the stem
clusters are read, and rejected when damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.entities import RecogniserUnavailable, load_recogniser, paths
from reader.entities.lexicon import Lexicon


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def _drop_mined_names(model: Path) -> None:
    """A model with weights for the mined-names feature whose list is gone."""
    (model.parent.parent / "gazetteers" / paths.MINED).unlink(missing_ok=True)
    attributes = model.parent / paths.ATTRIBUTES
    attributes.write_text(attributes.read_text(encoding="utf-8") + "gm=B-PERS\n", encoding="utf-8")


def _drop_places(model: Path) -> None:
    """A model with weights for the places feature whose list is gone."""
    (model.parent.parent / "gazetteers" / paths.PLACES).unlink(missing_ok=True)
    attributes = model.parent / paths.ATTRIBUTES
    attributes.write_text(attributes.read_text(encoding="utf-8") + "gp=B-LOC\n", encoding="utf-8")


def _copy_resources(tmp_path: Path) -> Path:
    shutil.copytree(paths.MODELS, tmp_path / "models")
    shutil.copytree(paths.GAZETTEERS, tmp_path / "gazetteers")
    return tmp_path / "models" / paths.MODEL


def test_copied_model_loads(tmp_path: Path) -> None:
    model = _copy_resources(tmp_path)
    assert load_recogniser(model).tag_tokens([["موسكو"]]) == [["B-LOC"]]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda m: m.unlink(), "entity model missing"),
        (lambda m: m.write_bytes(b"not a model at all"), "entity model corrupt"),
        (lambda m: m.write_bytes(m.read_bytes()[:1000]), "entity model corrupt"),
        (lambda m: (m.parent / paths.MODEL2).write_bytes(b"\0" * 64), "entity model corrupt"),
        (lambda m: (m.parent / paths.MODEL2).unlink(), "entity model missing"),
        (lambda m: (m.parent / paths.LEXICON).unlink(), "entity model missing"),
        (lambda m: (m.parent / paths.LEXICON).write_text("w\tnot-a-number\n"), "unreadable"),
        (lambda m: (m.parent / paths.STEM_CLUSTERS).unlink(), "entity model missing"),
        (lambda m: (m.parent / paths.STEM_CLUSTERS).write_text("no header\n"), "unreadable"),
        (lambda m: (m.parent.parent / "gazetteers" / paths.CLDR).unlink(), "missing"),
        (_drop_mined_names, "entity model missing: .*mined-names"),
        (_drop_places, "entity model missing: .*world-places"),
        (lambda m: (m.parent / paths.VOTES).write_text("no tab here\n"), "unreadable"),
        (lambda m: (m.parent / paths.ATTRIBUTES).unlink(), "entity model missing"),
        (lambda m: (m.parent / paths.META).unlink(), "entity model missing"),
        (lambda m: (m.parent / paths.META).write_text("{}"), "unreadable"),
        (lambda m: _flip_byte(m, 5000), "entity model corrupt"),  # same size, one byte off
    ],
)
def test_missing_or_corrupt_model_is_reported(tmp_path: Path, damage, reason: str) -> None:
    model = _copy_resources(tmp_path)
    damage(model)
    with pytest.raises(RecogniserUnavailable, match=reason):
        load_recogniser(model)


# -- the lexicon and the stem clusters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts", "clusters"),
    [
        (
            "#word\tcount\tc64\tc256\tc1024\nفي\t100\t1\t2\t3\nطهران\t40\t4\t5\t6\nبايدن\t3\nلبايدن\t2\n",
            {"في": 100, "طهران": 40, "بايدن": 3, "لبايدن": 2},
            {"في": ("1", "2", "3"), "طهران": ("4", "5", "6")},
        ),
        ("#word\tcount\tc64\nفي\t7\t0\n", {"في": 7}, {"في": ("0",)}),  # no rare block
        ("#word\tcount\tc64\nنادر\t2\n", {"نادر": 2}, {}),  # no clustered block
    ],
)
def test_lexicon_reading(tmp_path: Path, text: str, counts: dict, clusters: dict) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text(text, encoding="utf-8")
    lexicon = Lexicon.read(path)
    assert (lexicon.counts, lexicon.clusters) == (counts, clusters)


@pytest.mark.parametrize(
    "text",
    ["في\t1\t2\n", "#word\tcount\tc64\nفي\tكثير\t1\n", "#word\tcount\tc64\tc256\nفي\t1\t2\n"],
)
def test_lexicon_rejects_damaged_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "lexicon.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        Lexicon.read(path)


def test_stem_clusters_reading(tmp_path: Path) -> None:
    path = tmp_path / "stems.tsv"
    path.write_text("#stem\tc64\tc256\nبوتين\t3\t40\nايلات\t7\t12\n", encoding="utf-8")
    lexicon = Lexicon({"في": 9}, {"في": ("1",)}).with_stem_clusters(path)
    assert lexicon.stem_clusters == {"بوتين": ("3", "40"), "ايلات": ("7", "12")}
    assert (lexicon.counts, lexicon.clusters) == ({"في": 9}, {"في": ("1",)})


@pytest.mark.parametrize("text", ["بوتين\t3\n", "#stem\tc64\tc256\nبوتين\t3\n", "#stem\n"])
def test_stem_clusters_reject_damaged_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "stems.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        Lexicon().with_stem_clusters(path)
