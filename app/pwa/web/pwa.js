// Spasm SOS page glue: first aid until the app is drawn, the service worker, updates, storage.
(() => {
    const firstAid = document.getElementById("first-aid");
    const status = document.getElementById("fa-status");
    const seen = { frame: false, app: false };

    function maybeHideFirstAid() {
        if (!seen.frame || !seen.app || !firstAid) return;
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            firstAid.hidden = true;
            document.documentElement.classList.add("app-ready");
            window.dispatchEvent(new Event("spasm-app-ready"));
        }, 150)));
    }
    window.addEventListener("flutter-first-frame", () => { seen.frame = true; maybeHideFirstAid(); },
        { once: true });
    window.addEventListener("spasm-app-message", () => { seen.app = true; maybeHideFirstAid(); },
        { once: true });
    window.addEventListener("spasm-boot-failed", (event) => {
        console.error("Spasm SOS could not start:", event.detail);
        if (firstAid) firstAid.hidden = false;
        if (status) status.textContent = "The app could not start. Everything on this page still applies.";
    });

    window.addEventListener("pageshow", (event) => {
        if (event.persisted && navigator.vendor && navigator.vendor.startsWith("Apple")) {
            window.location.reload();
        }
    });

    if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persisted().then((done) => done || navigator.storage.persist()).catch(() => {});
    }

    if (!("serviceWorker" in navigator)) return;
    const banner = document.getElementById("update");
    let reloading = false;

    function offer(worker) {
        if (!banner) return;
        banner.hidden = false;
        banner.querySelector("button").onclick = () => {
            reloading = true;
            worker.postMessage({ type: "SKIP_WAITING" });
        };
        window.dispatchEvent(new Event("spasm-update-ready"));
    }

    navigator.serviceWorker.addEventListener("controllerchange", () => {
        if (reloading) window.location.reload();
    });

    window.addEventListener("load", () => {
        navigator.serviceWorker.register("sw.js").then((reg) => {
            if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
            reg.addEventListener("updatefound", () => {
                const worker = reg.installing;
                worker.addEventListener("statechange", () => {
                    if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
                });
            });
        }).catch((error) => console.warn("Service worker registration failed:", error));
    });
})();
