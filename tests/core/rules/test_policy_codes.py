"""The per-code date rules (issue 19), with an injected "today"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from mailmanager.core.model.codes import CodeRecord, CodeState, dated_label
from mailmanager.core.model.status import DueState
from mailmanager.core.rules.policy import (
    DueItem,
    audit_due,
    code_due_items,
    code_state,
    local_today,
    suggest_revoking,
    worst_code_due,
)

CLOCK = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)  # 2 December in Beijing
BEIJING = timezone(timedelta(hours=8))


def code(label: str, created: date | None, expires: date | None = None, **kw: object) -> CodeRecord:
    return CodeRecord(1, label, created, expires).replace(**kw)


def test_a_live_code_past_its_expiry_shows_expired() -> None:
    today = date(2026, 12, 2)
    assert code_state(code("a", None, date(2026, 12, 1)), today) is CodeState.EXPIRED
    assert code_state(code("a", None, date(2026, 12, 2)), today) is CodeState.IN_USE
    revoked = code("a", None, date(2026, 1, 1), state=CodeState.REVOKED)
    assert code_state(revoked, today) is CodeState.REVOKED


def test_due_items_per_code() -> None:
    today = date(2026, 12, 2)
    old = code("Foxmail", date(2026, 8, 1), date(2026, 12, 10))
    assert code_due_items(old, 90, today) == [
        DueItem(DueState.EXPIRING_SOON, date(2026, 12, 10)),
        DueItem(DueState.ROTATION_DUE, date(2026, 10, 30)),
    ]
    assert code_due_items(old.replace(state=CodeState.INVALIDATED), 90, today) == []
    assert code_due_items(old, 0, today) == [DueItem(DueState.EXPIRING_SOON, date(2026, 12, 10))]


def test_the_mailbox_shows_the_worst_of_its_live_codes() -> None:
    today = local_today(CLOCK, BEIJING)
    codes = [
        code("mailmanager", date(2026, 11, 1), own=True),
        code("Foxmail", date(2026, 8, 1), date(2026, 12, 10)),
        code("phone", date(2026, 7, 1), date(2026, 11, 1), state=CodeState.REVOKED),
        code("platform", date(2026, 6, 1)),
    ]
    assert worst_code_due(codes, 90, today) == [
        DueItem(DueState.EXPIRING_SOON, date(2026, 12, 10)),
        DueItem(DueState.ROTATION_DUE, date(2026, 8, 30)),  # the platform's, the earliest
    ]
    assert worst_code_due(codes[:1], 90, today) == []


def test_audit_every_interval() -> None:
    bound = date(2026, 9, 1)
    assert not audit_due(None, 90, bound, date(2026, 11, 29))
    assert audit_due(None, 90, bound, date(2026, 11, 30))
    assert not audit_due(date(2026, 11, 30), 90, bound, date(2027, 2, 27))
    assert audit_due(date(2026, 11, 30), 30, bound, date(2026, 12, 30))


def test_codes_not_proven_for_long_are_suggested_for_revocation() -> None:
    today = date(2026, 12, 1)
    stale = code("Foxmail", date(2026, 1, 1))
    assert suggest_revoking(stale, today)
    proven = stale.replace(last_proven=datetime(2026, 11, 1, tzinfo=UTC))
    assert not suggest_revoking(proven, today)
    assert not suggest_revoking(stale.replace(own=True), today)
    assert not suggest_revoking(stale.replace(state=CodeState.REVOKED), today)


def test_dated_default_labels() -> None:
    today = date(2026, 12, 1)
    assert dated_label(today, set()) == "mailmanager 2026-12"
    assert dated_label(today, {"Mailmanager 2026-12"}) == "mailmanager 2026-12 (2)"
    assert dated_label(today, set(), "Foxmail") == "Foxmail 2026-12"
    assert dated_label(today, set(), "laptop 2026-03 (2)") == "laptop 2026-12"


def test_one_code_past_the_providers_limit_warns() -> None:
    from mailmanager.core.catalogue.lookup import Catalogue
    from mailmanager.core.rules.code_limits import past_limit

    netease = Catalogue.load(include_user=False).get("netease_personal")
    assert netease is not None
    own = code("mailmanager", date(2026, 11, 1), own=True)
    assert past_limit(netease, [own]) is None
    found = past_limit(netease, [own, code("Foxmail", None)])
    assert found is not None and (found.limit, found.active, found.unconfirmed) == (2, 2, True)
    dead = code("phone", None, state=CodeState.REVOKED)
    assert past_limit(netease, [own, dead]) is None
    assert past_limit(None, [own, code("Foxmail", None)]) is None
