"""Property-based fuzzing: no form and no API body, however odd, gets a 5xx."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import csrf_token
from tests.security.conftest import rules

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text a client can send: every code point but lone surrogates, NUL and controls included.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
FORM_VALUE = st.one_of(
    TEXT,
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["", "y", "0", "-1", "1e309", "NaN", "2026-13-45T25:61", "../../etc/passwd"]),
    # Beyond the 32-bit id columns, and beyond SQLite's 64-bit integers.
    st.sampled_from([str(2**31), str(2**63)]),
)
FORM_FIELDS = [
    "nickname",
    "article",
    "size",
    "relaxed",
    "question_id",
    "answer",
    "code",
    "name",
    "password",
    "title",
    "text",
    "key",
    "type",
    "about",
    "value",
    "sentence",
    "event",
    "role",
    "kind",
    "over",
    "text_shared",
    "time_limit",
    "prompt",
    "wrong",
    "explanation",
    "deadline",
    "leaderboard_hidden",
    "status",
    "reason",
    "comment",
    "confirm",
]
FORMS = st.dictionaries(st.sampled_from(FORM_FIELDS) | TEXT, FORM_VALUE, max_size=8)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
API_FIELDS = ["nickname", "article", "size", "speed_bonus", "question_id", "answer", "score"]
BODIES = st.one_of(
    JSON,
    st.fixed_dictionaries({}, optional={name: JSON for name in API_FIELDS}),
    st.fixed_dictionaries(
        {"question_id": st.integers(-5, 10**4), "answer": TEXT, "nickname": TEXT},
        optional={"article": st.just("baikonur") | TEXT, "size": st.integers(-3, 60)},
    ),
)


def _no_server_error(response, what):
    response.close()
    assert response.status_code < 500, (what, response.status_code, response.get_data()[:300])


def _form_urls(app, world):
    return [world.url(r) for r in rules(app, "POST") if not r.rule.startswith("/api/")]


@pytest.mark.parametrize("who", ["student", "teacher"])
def test_no_form_post_gets_a_server_error(app, world, who):
    client = getattr(world, who)
    token = csrf_token(client.get("/teach/login" if who == "teacher" else "/").get_data(True))
    urls = _form_urls(app, world)
    # Deleting forms last, so that the others keep something to work on.
    urls.sort(key=lambda url: "delete" in url)

    @FUZZ
    @given(url=st.sampled_from(urls), data=FORMS, with_token=st.booleans())
    def post(url, data, with_token):
        if with_token:
            data = {**data, "csrf_token": token}
        _no_server_error(client.post(url, data=data), f"POST {url} {data!r}")

    post()


def test_no_api_body_gets_a_server_error(app, world):
    client = app.test_client()
    created = world.api_round
    auth = {"Authorization": f"Bearer {created['token']}"}

    @FUZZ
    @given(body=BODIES, answers=st.booleans(), raw=st.booleans())
    def send(body, answers, raw):
        url = f"/api/v1/rounds/{created['id']}/answers" if answers else "/api/v1/rounds"
        payload = {"data": repr(body)} if raw else {"json": body}
        response = client.post(url, headers=auth, **payload)
        _no_server_error(response, f"POST {url} {body!r}")
        assert response.is_json

    send()


def test_no_query_string_gets_a_server_error(app, world):
    client = app.test_client()
    urls = [world.url(r) for r in rules(app, "GET") if not r.rule.startswith("/static")]

    @FUZZ
    @given(url=st.sampled_from(urls), query=st.dictionaries(TEXT, TEXT, max_size=4))
    def fetch(url, query):
        _no_server_error(client.get(url, query_string=query), f"GET {url} {query!r}")

    fetch()
