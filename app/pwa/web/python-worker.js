// Spasm SOS Python worker: boots Pyodide and the app as soon as the page opens,
// then connects to the Flutter client when it asks (see python.js).
self.flet_js = {};
let boot = null;

function mark(name) {
    console.debug(`spasm-timing ${name} ${performance.timeOrigin + performance.now()}`);
}

function log(text, isStderr) {
    (isStderr ? console.error : console.log)(text);
}

async function bootPython(msg) {
    const archive = fetch(msg.appPackageUrl).then((r) => {
        if (!r.ok) throw new Error(`Failed to download app package: HTTP ${r.status} ${msg.appPackageUrl}`);
        return r.arrayBuffer();
    });
    mark("worker-start");
    const { loadPyodide } = await import(msg.pyodideUrl);
    const options = { stdout: (t) => log(t, false), stderr: (t) => log(t, true) };
    if (msg.packageBaseUrl) options.packageBaseUrl = msg.packageBaseUrl;
    const pyodide = await loadPyodide(options);
    mark("pyodide-loaded");
    const packages = msg.packages && msg.packages.length
        ? pyodide.loadPackage(msg.packages, { checkIntegrity: true, messageCallback: () => {} })
        : Promise.resolve();
    pyodide.registerJsModule("flet_js", self.flet_js);
    pyodide.unpackArchive(await archive, "gztar");
    mark("archive-unpacked");
    await packages;
    mark("packages-loaded");
    pyodide.globals.set("python_module_name", msg.pythonModuleName || "main");
    await pyodide.runPythonAsync(`
import os, runpy, sys
sys.path.insert(0, os.path.abspath("__pypackages__"))
sys.argv = [python_module_name + ".py"]
try:
    runpy.run_module(python_module_name, run_name="__main__")
except SystemExit as exit_:
    if exit_.code not in (None, 0):
        raise
`);
    mark("app-module-run");
    return pyodide;
}

async function connect(msg) {
    await boot;
    self.flet_js.args = msg.args;
    self.flet_js.documentUrl = msg.documentUrl;
    if (typeof self.flet_js.start_connection !== "function") {
        self.postMessage("__flet_no_ui__:Script finished without starting a Flet UI.");
        return;
    }
    await self.flet_js.start_connection(receiveCallback);
    mark("connected");
    self.postMessage("initialized");
}

function receiveCallback(message) {
    const bytes = message.toJs();
    self.postMessage(bytes, [bytes.buffer]);
}
self.flet_js.receive_callback = receiveCallback;

self.onmessage = async (event) => {
    const msg = event.data;
    if (msg && msg.type === "boot") {
        boot = bootPython(msg);
        try {
            await boot;
            self.postMessage("booted");
        } catch (error) {
            self.postMessage("boot-error:" + error.toString());
        }
    } else if (msg && msg.type === "connect") {
        try {
            await connect(msg);
        } catch (error) {
            self.postMessage(error.toString());
        }
    } else if (typeof self.flet_js.send === "function") {
        self.flet_js.send(msg);
    } else {
        console.error("Flet: dropped a message for a Python app that never started.");
    }
};
