"""One notification per transition."""

from mailmanager.core.model.status import ConnectionStatus as C
from mailmanager.core.model.status import DueState as D
from mailmanager.core.model.status import LifecycleState as L
from mailmanager.core.rules.alerts import Alert, alerts_for, new_alerts


def test_alerts_for_states() -> None:
    assert alerts_for([C.OK, L.PAUSED]) == set()
    assert alerts_for([C.AUTH_FAILED, C.OK]) == {Alert.FAILING}
    assert alerts_for([D.EXPIRING_SOON, D.ROTATION_DUE]) == {
        Alert.EXPIRING_SOON,
        Alert.ROTATION_DUE,
    }
    assert alerts_for([D.EXPIRED, D.EXPIRING_SOON]) == {Alert.EXPIRED}
    assert alerts_for([D.INACTIVE]) == {Alert.INACTIVE}


def test_each_transition_once() -> None:
    announced: set[Alert] = set()
    sequence = [
        {Alert.FAILING},  # ok -> failing: announce
        {Alert.FAILING},  # still failing at the next check: silent
        set(),  # fixed: forget
        {Alert.FAILING},  # failing again: announce again
        {Alert.FAILING, Alert.EXPIRING_SOON},  # a second, different alert: only that one
    ]
    said = []
    for current in sequence:
        now, announced = new_alerts(current, announced)
        said.append(now)
    assert said == [{Alert.FAILING}, set(), set(), {Alert.FAILING}, {Alert.EXPIRING_SOON}]
