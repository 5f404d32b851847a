"""One build's knowledge of the practice: the content files read and parsed once, the
data files loaded, the contract checked, and the model assembled from all of them."""

import os

from content_contract.check import Known, check_sources, read_sources

from practice_model.data_files import load_data_files
from practice_model.model import Practice, frozen_mapping
from practice_model.outputs import plan_outputs, unsafe_links
from practice_model.profiles import therapist_from


class Build:
    """Made anew by every Pelican run (practice_model's first signal) and dropped with
    it: nothing a build learns survives into the next one."""

    def __init__(self, content_path, settings):
        self.content_path = content_path
        self.settings = settings
        self.sources = read_sources(content_path)
        facts, problems = load_data_files(content_path)
        known = Known(credentials={c.code: c.kind for c in facts["credentials"].values()},
                      cities=frozenset(c.slug for c in facts["cities"]))
        problems = problems + check_sources(self.sources, settings, known, content_path) + unsafe_links(content_path)
        self.model = None if problems else assemble(facts, self.sources)
        problems += plan_outputs(self, settings)  # the pages the plugins make only when the model is whole
        self.problems = sorted(set(problems))
        if self.problems:
            self.model = None
        self._by_path = {os.path.abspath(s.path): s for s in self.sources}
        self._plugin_state = {}

    def source(self, path):
        """The parsed file at `path`, when its bytes are still those that were checked."""
        return self._by_path.get(os.path.abspath(path))

    def state(self, owner, make):
        """Per-build state a plugin keeps (e.g. its cache, opened once): gone with the build."""
        if owner not in self._plugin_state:
            self._plugin_state[owner] = make()
        return self._plugin_state[owner]


def assemble(facts, sources):
    office = facts["home_offices"].city
    therapists = sorted((therapist_from(s, facts["credentials"], office) for s in sources
                         if s.collection == "therapists"),
                        key=lambda t: (t.name.split()[-1], t.name))
    return Practice(**facts, therapists=tuple(therapists),
                    _therapists_by_slug=frozen_mapping((t.slug, t) for t in therapists))


def load(content_path, settings):
    return Build(content_path, settings)

