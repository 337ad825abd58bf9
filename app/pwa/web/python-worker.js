// Spasm SOS Python worker: boots Pyodide and the app as soon as the page opens,
// then connects to the Flutter client when it asks (see python.js).
self.flet_js = {};
let boot = null;
const timing = typeof BroadcastChannel === "function" ? new BroadcastChannel("spasm-timing") : null;

function mark(name) {
    const at = performance.timeOrigin + performance.now();
    console.debug(`spasm-timing ${name} ${at}`);
    if (timing) timing.postMessage([name, at]);
}

function log(text, isStderr) {
    (isStderr ? console.error : console.log)(text);
}

// The app archive is a gzipped tar (app/pwa/archive.py). It is fetched, inflated and parsed here,
// while Pyodide downloads and starts, and written into Pyodide's file system before Python runs.
async function fetchArchive(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Failed to download app package: HTTP ${response.status} ${url}`);
    const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
    return untar(new Uint8Array(await new Response(inflated).arrayBuffer()));
}

function untar(bytes) {
    const text = (from, length) => new TextDecoder().decode(bytes.subarray(from, from + length)).replace(/\0.*$/s, "");
    const files = [];
    let offset = 0;
    let longPath = null;
    while (offset + 512 <= bytes.length && bytes[offset] !== 0) {
        if (text(offset + 257, 5) !== "ustar") throw new Error("The app package is not a tar archive");
        const size = parseInt(text(offset + 124, 12).trim() || "0", 8);
        const type = String.fromCharCode(bytes[offset + 156] || 48);
        const prefix = text(offset + 345, 155);
        const name = (prefix ? prefix + "/" : "") + text(offset, 100);
        const data = bytes.subarray(offset + 512, offset + 512 + size);
        offset += 512 + Math.ceil(size / 512) * 512;
        if (type === "x") {
            const path = new TextDecoder().decode(data).match(/^\d+ path=(.*)$/m);
            longPath = path ? path[1] : null;
        } else if (type === "0") {
            files.push([longPath || name, data]);
            longPath = null;
        } else if (type !== "5" && type !== "g") {
            throw new Error(`Unsupported entry type ${type} in the app package: ${name}`);
        }
    }
    return files;
}

function writeTree(FS, files) {
    for (const [path, data] of files) {
        const slash = path.lastIndexOf("/");
        if (slash > 0) FS.mkdirTree(path.slice(0, slash));
        FS.writeFile(path, data);
    }
}

async function bootPython(msg) {
    mark("worker-start");
    const inflate = typeof DecompressionStream === "function";
    const archive = inflate ? fetchArchive(msg.appPackageUrl) : fetch(msg.appPackageUrl).then((r) => {
        if (!r.ok) throw new Error(`Failed to download app package: HTTP ${r.status} ${msg.appPackageUrl}`);
        return r.arrayBuffer();
    });
    archive.then(() => mark("archive-ready"), () => {});  // a failure is reported once Pyodide is up
    // loadPyodide imports this after fetching its lock file; start fetching and compiling it now.
    import(new URL("pyodide.asm.mjs", msg.pyodideUrl).toString()).catch(() => {});
    const { loadPyodide } = await import(msg.pyodideUrl);
    const options = { stdout: (t) => log(t, false), stderr: (t) => log(t, true) };
    if (inflate) {
        // Runs before Python starts, in Pyodide's home directory (the working directory).
        options.fsInit = async (FS) => {
            const files = await archive.catch(() => null);
            if (files) writeTree(FS, files);
        };
    }
    if (msg.packageBaseUrl) options.packageBaseUrl = msg.packageBaseUrl;
    const pyodide = await loadPyodide(options);
    if (!inflate) pyodide.unpackArchive(await archive, "gztar");
    await archive;
    mark("pyodide-loaded");
    const packages = msg.packages && msg.packages.length
        ? pyodide.loadPackage(msg.packages, { checkIntegrity: true, messageCallback: () => {} })
        : Promise.resolve();
    pyodide.registerJsModule("flet_js", self.flet_js);
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
    mark("connect-received");
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

let sent = false;
function receiveCallback(message) {
    const bytes = message.toJs();
    if (!sent) {
        sent = true;
        mark("first-message");
    }
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
