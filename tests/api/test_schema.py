"""Schemathesis over the public API: no server error, every response as the schema says."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from samling.api.urls import api

pytestmark = pytest.mark.integration

# The OpenAPI document needs no database: it is read at collection; the calls go over HTTP
# to a live test server with the demo content.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))


@pytest.fixture
def demo_server(live_server, transactional_db):
    from samling.core.demo.load import load_demo

    load_demo()
    return live_server.url


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_public_api_keeps_its_schema(case, demo_server):
    # Lax parsing (a date given as a number) is accepted on purpose; everything else is checked.
    case.call_and_validate(base_url=demo_server, excluded_checks=[negative_data_rejection])


def test_openapi_document_is_valid_and_has_examples(client, db):
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    assert document["components"]["schemas"]["RegistrationIn"]["examples"]
    assert document["components"]["schemas"]["RegistrationCreatedOut"]["examples"]
