"""The wheel carries every package and the seed and migrations folders."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_for_the_wheel():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "quiz").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject.toml [tool.setuptools] packages: {found - listed}"
    assert {"quiz._seed", "quiz._migrations", "quiz._migrations.versions"} <= listed


def test_every_folder_of_templates_and_static_files_is_shipped():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folders = {
        ".".join(folder.relative_to(ROOT).parts)
        for top in ("templates", "static")
        for folder in [ROOT / "quiz" / top, *(ROOT / "quiz" / top).rglob("*")]
        if folder.is_dir() and folder.name != "__pycache__"
    }
    assert folders <= set(setuptools["packages"]), "add to [tool.setuptools] packages"
    assert folders <= set(setuptools["package-data"]), "add to [tool.setuptools.package-data]"
    # And every file in them matches one of its folder's patterns (an icon, a stylesheet).
    for folder in folders:
        patterns = setuptools["package-data"][folder]
        for path in (ROOT / folder.replace(".", "/")).iterdir():
            if path.is_file():
                assert any(path.match(p) for p in patterns), f"{path.name}: add to {folder}"
