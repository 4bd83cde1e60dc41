"""Plays systemd's side of the sd_notify protocol: binds a datagram socket at argv[1]
and appends each message it receives to argv[2], one line per field, prefixed with the
monotonic time of arrival. Runs until killed."""
import os
import socket
import sys
import time

path, log = sys.argv[1], sys.argv[2]
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
os.chmod(path, 0o666)  # the kiosk may run as another user (the package's)
with open(log, "a", buffering=1) as out:
    out.write("listening\n")
    while True:
        data = sock.recv(4096).decode("utf-8", "replace")
        now = time.monotonic()
        for field in data.split("\n"):
            if field:
                out.write(f"{now:.3f} {field}\n")
