"""Where the shipped entity model and its gazetteers live, and where training reads from."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
MODELS = ROOT / "resources" / "models"
GAZETTEERS = ROOT / "resources" / "gazetteers"
SHARED = ROOT.parent / "shared"

MODEL = "ner-crf.crfsuite"
MODEL2 = "ner-crf-consistency.crfsuite"
LEXICON = "ner-lexicon.tsv"
STEM_CLUSTERS = "ner-stem-clusters.tsv"
ATTRIBUTES = "ner-attributes.txt"
VOTES = "ner-corpus-votes.tsv"
META = "ner-meta.json"
CLDR = "cldr-ar.tsv"
NAMES = "anercorp-names.tsv"
MINED = "mined-names.tsv"
PLACES = "world-places.tsv"
WORLD_NAMES = "world-names.tsv"


def model_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of each CRF file: CRFsuite trusts its input and crashes the process (segfault)
    on a damaged model, so the recogniser checks these before opening one."""
    import hashlib

    return {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in (MODEL, MODEL2)
    }
