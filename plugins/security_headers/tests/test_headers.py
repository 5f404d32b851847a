"""The _headers file and every page carry the same Content-Security-Policy."""

from tests.html_read import read_page


def test_headers_file_carries_the_same_policy_as_every_page(real_site):
    headers = (real_site.output / "_headers").read_text()
    policy = read_page(real_site.page("")).meta["Content-Security-Policy"]
    assert f"Content-Security-Policy: {policy}; frame-ancestors 'none'" in headers
    assert "Referrer-Policy: no-referrer" in headers and "X-Content-Type-Options: nosniff" in headers
    for path, html in real_site.html_pages().items():
        assert read_page(html).meta.get("Content-Security-Policy") == policy, path
        assert read_page(html).meta.get("referrer") == "no-referrer", path
