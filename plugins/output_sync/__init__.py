"""Brings the output folder up to date instead of deleting it and writing it again, and
only once the build has succeeded.

With DELETE_OUTPUT_DIRECTORY, Pelican removes every file in the output and then
creates every folder and file anew; on a 1,000-article site that file-system work
is about a second of each build, and a build that fails halfway leaves half a site.
This plugin keeps that setting's promise (after a build the output holds exactly
what the build made, nothing left over) another way: a page is written only when
its bytes differ from the file already there, into a staging folder that replaces
the changed files in the output when the build is done; a failed build changes
nothing. One build at a time writes an output folder (a lock beside it).
"""

from pelican import signals

from output_sync.sync import commit, start_run, sync_writer, take_over_cleaning


def register():
    signals.initialized.connect(take_over_cleaning)
    signals.get_generators.connect(start_run)
    signals.get_writer.connect(sync_writer)
    signals.finalized.connect(commit)
