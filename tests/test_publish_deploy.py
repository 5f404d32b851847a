"""`make publish` and `make github`: whole builds only, reproducible, and deployed
to a gh-pages branch (here a local bare repository)."""

import filecmp
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.sitebuild import CONTENT, ROOT, article

PROJECT_PAGE = "https://example.github.io/repo"


def publish(content, output, siteurl=PROJECT_PAGE, **env):
    return subprocess.run([sys.executable, str(ROOT / "tools" / "publish.py"), "--content", str(content),
                           "--output", str(output)], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "SITEURL": siteurl, **env})


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def broken_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "articles" / "bad.md").write_text(article("A bad one", author="Jame McCracken"))
    return content


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    base = tmp_path_factory.mktemp("publish")
    result = publish(CONTENT, base / "output", CNAME_DOMAIN="therapy.example.net")
    assert result.returncode == 0, result.stderr
    return base / "output"


def test_publish_writes_absolute_urls_feed_and_no_drafts(published):
    html = (published / "blog" / "what-makes-good-therapy" / "index.html").read_text()
    assert f'<link rel="canonical" href="{PROJECT_PAGE}/blog/what-makes-good-therapy/">' in html
    assert (published / "feeds" / "all.atom.xml").exists()
    assert not (published / "drafts").exists()
    assert (published / "CNAME").read_text() == "therapy.example.net\n"
    assert f"<loc>{PROJECT_PAGE}/therapy/asheville-nc/</loc>" in (published / "sitemap.xml").read_text()


def test_no_link_or_asset_escapes_the_project_base_path(published):
    for page in published.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        for url in re.findall(r'(?:href|src)="([^"]+)"', page.read_text()):
            if url.startswith(("tel:", "sms:", "mailto:", "#")) or re.match(r"https?://(?!example\.github\.io)", url):
                continue
            assert url.startswith(PROJECT_PAGE + "/"), (page, url)
    assert 'data-base="https://example.github.io/repo/"' in (published / "search" / "index.html").read_text()


def test_two_publish_runs_of_one_commit_are_byte_identical(published, tmp_path):
    again = tmp_path / "output"
    assert publish(CONTENT, again, CNAME_DOMAIN="therapy.example.net").returncode == 0
    compared = filecmp.dircmp(published, again)

    def differences(cmp):
        found = cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files
        found += [f for f in cmp.common_files if not filecmp.cmp(os.path.join(cmp.left, f),
                                                                 os.path.join(cmp.right, f), shallow=False)]
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    assert differences(compared) == []


def test_a_content_error_fails_publish_and_leaves_output_untouched(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the site as it was")
    result = publish(broken_content(tmp_path), output)
    assert result.returncode == 1
    assert "bad.md:4: author: unknown therapist 'Jame McCracken'" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("output")] == ["output"]
    assert (output / "index.html").read_text() == "the site as it was"
    assert list(output.iterdir()) == [output / "index.html"]


@pytest.fixture
def repo(tmp_path):
    remote = tmp_path / "remote.git"
    git("init", "--bare", "--quiet", str(remote))
    work = tmp_path / "work"
    git("init", "--quiet", str(work))
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "--allow-empty", "--quiet", "-m", "source", cwd=work)
    git("remote", "add", "origin", str(remote), cwd=work)
    for key, value in (("user.email", "t@t"), ("user.name", "t")):
        git("config", key, value, cwd=work)
    return work, remote


def deploy(output, work):
    return subprocess.run([sys.executable, str(ROOT / "tools" / "deploy.py"), str(output), "--repo", str(work)],
                          capture_output=True, text=True, timeout=120)


def test_deploy_puts_the_site_on_gh_pages_and_a_second_deploy_changes_nothing(published, repo):
    work, remote = repo
    assert deploy(published, work).returncode == 0
    files = git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert {"index.html", ".nojekyll", "CNAME", "sitemap.xml"} <= set(files)
    source = git("rev-parse", "HEAD", cwd=work)
    assert source in git("--git-dir", str(remote), "log", "-1", "--format=%s", "gh-pages")
    first_tree = git("--git-dir", str(remote), "rev-parse", "gh-pages^{tree}")
    assert deploy(published, work).returncode == 0
    assert git("--git-dir", str(remote), "rev-parse", "gh-pages^{tree}") == first_tree


def test_make_github_with_a_content_error_pushes_nothing(repo, tmp_path):
    work, remote = repo
    output = tmp_path / "site"
    result = subprocess.run(["make", "-C", str(ROOT), "github", f"INPUTDIR={broken_content(tmp_path)}",
                             f"OUTPUTDIR={output}", f"DEPLOY_ARGS=--repo {work}"],
                            capture_output=True, text=True, timeout=900, env={**os.environ, "SITEURL": PROJECT_PAGE})
    assert result.returncode != 0
    assert "unknown therapist 'Jame McCracken'" in result.stderr
    assert not output.exists()
    assert git("--git-dir", str(remote), "branch", "--list") == ""
