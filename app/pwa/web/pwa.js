// Spasm SOS page glue: first aid until the app is drawn, the service worker, updates, storage,
// the install offer.
(() => {
    const firstAid = document.getElementById("first-aid");
    const status = document.getElementById("fa-status");
    const seen = { frame: false, app: false };

    // Flutter's engine replaces the page's viewport tag with one that stops pinch-zoom
    // (user-scalable=no, maximum-scale=1.0) as soon as it starts. First aid is plain HTML that must
    // zoom (WCAG 1.4.4), so the page's own tag holds while first aid is on screen; the app then
    // gets Flutter's. The observer runs before the next paint, so the no-zoom tag is never shown.
    const own = document.head.querySelector('meta[name="viewport"]:not([flt-viewport])');
    const viewport = { page: own ? own.content : "width=device-width, initial-scale=1", flutter: null };
    function syncViewport() {
        const meta = document.head.querySelector('meta[name="viewport"][flt-viewport]');
        if (!meta) return;
        if (viewport.flutter === null) viewport.flutter = meta.content;
        const wanted = firstAid && !firstAid.hidden ? viewport.page : viewport.flutter;
        if (meta.content !== wanted) meta.content = wanted;
    }
    new MutationObserver(syncViewport).observe(document.head, { childList: true });
    syncViewport();

    function maybeHideFirstAid() {
        if (!seen.frame || !seen.app || !firstAid) return;
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            firstAid.hidden = true;
            syncViewport();
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
        syncViewport();
        if (status) status.textContent = "The app could not start. Everything on this page still applies.";
    });

    window.addEventListener("pageshow", (event) => {
        if (event.persisted && navigator.vendor && navigator.vendor.startsWith("Apple")) {
            window.location.reload();
        }
    });

    // The browser's offer to install, kept for the app's "Install the app" action
    // (app/ui/kit/install_prompt.py). The Python worker of this page asks and answers by page id.
    const install = { offer: null, state: "none" };
    const standalone = () => matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
    const iOS = /iPad|iPhone|iPod/.test(navigator.userAgent)
        || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
    install.state = standalone() ? "installed" : iOS ? "ios" : "none";
    const installChannel = typeof BroadcastChannel === "function" ? new BroadcastChannel("spasm-install") : null;
    const pageId = globalThis.__spasmPageId;
    function tellInstall() {
        if (installChannel) installChannel.postMessage({ type: "state", page: pageId, state: install.state });
    }
    window.addEventListener("beforeinstallprompt", (event) => {
        event.preventDefault();  // no mini-infobar: the app offers it where it fits
        install.offer = event;
        install.state = "available";
        tellInstall();
    });
    window.addEventListener("appinstalled", () => {
        install.offer = null;
        install.state = "installed";
        tellInstall();
    });
    if (installChannel) installChannel.onmessage = (event) => {
        const msg = event.data || {};
        if (msg.page !== pageId) return;
        if (msg.type === "ask") tellInstall();
        if (msg.type === "prompt" && install.offer) {
            const offer = install.offer;
            install.offer = null;
            Promise.resolve(offer.prompt()).then(() => offer.userChoice).then((choice) => {
                install.state = choice && choice.outcome === "accepted" ? "installed" : "none";
            }, () => { install.state = "none"; }).then(tellInstall);
        }
    };

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
