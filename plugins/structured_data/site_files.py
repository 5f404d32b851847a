"""robots.txt, and sitemap dates that come from the content rather than the clock."""

import os

from pelican.plugins.sitemap import sitemap


def newest_content_date(context):
    dates = [getattr(c, "modified", None) or getattr(c, "date", None)
             for c in context.get("articles", []) + context.get("pages", [])]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


def pin_sitemap_date(generators):
    """pelican-sitemap stamps index pages with the build time; use the newest
    content date instead, so that two builds of one commit are identical."""
    newest = newest_content_date(generators[0].context)
    if newest is not None:
        sitemap.generator.now = newest


def write_robots_txt(pelican):
    siteurl = pelican.settings.get("SITEURL", "")
    with open(os.path.join(pelican.output_path, "robots.txt"), "w", encoding="utf-8") as f:
        f.write("User-agent: *\nDisallow: /drafts/\n\n")
        f.write(f"Sitemap: {siteurl}/sitemap.xml\n")
