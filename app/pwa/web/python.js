// Spasm SOS bridge between the Flutter client and the Python worker. Unlike flet-web's
// python.js it starts the worker at once (it is inlined in <head>), so Pyodide starts while
// the page is parsed and Flutter boots.
(() => {
    const base = flet.entrypointBaseUrl.replace(/\/$/, "");
    const apps = {};
    const state = { booted: false, bootError: null };
    // Names this page's workers, so page-level messages (the install offer, pwa.js) reach only them.
    const pageId = (globalThis.__spasmPageId = Math.random().toString(36).slice(2));
    let spare = startWorker();

    function announce(name, detail) {
        window.dispatchEvent(new CustomEvent(name, { detail }));
    }

    function startWorker() {
        const worker = new Worker(base + "/python-worker.js", { type: "module", name: pageId });
        worker.onmessage = (event) => {
            if (event.data === "booted") {
                state.booted = true;
                announce("spasm-python-booted");
            } else if (typeof event.data === "string" && event.data.startsWith("boot-error:")) {
                state.bootError = event.data.slice(11);
                announce("spasm-boot-failed", state.bootError);
            }
        };
        worker.onerror = (event) => announce("spasm-boot-failed", event.message || "worker failed");
        worker.postMessage({
            type: "boot",
            pyodideUrl: new URL(flet.pyodideUrl, document.baseURI).toString(),
            appPackageUrl: new URL(flet.appPackageUrl, document.baseURI).toString(),
            pythonModuleName: flet.pythonModuleName,
            packages: flet.pyodidePackages || [],
            packageBaseUrl: flet.pyodidePackageBaseUrl || null,
        });
        return worker;
    }

    globalThis.jsConnect = async function (appId, args, dartOnMessage) {
        const worker = spare || startWorker();
        spare = null;
        const app = { worker, dartOnMessage };
        apps[appId] = app;
        const previous = worker.onmessage;
        let error = null;
        let settle;
        const initialized = new Promise((resolve) => { settle = resolve; });
        let delivered = false;
        worker.onmessage = (event) => {
            if (typeof event.data === "string") {
                previous(event);
                if (event.data === "booted") return;
                if (event.data !== "initialized") error = event.data.replace(/^boot-error:/, "");
                settle();
                return;
            }
            app.dartOnMessage(event.data);
            if (!delivered) {
                delivered = true;
                announce("spasm-app-message");
            }
        };
        worker.postMessage({ type: "connect", args, documentUrl: document.URL });
        await initialized;
        if (error) {
            announce("spasm-boot-failed", error);
            await globalThis.jsDisconnect(appId);
            throw error;
        }
    };

    globalThis.jsSend = async function (appId, data) {
        if (appId in apps) apps[appId].worker.postMessage(data, [data.buffer]);
    };

    globalThis.jsDisconnect = async function (appId) {
        if (appId in apps) {
            const app = apps[appId];
            delete apps[appId];
            app.worker.terminate();
            app.worker.onmessage = null;
            app.worker.onerror = null;
        }
    };
})();
