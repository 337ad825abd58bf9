"""What keeps the site small: docstrings blanked in shipped Python, with lines and behaviour kept."""

from __future__ import annotations

import ast
import importlib.util
import re
import tarfile
import traceback
import zipfile
from pathlib import Path

import flet
from flet_web import get_package_web_dir

from app.pwa.bytecode import COMPILER, STDLIB_DROP

FLET = Path(flet.__file__).parent
STDLIB_IN = Path(get_package_web_dir()) / "pyodide" / "python_stdlib.zip"


def _job():
    spec = importlib.util.spec_from_file_location("compile_job", COMPILER.parent / "compile_job.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLE = b'''"""Module doc
over two lines."""
import dataclasses


@dataclasses.dataclass
class Point:
    """A point \xc3\xa9."""
    x: int = 1
    """The x coordinate."""

    def name(self): u"one-liner"; return "p"


def fail():
    r"""Raise,
    always.
    """
    raise ValueError("here")
'''


def test_blanking_keeps_lines_behaviour_and_non_empty_docs():
    out = _job().blank_docstrings(SAMPLE)
    assert out.count(b"\n") == SAMPLE.count(b"\n")
    for text in (b"Module doc", b"A point", b"The x coordinate", b"one-liner", b"always"):
        assert text not in out
    ns: dict = {}
    exec(compile(out, "sample.py", "exec"), ns)  # noqa: S102
    assert ns["__doc__"].strip() == "" and ns["__doc__"]
    # A docstring that is never None: dataclasses would otherwise build one from the signature.
    assert ns["Point"].__doc__ == " " and ns["Point"]().name() == "p"
    try:
        ns["fail"]()
    except ValueError as exc:
        assert traceback.extract_tb(exc.__traceback__)[-1].lineno == 19
    assert _job().blank_docstrings(b"def broken(:\n") == b"def broken(:\n"


def _class_doc(source: str) -> str:
    return next(ast.get_docstring(n) for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef))


def test_shipped_python_has_blank_docstrings_and_the_same_lines(fixture_dist):
    with tarfile.open(fixture_dist.out / "app.tar.gz") as tar:
        picker = tar.extractfile("__pypackages__/flet/controls/material/date_picker.py").read().decode()
        button = tar.extractfile("__pypackages__/flet/controls/material/button.pyc").read()
    original = (FLET / "controls" / "material" / "date_picker.py").read_text(encoding="utf-8")
    assert picker.count("\n") == original.count("\n") and len(picker) < 0.8 * len(original)
    assert _class_doc(original) not in picker and _class_doc(picker) == ""
    assert b"It supports various styles" in (FLET / "controls" / "material" / "button.py").read_bytes()
    assert b"It supports various styles" not in button, "compiled modules lose their docstrings too"

    with zipfile.ZipFile(STDLIB_IN) as zin, \
            zipfile.ZipFile(fixture_dist.out / "pyodide" / "python_stdlib.zip") as zout:
        parser_in, parser_out = zin.read("email/parser.py"), zout.read("email/parser.py")
        assert parser_out.count(b"\n") == parser_in.count(b"\n") and len(parser_out) < len(parser_in)
        assert b"A parser of RFC 5322" in parser_in and b"A parser of RFC 5322" not in parser_out
        assert b"# Contact: email-sig@python.org" in parser_in, "a comment on line 3"
        assert b"email-sig" not in parser_out, "comments go from what stays as source"
        # pyodide reads its own docstrings at run time, so they ship whole (here, as bytecode).
        base = zin.read("_pyodide/_base.py").decode()
        doc = next(ast.get_docstring(n) for n in ast.walk(ast.parse(base))
                   if isinstance(n, ast.FunctionDef) and ast.get_docstring(n))
        shipped = "_pyodide/_base.py" if "_pyodide/_base.py" in zout.namelist() else "_pyodide/_base.pyc"
        assert doc.splitlines()[0].encode() in zout.read(shipped)


def test_bytecode_carries_line_numbers_but_no_column_spans(fixture_dist):
    assert fixture_dist.bytecode.column_spans is False


def test_comments_go_but_lines_strings_and_coding_line_stay():
    source = (b"#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# a comment\n"
              b"x = '# not a comment'  # trailing\n    # indented\ny = 2\n")
    assert _job().blank_comments(source) == (
        b"#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n\nx = '# not a comment'\n\ny = 2\n")
    assert _job().blank_comments(b"x = (\n") == b"x = (\n"


IMPORT = re.compile(r"^import ([\w., ]+)|^from (\.*)([\w.]*) import \(?([\w, ]*)", re.M)


def _top_level_imports(source: bytes, package: str) -> set[str]:
    """Modules named by imports at column 0: those run whenever the module loads.

    A regex, not ast: the host Python cannot parse every 3.14 module.
    """
    found: set[str] = set()
    for plain, dots, module, names in IMPORT.findall(source.decode("utf-8", "replace")):
        if plain:
            found.update(part.split(" as ")[0].strip() for part in plain.split(","))
            continue
        base = package.rsplit(".", len(dots) - 1)[0] if len(dots) > 1 else package
        full = (f"{base}.{module}" if module else base).strip(".") if dots else module
        found.add(full)
        found.update(f"{full}.{n.split(' as ')[0].strip()}" for n in names.split(",") if n.strip())
    return found


def test_no_kept_stdlib_module_imports_a_dropped_one_when_it_loads():
    job = _job()
    with zipfile.ZipFile(STDLIB_IN) as zin:
        sources = {n: zin.read(n) for n in zin.namelist() if n.endswith(".py")}
    modules = {n[:-3].replace("/", ".").removesuffix(".__init__"): n for n in sources}
    broken = []
    for name, source in sources.items():
        if job.dropped(name, STDLIB_DROP):
            continue
        module = name[:-3].replace("/", ".")
        package = module[:-9] if name.endswith("__init__.py") else module.rpartition(".")[0]
        for target in _top_level_imports(source, package):
            if target in modules and job.dropped(modules[target], STDLIB_DROP):
                broken.append(f"{name} imports {target}")
    assert broken == []
