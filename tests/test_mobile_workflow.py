"""The phone-build workflow parses, runs the README's `flet build` commands and keeps what they make."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "mobile.yml"
OUTPUT = {"apk": "build/apk", "aab": "build/aab", "ipa": "build/ipa"}  # where flet build puts each
RUNNER = {"apk": "ubuntu", "aab": "ubuntu", "ipa": "macos"}  # Xcode only runs on macOS


def readme_builds() -> list[str]:
    """The targets of the `flet build` commands in the README's phone-build section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Phone builds\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\S*flet build (\S+)", "\n".join(re.findall(r"```sh\n(.*?)```", section, re.S)), re.M)


@pytest.fixture(scope="module")
def jobs() -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow.get("on", workflow.get(True)), "the workflow says when it runs"  # YAML 1.1: on -> True
    return workflow["jobs"]


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_the_readme_gives_the_android_and_ios_builds():
    assert sorted(readme_builds()) == ["aab", "apk", "ipa"]


@pytest.mark.parametrize("target", readme_builds())
def test_each_readme_build_runs_on_its_runner_and_is_kept(jobs, target):
    built_by = [job for job in jobs.values() if re.search(rf"\bflet build {target}\b", runs(job))]
    assert len(built_by) == 1, f"`flet build {target}` should run in one job"
    job = built_by[0]
    assert job["runs-on"].startswith(RUNNER[target])
    kept = [step["with"]["path"] for step in job["steps"] if str(step.get("uses", "")).startswith(
        "actions/upload-artifact")]
    assert OUTPUT[target] in kept, f"what `flet build {target}` makes is not uploaded"


def test_the_build_tool_is_the_version_of_the_apps_flet(jobs):
    """A flet-cli of another version would build with another Flutter template than the app's Flet."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    flet = next(d for d in deps if re.match(r"flet\s*==", d)).split("==")[1].strip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'"flet-cli=={flet}"' in readme
    for name, job in jobs.items():
        assert f'"flet-cli=={flet}"' in runs(job), name
