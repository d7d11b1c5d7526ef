"""Synthesised WAV files kept on disk, least recently used first out, bounded in files and bytes."""
from __future__ import annotations

import hashlib
import os
import time
from collections import OrderedDict
from pathlib import Path

PARTIAL = ".part"


class WavCache:
    """Used from one thread only (the speaker's worker). Safe beside another game using the same folder:
    files appear by atomic rename, and a file evicted by the other one is just synthesised again."""

    def __init__(self, folder: Path, max_bytes: int = 64 * 1024 * 1024, max_files: int = 2000) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self.max_files = max_files
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[str, int] = OrderedDict()  # file name -> size, oldest first
        self.folder.mkdir(parents=True, exist_ok=True)
        found = []
        for path in self.folder.iterdir():
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.suffix == ".wav":
                found.append((stat.st_mtime, path.name, stat.st_size))
            elif path.name.endswith(PARTIAL) and stat.st_mtime < time.time() - 600:
                path.unlink(missing_ok=True)  # left by a game that was killed mid-synthesis
        for _, name, size in sorted(found):
            self._entries[name] = size
        self._evict()

    @staticmethod
    def key(*parts: object) -> str:
        digest = hashlib.sha256("\0".join(str(p) for p in parts).encode("utf-8")).hexdigest()
        return digest[:40] + ".wav"

    def get(self, name: str) -> Path | None:
        path = self.folder / name
        if name in self._entries and path.is_file():
            self._entries.move_to_end(name)
            try:
                os.utime(path)  # the order survives a restart
            except OSError:
                pass
            self.hits += 1
            return path
        self._entries.pop(name, None)
        self.misses += 1
        return None

    def partial(self, name: str) -> Path:
        """A private file to synthesise into before `add` renames it into place."""
        return self.folder / f"{name}.{os.getpid()}.{time.monotonic_ns()}{PARTIAL}"

    def add(self, name: str, partial: Path) -> Path:
        path = self.folder / name
        os.replace(partial, path)
        self._entries[name] = path.stat().st_size
        self._entries.move_to_end(name)
        self._evict(keep=name)
        return path

    def discard(self, name: str) -> None:
        """Forget a cached file that turned out to be unreadable."""
        self._entries.pop(name, None)
        (self.folder / name).unlink(missing_ok=True)

    @property
    def size(self) -> int:
        return sum(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def _evict(self, keep: str | None = None) -> None:
        total = self.size
        while self._entries and (total > self.max_bytes or len(self._entries) > self.max_files):
            name, size = next(iter(self._entries.items()))
            if name == keep:
                break
            del self._entries[name]
            total -= size
            (self.folder / name).unlink(missing_ok=True)
