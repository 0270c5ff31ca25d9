"""The status vocabulary: one name per state, a badge shows the worst."""

from __future__ import annotations

import pytest

from mailmanager.core.model import status
from mailmanager.core.model.status import ConnectionStatus, DueState, LifecycleState, Severity


def test_vocabulary_is_the_documented_one() -> None:
    assert {s.value for s in ConnectionStatus} == {
        "ok", "auth_failed", "service_disabled", "ip_denied", "unsafe_login",
        "server_not_found", "connection_failed", "timeout", "tls_error",
        "insecure_refused", "temporary_failure", "protocol_error",
    }  # fmt: skip
    assert {s.value for s in DueState} == {"expiring_soon", "expired", "rotation_due", "inactive"}
    assert {"never_checked", "checking", "paused"} <= {s.value for s in LifecycleState}


def test_every_state_has_presentation() -> None:
    for state in status.ALL_STATES:
        facts = status.info(state)
        assert facts.label and facts.description
    assert status.info(ConnectionStatus.OK).label == "Normal"
    assert status.info(ConnectionStatus.OK).severity is Severity.GOOD


def test_worst_first() -> None:
    assert status.worst([ConnectionStatus.OK, DueState.EXPIRING_SOON]) is DueState.EXPIRING_SOON
    assert status.worst([DueState.EXPIRED, ConnectionStatus.AUTH_FAILED]) is (
        ConnectionStatus.AUTH_FAILED
    )
    assert status.worst([]) is LifecycleState.NEVER_CHECKED
    assert status.ordered([ConnectionStatus.OK, ConnectionStatus.OK]) == [ConnectionStatus.OK]


@pytest.mark.parametrize("state", status.ALL_STATES)
def test_parse_round_trip(state: status.State) -> None:
    assert status.parse_state(state.value) is state


def test_parse_unknown() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        status.parse_state("fine")
