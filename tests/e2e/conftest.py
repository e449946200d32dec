"""Browser tests: Playwright driving Debian's Chromium against a live test server.

They need /usr/bin/chromium. Without it they are skipped locally with a reason; CI installs
Chromium and sets SAMLING_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parents[2] / "test-results"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("SAMLING_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(params=["phone", "desktop"])
def viewport(request):
    return request.param, PHONE if request.param == "phone" else DESKTOP


@pytest.fixture
def page(browser, viewport):
    _name, size = viewport
    context = browser.new_context(viewport=size, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_dir():
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_in(page, server: str, email: str = "admin@industrikommuner.demo") -> None:
    """Log in to the organiser area as a demo account (all share the demo password)."""
    page.goto(f"{server}/orga/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", "samling-demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server}/orga/")
