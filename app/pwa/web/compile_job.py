"""Runs inside Pyodide under Node: profile the app's start, then write bytecode for what it imports."""

# Loaded by compile.mjs, which then awaits main(); the paths are the mounts compile.mjs makes.
# Every module this job itself imports is one Pyodide already imports while starting.
import ast
import asyncio
import importlib.util
import json
import os
import re
import runpy
import sys
import time
import traceback
import types
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc
from pathlib import Path

WORK = "/work"
TREE = WORK + "/tree"
APP_HOME = "/home/pyodide"
STDLIB_ROOT = "/lib/python314.zip"
# Packages whose own code reads docstrings (pyodide builds its JS API help from them): kept whole.
KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")
PAGE = {
    "route": "/", "pwa": True, "web": True, "debug": False, "wasm": False, "test": False,
    "multi_view": False, "pyodide": True, "platform_brightness": "light", "width": 390, "height": 844,
    "platform": "android", "window": {},
    "media": {"padding": {"top": 0, "right": 0, "bottom": 0, "left": 0},
              "view_padding": {"top": 0, "right": 0, "bottom": 0, "left": 0},
              "view_insets": {"top": 0, "right": 0, "bottom": 0, "left": 0},
              "device_pixel_ratio": 2, "orientation": "portrait", "always_use_24_hour_format": False},
}


class _Packet:
    """What the worker hands to flet_js.send: an object whose to_py() gives the bytes."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def to_py(self) -> bytes:
        return self._data


async def profile(settle: float, limit: float) -> dict:
    """Start the app as the browser worker does, register a phone client, wait for the first render."""
    flet_js = types.ModuleType("flet_js")
    flet_js.documentUrl, flet_js.args = "http://localhost/", None
    sys.modules["flet_js"] = flet_js
    os.chdir(APP_HOME)
    sys.path.insert(0, os.path.abspath("__pypackages__"))
    sys.argv = ["main.py"]
    try:
        runpy.run_module("main", run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            raise
    sent: list[bytes] = []
    if hasattr(flet_js, "start_connection"):
        import msgpack

        await flet_js.start_connection(lambda data: sent.append(bytes(data)))
        register = [1, {"session_id": None, "page_name": "", "page": PAGE}]
        flet_js.send(_Packet(b"\x00" + msgpack.packb(register)))
        last_count, started = 0, time.monotonic()
        quiet_since = started
        while time.monotonic() - started < limit:
            await asyncio.sleep(0.05)
            if len(sent) != last_count:
                last_count, quiet_since = len(sent), time.monotonic()
            elif len(sent) >= 2 and time.monotonic() - quiet_since >= settle:
                break
    return {"messages": len(sent), "content_packed": pack_content()}


def pack_content() -> bool:
    """The app's content as the start validated it, pickled into the shipped tree (see loader.PACKED)."""
    loader = sys.modules.get("app.content.loader")
    if loader is None or not hasattr(loader, "PACKED"):
        return False
    import pickle

    try:
        data = pickle.dumps(loader.library(), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - the app then reads its TOML at start, as it always could
        traceback.print_exc()
        return False
    (Path(TREE) / loader.PACKED.relative_to(APP_HOME)).write_bytes(data)
    return True


def loaded_files(modules) -> tuple[set[str], set[str]]:
    """Stdlib zip members and app-tree paths of the given modules."""
    stdlib, tree = set(), set()
    for module in modules:
        path = getattr(module, "__file__", None) or ""
        if path.startswith(STDLIB_ROOT + "/"):
            stdlib.add(_source_name(path[len(STDLIB_ROOT) + 1:]))
        elif path.startswith(APP_HOME + "/"):
            tree.add(_source_name(path[len(APP_HOME) + 1:]))
    return stdlib, tree


def _source_name(name: str) -> str:
    return name[:-1] if name.endswith(".pyc") else name


def blank_docstrings(source: bytes) -> bytes:
    """The source with every docstring and bare string statement blanked to whitespace.

    Each string keeps its line count (so tracebacks point at the right lines) and stays a non-empty
    string (so __doc__ is never None: dataclasses would otherwise compute a signature per class, and
    code such as ctypes' or email's that edits a docstring still finds one). Bare string statements
    after the first, such as attribute docs, are dropped by the compiler anyway; blanking them only
    shrinks the source. Sources that do not parse, or are not UTF-8, are returned unchanged.
    """
    try:
        text = source.decode("utf-8")
        tree = ast.parse(source)
    except (UnicodeDecodeError, SyntaxError, ValueError):
        return source
    spans = [(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
             for node in ast.walk(tree)
             if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
             and isinstance(node.value.value, str)]
    if not spans:
        return source
    data = text.encode("utf-8")
    # Byte offset of each line's start, with lines ended as the tokenizer ends them.
    starts = [0, *(m.end() for m in re.finditer(rb"\r\n|\r|\n", data))]
    for first, col, last, end_col in sorted(spans, reverse=True):
        newlines = last - first
        blank = f'"""{chr(10) * newlines}"""' if newlines else '" "'
        data = data[:starts[first - 1] + col] + blank.encode() + data[starts[last - 1] + end_col:]
    return data


def blank_comments(source: bytes) -> bytes:
    """The source without its comments (from line 3 on: a shebang or coding line stays).

    Only code that stays as source carries comments; each line keeps its place. Sources that do not
    tokenize, or are not UTF-8, are returned unchanged.
    """
    import io
    import tokenize

    try:
        text = source.decode("utf-8")
        if "\r" in text:
            return source
        cuts = {tok.start[0]: tok.start[1]
                for tok in tokenize.generate_tokens(io.StringIO(text).readline)
                if tok.type == tokenize.COMMENT and tok.start[0] > 2}
    except (UnicodeDecodeError, SyntaxError, tokenize.TokenError):
        return source
    if not cuts:
        return source
    lines = re.split(r"(\r\n|\r|\n)", text)  # text, ending, text, ending, ..., text
    for row, col in cuts.items():
        i = 2 * (row - 1)
        lines[i] = lines[i][:col].rstrip(" \t")
    return "".join(lines).encode("utf-8")


def pyc(source: bytes, filename: str) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), False))


def compile_tree(wanted) -> tuple[int, int]:
    """Replace each wanted .py under TREE by its .pyc; return (compiled, left as source)."""
    done = kept = 0
    for root, _dirs, files in os.walk(TREE):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(root, name)
            rel = path[len(TREE) + 1:]
            source = blank_docstrings(Path(path).read_bytes())
            if not wanted(rel):
                Path(path).write_bytes(blank_comments(source))
                kept += 1
                continue
            try:
                data = pyc(source, APP_HOME + "/" + rel)
            except SyntaxError:
                kept += 1
                continue
            Path(path + "c").write_bytes(data)
            os.remove(path)
            done += 1
    return done, kept


def legacy_codec(name: str, data: bytes, keep: list[str]) -> bool:
    """An 8-bit code-page table (encodings/cp1006.py and the like) that this app never asks for."""
    stem = name[len("encodings/"):-len(".py")]
    return name.startswith("encodings/") and b"\ndecoding_table = " in data and stem not in keep


def dropped(name: str, drop: list[str]) -> bool:
    return name in drop or any(name.startswith(d + "/") for d in drop)


def write_stdlib(wanted, job: dict) -> tuple[int, int]:
    """Copy the stdlib zip without the dropped modules, wanted modules as bytecode."""
    done = kept = 0
    with zipfile.ZipFile(WORK + "/stdlib-in.zip") as zin, \
            zipfile.ZipFile(WORK + "/stdlib-out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            name = info.filename
            if dropped(name, job["stdlib_drop"]):
                continue
            data = zin.read(name)
            if legacy_codec(name, data, job["codecs_kept"]):
                continue
            strip = name.endswith(".py") and not name.startswith(KEEP_DOCSTRINGS)
            if strip:
                data = blank_docstrings(data)
            if name.endswith(".py") and wanted(name):
                try:
                    zout.writestr(name + "c", pyc(data, STDLIB_ROOT + "/" + name))
                    done += 1
                    continue
                except SyntaxError:
                    pass
            if strip:
                data = blank_comments(data)
            kept += name.endswith(".py")
            zout.writestr(info, data, compresslevel=9)
    return done, kept


async def main() -> None:
    job = json.loads(Path(WORK, "job.json").read_text())
    report: dict = {"profiled": False, "error": None}
    if job["profile"]:
        try:
            report.update(await profile(job["settle"], job["limit"]))
            report["profiled"] = True
        except BaseException:  # noqa: BLE001 - any failure means: fall back to compiling everything
            report["error"] = traceback.format_exc(limit=8)
    if report["profiled"]:
        stdlib_used, tree_used = loaded_files(list(sys.modules.values()))
        report["tree_bytecode"], report["tree_source"] = compile_tree(
            lambda rel: rel in tree_used or not rel.startswith("__pypackages__/"))
        report["stdlib_bytecode"], report["stdlib_source"] = write_stdlib(
            lambda name: name in stdlib_used, job)
        report["dropped_in_use"] = sorted(n for n in stdlib_used if dropped(n, job["stdlib_drop"]))
    else:
        report["tree_bytecode"], report["tree_source"] = compile_tree(lambda rel: True)
        report["stdlib_bytecode"], report["stdlib_source"] = write_stdlib(lambda name: True, job)
    report["modules"] = len(sys.modules)
    # compile.mjs starts Python with PYTHONNODEBUGRANGES: code keeps line numbers but no column spans.
    report["column_spans"] = any(col is not None for *_, col in compile("x", "", "eval").co_positions())
    Path(WORK, "report.json").write_text(json.dumps(report, indent=1))
