"""Arabic text analysis shared by the index, the query parser, the highlighter and the recogniser.

One pipeline: tokenise the *original* text with offsets, normalise each token for matching.
"""

from reader.text.normalize import normalize, normalize_token
from reader.text.tokenize import Token, tokenize

__all__ = ["Token", "normalize", "normalize_token", "tokenize"]
