"""The package's layers: imports only run downward, and underscored names stay home.

The stages, top to bottom (a module may import from its own package and from
any lower layer; packages of one layer do not import each other):

    cli > training > corpus > pipeline > attribution, tone > detection > text
        > the shared bottom (records, errors, version, vocabulary, choices, ...)
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotes"

LAYERS = {
    "quotes.cli": 8,
    "quotes.training": 7,
    "quotes.corpus": 6,
    "quotes.pipeline": 5,
    "quotes.attribution": 4,
    "quotes.tone": 4,
    "quotes.detection": 3,
    "quotes.text": 2,
}
BOTTOM = 1  # every other module of the package (records, errors, version, vocabulary, ...)
FACADE = {"quotes", "quotes.__main__"}  # the package's public face may import anything


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _unit(module: str) -> tuple[str, int]:
    """(the package or module a layer is made of, its rank)."""
    for prefix, rank in LAYERS.items():
        if module == prefix or module.startswith(prefix + "."):
            return prefix, rank
    return module, BOTTOM


def _imports(path: Path, module: str):
    """(imported module, names taken from it, line) for every import of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield target, [a.name for a in node.names], node.lineno


def _modules():
    return [(p, _module_name(p)) for p in sorted(PACKAGE.rglob("*.py"))]


def test_the_package_has_the_stage_packages():
    names = {m for _, m in _modules()}
    assert set(LAYERS) <= names


def test_imports_only_run_downward():
    wrong = []
    for path, module in _modules():
        if module in FACADE:
            continue
        unit, rank = _unit(module)
        for target, names, line in _imports(path, module):
            if target == "quotes" and names:
                # `from quotes import x`: a submodule is fine, the facade's names are not
                subs = [n for n in names if (PACKAGE / n).is_dir() or (PACKAGE / f"{n}.py").exists()]
                if len(subs) != len(names):
                    wrong.append(f"{module}:{line} imports from the package facade: {names}")
                targets = [f"quotes.{n}" for n in subs]
            elif target.startswith("quotes"):
                targets = [target]
            else:
                continue
            for t in targets:
                t_unit, t_rank = _unit(t)
                if t_unit == unit:
                    continue
                if t_rank > rank or (t_rank == rank and rank != BOTTOM):
                    wrong.append(f"{module}:{line} imports {t} (layer {t_rank} from layer {rank})")
    assert not wrong, "\n".join(wrong)


def test_no_module_uses_another_modules_underscored_names():
    wrong = []
    for path, module in _modules():
        for target, names, line in _imports(path, module):
            if not target.startswith("quotes") or target == module:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private:
                wrong.append(f"{module}:{line} imports {private} from {target}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            # module._name on an imported quotes module (`pipeline._record`)
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                    and isinstance(node.value, ast.Name) and node.value.id in _imported_modules(path, module):
                wrong.append(f"{module}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert not wrong, "\n".join(wrong)


def _imported_modules(path: Path, module: str) -> set[str]:
    """Local names bound to quotes modules (``from quotes import pipeline``)."""
    bound = set()
    for target, names, _ in _imports(path, module):
        if target == "quotes" or target.startswith("quotes."):
            bound.update(n for n in names if (PACKAGE / n).is_dir() or (PACKAGE / f"{n}.py").exists()
                         or (PACKAGE / target.removeprefix("quotes").strip(".").replace(".", "/") / f"{n}.py").exists())
    return bound


@pytest.mark.parametrize("forbidden", ["sklearn", "skops", "typer", "scipy", "nltk"])
def test_the_runtime_stages_import_no_training_or_cli_library(forbidden):
    code = ("import sys; import quotes.text, quotes.detection, quotes.attribution, quotes.tone, quotes.corpus, "
            "quotes.pipeline; from quotes.attribution import filter_spans, rank_speakers; "
            f"print(sorted(m for m in sys.modules if m == {forbidden!r} or m.startswith({forbidden!r} + '.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"importing the runtime stages loaded {out.strip()}"


def test_extraction_loads_no_training_library():
    code = ("import sys, quotes; quotes.extract('\"I was wrong,\" said Anthony Blunt.'); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'skops', 'scipy', 'nltk', 'typer'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
