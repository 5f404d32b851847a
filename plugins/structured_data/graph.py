"""One JSON-LD @graph per page, with stable @ids that resolve inside the graph."""

from content_contract.check import slug_rules
from series.navigation import series_of

NC = {"@type": "State", "name": "North Carolina"}


def _abs(siteurl, url):
    return f"{siteurl}/{url}"


def _iso(date):
    return date.isoformat() if date is not None else None


def organization(ctx):
    siteurl = ctx.get("SITEURL", "")
    practice = ctx["practice"]
    offices = practice.home_offices
    node = {
        "@type": "Organization",
        "@id": f"{siteurl}/#organization",
        "name": practice.name,
        "alternateName": practice.short_name,
        "slogan": practice.tagline,
        "url": f"{siteurl}/",
        "areaServed": NC,
    }
    if offices.street_address:
        # A clinic type only where a street address is known.
        node["@type"] = ["Organization", "MedicalClinic"]
        node["address"] = {
            "@type": "PostalAddress",
            "streetAddress": offices.street_address,
            "addressLocality": offices.city,
            "addressRegion": "NC",
            "postalCode": offices.postal_code,
            "addressCountry": "US",
        }
    if practice.contact.phone:
        node["telephone"] = practice.contact.phone
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
        "jobTitle": therapist.role or therapist.job_title,
        "knowsAbout": list(therapist.modalities + therapist.specialties) or None,
        "hasCredential": [credential(c) for c in therapist.licenses + therapist.certifications] or None,
        # The therapist's other listings (a directory, the board's license lookup), as the profile shows them.
        "sameAs": [link.url for link in therapist.profiles] or None,
    }
    return {k: v for k, v in node.items() if v is not None}


def credential(held):
    node = {
        "@type": "EducationalOccupationalCredential",
        "name": held.name,
        "credentialCategory": held.kind,
    }
    if held.kind == "license":
        node["validIn"] = NC
    # Every credential names who grants it: the NC board for a license, the issuer for a certification.
    if held.granted_by:
        node["recognizedBy"] = {"@type": "Organization", "name": held.granted_by.name}
        if held.granted_by.url:
            node["recognizedBy"]["url"] = held.granted_by.url
    if held.number:
        node["identifier"] = held.number
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
    practice = ctx["practice"]
    review = getattr(subject, "review", None) if subject is not None else None  # as the page shows it
    if head.kind == "article":
        webpage["@type"] = "MedicalWebPage"
        author = practice.therapist(subject.author.slug)
        people = {author.slug: author} if author else {}
        post = {
            "@type": "BlogPosting",
            "@id": f"{head.canonical}#article",
            "headline": head.title,
            "description": head.description,
            "datePublished": _iso(subject.date),
            "dateModified": _iso(getattr(subject, "modified", None) or subject.date),
            "author": ({"@id": f"{siteurl}/{author.url}#person", "url": _abs(siteurl, author.url)}
                       if author else {"@type": "Person", "name": subject.author.name}),
            "publisher": {"@id": org_id},
            "mainEntityOfPage": {"@id": page_id},
            "inLanguage": lang,
            "keywords": [str(t) for t in getattr(subject, "tags", [])] or None,
        }
        series = series_of(subject, slug_rules(ctx))
        if series:
            name, url = series
            series_id = f"{siteurl}/{url}#series"
            post["isPartOf"] = {"@id": series_id}
            graph.append({"@type": "CreativeWorkSeries", "@id": series_id, "name": name,
                          "url": _abs(siteurl, url)})
        graph.append({k: v for k, v in post.items() if v is not None})
        for therapist in people.values():
            graph.append(person(therapist, ctx))
    if head.kind in ("article", "page") and review is not None:
        webpage["@type"] = "MedicalWebPage"
        webpage["lastReviewed"] = review.date.date().isoformat()
        webpage["reviewedBy"] = {"@id": f"{siteurl}/{review.therapist.url}#person"}
        if not any(n.get("@id") == webpage["reviewedBy"]["@id"] for n in graph):
            graph.append(person(review.therapist, ctx))
    if head.kind == "profile":
        webpage["@type"] = "ProfilePage"
        webpage["mainEntity"] = {"@id": f"{siteurl}/{subject.url}#person"}
        graph.append(person(subject, ctx))
    if head.kind == "city":
        city = subject.city
        webpage["about"] = {
            "@type": "City",
            "name": city.name,
            "containedInPlace": {"@type": "AdministrativeArea", "name": f"{city.county} County",
                                 "containedInPlace": NC},
        }
    graph.insert(2, webpage)
    return {"@context": "https://schema.org", "@graph": graph}
