"""A live server and a real Chromium (Debian's, driven by Playwright) for browser tests."""

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("QUIZ_CHROMIUM") or _chromium()
    if path is None:
        if os.environ.get("QUIZ_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (QUIZ_REQUIRE_BROWSER is set) but was not found")
        pytest.skip("Chromium is not installed (apt-get install chromium): browser tests skipped")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
