"""Type stubs for the extension module. Use the typed wrappers in
``verbatim`` (``verbatim.Corpus``); these return the JSON form as dicts."""

import pathlib
from typing import Any, Optional

__version__: str

class CorpusError(RuntimeError):
    """The corpus cannot be read or written (not the caller's input)."""

class Corpus:
    def __init__(self, path: Optional[str] = None) -> None: ...
    @property
    def path(self) -> pathlib.Path: ...
    def ingest(
        self,
        paths: list[str],
        manifest: Optional[str] = None,
        format: Optional[str] = None,
        commit_mb: float = 256.0,
    ) -> dict[str, Any]: ...
    def find(self, quote: str, speaker: Optional[str] = None) -> dict[str, Any]: ...
    def find_many(self, quotes: list[str], speakers: list[Optional[str]]) -> list[dict[str, Any]]: ...
    def check(self, text: str, format: Optional[str] = None) -> dict[str, Any]: ...
    def stats(self) -> dict[str, int]: ...
