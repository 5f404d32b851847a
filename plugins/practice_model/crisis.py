"""content/data/crisis.yaml: the crisis resources every page shows, and the public plans
(LME/MCOs) that county rows name. Every crisis fact the site shows comes from here or
from counties.csv; templates and code hold none."""

import datetime
import re
from urllib.parse import quote

from content_contract.problems import problem

from practice_model.model import Channel, Crisis, CrisisResource, Plan, frozen_mapping
from practice_model.yaml_file import read_mapping

# The resources the whole site leans on, by id: the footer, the city and area pages, and
# every county whose own line is not verified.
SITE_WIDE = ("emergency", "lifeline")
PHONE = re.compile(r"^(?:\d{3}|1-\d{3}-\d{3}-\d{4}|\d{3}-\d{3}-\d{4})$")
_HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:/[^\s\"'<>`]*)?$")


def is_https_url(value):
    """An https:// address on a named host: what every URL read from data must be."""
    return isinstance(value, str) and bool(_HTTPS.match(value))


def digits(number):
    return re.sub(r"\D", "", str(number))[-10:]


def tel_href(number):
    found = re.sub(r"\D", "", str(number))
    return f"tel:{found}" if len(found) <= 3 else f"tel:+1{found[-10:]}"


def _channel(channel, where, path, line, found):
    """A channel with its link, or None (and a problem) when it cannot be reached."""
    if not isinstance(channel, dict):
        found.append(problem(path, "channels", f"expected kind, label and number or url ({where})", line))
        return None
    kind = channel.get("kind")
    if kind not in ("call", "text", "chat"):
        found.append(problem(path, "channels", f"kind must be call, text or chat ({where})", line))
        return None
    if not channel.get("label"):
        found.append(problem(path, "channels", f"a {kind} channel needs a label ({where})", line))
        return None
    if kind in ("call", "text"):
        number = str(channel.get("number") or "")
        if not PHONE.match(number):
            found.append(problem(path, "channels", f"a {kind} channel needs a number of three digits or written "
                                 f"1-NNN-NNN-NNNN, got '{number}' ({where})", line))
            return None
        href = tel_href(number) if kind == "call" else "sms:" + re.sub(r"\D", "", number) + (
            f"?&body={quote(str(channel['body']))}" if channel.get("body") else "")
    else:
        href = str(channel.get("url") or "")
        if not is_https_url(href):
            found.append(problem(path, "channels", f"a chat channel needs an https:// url, got '{href}' ({where})",
                                 line))
            return None
    return Channel(kind=kind, label=str(channel["label"]), href=href,
                   number=str(channel["number"]) if kind != "chat" else None,
                   url=href if kind == "chat" else None)


def _date(value, path, field, where, line, found):
    if not isinstance(value, datetime.date):
        found.append(problem(path, field, f"expected a date YYYY-MM-DD, got '{value}' ({where})", line))
        return None
    return value


def load_crisis(path, found):
    data, lines = read_mapping(path, found, required=("resources", "plans"))
    resources, by_id = [], {}
    items = data.get("resources")
    if items is not None and not isinstance(items, list):
        found.append(problem(path, "resources", "expected a list of resources", lines.of("resources")))
        items = []
    for index, item in enumerate(items or []):
        line = lines.of("resources", index)
        if not isinstance(item, dict):
            found.append(problem(path, "resources", f"expected id, name, channels … (resource {index + 1})", line))
            continue
        where = f"resource '{item.get('id') or index + 1}'"
        missing = [k for k in ("id", "name", "summary", "scope", "source", "checked") if not item.get(k)]
        for key in missing:
            found.append(problem(path, key, f"missing ({where})", line))
        if missing:
            continue
        if item["id"] in by_id:
            found.append(problem(path, "id", f"'{item['id']}' is given twice", line))
            continue
        channels = [c for c in (_channel(c, where, path, lines.of("resources", index, "channels", n), found)
                                for n, c in enumerate(item.get("channels") or [])) if c]
        if not channels:
            found.append(problem(path, "channels", f"at least one way to reach it is needed ({where})", line))
            continue
        resource = CrisisResource(
            id=str(item["id"]), name=str(item["name"]), summary=str(item["summary"]), scope=str(item["scope"]),
            source=str(item["source"]), checked=_date(item["checked"], path, "checked", where, line, found),
            channels=tuple(channels), notice=item.get("notice") is True, lang=item.get("lang"), line=line)
        resources.append(resource)
        by_id[resource.id] = resource
    for key in SITE_WIDE:
        if key not in by_id and data:  # an empty or unreadable file is reported once, above
            found.append(problem(path, "resources", f"no resource with id '{key}': every page needs it",
                                 lines.of("resources")))
    for key in SITE_WIDE:
        if key in by_id and not any(c.kind == "call" for c in by_id[key].channels):
            found.append(problem(path, "channels", f"resource '{key}' needs a call channel", by_id[key].line))
    return Crisis(resources=tuple(resources), emergency=by_id.get("emergency"), lifeline=by_id.get("lifeline"),
                  plans=frozen_mapping(_plans(data.get("plans"), path, lines, found)))


def _plans(items, path, lines, found):
    if items is None:
        return {}
    if not isinstance(items, dict):
        found.append(problem(path, "plans", "expected 'Plan name:' entries", lines.of("plans")))
        return {}
    plans = {}
    for name, item in items.items():
        line = lines.of("plans", name)
        where = f"plan '{name}'"
        if not isinstance(item, dict):
            found.append(problem(path, "plans", f"expected url, member_services and checked ({where})", line))
            continue
        url = str(item.get("url") or "")
        if not is_https_url(url):
            found.append(problem(path, "url", f"expected the plan's official https:// site, got '{url}' ({where})",
                                 lines.of("plans", name, "url")))
        member = str(item.get("member_services") or "")
        if not PHONE.match(member):
            found.append(problem(path, "member_services", "expected a phone number written 1-NNN-NNN-NNNN or "
                                 f"NNN-NNN-NNNN, got '{member}' ({where})", lines.of("plans", name, "member_services")))
        plans[name] = Plan(name=str(name), url=url if is_https_url(url) else None, member_services=member, line=line,
                           checked=_date(item.get("checked"), path, "checked", where, line, found))
    return plans
