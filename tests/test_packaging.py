"""What a packager or a re-user reads: the licence, in the file and in the metadata."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_the_project_is_mit_licensed_in_the_file_and_the_metadata() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in licence
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    # A PEP 639 expression needs setuptools 77; an older one would reject the string.
    (requirement,) = project["build-system"]["requires"]
    minimum = re.fullmatch(r"setuptools>=(\d+)", requirement)
    assert minimum and int(minimum.group(1)) >= 77


def test_constraints_min_pins_each_dependency_at_its_lower_bound() -> None:
    """`.ci/lowest` tests the lower bounds only if constraints-min.txt says them all, and no other."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    bounds = {}
    for line in project["project"]["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"python_version": "3.11"}):
            (lowest,) = [spec.version for spec in requirement.specifier if spec.operator == ">="]
            bounds[canonicalize_name(requirement.name)] = Version(lowest)
    pinned = {}
    for line in (ROOT / "constraints-min.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[canonicalize_name(name)] = Version(version)
    assert pinned == bounds
