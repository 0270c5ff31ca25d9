"""One notification per transition; calm alerts (summaries, offline, changes since last open)."""

from datetime import UTC, date, datetime, timedelta

from mailmanager.core.model.status import ConnectionStatus as C
from mailmanager.core.model.status import DueState as D
from mailmanager.core.model.status import LifecycleState as L
from mailmanager.core.rules.alerts import (
    Alert,
    CalmQueue,
    Notice,
    alerts_for,
    changes_since,
    looks_offline,
    new_alerts,
)


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


# -- calm alerts -------------------------------------------------------------------------------

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_offline_when_every_server_times_out_or_is_unknown() -> None:
    assert looks_offline([("imap.163.com", C.TIMEOUT), ("smtp.qq.com", C.SERVER_NOT_FOUND)])
    # One server not answering is that server's problem.
    assert not looks_offline([("imap.163.com", C.TIMEOUT), ("IMAP.163.com", C.TIMEOUT)])
    # Any answer, even a refusal, means the network works.
    assert not looks_offline([("a.example", C.TIMEOUT), ("b.example", C.AUTH_FAILED)])
    assert not looks_offline([("a.example", C.TIMEOUT), ("b.example", C.CONNECTION_FAILED)])
    assert not looks_offline([])


def test_alerts_within_the_window_make_one_summary_per_kind() -> None:
    queue = CalmQueue(timedelta(seconds=20))
    assert queue.take(T0) == [] and queue.due_at() is None
    for n in range(12):
        queue.add(T0 + timedelta(seconds=n), Alert.FAILING, f"m{n}@163.com", account_id=n)
    queue.add(T0 + timedelta(seconds=3), Alert.EXPIRING_SOON, "x@qq.com", due=date(2026, 12, 9))
    assert queue.due_at() == T0 + timedelta(seconds=20)
    assert queue.take(T0 + timedelta(seconds=19)) == []  # still waiting for others
    notices = queue.take(T0 + timedelta(seconds=20))
    assert [(n.alert, len(n.addresses), n.is_summary) for n in notices] == [
        (Alert.FAILING, 12, True),
        (Alert.EXPIRING_SOON, 1, False),
    ]
    assert notices[1] == Notice(Alert.EXPIRING_SOON, ("x@qq.com",), None, date(2026, 12, 9))
    assert queue.due_at() is None and queue.take(T0 + timedelta(hours=1)) == []
    # A lone alert after the window is its own notice.
    queue.add(T0 + timedelta(hours=2), Alert.FAILING, "late@163.com", account_id=99)
    (late,) = queue.take(T0 + timedelta(hours=2, seconds=20))
    assert late.addresses == ("late@163.com",) and late.account_id == 99


def test_changes_since_the_app_was_last_open() -> None:
    before = {"1": {Alert.FAILING}, "2": {Alert.EXPIRING_SOON}, "9": {Alert.FAILING}}
    after = {
        "1": set(),  # works again
        "2": {Alert.EXPIRED},  # expired meanwhile
        "3": {Alert.FAILING},
        "4": {Alert.FAILING},
    }
    changes = changes_since(before, after, known=["1", "2", "3", "4"])  # 9 was removed
    assert changes.new == {Alert.FAILING: 2, Alert.EXPIRED: 1}
    assert changes.cleared == 1
    assert not changes_since(before, before)
