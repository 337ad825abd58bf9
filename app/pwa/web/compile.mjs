// Build-time helper run by Node: compiles Python sources to CPython bytecode with the very
// Pyodide runtime the site ships, so the browser never parses or compiles them.
// Usage: node compile.mjs PYODIDE_DIR WORK_DIR  (WORK_DIR holds job.json; see app/pwa/bytecode.py)
const [pyodideDir, workDir] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
pyodide.FS.mkdirTree("/work");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: workDir }, "/work");
await pyodide.runPythonAsync(`
import json
exec(open("/work/compile_job.py").read())
`);
