"""The JSON API v1, as a client uses it: every endpoint and every bad input."""

import pytest

from quiz.storage.extensions import db
from quiz.storage.models import Answer, Round


def start(client, article="baikonur", size=3, nickname="Ada", **extra):
    response = client.post(
        "/api/v1/rounds", json={"nickname": nickname, "article": article, "size": size, **extra}
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def auth(round_):
    return {"Authorization": f"Bearer {round_['token']}"}


def fetch(client, round_):
    return client.get(f"/api/v1/rounds/{round_['id']}/question", headers=auth(round_))


def answer(client, round_, question_id, text):
    return client.post(
        f"/api/v1/rounds/{round_['id']}/answers",
        json={"question_id": question_id, "answer": text},
        headers=auth(round_),
    )


def error_code(response):
    return response.get_json()["error"]["code"]


def test_healthz_runs_a_query(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_healthz_reports_an_unreachable_database(tmp_path):
    from quiz import create_app

    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/x.db"}
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable"}


def test_articles_lists_the_seed_with_its_playable_questions(client):
    articles = client.get("/api/v1/articles").get_json()["articles"]
    seed = next(a for a in articles if a["slug"] == "baikonur")
    assert seed["title"]
    assert seed["question_count"] >= 25


def test_question_count_counts_only_playable_questions(client, build):
    article = build.quiz(size=2)
    build.question(article, status="retired")
    build.question(article, status="proposed")
    articles = client.get("/api/v1/articles").get_json()["articles"]
    assert {"slug": article.slug, "title": article.title, "question_count": 2} in articles


def test_an_article_with_nothing_to_play_is_not_listed(client, build):
    # Its title is its teacher's until a question of it is approved.
    draft = build.article(title="Draft under review")
    build.question(draft, status="proposed")
    listed = {a["slug"] for a in client.get("/api/v1/articles").get_json()["articles"]}
    assert draft.slug not in listed and "baikonur" in listed


def test_a_whole_round_through_the_api(client, build):
    article = build.quiz(size=3)
    round_ = start(client, article=article.slug, size=3)
    assert round_["article"] == article.slug and round_["size"] == 3
    assert round_["id"] != round_["token"]
    seen, scores = set(), []
    for position in (1, 2, 3):
        body = fetch(client, round_).get_json()
        assert body["position"] == position and body["of"] == 3
        question = body["question"]
        assert question["kind"] == "year"
        assert sorted(question["options"]) == ["1955", "1957", "1961", "1994"]
        assert "answer" not in question and "correct" not in str(question)
        seen.add(question["id"])
        verdict = answer(client, round_, question["id"], "1961" if position < 3 else "1955")
        assert verdict.status_code == 200
        verdict = verdict.get_json()
        assert verdict["correct"] is (position < 3)
        assert verdict["correct_answer"] == "1961"
        assert verdict["explanation"] == "In 1961 Yuri Gagarin flew."
        scores.append(verdict["score"])
    assert len(seen) == 3
    assert fetch(client, round_).get_json() == {"finished": True}
    state = client.get(f"/api/v1/rounds/{round_['id']}", headers=auth(round_)).get_json()
    assert state == {
        "id": round_["id"],
        "nickname": "Ada",
        "article": article.slug,
        "size": 3,
        "answered": 3,
        "correct": 2,
        "score": scores[-1],
        "finished": True,
    }
    # Answered at once: nearly full points for each right answer, nothing for the wrong one.
    assert 1900 <= scores[-1] <= 2000 and scores[1] == scores[2]


def test_the_current_question_stays_the_same_until_answered(client):
    round_ = start(client, size=5)
    first = fetch(client, round_).get_json()
    again = fetch(client, round_).get_json()
    assert first == again


def test_the_seed_round_has_no_repeated_questions_and_kinds_are_known(client):
    round_ = start(client, size=50)
    assert round_["size"] >= 25
    ids = set()
    while True:
        body = fetch(client, round_).get_json()
        if body.get("finished"):
            break
        question = body["question"]
        assert question["kind"] in {
            "choice",
            "true_false",
            "year",
            "date",
            "first",
            "number",
            "cloze",
            "short",
            "order",
            "statement",
            "odd_one_out",
        }
        if question["kind"] == "true_false":
            assert question["options"] == ["True", "False"]
        elif question["kind"] == "short":
            assert question["options"] == []
        elif question["kind"] == "order":
            assert 3 <= len(question["options"]) <= 4
        else:
            assert 2 <= len(question["options"]) <= 4
        ids.add(question["id"])
        pick = question["options"][0] if question["options"] else "1961"
        if question["kind"] == "order":
            pick = question["options"]
        assert answer(client, round_, question["id"], pick).status_code == 200
    assert len(ids) == round_["size"]


def test_size_defaults_to_ten_and_is_capped_at_what_exists(client, build):
    assert start(client, size=None)["size"] == 10
    body = client.post("/api/v1/rounds", json={"nickname": "Ada", "article": "baikonur"})
    assert body.get_json()["size"] == 10
    small = build.quiz(size=2)
    assert start(client, article=small.slug, size=50)["size"] == 2


def test_option_order_is_shuffled_per_round_but_stable_within_it(client, build):
    article = build.quiz(size=1)
    orders = set()
    for _ in range(12):
        round_ = start(client, article=article.slug, size=1)
        options = fetch(client, round_).get_json()["question"]["options"]
        assert fetch(client, round_).get_json()["question"]["options"] == options
        orders.add(tuple(options))
    assert len(orders) > 1


def test_round_ids_are_random_not_counters(client):
    ids = [start(client)["id"] for _ in range(3)]
    assert len(set(ids)) == 3
    assert all(len(i) >= 16 and not i.isdigit() for i in ids)


def test_free_text_answers_ignore_case_spacing_and_number_form(client, build):
    article = build.article()
    build.question(article, kind="short", answer="1961", options=())
    round_ = start(client, article=article.slug, size=1)
    question = fetch(client, round_).get_json()["question"]
    assert question["options"] == [] and question["kind"] == "short"
    verdict = answer(client, round_, question["id"], "  1961.0 ").get_json()
    assert verdict["correct"] is True


def test_option_answers_ignore_case_and_spacing(client, build):
    article = build.article()
    build.question(
        article, kind="choice", answer="Yuri Gagarin", options=("Yuri Gagarin", "Tokayev")
    )
    round_ = start(client, article=article.slug, size=1)
    question = fetch(client, round_).get_json()["question"]
    assert answer(client, round_, question["id"], " yuri  GAGARIN").get_json()["correct"] is True


# --- bad input: every case gets a clear error and stores nothing ---------------------------


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[1, 2]", b'"text"', b"", b"null", b"[" * 5000, b"\xff\xfe\x00"],
    ids=["text", "array", "string", "empty", "null", "deep", "binary"],
)
def test_create_round_refuses_a_body_that_is_not_a_json_object(client, body, ctx):
    response = client.post("/api/v1/rounds", data=body, content_type="application/json")
    assert response.status_code == 400
    assert error_code(response) == "bad_request"
    assert response.get_json()["error"]["message"]
    assert db.session.query(Round).count() == 0


@pytest.mark.parametrize(
    "body",
    [
        {"article": "baikonur"},
        {"nickname": "", "article": "baikonur"},
        {"nickname": "   ", "article": "baikonur"},
        {"nickname": "x" * 33, "article": "baikonur"},
        {"nickname": 7, "article": "baikonur"},
        {"nickname": "Ada\u0000", "article": "baikonur"},
        {"nickname": "Ada"},
        {"nickname": "Ada", "article": 5},
        {"nickname": "Ada", "article": "baikonur", "size": 0},
        {"nickname": "Ada", "article": "baikonur", "size": 51},
        {"nickname": "Ada", "article": "baikonur", "size": "10"},
        {"nickname": "Ada", "article": "baikonur", "size": 2.5},
        {"nickname": "Ada", "article": "baikonur", "size": True},
        {"nickname": "Ada", "article": "baikonur", "speed_bonus": "no"},
    ],
)
def test_create_round_refuses_bad_fields_with_422(client, body, ctx):
    response = client.post("/api/v1/rounds", json=body)
    assert response.status_code == 422, response.get_json()
    assert error_code(response) == "invalid"
    assert db.session.query(Round).count() == 0


def test_a_nickname_is_trimmed_and_32_characters_are_allowed(client):
    round_ = start(client, nickname="  " + "x" * 32 + "  ")
    state = client.get(f"/api/v1/rounds/{round_['id']}", headers=auth(round_)).get_json()
    assert state["nickname"] == "x" * 32


def test_create_round_for_an_unknown_article_is_404(client, ctx):
    response = client.post("/api/v1/rounds", json={"nickname": "Ada", "article": "nope"})
    assert response.status_code == 404
    assert error_code(response) == "not_found"
    assert db.session.query(Round).count() == 0


def test_an_article_without_playable_questions_cannot_be_played(client, build):
    article = build.article()
    response = client.post("/api/v1/rounds", json={"nickname": "Ada", "article": article.slug})
    assert response.status_code == 409
    assert error_code(response) == "conflict"


def test_a_body_over_the_limit_is_413(client, ctx):
    response = client.post(
        "/api/v1/rounds",
        data=b'{"nickname": "' + b"x" * 20000 + b'"}',
        content_type="application/json",
    )
    assert response.status_code == 413
    assert error_code(response) == "too_large"
    assert db.session.query(Round).count() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer wrong"},
    ],
    ids=["none", "empty", "basic", "wrong"],
)
@pytest.mark.parametrize("path", ["/question", "", "/answers"])
def test_round_calls_without_a_valid_token_are_401(client, headers, path):
    round_ = start(client)
    url = f"/api/v1/rounds/{round_['id']}{path}"
    if path == "/answers":
        response = client.post(url, json={"question_id": 1, "answer": "x"}, headers=headers)
    else:
        response = client.get(url, headers=headers)
    assert response.status_code == 401
    assert error_code(response) == "unauthorized"


def test_a_token_of_another_round_is_404(client):
    mine, theirs = start(client), start(client, nickname="Bo")
    response = client.get(f"/api/v1/rounds/{theirs['id']}/question", headers=auth(mine))
    assert response.status_code == 404
    assert error_code(response) == "not_found"


def test_an_unknown_round_is_404(client):
    mine = start(client)
    response = client.get("/api/v1/rounds/nope/question", headers=auth(mine))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "body,status,code",
    [
        ({"answer": "1961"}, 422, "invalid"),
        ({"question_id": "1", "answer": "1961"}, 422, "invalid"),
        ({"question_id": True, "answer": "1961"}, 422, "invalid"),
        ({"question_id": "QID", "answer": 1961}, 422, "invalid"),
        ({"question_id": "QID"}, 422, "invalid"),
        ({"question_id": "QID", "answer": "1812"}, 422, "invalid"),
        ({"question_id": 0, "answer": "1961"}, 422, "invalid"),
    ],
)
def test_bad_answers_are_refused_and_store_nothing(client, build, body, status, code):
    article = build.quiz(size=2)
    round_ = start(client, article=article.slug, size=2)
    qid = fetch(client, round_).get_json()["question"]["id"]
    body = {k: (qid if v == "QID" else v) for k, v in body.items()}
    response = client.post(
        f"/api/v1/rounds/{round_['id']}/answers", json=body, headers=auth(round_)
    )
    assert response.status_code == status
    assert error_code(response) == code
    assert db.session.query(Answer).count() == 0
    assert db.session.get(Round, round_["id"]).answered == 0


def test_answer_body_must_be_a_json_object(client):
    round_ = start(client)
    response = client.post(
        f"/api/v1/rounds/{round_['id']}/answers", data="1961", headers=auth(round_)
    )
    assert response.status_code == 400


def test_answering_twice_or_out_of_turn_or_after_the_end_is_409(client, build):
    article = build.quiz(size=2)
    round_ = start(client, article=article.slug, size=2)
    first = fetch(client, round_).get_json()["question"]["id"]
    assert answer(client, round_, first, "1961").status_code == 200
    again = answer(client, round_, first, "1961")
    assert again.status_code == 409 and error_code(again) == "conflict"
    assert "already been answered" in again.get_json()["error"]["message"]
    second = fetch(client, round_).get_json()["question"]["id"]
    assert answer(client, round_, second, "1961").status_code == 200
    after = answer(client, round_, second, "1961")
    assert after.status_code == 409
    state = client.get(f"/api/v1/rounds/{round_['id']}", headers=auth(round_)).get_json()
    assert state["answered"] == 2 and state["correct"] == 2


def test_answering_a_later_question_before_the_current_one_is_409(client, build, ctx):
    article = build.quiz(size=2)
    round_ = start(client, article=article.slug, size=2)
    later = db.session.get(Round, round_["id"]).items[1].question_id
    response = answer(client, round_, later, "1961")
    assert response.status_code == 409
    assert "not the round's current one" in response.get_json()["error"]["message"]
    assert db.session.query(Answer).count() == 0


def test_a_question_outside_the_round_is_422(client, build):
    article = build.quiz(size=1)
    other = build.question(build.article())
    round_ = start(client, article=article.slug, size=1)
    response = answer(client, round_, other.id, "1961")
    assert response.status_code == 422


def test_leaderboard_ranks_finished_rounds_by_score_then_finish_time(client, build):
    article = build.quiz(size=1)
    for nickname, pick in [("slow", "1961"), ("wrong", "1955"), ("fast", "1961")]:
        round_ = start(client, article=article.slug, size=1, nickname=nickname)
        qid = fetch(client, round_).get_json()["question"]["id"]
        answer(client, round_, qid, pick)
    start(client, article=article.slug, size=1, nickname="unfinished")
    entries = client.get(f"/api/v1/leaderboard?article={article.slug}").get_json()["entries"]
    assert [e["nickname"] for e in entries][-1] == "wrong"
    assert {e["nickname"] for e in entries} == {"slow", "wrong", "fast"}
    top = entries[0]
    assert set(top) == {"nickname", "score", "correct", "size", "finished_at"}
    assert top["correct"] == 1 and top["size"] == 1
    if entries[0]["score"] == entries[1]["score"]:
        # A tie goes to whoever finished first.
        assert entries[0]["finished_at"] <= entries[1]["finished_at"]
    one = client.get(f"/api/v1/leaderboard?article={article.slug}&limit=1").get_json()
    assert len(one["entries"]) == 1
    today = client.get(f"/api/v1/leaderboard?article={article.slug}&period=today").get_json()
    assert len(today["entries"]) == 3


@pytest.mark.parametrize(
    "query,status",
    [
        ("", 422),
        ("?article=baikonur&limit=0", 422),
        ("?article=baikonur&limit=101", 422),
        ("?article=baikonur&limit=ten", 422),
        ("?article=baikonur&period=week", 422),
        ("?article=nope", 404),
    ],
)
def test_leaderboard_bad_queries(client, query, status):
    response = client.get(f"/api/v1/leaderboard{query}")
    assert response.status_code == status
    assert "message" in response.get_json()["error"]


def test_unknown_api_paths_and_methods_answer_in_json(client):
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404 and error_code(response) == "not_found"
    response = client.delete("/api/v1/articles")
    assert response.status_code == 405 and error_code(response) == "method_not_allowed"


def test_ids_too_large_for_the_database_are_refused_not_a_crash(client, build):
    article = build.quiz(size=1)
    round_ = start(client, article=article.slug, size=1)
    response = answer(client, round_, 2**40, "1961")
    assert response.status_code == 422
    assert client.get(f"/teach/articles/{2**40}").status_code in (302, 404)
    assert client.get(f"/play/{round_['id']}/answers/{2**40}").status_code == 404
