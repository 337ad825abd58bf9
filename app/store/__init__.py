"""The episode log: a TinyDB repository over an injected storage backend, plus export/import."""

from app.store.backends import FileBackend, LogInUse, MemoryBackend, PrefsBackend, default_log_path
from app.store.repository import EpisodeLog, StoreProblem, open_file_log
from app.store.transfer import ImportRejected, ImportReport, export_csv, export_json, import_json

__all__ = [
    "EpisodeLog", "FileBackend", "ImportRejected", "ImportReport", "LogInUse", "MemoryBackend",
    "PrefsBackend", "StoreProblem", "default_log_path", "export_csv", "export_json", "import_json",
    "open_file_log",
]
