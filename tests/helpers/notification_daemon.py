"""A stand-in for the desktop's notification daemon, on a private D-Bus session bus.

Run as ``python -m tests.helpers.notification_daemon OUTFILE`` with DBUS_SESSION_BUS_ADDRESS
set: it owns org.freedesktop.Notifications, answers every Notify call like a real daemon
(a uint32 id) and appends the call's (app name, summary, body, urgency) as a JSON line to
OUTFILE. It prints "ready" once it owns the name.
"""

from __future__ import annotations

import json
import sys

from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection


def main(outfile: str) -> None:
    with open_dbus_connection(bus="SESSION") as connection:
        connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.Notifications"))
        print("ready", flush=True)
        next_id = 1
        while True:
            message = connection.receive()
            header = message.header
            if header.message_type != MessageType.method_call:
                continue
            member = header.fields.get(HeaderFields.member)
            if member == "Notify":
                app, _replaces, _icon, summary, body, _actions, hints, _timeout = message.body
                urgency = hints.get("urgency", ("y", 1))[1]
                with open(outfile, "a", encoding="utf-8") as out:
                    out.write(json.dumps([app, summary, body, urgency], ensure_ascii=False) + "\n")
                connection.send(new_method_return(message, "u", (next_id,)))
                next_id += 1
            elif member == "GetServerInformation":
                connection.send(new_method_return(message, "ssss", ("fake", "tests", "1", "1.2")))


if __name__ == "__main__":
    main(sys.argv[1])
