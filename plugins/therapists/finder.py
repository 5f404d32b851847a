"""The therapist finder on /therapists/: what each card can be narrowed by, and the choices.

Values are the model's, as short words a URL can keep (?service=…&sees=couples&where=online).
"""

import re

from markupsafe import Markup, escape

WHERE = (("online", "Online"), ("in-person", "In person"))
ACCEPTING = (("yes", "Accepting new clients"), ("unknown", "Ask us"), ("no", "Not accepting now"))


def _word(text):
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def card_values(therapist):
    return {
        "services": [s for s in therapist.services],
        "sees": [_word(p) for p in therapist.populations],
        "where": [w for w, on in (("online", therapist.online), ("in-person", therapist.in_person)) if on is True],
        "languages": [_word(lang) for lang in therapist.languages],
        "accepting": [therapist.accepting],
    }


def finder_attributes(therapist):
    """The data- attributes of a therapist's card, which finder.js narrows by."""
    return Markup("".join(f' data-{name}="{escape(" ".join(values))}"'
                          for name, values in card_values(therapist).items()))


def finder_choices(practice):
    """[(field, label, [(value, text)])] for the choices at least one therapist matches."""
    therapists = practice.therapists
    where = {w for t in therapists for w in card_values(t)["where"]}
    accepting = {t.accepting for t in therapists}
    fields = [
        ("service", "Service", [(s.slug, s.title) for s in practice.services]),
        ("sees", "Who they see", sorted({(_word(p), p.capitalize()) for t in therapists for p in t.populations})),
        ("where", "Online or in person", [(w, text) for w, text in WHERE if w in where]),
        ("language", "Language", sorted({(_word(lang), lang) for t in therapists for lang in t.languages})),
        ("accepting", "New clients", [(a, text) for a, text in ACCEPTING if a in accepting]),
    ]
    return [f for f in fields if f[2]]
