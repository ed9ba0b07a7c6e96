"""Security headers on every kind of response, and pages that need no inline script or style."""

import re
from html.parser import HTMLParser

import pytest

from tests.security.conftest import rules

REQUIRED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def assert_secure_headers(response):
    policy = response.headers.get("Content-Security-Policy", "")
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";")) if part
    )
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, policy
    assert directives.get("object-src") == "'none'", policy
    assert directives.get("frame-ancestors") == "'none'", policy
    assert directives.get("default-src") == "'self'", policy
    for name, value in REQUIRED.items():
        assert response.headers.get(name) == value, (name, response.headers)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/", {}, 200),
        ("get", "/leaderboard", {}, 200),
        ("get", "/static/quiz.css", {}, 200),
        ("get", "/static/timer.js", {}, 200),
        ("get", "/healthz", {}, 200),
        ("get", "/api/v1/articles", {}, 200),
        ("get", "/no/such/page", {}, 404),
        ("get", "/api/v1/nothing", {}, 404),
        ("delete", "/", {}, 405),
        ("post", "/", {"data": {"nickname": "Ada"}}, 400),
        ("post", "/api/v1/rounds", {"data": "not json"}, 400),
        ("post", "/api/v1/rounds", {"json": {"nickname": "Ada"}}, 422),
        ("post", "/api/v1/rounds", {"data": "x" * 20000}, 413),
        ("get", "/api/v1/rounds/abc/question", {}, 401),
        ("get", "/teach/", {}, 302),
    ],
)
def test_every_kind_of_response_carries_the_security_headers(client, method, path, kwargs, status):
    response = getattr(client, method)(path, **kwargs)
    response.close()
    assert response.status_code == status
    assert_secure_headers(response)


def test_a_server_error_page_carries_the_security_headers(app):
    @app.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert_secure_headers(response)


def test_every_page_of_the_site_carries_the_headers(app, world):
    seen = 0
    for rule in rules(app, "GET"):
        url = world.url(rule)
        client = world.teacher if rule.rule.startswith("/teach") else world.student
        response = client.get(url)
        response.close()
        assert response.status_code < 500, url
        assert_secure_headers(response)
        seen += 1
    assert seen >= 20


class _Inline(HTMLParser):
    """Collect what a Content-Security-Policy without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.blocked: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {k for k, _ in attrs}
        if tag == "script" and "src" not in names:
            self.blocked.append("inline <script>")
        if tag == "style":
            self.blocked.append("<style> element")
        if "style" in names:
            self.blocked.append(f"style attribute on <{tag}>")
        self.blocked += [f"{n} handler on <{tag}>" for n in names if re.fullmatch(r"on\w+", n)]
        href = dict(attrs).get("href") or ""
        if href.strip().lower().startswith("javascript:"):
            self.blocked.append("javascript: link")


def test_no_page_relies_on_inline_script_or_style(app, world):
    for rule in rules(app, "GET"):
        url = world.url(rule)
        client = world.teacher if rule.rule.startswith("/teach") else world.student
        response = client.get(url)
        response.close()
        if response.mimetype != "text/html":
            continue
        parser = _Inline()
        parser.feed(response.get_data(as_text=True))
        assert parser.blocked == [], f"{url}: {parser.blocked}"
