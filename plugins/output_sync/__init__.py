"""Brings the output folder up to date instead of deleting it and writing it again.

With DELETE_OUTPUT_DIRECTORY, Pelican removes every file in the output and then
creates every folder and file anew; on a 1,000-article site that file-system work
is about a second of each build. This plugin keeps that setting's promise (after a
build the output holds exactly what the build made, nothing left over) another
way: a page is written only when its bytes differ from the file already there,
and when the build is done every file it did not make is removed.
"""

from pelican import signals

from output_sync.sync import remove_leftovers, sync_writer, take_over_cleaning


def register():
    signals.initialized.connect(take_over_cleaning)
    signals.get_writer.connect(sync_writer)
    signals.finalized.connect(remove_leftovers)
