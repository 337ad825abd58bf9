// Build-time helper run by Node: starts the app once in the very Pyodide runtime the site ships,
// then compiles what that start imported to CPython bytecode (see compile_job.py, app/pwa/bytecode.py).
// Usage: node compile.mjs PYODIDE_DIR WORK_DIR  (WORK_DIR holds job.json, tree/, profile-home/, stdlib-in.zip)
import { readFile } from "node:fs/promises";

const [pyodideDir, workDir] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
// Without column spans (PYTHONNODEBUGRANGES) bytecode is ~15% smaller; tracebacks keep their line
// numbers and lose only the ^^^ markers under the failing expression.
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.FS.mkdirTree("/work");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: workDir }, "/work");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: workDir + "/profile-home" }, "/home/pyodide");
const wheels = JSON.parse(await readFile(workDir + "/job.json", "utf8")).wheels;
if (wheels.length) await pyodide.loadPackage(wheels, { messageCallback: () => {} });
const job = await readFile(new URL("compile_job.py", import.meta.url), "utf8");
await pyodide.runPythonAsync(job + "\nawait main()\n", { filename: "compile_job.py" });
// The profiled app may leave timers running; the job is done.
process.exit(0);
