"""Precompile the app tree and the standard library to Python 3.14 bytecode with Pyodide under Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from app.pwa.errors import BuildError

COMPILER = Path(__file__).parent / "web" / "compile.mjs"
STDLIB_DROP = (
    "_pyrepl", "unittest", "pdb.py", "doctest.py", "pydoc.py", "pydoc_data", "xmlrpc", "wsgiref",
    "imaplib.py", "poplib.py", "smtplib.py", "ftplib.py", "mailbox.py", "turtle.py", "idlelib",
    "tkinter", "lib2to3", "ensurepip", "venv", "curses", "dbm", "multiprocessing", "profile.py",
    "cProfile.py", "pstats.py", "tabnanny.py", "trace.py", "pickletools.py", "_pydatetime.py",
    "_pydecimal.py", "_pyio.py",
)
JOB = r'''
import importlib.util, json, os, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

job = json.load(open("/work/job.json"))


def pyc(source, filename):
    code = compile(source, filename, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), False))


for root, _dirs, files in os.walk("/work/tree"):
    for name in files:
        if not name.endswith(".py"):
            continue
        path = os.path.join(root, name)
        runtime = job["runtime_root"] + path[len("/work/tree"):]
        source = open(path, "rb").read()
        try:
            data = pyc(source, runtime)
        except SyntaxError:
            continue
        open(path + "c", "wb").write(data)
        os.remove(path)

drop = tuple(job["stdlib_drop"])
with zipfile.ZipFile("/work/stdlib-in.zip") as zin, \
        zipfile.ZipFile("/work/stdlib-out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    for info in zin.infolist():
        name = info.filename
        top = name.split("/")[0]
        if top in drop or name in drop:
            continue
        data = zin.read(name)
        if name.endswith(".py"):
            try:
                zout.writestr(name + "c", pyc(data, job["stdlib_root"] + "/" + name))
                continue
            except SyntaxError:
                pass
        zout.writestr(info, data)
'''


def node() -> str | None:
    return shutil.which("node") or shutil.which("nodejs")


def compile_site(pyodide_dir: Path, tree: Path, stdlib: Path, work: Path) -> None:
    """Replace every .py under tree by a .pyc, and stdlib (a zip) by a trimmed bytecode zip."""
    exe = node()
    if exe is None:
        raise BuildError("Node.js is needed to precompile bytecode (apt-get install nodejs), "
                         "or pass --no-bytecode")
    work.mkdir(parents=True, exist_ok=True)
    shutil.move(str(tree), work / "tree")
    shutil.copyfile(stdlib, work / "stdlib-in.zip")
    (work / "compile_job.py").write_text(JOB, encoding="utf-8")
    (work / "job.json").write_text(json.dumps({
        "runtime_root": "/home/pyodide", "stdlib_root": "/lib/python314.zip",
        "stdlib_drop": list(STDLIB_DROP),
    }), encoding="utf-8")
    proc = subprocess.run([exe, str(COMPILER), str(pyodide_dir.resolve()), str(work.resolve())],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise BuildError(f"bytecode compilation failed:\n{proc.stderr[-2000:]}")
    shutil.move(str(work / "tree"), tree)
    shutil.copyfile(work / "stdlib-out.zip", stdlib)
