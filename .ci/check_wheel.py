"""Every file of the packages that git tracks (code, data, templates, the sample corpus) is in the wheel.

    python3 .ci/check_wheel.py dist/unionnews-*.whl
"""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

PACKAGES = ["pipeline", "scrapers", "extractors", "corpus"]


def main(wheel: str) -> int:
    root = Path(__file__).resolve().parents[1]
    tracked = subprocess.run(["git", "ls-files", *PACKAGES], cwd=root, check=True, capture_output=True,
                             text=True).stdout.split()
    shipped = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(set(tracked) - shipped)
    for name in missing:
        print(f"check_wheel: {name} is not in {Path(wheel).name} (add its pattern to package-data in pyproject.toml)",
              file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
