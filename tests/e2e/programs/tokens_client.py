#!/usr/bin/python3
"""A program of the person's own asking Plugboard for a token over D-Bus (the tests' client, and
docs/dbus.md's example). Usage: tokens_client.py BUS_NAME list | get CONNECTION
Prints one line: JSON for `list`; `TOKEN <token> <expires_at>` or `ERROR <name> <message>`."""
import json
import sys

import dbus

bus_name, what = sys.argv[1], sys.argv[2]
tokens = dbus.Interface(
    dbus.SessionBus().get_object(bus_name, "/dev/plugboard/desktop"),
    "dev.plugboard.desktop.Tokens1",
)
try:
    if what == "list":
        print(json.dumps([[str(f) if i < 5 else int(f) for i, f in enumerate(c)] for c in tokens.ListConnections()], ensure_ascii=False))
    else:
        # The person may take up to two minutes to answer: wait longer than that.
        token, expires_at = tokens.GetAccessToken(sys.argv[3], timeout=300)
        print("TOKEN", token, int(expires_at))
except dbus.DBusException as e:
    print("ERROR", e.get_dbus_name(), e.get_dbus_message())
