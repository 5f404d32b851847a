"""Jinja's bytecode cache for the site's templates, kept in CACHE_PATH between builds (a
library, not a plugin: pelicanconf.py gives it to Pelican through JINJA_ENVIRONMENT).

Jinja's own FileSystemBytecodeCache fails on a damaged (e.g. truncated) cache file, and
then every build fails until the cache is removed; this one discards the file and
compiles the template again. Jinja keys each entry by the template's name and source
checksum, so an edited template is always compiled again."""

import logging
import os

from content_contract.problems import log
from jinja2 import FileSystemBytecodeCache

logger = logging.getLogger(__name__)


class DamageTolerantBytecodeCache(FileSystemBytecodeCache):
    def __init__(self, directory):
        os.makedirs(directory, exist_ok=True)
        super().__init__(directory)

    def load_bytecode(self, bucket):
        try:
            super().load_bytecode(bucket)
        except Exception as err:  # noqa: BLE001 - any damage means: compile again
            bucket.reset()
            try:
                os.remove(self._get_cache_filename(bucket))
            except OSError:
                pass
            log(logging.WARNING, f"the template cache in {self.directory} had a damaged file "
                f"({err.__class__.__name__}); it was discarded and the template compiled again")
