"""The OpenAPI document: valid, complete, and true to what the server answers (schemathesis)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from quiz.api.views import api


def test_the_document_is_valid_openapi_3_1(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_the_document_covers_every_api_route(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    documented = {
        (method.upper(), path) for path, item in document["paths"].items() for method in item
    }
    routes = {
        (method, rule.rule.replace("<", "{").replace(">", "}"))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routes == documented
    assert len(api.endpoints) == len(documented)


def test_the_documented_fields_are_the_ones_validated(client):
    """Documented limits are the enforced ones: the bound passes, one past it is refused."""
    document = client.get("/api/v1/openapi.json").get_json()
    size = document["paths"]["/api/v1/rounds"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]["properties"]["size"]
    body = {"nickname": "Ada", "article": "baikonur"}
    assert client.post("/api/v1/rounds", json=body | {"size": size["maximum"]}).status_code == 201
    assert (
        client.post("/api/v1/rounds", json=body | {"size": size["maximum"] + 1}).status_code == 422
    )
    limit = next(
        p
        for p in document["paths"]["/api/v1/leaderboard"]["get"]["parameters"]
        if p["name"] == "limit"
    )["schema"]
    url = "/api/v1/leaderboard?article=baikonur&limit="
    assert client.get(url + str(limit["maximum"])).status_code == 200
    assert client.get(url + str(limit["maximum"] + 1)).status_code == 422


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def operations(app):
    return [
        result.ok()
        for result in schemathesis.openapi.from_wsgi(
            "/api/v1/openapi.json", app
        ).get_all_operations()
    ]


def run(app, *, only=lambda path: True, headers=None, path_parameters=None) -> set[int]:
    """Call every chosen operation with generated requests; return the statuses seen."""
    statuses = set()
    for operation in operations(app):
        if not only(operation.path):
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def call(case):
            if path_parameters:
                case.path_parameters = path_parameters
            statuses.add(case.call_and_validate(checks=CHECKS, headers=headers).status_code)

        call()
    return statuses


@pytest.mark.slow
def test_the_server_keeps_to_its_document(app):
    """Generated requests for every operation get no 5xx and only documented responses."""
    assert {200, 401, 422} <= run(app)


@pytest.mark.slow
def test_authenticated_calls_keep_to_the_document_too(app, client):
    """With a real round's id and token, round calls answer 200s that match their schemas."""
    created = client.post(
        "/api/v1/rounds", json={"nickname": "Ada", "article": "baikonur", "size": 50}
    ).get_json()
    headers = {"Authorization": f"Bearer {created['token']}"}
    statuses = run(
        app,
        only=lambda path: "{round_id}" in path,
        headers=headers,
        path_parameters={"round_id": created["id"]},
    )
    assert 200 in statuses


@pytest.mark.slow
def test_teacher_calls_keep_to_the_document_too(app):
    """With a teacher's API token, the Open Trivia DB endpoints answer as documented."""
    from quiz.accounts.auth import hash_password, issue_api_token
    from quiz.storage.extensions import db
    from quiz.storage.models import Teacher

    with app.app_context():
        teacher = Teacher(name="Valentina", password_hash=hash_password("vostok-6-1963"))
        db.session.add(teacher)
        db.session.commit()
        headers = {"Authorization": f"Bearer {issue_api_token(teacher)}"}
        db.session.commit()
    assert 200 in run(app, only=lambda path: "/opentdb/" in path, headers=headers)
