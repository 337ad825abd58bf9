"""Static offline PWA build: Flet's web client plus Pyodide, a service worker and first aid before boot."""
