"""One Jinja bytecode cache for every generator: in memory, and on disk between builds."""

import os

from jinja2 import BytecodeCache, FileSystemBytecodeCache

_caches = {}


class SharedBytecodeCache(BytecodeCache):
    def __init__(self, directory):
        self.memory = {}
        self.disk = FileSystemBytecodeCache(directory) if directory else None

    def load_bytecode(self, bucket):
        code = self.memory.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)  # a damaged file is simply ignored by Jinja

    def dump_bytecode(self, bucket):
        self.memory[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


def share_bytecode_cache(generator):
    directory = None
    if generator.settings.get("TEMPLATE_CACHE", True):
        directory = os.path.join(generator.settings.get("CACHE_PATH", "cache"), "jinja")
        os.makedirs(directory, exist_ok=True)
    if directory not in _caches:
        _caches[directory] = SharedBytecodeCache(directory)
    generator.env.bytecode_cache = _caches[directory]
