"""Helpers for driving the HTML pages as a browser would, CSRF tokens included."""

import re
from html import unescape
from html.parser import HTMLParser


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append({k: (v or "") for k, v in attrs})


def inputs(html: str) -> list[dict]:
    parser = _Inputs()
    parser.feed(html)
    return parser.inputs


def hidden(html: str, name: str) -> str:
    for attrs in inputs(html):
        if attrs.get("name") == name and attrs.get("type") == "hidden":
            return attrs.get("value", "")
    raise AssertionError(f"page has no hidden {name}")


def csrf_token(html: str) -> str:
    return hidden(html, "csrf_token")


def radio_values(html: str, name: str = "answer") -> list[str]:
    return [a["value"] for a in inputs(html) if a.get("name") == name and a.get("type") == "radio"]


def start_round(client, article="baikonur", size=3, nickname="Ada", relaxed=False):
    page = client.get("/").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "article": article, "size": size, "nickname": nickname}
    if relaxed:
        data["relaxed"] = "y"
    response = client.post("/", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def order_positions(html: str) -> list[tuple[str, list[str]]]:
    """Return an order question's select boxes as (name, event texts), first position first."""
    found = re.findall(r'<select[^>]*name="(position_\d+)"[^>]*>(.*?)</select>', html, re.S)
    return [
        (name, [unescape(v) for v in re.findall(r'<option[^>]*value="([^"]+)"', body)])
        for name, body in found
    ]


def answer_current(client, url, pick=None):
    """Answer the question on the page at url; return (response, page_html, options)."""
    page = client.get(url).get_data(as_text=True)
    options = radio_values(page)
    data = {
        "csrf_token": csrf_token(page),
        "question_id": hidden(page, "question_id"),
        "answer": pick(options) if pick else (options[0] if options else "1961"),
    }
    positions = order_positions(page)
    if positions:
        # An order question: the events in the order shown, one per position.
        del data["answer"]
        data.update({name: events[n] for n, (name, events) in enumerate(positions)})
    return client.post(url, data=data), page, options
