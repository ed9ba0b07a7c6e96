"""One ranking rule for a live game: tied scores share a place and the next place skips as
many (1, 1, 3), on the podium, in the top five, on each player's screen and in the results."""

from sqlalchemy import select

from quiz.live import results, state
from quiz.storage.extensions import db
from quiz.storage.models import LiveGame
from tests.live.conftest import bearer, right_answer, wrong_answer
from tests.live.test_stream import next_event, open_stream

FIVE = ("Ada", "Bob", "Cy", "Dee", "Eve")


def test_standings_share_a_place_between_tied_scores():
    rows = state.standings(
        [
            (1, "Cy", 0, 0),
            (2, "bob", 1000, 1),
            (3, "Ada", 1000, 1),
            (4, "Eve", 700, 1),
            (5, "Dee", 0, 0),
        ]
    )
    assert [(r.nickname, r.rank) for r in rows] == [
        ("Ada", 1),
        ("bob", 1),
        ("Eve", 3),
        ("Cy", 4),
        ("Dee", 4),
    ]
    assert [r.rank for r in state.standings([(i, f"P{i}", 0, 0) for i in range(5)])] == [1] * 5
    assert state.standings([]) == []


def play_a_tie(app, new_game):
    """Ada and Bob right (1000 points each, no speed bonus), Cy and Dee wrong, Eve silent."""
    game = new_game(size=1, speed_bonus=False, players=FIVE)
    qid = game.host_post("start").get_json()["question"]["id"]
    for who, given in (
        ("Ada", right_answer(app, qid)),
        ("Bob", right_answer(app, qid)),
        ("Cy", wrong_answer(app, qid)),
        ("Dee", wrong_answer(app, qid)),
    ):
        assert game.answer(who, qid, given).status_code == 202
    assert game.host_post("next").get_json()["state"] == "closed"
    return game


def places(rows) -> list[tuple[str, int]]:
    return [(row["nickname"], row["place"]) for row in rows]


TIED = [("Ada", 1), ("Bob", 1), ("Cy", 3), ("Dee", 3), ("Eve", 3)]


def test_the_top_five_podium_and_each_player_share_places(app, new_game):
    game = play_a_tie(app, new_game)
    closed = game.state().get_json()
    assert places(closed["leaderboard"]) == TIED
    assert {who: game.state(who).get_json()["you"]["rank"] for who in FIVE} == dict(TIED)

    finished = game.host_post("next").get_json()
    assert finished["state"] == "finished"
    assert places(finished["leaderboard"]) == TIED
    # Cy, Dee and Eve share the third place: all three stand on the podium.
    assert [(p["nickname"], p["place"]) for p in finished["podium"]] == TIED
    assert {who: game.state(who).get_json()["you"]["rank"] for who in FIVE} == dict(TIED)

    full = game.client.get(game.url("/results"), headers=bearer(game.host)).get_json()
    assert places(full["players"]) == TIED
    with app.app_context():
        found = db.session.scalar(select(LiveGame).where(LiveGame.pin == game.pin))
        assert places(results.game_results(found)["players"]) == TIED
        view = state.view(found.id)
        assert [(r.nickname, r.rank) for r in view.ranks.values()] == TIED


def test_the_event_streams_send_the_same_places(app, new_game):
    game = play_a_tie(app, new_game)
    game.host_post("next")
    host, events = open_stream(game.client, game.url("/events"), game.host)
    _name, _version, data = next_event(events)
    host.close()
    assert data["state"] == "finished"
    assert places(data["leaderboard"]) == TIED
    assert [p["place"] for p in data["podium"]] == [1, 1, 3, 3, 3]
    for who, place in TIED:
        mine, events = open_stream(game.client, game.url("/events"), game.players[who])
        assert next_event(events)[2]["you"]["rank"] == place
        mine.close()


def test_everyone_on_no_points_shares_the_first_place(app, new_game):
    game = new_game(size=1, players=("Kay", "Late", "Other", "Pat", "Quin"))
    game.host_post("start")
    game.host_post("next")  # closed unanswered
    finished = game.host_post("next").get_json()
    assert [p["place"] for p in finished["podium"]] == [1] * 5
    assert [row["place"] for row in finished["leaderboard"]] == [1] * 5
    assert game.state("Quin").get_json()["you"]["rank"] == 1
    full = game.client.get(game.url("/results"), headers=bearer(game.host)).get_json()
    assert [p["place"] for p in full["players"]] == [1] * 5


def test_a_removed_player_has_no_place_and_takes_none(app, new_game):
    game = new_game(size=1, speed_bonus=False, players=("Ada", "Bob", "Troll"))
    qid = game.host_post("start").get_json()["question"]["id"]
    assert game.answer("Troll", qid, right_answer(app, qid)).status_code == 202
    assert game.answer("Bob", qid, right_answer(app, qid)).status_code == 202
    game.client.delete(game.url(f"/players/{game.ids['Troll']}"), headers=bearer(game.host))
    game.host_post("next")
    finished = game.host_post("next").get_json()
    assert places(finished["leaderboard"]) == [("Bob", 1), ("Ada", 2)]
    full = game.client.get(game.url("/results"), headers=bearer(game.host)).get_json()
    assert [(p["nickname"], p["place"], p["removed"]) for p in full["players"]] == [
        ("Bob", 1, False),
        ("Ada", 2, False),
        ("Troll", None, True),
    ]
