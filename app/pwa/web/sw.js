// Spasm SOS service worker: precaches the whole site for offline use, cache-first.
const VERSION = "@@VERSION@@";
const CACHE = "spasm-sos-" + VERSION;
const FILES = @@FILES@@;
const RUNTIME_PREFIXES = @@RUNTIME_PREFIXES@@;
const INFLATED = @@INFLATED@@;  // files kept gzip-compressed in the cache, inflated when asked for
const INDEX = self.registration.scope;  // the page, precached once, as "./"

self.addEventListener("install", (event) => {
    // Where the browser can (Chromium's static routing), opening the app reads index.html straight
    // from this version's cache without first starting this worker: first aid shows sooner.
    if (event.addRoutes && typeof URLPattern === "function") {
        const pathname = new URL(self.registration.scope).pathname;
        event.addRoutes([{
            condition: { urlPattern: new URLPattern({ pathname, search: "" }), requestMode: "navigate" },
            source: { cacheName: CACHE },
        }]).catch((error) => console.warn("Static routes not added:", error));
    }
    event.waitUntil((async () => {
        const cache = await caches.open(CACHE);
        // "no-cache": the HTTP cache checks its copy with the server (ETag, Last-Modified), so a
        // file the page has already fetched comes back as a 304 instead of a second download.
        await cache.addAll(FILES.map((f) => new Request(new URL(f, self.registration.scope), { cache: "no-cache" })));
    })());
});

self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        const names = await caches.keys();
        await Promise.all(names.filter((n) => n.startsWith("spasm-sos-") && n !== CACHE).map((n) => caches.delete(n)));
        await self.clients.claim();
    })());
});

self.addEventListener("message", (event) => {
    if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

function inflated(url) {
    for (const [plain, packed] of Object.entries(INFLATED)) {
        if (url.href === new URL(plain, self.registration.scope).href) {
            return new URL(packed, self.registration.scope).href;
        }
    }
    return null;
}

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    const runtime = RUNTIME_PREFIXES.some((p) => request.url.startsWith(p));
    if (url.origin !== self.location.origin && !runtime) return;
    event.respondWith((async () => {
        const cache = await caches.open(CACHE);
        const navigate = request.mode === "navigate";
        const hit = await cache.match(request, { ignoreSearch: navigate });
        if (hit) return hit;
        if (navigate) {
            const index = await cache.match(INDEX);
            if (index) return index;
        }
        const packed = inflated(url);
        if (packed) {
            const gz = await cache.match(packed);
            if (gz) return new Response(gz.body.pipeThrough(new DecompressionStream("gzip")), {
                headers: { "Content-Type": "text/plain; charset=utf-8" },
            });
        }
        const response = await fetch(request);
        if (runtime && response.ok) await cache.put(request, response.clone());
        return response;
    })());
});
