"""A personal code moves a player to another browser; nothing is lost with the cookie."""

import re

from tests.pages import csrf_token
from tests.practice.conftest import memories, player_of, seed_article_id


def text(response) -> str:
    return response.get_data(as_text=True)


def make_code(client) -> str:
    page = text(client.get("/practice/code"))
    response = client.post("/practice/code", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = text(response)
    assert 'src="data:image/svg+xml' in html  # the QR code, drawn inline
    return re.search(r'class="code">([A-Z0-9]{5}-[A-Z0-9]{5})<', html).group(1)


def continue_with(client, code: str):
    page = text(client.get("/continue"))
    return client.post("/continue", data={"csrf_token": csrf_token(page), "code": code})


def test_the_personal_code_moves_a_player_to_a_fresh_browser(app, student):
    client, player_id, _question = student
    code = make_code(client)
    fresh = app.test_client()  # another device: a cookie jar of its own
    assert "Nothing to practise on this browser yet" in text(fresh.get("/practice"))
    # Typed as people type it: lower case, spaces instead of the dash.
    response = continue_with(fresh, code.lower().replace("-", " "))
    assert response.status_code == 302 and response.headers["Location"] == "/practice"
    assert player_of(fresh) == player_id
    page = text(fresh.get("/practice"))
    assert "Welcome back, Ada" in page
    assert "Baikonur" in page and "in 1 minute" in page
    # The rounds played come along too.
    assert "Baikonur" in text(fresh.get("/me"))
    assert memories(app, player_id)


def test_the_qr_code_opens_the_continue_page_with_the_code_filled_in(app, student):
    client, _player_id, _question = student
    code = make_code(client)
    page = text(app.test_client().get(f"/continue?code={code}"))
    assert f'value="{code}"' in page


def test_a_new_code_stops_the_old_one(app, student):
    client, player_id, _question = student
    old = make_code(client)
    new = make_code(client)
    assert old != new
    assert continue_with(app.test_client(), old).status_code == 422
    fresh = app.test_client()
    assert continue_with(fresh, new).status_code == 302
    assert player_of(fresh) == player_id


def test_a_wrong_empty_or_overlong_code_is_refused_clearly(app, student):
    client, _player_id, _question = student
    make_code(client)
    fresh = app.test_client()
    for typed, message in [
        ("ABCDE-FGHJK", "No player has that code"),
        ("ABC", "No player has that code"),
        ("", "Type the personal code you were shown"),
        ("A" * 40, "A personal code is ten letters and digits"),
    ]:
        response = continue_with(fresh, typed)
        assert response.status_code == 422, typed
        assert message in text(response)
    with fresh.session_transaction() as cookie:
        assert "player_id" not in cookie
    # Without the form's token, refused before the code is even read.
    assert fresh.post("/continue", data={"code": "ABCDE-FGHJK"}).status_code == 400


def test_typing_codes_is_rate_limited_per_address(app, student):
    client, _player_id, _question = student
    app.config["QUIZ_CODE_LIMIT"] = "3 per minute"
    fresh = app.test_client()
    statuses = [continue_with(fresh, "ZZZZZ-ZZZZZ").status_code for _ in range(4)]
    assert statuses == [422, 422, 422, 429]
    assert "Too many personal codes" in text(continue_with(fresh, "ZZZZZ-ZZZZZ"))


def test_a_code_needs_a_player(app, client):
    assert client.get("/practice/code").status_code == 404
    page = text(client.get("/continue"))
    assert client.post("/practice/code", data={"csrf_token": csrf_token(page)}).status_code == 404


def test_the_practice_page_offers_the_code(app, student):
    client, _player_id, _question = student
    page = text(client.get("/practice"))
    assert "My personal code" in page and "/practice/code" in page
    assert seed_article_id(app)
