"""Shared fixtures for browser tests: a real headless Chromium driven by Playwright.

Browser tests are marked ``@pytest.mark.browser`` and use ``live_server``. They are
skipped when /usr/bin/chromium is missing, unless ``REQUIRE_BROWSER=1`` (CI), in which
case a missing browser fails the run instead of silently passing it.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() or _browser_required():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (set REQUIRE_BROWSER=1 to fail)")
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"REQUIRE_BROWSER is set but {CHROMIUM} is missing")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_FLAGS,
        "headless": True,
    }
