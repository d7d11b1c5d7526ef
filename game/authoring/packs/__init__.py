"""Pack zips: `import-pack` installs a pack from another library, `export-pack` makes one.

Importing never trusts the archive. Before anything is written, every member is checked: its name must
be UTF-8, relative, without '..', backslashes or control characters; it may not be a symlink or another
special file; there are at most MAX_FILES members, at most MAX_TOTAL_BYTES once unpacked and
MAX_MEMBER_BYTES for one member, and no member is unpacked to more than it announces (so a zip bomb
writes no more than a big pack may). The pack is then unpacked into a
hidden temporary folder inside the data folder's `packs/`, validated as a whole with the same checks as
`validate`, and only if it has no errors renamed into place; whatever happens, the temporary folder is
removed, so a pack is either fully installed or not at all.

The work is split in three: `safety` (every check on the members of a zip), `importing` and `exporting`.
"""
from __future__ import annotations

from .exporting import ExportResult, export_pack
from .importing import ImportResult, import_pack
from .safety import MAX_FILES, MAX_MEMBER_BYTES, MAX_TOTAL_BYTES, MAX_ZIP_BYTES, PackArchiveError

__all__ = ["MAX_FILES", "MAX_MEMBER_BYTES", "MAX_TOTAL_BYTES", "MAX_ZIP_BYTES", "ExportResult", "ImportResult",
           "PackArchiveError", "export_pack", "import_pack"]
