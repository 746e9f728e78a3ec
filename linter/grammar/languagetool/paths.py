"""Where LanguageTool's install and server files live (cheap to import)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir(override: str | os.PathLike[str] | None = None,
              env: Mapping[str, str] = os.environ) -> Path:
    """The LanguageTool cache folder.

    ``override`` is the folder itself; ``FOLLOWUP_LINT_CACHE`` is the root
    of all followup-lint caches (LanguageTool goes in ``languagetool/``
    under it); otherwise the platform's user cache folder.
    """
    if override:
        return Path(override).expanduser()
    root = env.get("FOLLOWUP_LINT_CACHE")
    if root:
        return Path(root).expanduser() / "languagetool"
    import platformdirs

    return Path(platformdirs.user_cache_dir("followup-lint")) / "languagetool"
