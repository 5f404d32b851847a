"""One build's knowledge of the practice: the content files read and parsed once, the
data files loaded, the contract checked, and the model assembled from all of them."""

import os

from content_contract.check import (
    Known,
    check_sources,
    read_sources,
    slug_rules,
    slugify,
)

from practice_model.data_files import load_data_files
from practice_model.model import Practice, PrivacyNotice, frozen_mapping
from practice_model.outputs import plan_outputs, unsafe_links
from practice_model.profiles import services_from, therapist_from


class Build:
    """Made anew by every Pelican run (practice_model's first signal) and dropped with
    it: nothing a build learns survives into the next one."""

    def __init__(self, content_path, settings):
        self.content_path = content_path
        self.settings = settings
        self.sources = read_sources(content_path, settings.get("CACHE_PATH"))
        facts, problems = load_data_files(content_path)
        known = Known(credentials={c.code: c.kind for c in facts["credentials"].values()},
                      cities=frozenset(c.slug for c in facts["cities"]))
        problems = problems + check_sources(self.sources, settings, known, content_path) + unsafe_links(content_path)
        self.model = None if problems else assemble(facts, self.sources, settings)
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


def privacy_notice(rel, sources, settings):
    """Where the notice is read: its page's URL, or the PDF's own path (content/files/ is copied as is)."""
    if rel is None:
        return None
    if rel.endswith(".md"):
        source = next(s for s in sources if s.path.as_posix().endswith("/" + rel))
        meta = source.meta
        slug = meta.get("slug") or (slugify(str(meta["title"]), slug_rules(settings)) if meta.get("title")
                                    else source.path.stem)
        url = meta.get("url") or settings.get("PAGE_URL", "{slug}.html").format(slug=slug)
        return PrivacyNotice(path=rel, url=str(url))
    return PrivacyNotice(path=rel, url=rel)


def assemble(facts, sources, settings):
    rules = slug_rules(settings)
    facts = {**facts, "privacy_notice": privacy_notice(facts["privacy_notice"], sources, settings)}
    office = facts["home_offices"].city
    therapists = sorted((therapist_from(s, facts["credentials"], office) for s in sources
                         if s.collection == "therapists"),
                        key=lambda t: (t.name.split()[-1], t.name))
    offered, unoffered = services_from(sources, therapists, office, rules)
    return Practice(**facts, therapists=tuple(therapists), services=offered, unoffered_services=unoffered,
                    _therapists_by_slug=frozen_mapping((t.slug, t) for t in therapists))


def load(content_path, settings):
    return Build(content_path, settings)

