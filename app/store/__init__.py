"""The episode log: a TinyDB repository over an injected storage backend, plus export/import."""

from app.store.backends import FileBackend, LogInUse, MemoryBackend, PrefsBackend, default_log_path
from app.store.repository import EpisodeLog, StoreProblem, open_file_log
from app.store.transfer import (
    MAX_IMPORT_BYTES,
    ExportFile,
    ImportRejected,
    ImportReport,
    ImportTooLarge,
    check_import_size,
    export_csv,
    export_json,
    export_json_file,
    import_json,
)

__all__ = [
    "MAX_IMPORT_BYTES", "EpisodeLog", "ExportFile", "FileBackend", "ImportRejected", "ImportReport",
    "ImportTooLarge", "LogInUse", "MemoryBackend", "PrefsBackend", "StoreProblem", "check_import_size",
    "default_log_path", "export_csv", "export_json", "export_json_file", "import_json", "open_file_log",
]
