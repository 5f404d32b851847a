"""Compiles each theme template once per build instead of once per generator.

Pelican gives every generator its own Jinja environment, so base.html and the
partials were compiled six times a build. One bytecode cache, shared by all of
them and kept in CACHE_PATH between builds, removes that repeated work. Jinja keys
each entry by the template's name and source checksum, so an edited template is
always compiled again.
"""

from pelican import signals

from template_cache.bytecode import share_bytecode_cache


def register():
    signals.generator_init.connect(share_bytecode_cache)
