// Stands in for the rive runtime that Flet's client probes from a CDN at start-up.
// It never resolves, exactly as when the CDN cannot be reached, so nothing leaves the site.
globalThis.RiveNative = () => new Promise(() => {});
