"""Order questions: put three or four events in order, in the pages and the API, scored on the
server."""

import pytest

from quiz.generation import ORDER_SEPARATOR
from tests.pages import csrf_token, hidden, order_positions, start_round

EVENTS = ["The first satellite", "Gagarin's flight", "The founding of the city"]
EARLIEST_FIRST = ["The founding of the city", "The first satellite", "Gagarin's flight"]


@pytest.fixture
def ordered(app, build):
    """An article whose one question asks to put three events in order."""
    with app.app_context():
        article = build.article(title="Order")
        build.question(
            article,
            kind="order",
            prompt="Put these events in order, earliest first.",
            answer=ORDER_SEPARATOR.join(EARLIEST_FIRST),
            options=EVENTS,
        )
        return article.slug


def start_api(client, slug):
    response = client.post("/api/v1/rounds", json={"nickname": "Ada", "article": slug, "size": 1})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def post_api(client, round_, answer):
    headers = {"Authorization": f"Bearer {round_['token']}"}
    question = client.get(f"/api/v1/rounds/{round_['id']}/question", headers=headers).get_json()
    body = {"question_id": question["question"]["id"], "answer": answer}
    return question, client.post(
        f"/api/v1/rounds/{round_['id']}/answers", json=body, headers=headers
    )


def test_the_api_shows_the_events_but_not_their_order(client, ordered):
    question, _ = post_api(client, start_api(client, ordered), EARLIEST_FIRST)
    assert question["question"]["kind"] == "order"
    assert sorted(question["question"]["options"]) == sorted(EVENTS)
    assert "answer" not in question["question"]


def test_the_api_scores_the_right_order_and_only_it(client, ordered):
    _, right = post_api(client, start_api(client, ordered), EARLIEST_FIRST)
    assert right.status_code == 200
    assert right.get_json()["correct"] is True and right.get_json()["points"] > 0
    assert right.get_json()["correct_answer"] == ORDER_SEPARATOR.join(EARLIEST_FIRST)
    _, wrong = post_api(client, start_api(client, ordered), list(reversed(EARLIEST_FIRST)))
    assert wrong.status_code == 200
    assert wrong.get_json()["correct"] is False and wrong.get_json()["points"] == 0


@pytest.mark.parametrize(
    "answer",
    [
        EARLIEST_FIRST[:2],  # an event left out
        [EARLIEST_FIRST[0], EARLIEST_FIRST[0], EARLIEST_FIRST[1]],  # one event twice
        [*EARLIEST_FIRST[:2], "Another event"],  # not one of the events
        [1, 2, 3],
        ["x"],
        ["a", "b", "c", "d", "e", "f", "g"],
        "The first satellite",
        [*EARLIEST_FIRST[:2], "bad\x00"],
    ],
)
def test_the_api_refuses_an_answer_that_does_not_place_every_event_once(client, ordered, answer):
    round_ = start_api(client, ordered)
    _, response = post_api(client, round_, answer)
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["error"]["code"]
    # Nothing was stored: the right order is still accepted afterwards.
    _, again = post_api(client, round_, EARLIEST_FIRST)
    assert again.status_code == 200 and again.get_json()["correct"] is True


def test_the_page_has_a_labelled_select_box_per_position(client, ordered):
    url = start_round(client, article=ordered, size=1)
    page = client.get(url).get_data(as_text=True)
    positions = order_positions(page)
    assert [name for name, _ in positions] == ["position_1", "position_2", "position_3"]
    assert all(sorted(events) == sorted(EVENTS) for _, events in positions)
    for name, _ in positions:
        assert f'<label for="{name}">' in page
    assert "1st (earliest)" in page and "3rd (latest)" in page
    assert ORDER_SEPARATOR not in page  # the right order is never sent before the answer


def _post_page(client, url, chosen):
    page = client.get(url).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "question_id": hidden(page, "question_id")}
    data.update({f"position_{n}": event for n, event in enumerate(chosen, start=1)})
    return client.post(url, data=data)


def test_the_page_scores_the_order_on_the_server(client, ordered):
    url = start_round(client, article=ordered, size=1)
    response = _post_page(client, url, EARLIEST_FIRST)
    assert response.status_code == 302
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Right" in feedback or "right" in feedback
    assert "The founding of the city → The first satellite → Gagarin’s flight" in feedback.replace(
        "&#39;", "’"
    ).replace("'", "’")


@pytest.mark.parametrize(
    "chosen",
    [
        [EARLIEST_FIRST[0], EARLIEST_FIRST[0], EARLIEST_FIRST[1]],
        [EARLIEST_FIRST[0], "", EARLIEST_FIRST[1]],
        [EARLIEST_FIRST[0], "Not an event", EARLIEST_FIRST[1]],
    ],
)
def test_the_page_refuses_a_position_left_empty_or_an_event_twice(client, ordered, chosen):
    url = start_round(client, article=ordered, size=1)
    response = _post_page(client, url, chosen)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in page
    # The question is still unanswered: the right order is accepted afterwards.
    assert _post_page(client, url, EARLIEST_FIRST).status_code == 302
