// Pre-boot first aid: the same emergency number as the app, before Python starts.
// Inlined after the first-aid markup with SPASM_NUMBERS, the table that
// app.domain.regions.preboot_table() gives at build time; the rules below mirror that module.
// First the locale (at once), then the person's stored choice from the app's IndexedDB log.
var spasmNumbers = (function () {
    function countryFromLocale(table, locale) {
        var parts = String(locale || "").split(".")[0].split("@")[0].replace(/_/g, "-").split("-");
        if (parts.length < 2) return "";
        var code = parts[parts.length - 1].toUpperCase();
        if (Object.prototype.hasOwnProperty.call(table.aliases, code)) code = table.aliases[code];
        return /^[A-Z]{2}$/.test(code) ? code : "";
    }

    function storedChoice(table, settings) {
        if (!settings || typeof settings !== "object") return "";
        if ("country" in settings) {
            var value = settings.country;
            if (value === table.custom || value === table.unknown) return value;
            return typeof value === "string" ? countryFromLocale(table, "x-" + value) : "";
        }
        var legacy = settings.region;
        return typeof legacy === "string" && Object.prototype.hasOwnProperty.call(table.legacy, legacy)
            ? table.legacy[legacy] : "";
    }

    function pick(table, languages, settings) {
        var localeCountry = countryFromLocale(table, (languages || [])[0]);
        var chosen = storedChoice(table, settings) || localeCountry;
        // the person's own number never replaces the emergency number: an old "custom" choice follows the locale
        if (chosen === table.custom) chosen = localeCountry;
        var row = Object.prototype.hasOwnProperty.call(table.countries, chosen) ? table.countries[chosen] : null;
        if (!row) return { number: table.fallback, check: true, contact: table.urgentFallback, urgent: null };
        var urgent = row.length > 2 ? { dial: row[2], label: row[3], note: row[5] } : null;
        return { number: row[0], check: !!row[1], contact: urgent ? row[4] : table.urgentFallback, urgent: urgent };
    }

    function show(help) {
        var each = function (selector, fn) { document.querySelectorAll(selector).forEach(fn); };
        each("#first-aid [data-fa=number]", function (el) { el.textContent = help.number; });
        each("#first-aid [data-fa=contact]", function (el) { el.textContent = help.contact; });
        each("#fa-call-btn", function (a) { a.href = "tel:" + help.number; a.textContent = "Call " + help.number; });
        each("#fa-check", function (p) { p.hidden = !help.check; });
        each("#fa-urg-btn", function (a) {
            a.hidden = !help.urgent;
            a.href = help.urgent ? "tel:" + help.urgent.dial : "#fa-urg";
            a.textContent = help.urgent ? help.urgent.label : "";
        });
        each("#fa-urg-note", function (p) {
            p.textContent = help.urgent ? help.urgent.note : "";
            p.hidden = !p.textContent;
        });
    }

    function settingsIn(value) {
        // value is {rev, text}; text is the TinyDB document, whose settings table holds one row.
        try {
            var rows = JSON.parse(value.text).tables.settings;
            var keys = Object.keys(rows);
            return rows["1"] || (keys.length ? rows[keys[0]] : null);
        } catch (error) {
            return null;
        }
    }

    function readStoredSettings(done) {
        var finish = function (settings) { if (done) { var d = done; done = null; d(settings); } };
        try {
            var request = indexedDB.open("spasm-sos");  // no version: never upgrades the app's db
            request.onupgradeneeded = function () { request.transaction.abort(); };  // absent: do not create it
            request.onerror = function () { finish(null); };
            request.onsuccess = function () {
                var db = request.result;
                db.onversionchange = function () { db.close(); };
                try {
                    if (!db.objectStoreNames.contains("log")) throw new Error("no log store");
                    var get = db.transaction("log", "readonly").objectStore("log").get("main");
                    get.onsuccess = function () { db.close(); finish(get.result ? settingsIn(get.result) : null); };
                    get.onerror = function () { db.close(); finish(null); };
                } catch (error) {
                    db.close();
                    finish(null);
                }
            };
        } catch (error) {
            finish(null);
        }
    }

    if (typeof document !== "undefined" && typeof SPASM_NUMBERS !== "undefined") {
        var languages = navigator.languages && navigator.languages.length
            ? navigator.languages : [navigator.language];
        show(pick(SPASM_NUMBERS, languages, null));
        readStoredSettings(function (settings) {
            if (settings) show(pick(SPASM_NUMBERS, languages, settings));
        });
    }
    return { pick: pick, countryFromLocale: countryFromLocale, storedChoice: storedChoice };
})();
