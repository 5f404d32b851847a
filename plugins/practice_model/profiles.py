"""Therapists in the model, from their profiles' front matter (content/therapists/*.md)."""

from practice_model.model import HeldCredential, Link, Service, Therapist

FOLDER = "therapists"


def _texts(value):
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _choice(value):
    # YAML reads a bare yes/no as true/false; the contract accepts both spellings.
    return {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else (value or "unknown")


def where(in_person, online, office_city):
    ways = ([f"In person in {office_city}"] if in_person is True else []) + (
        ["online anywhere in North Carolina"] if online is True else [])
    return "; ".join(ways) or None


def therapist_from(source, credentials, office_city):
    """The model's Therapist for a profile that passed the contract."""
    meta = source.meta
    numbers = meta.get("license_numbers") or {}
    return Therapist(
        slug=source.path.stem,
        name=str(meta["name"]).strip(),
        summary=str(meta.get("summary", "")),
        source_path=str(source.path),
        licenses=tuple(HeldCredential(credentials[c], numbers.get(c)) for c in meta.get("credentials") or []),
        certifications=tuple(HeldCredential(credentials[c]) for c in meta.get("certifications") or []),
        pronouns=meta.get("pronouns"),
        role=meta.get("role"),
        specialties=_texts(meta.get("specialties")),
        modalities=_texts(meta.get("modalities")),
        populations=_texts(meta.get("populations")),
        formats=_texts(meta.get("formats")),
        languages=_texts(meta.get("languages")),
        in_person=meta.get("in_person"),
        online=meta.get("online"),
        accepting=_choice(meta.get("accepting_new_clients")),
        photo=meta.get("photo"),
        photo_alt=meta.get("photo_alt"),
        profiles=tuple(Link(name=str(p["name"]), url=str(p["url"])) for p in meta.get("profiles") or []),
        services=_texts(meta.get("services")),
        where=where(meta.get("in_person"), meta.get("online"), office_city),
        url_prefix=f"{FOLDER}/",
    )


def services_from(sources, therapists, office_city, slug_rules):
    """(offered, unoffered): each service file with the therapists whose profiles name it."""
    from content_contract.check import slugify

    offered, unoffered = [], []
    for source in sources:
        if source.collection != "services" or source.meta.get("status") == "draft":
            continue
        slug, meta = source.path.stem, source.meta
        offering = tuple(t for t in therapists if slug in t.services)
        if not offering:
            unoffered.append((slug, str(source.path)))
            continue
        title = str(meta["title"]).strip()
        topics = (title, *(str(t) for t in meta.get("topics") or []))
        offered.append(Service(
            slug=slug, title=title, summary=str(meta.get("summary", "")), source_path=str(source.path),
            therapists=offering, topics=tuple(dict.fromkeys(slugify(t, slug_rules) for t in topics)),
            where=where(any(t.in_person is True for t in offering), any(t.online is True for t in offering),
                        office_city)))
    return tuple(sorted(offered, key=lambda s: s.title.lower())), tuple(unoffered)
