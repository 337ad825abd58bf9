"""Profile the app's start under Node and precompile what it imports to Python 3.14 bytecode."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from app.pwa.errors import BuildError

COMPILER = Path(__file__).parent / "web" / "compile.mjs"
STDLIB_DROP = (
    "_pyrepl", "unittest", "pdb.py", "doctest.py", "pydoc.py", "pydoc_data", "xmlrpc", "wsgiref",
    "imaplib.py", "poplib.py", "smtplib.py", "ftplib.py", "mailbox.py", "turtle.py", "idlelib",
    "tkinter", "lib2to3", "ensurepip", "venv", "curses", "dbm", "multiprocessing", "profile.py",
    "cProfile.py", "pstats.py", "tabnanny.py", "trace.py", "pickletools.py", "_pydatetime.py",
    "_pydecimal.py", "_pyio.py",
    # Tools, terminal helpers and modules nothing shipped imports as it loads (test_pwa_size.py).
    "bdb.py", "cmd.py", "modulefinder.py", "compileall.py", "zipapp.py", "pyclbr.py", "timeit.py",
    "symtable.py", "pty.py", "tty.py", "getpass.py", "netrc.py", "webbrowser.py", "antigravity.py",
    "this.py", "__hello__.py", "__phello__", "shelve.py", "filecmp.py", "fileinput.py", "wave.py",
    "sqlite3", "optparse.py", "sched.py",
    # Windows, Node, subprocess, subinterpreter and command-line parts of packages that stay.
    "asyncio/windows_events.py", "asyncio/windows_utils.py", "asyncio/proactor_events.py",
    "asyncio/__main__.py", "asyncio/tools.py", "concurrent/futures/process.py",
    "concurrent/futures/interpreter.py", "concurrent/interpreters",
    "ctypes/wintypes.py", "ctypes/_aix.py", "ctypes/macholib", "http/server.py", "sysconfig/__main__.py",
    "json/tool.py", "json/__main__.py", "urllib/robotparser.py", "pyodide/_nodesock_transport.py",
    "pyodide/console.py", "code.py", "rlcompleter.py",  # Pyodide's REPL
)
# Legacy 8-bit code-page tables are dropped except these (zip file names, Windows Western text).
CODECS_KEPT = ("cp437", "cp1252")
PROFILE_SETTLE = 0.5
PROFILE_LIMIT = 20.0


@dataclass(frozen=True)
class Report:
    """What the compile job did: whether the profiled start worked, and how much became bytecode."""

    profiled: bool
    error: str | None
    modules: int
    messages: int
    tree_bytecode: int
    tree_source: int
    stdlib_bytecode: int
    stdlib_source: int
    column_spans: bool = True
    content_packed: bool = False  # app/content/data/library.pickle written from the profiled start

    def describe(self) -> str:
        how = (f"profiled start imported {self.modules} modules and sent {self.messages} messages"
               if self.profiled else "the profiled start failed, so everything was compiled")
        return (f"bytecode: {how}; app tree {self.tree_bytecode} compiled, {self.tree_source} left as "
                f"source; stdlib {self.stdlib_bytecode} compiled, {self.stdlib_source} left as source"
                + ("; content validated now and shipped pickled" if self.content_packed else ""))


def node() -> str | None:
    return shutil.which("node") or shutil.which("nodejs")


def compile_site(pyodide_dir: Path, tree: Path, stdlib: Path, work: Path, wheels: list[Path]) -> Report:
    """Start the app once from tree, with the Pyodide wheels it needs, then compile what it imported.

    Everything the start imported, and all of the app's own code, becomes bytecode; the rest of the
    vendored packages and of the standard library stays as (smaller) source, compiled only if a later
    import needs it. STDLIB_DROP modules are left out. If the profiled start fails, everything is
    compiled instead and the report says why.
    """
    exe = node()
    if exe is None:
        raise BuildError("Node.js is needed to precompile bytecode (apt-get install nodejs), "
                         "or pass --no-bytecode")
    work.mkdir(parents=True, exist_ok=True)
    shutil.copytree(tree, work / "profile-home")
    shutil.move(str(tree), work / "tree")
    shutil.copyfile(stdlib, work / "stdlib-in.zip")
    (work / "job.json").write_text(json.dumps({
        "profile": True, "wheels": [str(w.resolve()) for w in wheels],
        "settle": PROFILE_SETTLE, "limit": PROFILE_LIMIT,
        "stdlib_drop": list(STDLIB_DROP), "codecs_kept": list(CODECS_KEPT),
    }), encoding="utf-8")
    proc = subprocess.run([exe, str(COMPILER), str(pyodide_dir.resolve()), str(work.resolve())],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 or not (work / "report.json").exists():
        raise BuildError(f"bytecode compilation failed:\n{proc.stderr[-2000:]}")
    shutil.move(str(work / "tree"), tree)
    shutil.copyfile(work / "stdlib-out.zip", stdlib)
    report = json.loads((work / "report.json").read_text(encoding="utf-8"))
    report.setdefault("messages", 0)
    report.setdefault("content_packed", False)
    if in_use := report.pop("dropped_in_use", []):
        raise BuildError(f"the app's start imported {', '.join(in_use)}, which STDLIB_DROP leaves out")
    return Report(**report)
