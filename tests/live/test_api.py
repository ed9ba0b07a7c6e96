"""A live game through the JSON API: the whole game, the clock, and every refusal."""

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Answer, LiveGame, LivePlayer, Round
from tests.live.conftest import (
    bearer,
    expire_clock,
    make_teacher_token,
    right_answer,
    wrong_answer,
)


def stored(app, pin: str) -> dict:
    """What the database holds for a game: its row and its answers."""
    with app.app_context():
        game = db.session.scalar(select(LiveGame).where(LiveGame.pin == pin))
        rounds = select(LivePlayer.round_id).where(LivePlayer.game_id == game.id)
        answers = db.session.scalar(
            select(func.count(Answer.id)).where(Answer.round_id.in_(rounds))
        )
        players = db.session.scalar(
            select(func.count(LivePlayer.id)).where(LivePlayer.game_id == game.id)
        )
        return {
            "version": game.version,
            "state": game.state,
            "answers": answers,
            "players": players,
            "locked": game.locked,
            "position": game.position,
        }


def test_a_whole_game_scores_on_the_server_and_shows_answers_only_after_close(app, new_game):
    game = new_game(size=2, players=("Ada", "Bob", "Cy"))
    lobby = game.state().get_json()
    assert lobby["state"] == "lobby" and lobby["players"] == 3 and len(lobby["pin"]) == 6

    opened = game.host_post("start").get_json()
    question = opened["question"]
    assert opened["state"] == "question" and question["number"] == 1 and question["of"] == 2
    assert 0 < question["remaining_ms"] <= 30_000
    assert "correct_answer" not in str(opened) and "result" not in opened
    qid = question["id"]
    right, wrong = right_answer(app, qid), wrong_answer(app, qid)

    assert game.answer("Ada", qid, right).status_code == 202
    assert game.answer("Bob", qid, wrong).status_code == 202
    # Still open: nothing tells who was right, not even the scores.
    for who in ("Ada", "Bob"):
        mine = game.state(who).get_json()
        assert mine["state"] == "question" and "result" not in mine
        assert mine["you"]["answered"] is True and mine["you"]["score"] == 0
    assert game.state().get_json()["answered"] == 2

    # The last player's answer closes the question at once.
    assert game.answer("Cy", qid, right).status_code == 202
    closed = game.state("Ada").get_json()
    assert closed["state"] == "closed"
    assert closed["result"]["correct_answer"] == right
    spread = {d["answer"]: d["count"] for d in closed["result"]["distribution"]}
    assert spread[right] == 2 and spread[wrong] == 1 and sum(spread.values()) == 3
    assert closed["you"]["last"]["correct"] is True and closed["you"]["score"] > 500
    assert closed["you"]["rank"] in (1, 2)
    assert game.state("Bob").get_json()["you"]["rank"] == 3
    assert [row["nickname"] for row in closed["leaderboard"]][2] == "Bob"

    second = game.host_post("next").get_json()["question"]
    assert second["number"] == 2
    assert game.answer("Bob", second["id"], right_answer(app, second["id"])).status_code == 202
    assert game.host_post("next").get_json()["state"] == "closed"  # the host closes it
    finished = game.host_post("next").get_json()
    assert finished["state"] == "finished"
    places = [p["place"] for p in finished["podium"]]
    assert places == sorted(places) and places[0] == 1

    results = game.client.get(game.url("/results"), headers=bearer(game.host)).get_json()
    by_name = {p["nickname"]: p for p in results["players"]}
    assert by_name["Ada"]["answered"] == 1 and by_name["Bob"]["answered"] == 2
    assert results["questions"][0]["answered"] == 3 and results["questions"][0]["correct"] == 2
    # The leaderboard agrees with the stored answers.
    board = {row["nickname"]: row["score"] for row in finished["leaderboard"]}
    assert all(board[name] == by_name[name]["score"] for name in board)
    with app.app_context():
        rounds = db.session.scalars(select(Round).where(Round.nickname.in_(["Ada", "Bob", "Cy"])))
        assert {r.nickname: r.score for r in rounds} == {n: by_name[n]["score"] for n in by_name}
    assert game.host_post("next").status_code == 409


def test_the_clock_closes_a_question_without_the_host(app, new_game):
    game = new_game(size=2, players=("Ada", "Bob"))
    qid = game.host_post("start").get_json()["question"]["id"]
    expire_clock(app, game.pin)
    before = stored(app, game.pin)
    response = game.answer("Ada", qid, right_answer(app, qid))
    assert response.status_code == 423
    assert "Time is up" in response.get_json()["error"]["message"]
    after = stored(app, game.pin)
    assert after["answers"] == before["answers"] == 0
    assert after["state"] == "closed" and after["version"] == before["version"] + 1
    # Closing happens once, whoever notices first.
    assert game.state().get_json()["version"] == after["version"]


def test_reading_the_state_closes_an_expired_question_once(app, new_game):
    game = new_game(players=("Ada",))
    game.host_post("start")
    expire_clock(app, game.pin)
    version = stored(app, game.pin)["version"]
    first = game.state("Ada").get_json()
    assert first["state"] == "closed" and first["version"] == version + 1
    assert game.state().get_json()["version"] == version + 1


def test_a_late_joiner_plays_on_and_a_locked_game_refuses_new_players(app, new_game):
    game = new_game(size=2, players=("Ada",))
    qid = game.host_post("start").get_json()["question"]["id"]
    assert game.join("Late").status_code == 201
    assert game.state("Late").get_json()["players"] == 2
    assert game.answer("Late", qid, right_answer(app, qid)).status_code == 202
    assert game.host_post("lock").get_json()["locked"] is True
    before = stored(app, game.pin)
    refused = game.join("Later")
    assert refused.status_code == 423 and "locked" in refused.get_json()["error"]["message"]
    assert stored(app, game.pin) == before
    assert game.host_post("unlock").get_json()["locked"] is False
    assert game.join("Later").status_code == 201


def test_a_kicked_token_stops_working(app, new_game):
    game = new_game(players=("Ada", "Troll"))
    qid = game.host_post("start").get_json()["question"]["id"]
    kicked = game.client.delete(
        game.url(f"/players/{game.ids['Troll']}"), headers=bearer(game.host)
    )
    assert kicked.status_code == 204
    assert game.state("Troll").status_code == 401
    before = stored(app, game.pin)
    answer = game.answer("Troll", qid, right_answer(app, qid))
    assert answer.status_code == 401
    assert stored(app, game.pin) == before
    after = game.state().get_json()
    assert after["players"] == 1
    assert "Troll" not in [row["nickname"] for row in after["leaderboard"]]
    # The name stays taken, and Ada's answer now closes the question (everyone left answered).
    assert game.join("troll").status_code == 409
    assert game.answer("Ada", qid, right_answer(app, qid)).status_code == 202
    assert game.state().get_json()["state"] == "closed"


def test_a_second_answer_is_refused_by_the_database(app, new_game):
    game = new_game(players=("Ada", "Bob"))
    qid = game.host_post("start").get_json()["question"]["id"]
    assert game.answer("Ada", qid, right_answer(app, qid)).status_code == 202
    before = stored(app, game.pin)
    again = game.answer("Ada", qid, wrong_answer(app, qid))
    assert again.status_code == 409
    assert stored(app, game.pin) == before


@pytest.mark.parametrize(
    "body, status",
    [
        ({"article": "no-such-article"}, 404),
        ({"article": "baikonur", "size": 0}, 422),
        ({"article": "baikonur", "size": 51}, 422),
        ({"article": "baikonur", "time_limit": 4}, 422),
        ({"article": "baikonur", "time_limit": 241}, 422),
        ({"article": "baikonur", "speed_bonus": "yes"}, 422),
        ({"article": "baikonur", "assignment": 12345}, 422),
        ({"size": 3}, 422),
        ({"article": 5}, 422),
        ([], 400),
    ],
)
def test_bad_new_games_are_refused(app, client, host_token, body, status):
    response = client.post("/api/v1/games", json=body, headers=bearer(host_token))
    assert response.status_code == status
    assert response.get_json()["error"]["message"]
    with app.app_context():
        assert db.session.scalar(select(func.count(LiveGame.id))) == 0


def test_creating_a_game_needs_a_teacher_token(app, client):
    for headers in ({}, bearer("qt_forged"), bearer("lp_forged")):
        response = client.post("/api/v1/games", json={"article": "baikonur"}, headers=headers)
        assert response.status_code == 401
    with app.app_context():
        assert db.session.scalar(select(func.count(LiveGame.id))) == 0


@pytest.mark.parametrize(
    "nickname, status",
    [("", 422), ("   ", 422), ("x" * 33, 422), ("bad\x07name", 422), (42, 422), ("ada", 409)],
)
def test_bad_nicknames_are_refused(app, new_game, nickname, status):
    game = new_game(players=("Ada",))
    before = stored(app, game.pin)
    response = game.client.post(game.url("/players"), json={"nickname": nickname})
    assert response.status_code == status
    assert response.get_json()["error"]["message"]
    assert stored(app, game.pin) == before


@pytest.mark.parametrize("pin", ["000000", "12345", "abcdef", "1234567"])
def test_unknown_pins_are_not_found(client, pin):
    assert client.post(f"/api/v1/games/{pin}/players", json={"nickname": "Ada"}).status_code == 404
    assert client.get(f"/api/v1/games/{pin}", headers=bearer("lp_x")).status_code == 404


def test_a_finished_game_takes_no_players(app, new_game):
    game = new_game(size=1, players=("Ada",))
    game.host_post("start")
    game.host_post("next")
    game.host_post("next")
    response = game.join("Bob")
    assert response.status_code == 423 and "over" in response.get_json()["error"]["message"]


def test_bad_answers_are_refused_and_change_nothing(app, new_game):
    game = new_game(size=2, players=("Ada", "Bob"))
    lobby_answer = game.answer("Ada", 1, "1961")
    assert lobby_answer.status_code in (422, 423)
    opened = game.host_post("start").get_json()["question"]
    qid = opened["id"]
    # Both games deal from one article: the other game's open question must be another one.
    for _ in range(20):
        other = new_game(size=1, players=("Eve",))
        other_qid = other.host_post("start").get_json()["question"]["id"]
        if other_qid != qid:
            break
    assert other_qid != qid
    before, before_other = stored(app, game.pin), stored(app, other.pin)
    # A typed answer may be any text; an answer to a question with options must be one.
    chosen = [(game.answer("Ada", qid, "not an option"), 422)] if opened["options"] else []
    cases = chosen + [
        (game.answer("Ada", other_qid, right_answer(app, other_qid)), 422),
        (game.answer("Ada", qid, right_answer(app, qid), token="lp_forged"), 401),
        (game.answer("Ada", qid, right_answer(app, qid), token=other.players["Eve"]), 401),
        (game.answer("Ada", qid, right_answer(app, qid), token=game.host), 401),
        (game.client.post(game.url("/answers"), json={"question_id": qid}), 401),
        (
            game.client.post(
                game.url("/answers"), json={"answer": "x"}, headers=bearer(game.players["Ada"])
            ),
            422,
        ),
        (
            game.client.post(
                game.url("/answers"),
                json={"question_id": "one", "answer": "x"},
                headers=bearer(game.players["Ada"]),
            ),
            422,
        ),
        (
            game.client.post(
                game.url("/answers"), data="not json", headers=bearer(game.players["Ada"])
            ),
            400,
        ),
        (game.answer("Ada", 987654, "x"), 422),  # no such question in this game
    ]
    for response, status in cases:
        assert response.status_code == status, response.get_json()
        assert response.get_json()["error"]["message"]
    assert stored(app, game.pin) == before and stored(app, other.pin) == before_other

    game.host_post("next")  # closed now
    closed = game.answer("Ada", qid, right_answer(app, qid))
    assert closed.status_code == 423
    assert stored(app, game.pin)["answers"] == 0


def test_host_actions_need_the_hosting_teachers_token(app, new_game):
    game = new_game(players=("Ada",))
    stranger = make_teacher_token(app, name="someone-else")
    before = stored(app, game.pin)
    for action in ("start", "next", "lock", "unlock"):
        assert game.host_post(action, token="qt_forged").status_code == 401
        assert game.host_post(action, token=game.players["Ada"]).status_code == 401
        assert game.host_post(action, token=stranger).status_code == 404
    kick = game.url(f"/players/{game.ids['Ada']}")
    assert game.client.delete(kick, headers=bearer(game.players["Ada"])).status_code == 401
    assert game.client.delete(kick, headers=bearer(stranger)).status_code == 404
    for unknown in ("99999", "x1", "99999999999"):
        missing = game.client.delete(game.url(f"/players/{unknown}"), headers=bearer(game.host))
        assert missing.status_code == 404
    assert game.client.get(game.url("/results"), headers=bearer(stranger)).status_code == 404
    assert game.client.get(game.url("/results")).status_code == 401
    # A game's call without a token asks for the caller's token, not "the round's".
    anonymous = game.client.get(game.url())
    assert anonymous.status_code == 401
    assert anonymous.get_json()["error"]["message"].startswith("Send your token as")
    assert game.client.get(game.url(), headers=bearer(stranger)).status_code == 404
    assert stored(app, game.pin) == before


def test_starting_an_empty_game_is_refused(app, new_game):
    game = new_game()
    response = game.host_post("start")
    assert response.status_code == 409 and "player" in response.get_json()["error"]["message"]
    assert stored(app, game.pin)["state"] == "lobby"


def test_a_players_answers_are_limited_per_token(app, new_game):
    app.config["QUIZ_ANSWER_LIMIT"] = "2 per minute"
    game = new_game(players=("Ada", "Bob"))
    # Counted before the answer is looked at, refused ones too (the game is not started).
    statuses = [game.answer("Ada", 1, "x").status_code for _ in range(3)]
    assert 429 not in statuses[:2] and statuses[2] == 429
    assert game.answer("Bob", 1, "x").status_code != 429
