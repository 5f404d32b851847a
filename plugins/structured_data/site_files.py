"""robots.txt, and sitemap dates that come from the content rather than the clock."""

import os
import re

import practice_model
from pelican import signals
from pelican.plugins.sitemap.sitemap import SitemapGenerator, format_date

STATE = "structured_data"


def newest_content_date(context):
    dates = [getattr(c, "modified", None) or getattr(c, "date", None)
             for c in context.get("articles", []) + context.get("pages", [])]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


def restart_sitemap(pelican):
    """pelican-sitemap forgets its run's pages only when the run finishes; a run stopped by a
    content problem in `make serve` would leave them, and no later run would write the sitemap
    again. It has no hook for this, so each run starts it afresh here, after its own start
    (this site has no i18n subsites, for which it keeps the first run)."""
    for receiver in signals.finalized.receivers_for(pelican):
        sitemap = getattr(receiver, "__self__", None)
        if isinstance(sitemap, SitemapGenerator):
            sitemap._main_pelican, sitemap.page_queue = pelican, []


def note_undated_pages(generators):
    """The pages with no date of their own (home, /blog/, topics, each topic, and pages
    without a `date`): pelican-sitemap dates them with the clock. The newest content date,
    which pin_sitemap_dates gives them instead, is noted here."""
    context = generators[0].context
    state = practice_model.build_of(generators[0]).state(STATE, dict)
    state["newest"] = newest_content_date(context)
    state["undated_urls"] = {"", context.get("ARCHIVES_URL", ""), context.get("TAGS_URL", "")} | {
        tag.url for tag, _ in context.get("tags", [])} | {
        p.url for p in context.get("pages", []) + context.get("hidden_pages", [])
        if getattr(p, "modified", None) is None and getattr(p, "date", None) is None}


def pin_sitemap_dates(pelican):
    """Gives the undated pages of sitemap.xml the newest content date instead of the build
    time, so that two builds of one commit are identical. Runs after pelican-sitemap has
    written the file (it comes before this plugin in PLUGINS), and reads only what it wrote."""
    path = os.path.join(pelican.output_path, "sitemap.xml")
    state = practice_model.build_of(pelican).state(STATE, dict)
    if not os.path.exists(path):
        if "pelican.plugins.sitemap" in pelican.settings.get("PLUGINS", []):
            practice_model.stop_for_plugins("structured_data must come after pelican.plugins.sitemap in PLUGINS: "
                                            "it gives the sitemap's undated pages their content date")
        return
    if state.get("newest") is None:
        return
    siteurl = re.escape(pelican.settings.get("SITEURL", ""))
    urls = "|".join(re.escape(u) for u in sorted(state["undated_urls"]))
    pattern = re.compile(rf"(<loc>{siteurl}/(?:{urls})</loc>\n<lastmod>)[^<]*(</lastmod>)")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    pinned = pattern.sub(lambda m: m.group(1) + format_date(state["newest"]) + m.group(2), text)
    if pinned != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(pinned)


def write_robots_txt(pelican):
    siteurl = pelican.settings.get("SITEURL", "")
    with open(os.path.join(pelican.output_path, "robots.txt"), "w", encoding="utf-8") as f:
        f.write("User-agent: *\nDisallow: /drafts/\n\n")
        f.write(f"Sitemap: {siteurl}/sitemap.xml\n")
