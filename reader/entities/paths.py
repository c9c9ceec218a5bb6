"""Where the shipped entity model and its gazetteers live, and where training reads from."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
MODELS = ROOT / "resources" / "models"
GAZETTEERS = ROOT / "resources" / "gazetteers"
SHARED = ROOT.parent / "shared"

MODEL = "ner-crf.crfsuite"
LEXICON = "ner-lexicon.tsv"
META = "ner-meta.json"
CLDR = "cldr-ar.tsv"
NAMES = "anercorp-names.tsv"
