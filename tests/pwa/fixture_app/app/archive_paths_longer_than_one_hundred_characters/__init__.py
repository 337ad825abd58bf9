"""A package whose archive paths are over 100 characters, so the tar needs PAX headers."""

from .need_pax_headers_in_the_tar_that_the_worker_unpacks.deep_module import GREETING

__all__ = ["GREETING"]
