"""Writes `_headers` (read by Netlify, Cloudflare Pages and others) with the same
Content-Security-Policy and referrer policy every page carries in its <head>."""

import os

from pelican import signals

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def headers_file(settings):
    policy = settings["CONTENT_SECURITY_POLICY"] + "; frame-ancestors 'none'"
    lines = ["/*", f"  Content-Security-Policy: {policy}", f"  Referrer-Policy: {settings['REFERRER_POLICY']}"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    return "\n".join(lines) + "\n"


def write_headers_file(pelican):
    with open(os.path.join(pelican.output_path, "_headers"), "w", encoding="utf-8") as f:
        f.write(headers_file(pelican.settings))


def register():
    signals.finalized.connect(write_headers_file)
