"""Loads practice.yaml: the practice's name, offices, contact, fees, Good Faith Estimate
and privacy notice. An unknown fact stays None, and the pages read well without it; each
problem names the file, the field and the line."""

import datetime
import re
from pathlib import Path

from content_contract.problems import problem

from practice_model.crisis import PHONE as _PHONE
from practice_model.crisis import is_https_url, tel_href
from practice_model.model import Contact, Fee, Fees, GoodFaithEstimate, Office
from practice_model.yaml_file import read_mapping


def _https(values, block, key, path, lines, found):
    url = values.get(key)
    if url is not None and not is_https_url(url):
        found.append(problem(path, f"{block}.{key}", f"expected an https:// address, got '{url}'",
                             lines.of(block, key)))
        return None
    return url


def _phone(values, block, path, lines, found):
    phone = values.get("phone")
    if phone is None:
        return None, None
    if not _PHONE.match(str(phone)):
        found.append(problem(path, f"{block}.phone", f"expected a phone number written NNN-NNN-NNNN, got '{phone}'",
                             lines.of(block, "phone")))
        return None, None
    return str(phone), tel_href(phone)


def _block(practice, key, path, lines, found):
    value = practice.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        found.append(problem(path, key, "expected 'field: value' lines under it", lines.of(key)))
        return {}
    return value


def _texts(value, path, field, lines, found):
    """A list of text from a data file, or None when it is not known (null)."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        found.append(problem(path, field, "expected a list of text", lines.of(*field.split("."))))
        return None
    return tuple(str(v) for v in value)


def _privacy_notice(value, path, lines, found):
    """The notice's file in content/: a page (pages/….md) or a PDF (files/….pdf), or None."""
    if value is None:
        return None
    rel = str(value).strip().lstrip("/")
    target = Path(path).parent.parent / rel
    why = None
    if not (rel.startswith("pages/") and rel.endswith(".md")) and not (rel.startswith("files/") and rel.endswith(".pdf")):
        why = "expected a page (pages/….md) or a PDF (files/….pdf) in the content folder"
    elif not target.is_file():
        why = f"'{rel}' is not a file in the content folder (expected {target})"
    if why:
        found.append(problem(path, "privacy_notice", why, lines.of("privacy_notice")))
        return None
    return rel


def load_practice(path, cities, found):
    """The practice's facts; an unknown fact stays None, and its page reads well without it."""
    practice, lines = read_mapping(path, found, required=(
        "name", "short_name", "tagline", "home_offices", "contact", "fees"))
    offices = _block(practice, "home_offices", path, lines, found)
    by_slug = {c.slug: c for c in cities}
    office_city = by_slug.get(offices.get("city_slug"))
    if practice and office_city is None:
        found.append(problem(path, "home_offices.city_slug", f"unknown city '{offices.get('city_slug')}' "
                             "(expected a slug from content/data/cities.csv, e.g. durham-nc)",
                             lines.of("home_offices", "city_slug")))
    contact = _block(practice, "contact", path, lines, found)
    phone, phone_href = _phone(contact, "contact", path, lines, found)
    email = contact.get("email")
    if email is not None and not re.match(r"^[^@\s<>\"':]+@[^@\s<>\"':]+\.[a-z]{2,}$", str(email)):
        found.append(problem(path, "contact.email", f"expected an e-mail address, got '{email}'",
                             lines.of("contact", "email")))
        email = None
    fees = _block(practice, "fees", path, lines, found)
    session_fees = fees.get("session_fees")
    if session_fees is not None:
        if isinstance(session_fees, list) and all(isinstance(f, dict) and f.get("service") and f.get("fee")
                                                  for f in session_fees):
            session_fees = tuple(Fee(service=str(f["service"]), fee=str(f["fee"])) for f in session_fees)
        else:
            found.append(problem(path, "fees.session_fees", "expected a list of {service, fee}",
                                 lines.of("fees", "session_fees")))
            session_fees = None
    gfe = _block(practice, "good_faith_estimate", path, lines, found)
    gfe_phone, gfe_href = _phone(gfe, "good_faith_estimate", path, lines, found)
    info_url = _https(gfe, "good_faith_estimate", "info_url", path, lines, found)
    checked = gfe.get("checked")
    return {
        "privacy_notice": _privacy_notice(practice.get("privacy_notice"), path, lines, found),
        "name": str(practice.get("name", "")),
        "short_name": str(practice.get("short_name", "")),
        "tagline": str(practice.get("tagline", "")),
        # The office city's name comes from its row in cities.csv: one fact, one place.
        "home_offices": Office(city_slug=offices.get("city_slug"), city=office_city.name if office_city else None,
                               street_address=offices.get("street_address"), postal_code=offices.get("postal_code")),
        "contact": Contact(phone=phone, phone_href=phone_href, email=email,
                           booking_url=_https(contact, "contact", "booking_url", path, lines, found)),
        "fees": Fees(session_fees=session_fees,
                     insurance_panels=_texts(fees.get("insurance_panels"), path, "fees.insurance_panels", lines, found),
                     sliding_scale=fees.get("sliding_scale")),
        "good_faith_estimate": GoodFaithEstimate(
            info_url=info_url, info_label=re.sub(r"^https://(www\.)?", "", info_url).rstrip("/") if info_url else None,
            phone=gfe_phone, phone_href=gfe_href, checked=checked if isinstance(checked, datetime.date) else None),
        "in_person": practice.get("in_person"),
        "online": practice.get("online"),
        "formats": _texts(practice.get("formats"), path, "formats", lines, found) or (),
        "models": _texts(practice.get("models"), path, "models", lines, found) or (),
        "professions": _texts(practice.get("professions"), path, "professions", lines, found) or (),
    }
