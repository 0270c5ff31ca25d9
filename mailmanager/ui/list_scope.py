"""Which mailboxes the list shows: all of them, a built-in filter, or one group.

The side list of the main window (``ui/group_list.py``) offers these scopes with their counts;
the account model counts them in one pass over its rows and the filter proxy asks the model
whether a row is in the chosen scope, so neither reads the store. "Needs attention" is the
summary line's count (a badge that is a warning or worse); "Not checked yet" is a mailbox with
no login test in its history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class ScopeKind(Enum):
    ALL = "all"
    ATTENTION = "attention"
    UNCHECKED = "unchecked"
    GROUP = "group"  # with the group's name; '' is the mailboxes in no group


class Scope(NamedTuple):
    kind: ScopeKind
    group: str = ""


ALL = Scope(ScopeKind.ALL)


@dataclass(frozen=True)
class ScopeCounts:
    """How many mailboxes each scope holds (``AccountModel.scope_counts``)."""

    total: int = 0
    attention: int = 0
    unchecked: int = 0
    groups: dict[str, int] = field(default_factory=dict)  # '' counts those in no group

    def count(self, scope: Scope) -> int:
        if scope.kind is ScopeKind.ALL:
            return self.total
        if scope.kind is ScopeKind.ATTENTION:
            return self.attention
        if scope.kind is ScopeKind.UNCHECKED:
            return self.unchecked
        return self.groups.get(scope.group, 0)
