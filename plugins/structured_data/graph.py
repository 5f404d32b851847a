"""One JSON-LD @graph per page, with stable @ids that resolve inside the graph."""

from pelican.utils import slugify

NC = {"@type": "State", "name": "North Carolina"}


def _abs(siteurl, url):
    return f"{siteurl}/{url}"


def _iso(date):
    return date.isoformat() if date is not None else None


def organization(ctx):
    siteurl = ctx.get("SITEURL", "")
    practice = ctx.get("practice") or {}
    offices = practice.get("home_offices") or {}
    contact = practice.get("contact") or {}
    node = {
        "@type": "Organization",
        "@id": f"{siteurl}/#organization",
        "name": practice.get("name"),
        "alternateName": practice.get("short_name"),
        "slogan": practice.get("tagline"),
        "url": f"{siteurl}/",
        "areaServed": NC,
    }
    if offices.get("street_address"):
        # A clinic type only where a street address is known.
        node["@type"] = ["Organization", "MedicalClinic"]
        node["address"] = {
            "@type": "PostalAddress",
            "streetAddress": offices["street_address"],
            "addressLocality": offices.get("city"),
            "addressRegion": "NC",
            "postalCode": offices.get("postal_code"),
            "addressCountry": "US",
        }
    if contact.get("phone"):
        node["telephone"] = contact["phone"]
    return {k: v for k, v in node.items() if v is not None}


def person(therapist, ctx):
    siteurl = ctx.get("SITEURL", "")
    node = {
        "@type": "Person",
        "@id": f"{siteurl}/{therapist.url}#person",
        "name": therapist.name,
        "url": _abs(siteurl, therapist.url),
        "worksFor": {"@id": f"{siteurl}/#organization"},
        "honorificSuffix": therapist.credential_codes or None,
        "jobTitle": getattr(therapist, "role", None) or therapist.job_title,
        "knowsAbout": (list(getattr(therapist, "modalities", None) or [])
                       + list(getattr(therapist, "specialties", None) or [])) or None,
        "hasCredential": [credential(c) for c in therapist.licenses + therapist.certification_list] or None,
    }
    return {k: v for k, v in node.items() if v is not None}


def credential(item):
    node = {
        "@type": "EducationalOccupationalCredential",
        "name": item["name"],
        "credentialCategory": item["kind"],
    }
    if item["kind"] == "license":
        node["validIn"] = NC
    # Every credential names who grants it: the NC board for a license, the issuer for a certification.
    granted_by = item.get("granted_by")
    if granted_by:
        node["recognizedBy"] = {"@type": "Organization", "name": granted_by["name"]}
        if granted_by.get("url"):
            node["recognizedBy"]["url"] = granted_by["url"]
    if item.get("number"):
        node["identifier"] = item["number"]
    return node


def breadcrumb_list(head, ctx):
    siteurl = ctx.get("SITEURL", "")
    return {
        "@type": "BreadcrumbList",
        "@id": f"{head.canonical}#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": _abs(siteurl, url)}
            for i, (name, url) in enumerate(head.breadcrumbs, 1)
        ],
    }


def build_graph(head, ctx):
    siteurl = ctx.get("SITEURL", "")
    lang = ctx.get("DEFAULT_LANG", "en")
    org_id = f"{siteurl}/#organization"
    page_id = f"{head.canonical}#webpage"
    graph = [
        organization(ctx),
        {"@type": "WebSite", "@id": f"{siteurl}/#website", "url": f"{siteurl}/",
         "name": ctx.get("SITENAME"), "publisher": {"@id": org_id}, "inLanguage": lang},
    ]
    webpage = {
        "@type": "WebPage",
        "@id": page_id,
        "url": head.canonical,
        "name": head.title,
        "description": head.description,
        "isPartOf": {"@id": f"{siteurl}/#website"},
        "inLanguage": lang,
    }
    if head.breadcrumbs:
        graph.append(breadcrumb_list(head, ctx))
        webpage["breadcrumb"] = {"@id": f"{head.canonical}#breadcrumb"}
    subject = head.subject
    reviewed = getattr(subject, "last_reviewed", None) if subject is not None else None
    reviewer = getattr(subject, "reviewed_by", None) if subject is not None else None
    if head.kind == "article":
        webpage["@type"] = "MedicalWebPage"
        people = {}
        if subject.therapist:
            people[subject.therapist.slug] = subject.therapist
        post = {
            "@type": "BlogPosting",
            "@id": f"{head.canonical}#article",
            "headline": head.title,
            "description": head.description,
            "datePublished": _iso(subject.date),
            "dateModified": _iso(getattr(subject, "modified", None) or subject.date),
            "author": ({"@id": f"{siteurl}/{subject.therapist.url}#person",
                        "url": _abs(siteurl, subject.therapist.url)}
                       if subject.therapist else {"@type": "Person", "name": subject.author.name}),
            "publisher": {"@id": org_id},
            "mainEntityOfPage": {"@id": page_id},
            "inLanguage": lang,
            "keywords": [str(t) for t in getattr(subject, "tags", [])] or None,
        }
        place = getattr(subject, "series_place", None)
        if place:
            series_id = f"{siteurl}/{place.url}#series"
            post["isPartOf"] = {"@id": series_id}
            graph.append({"@type": "CreativeWorkSeries", "@id": series_id, "name": place.name,
                          "url": _abs(siteurl, place.url)})
        graph.append({k: v for k, v in post.items() if v is not None})
        for therapist in people.values():
            graph.append(person(therapist, ctx))
    if head.kind in ("article", "page") and reviewed:
        webpage["@type"] = "MedicalWebPage"
        webpage["lastReviewed"] = _iso(reviewed) if hasattr(reviewed, "isoformat") else str(reviewed)
        reviewer_t = (ctx.get("therapists_by_slug") or {}).get(
            slugify(str(reviewer), regex_subs=ctx.get("SLUG_REGEX_SUBSTITUTIONS", []))) if reviewer else None
        if reviewer_t is not None:
            webpage["reviewedBy"] = {"@id": f"{siteurl}/{reviewer_t.url}#person"}
            if not any(n.get("@id") == webpage["reviewedBy"]["@id"] for n in graph):
                graph.append(person(reviewer_t, ctx))
    if head.kind == "profile":
        webpage["@type"] = "ProfilePage"
        webpage["mainEntity"] = {"@id": f"{siteurl}/{subject.url}#person"}
        graph.append(person(subject, ctx))
    if head.kind == "city":
        city = subject.city
        webpage["about"] = {
            "@type": "City",
            "name": city["name"],
            "containedInPlace": {"@type": "AdministrativeArea", "name": f"{city['county']} County",
                                 "containedInPlace": NC},
        }
    graph.insert(2, webpage)
    return {"@context": "https://schema.org", "@graph": graph}
