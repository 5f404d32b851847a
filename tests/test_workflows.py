"""The GitHub Actions workflows, linted with actionlint, and the promises they keep."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.sitebuild import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint():
    found = Path(sys.executable).with_name("actionlint")
    return str(found) if found.exists() else shutil.which("actionlint")


def test_actionlint_finds_no_problem_in_any_workflow():
    assert WORKFLOWS
    result = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n")
    assert subprocess.run([actionlint(), str(bad)], capture_output=True).returncode == 1


def test_deploy_runs_only_after_tests_on_main_one_at_a_time_with_pinned_actions():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    assert flow["permissions"] == {"contents": "read"}
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert deploy["permissions"] == {"contents": "write"}
    assert deploy["concurrency"]["cancel-in-progress"] is False
    for job in flow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                ref = step["uses"].split("@", 1)[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]


def test_the_site_is_rebuilt_every_day_so_a_scheduled_article_goes_live_on_its_day():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert [entry["cron"] for entry in triggers["schedule"]] == ["0 11 * * *"]
    assert "schedule" in flow["jobs"]["deploy"]["if"]
