#!/usr/bin/env python3
"""Email through a real SMTP server on loopback (docs/NOTIFICATIONS.md).

Starts Debian's aiosmtpd on a free loopback port, `guild serve --smtp` on a
small demo firm, and checks, through the API and the received messages:
  1. a feedback request asked of the demo leader arrives as one email to the
     leader's address (To, Subject, body, Message-ID);
  2. with the SMTP server down the email stays pending (attempts, last_error)
     and is sent once the server is back;
  3. a `guild serve` killed while the SMTP server holds its DATA leaves the
     email claimed; a new server sends it after the lease, with the same
     Message-ID, and marks it sent.

  python3 tests/notify/smtp_test.py --guild build/guild
"""
import argparse
import asyncio
import email
import email.policy
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

from aiosmtpd.controller import Controller

from notify_lib import (Client, Failure, ask_feedback, check, demo_firm, free_port, person_of,
                        wait_for)

class Mailbox:
    """Every message the SMTP server accepted; DATA can be held."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.hold = None  # a threading.Event: DATA waits for it, then answers 451
        self.holding = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.hold is not None:
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.hold.wait)
            return "451 held by the test"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"

    def received(self):
        with self.lock:
            return list(self.messages)


class Smtp:
    def __init__(self, port):
        self.port, self.mailbox, self.controller = port, Mailbox(), None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


class Server:
    def __init__(self, guild, db, smtp_port, lease):
        self.proc = subprocess.Popen(
            [guild, "serve", "--db", db, "--port", "0", "--workers", "2",
             "--smtp", f"smtp://127.0.0.1:{smtp_port}", "--smtp-from", "guild@firm.example",
             "--smtp-retry-seconds", "1", "--smtp-lease-seconds", str(lease)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on http://[^:]+:(\d+)", line)
        if not m:
            raise Failure(f"guild serve did not start: {line!r} {self.proc.stderr.read()[-2000:]}")
        self.port = int(m.group(1))
        self.stderr = []
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)


def outbox(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT inbox_item_id, to_address, state, attempts, last_error, "
                            "message_id FROM guild_outbox ORDER BY id").fetchall()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guild", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guild-smtp-") as work:
        db = f"{work}/guild.db"
        logins = demo_firm(args.guild, db)
        smtp = Smtp(free_port())
        smtp.start()
        server = Server(args.guild, db, smtp.port, lease=2)
        try:
            leader = Client(server.port, *logins["leader"])
            member = Client(server.port, *logins["member"])
            leader_person = person_of(leader)
            leader_email = logins["leader"][0]

            # 1. A feedback request arrives as an email to the reviewer.
            ask_feedback(member, leader_person, "Quarterly pitch to Acme")
            got = wait_for("the first email", lambda: smtp.mailbox.received())
            mail_from, rcpts, message = got[0]
            check(mail_from == "guild@firm.example", "envelope from is --smtp-from")
            check(rcpts == [leader_email], f"sent to the leader ({rcpts})")
            check(message["To"] == leader_email, "To header")
            check(message["Subject"] == "Guild: feedback requested", f"Subject ({message['Subject']})")
            body = message.get_content()
            check("Quarterly pitch to Acme" in body, "body names the event")
            check(re.fullmatch(r"<guild\.inbox\.[^@]+@firm\.example>", message["Message-ID"]),
                  f"Message-ID ({message['Message-ID']})")
            rows = outbox(db)
            check(len(rows) == 1 and rows[0][2] == "sent" and rows[0][3] == 1,
                  f"the outbox row is sent after one attempt ({rows})")

            # 2. SMTP server down: the email waits, then goes once it is back.
            smtp.stop()
            ask_feedback(member, leader_person, "Board deliverable")
            wait_for("a failed attempt",
                     lambda: len(outbox(db)) == 2 and outbox(db)[1][3] >= 1 and outbox(db)[1][4])
            row = outbox(db)[1]
            check(row[2] in ("pending", "sending") and row[4] != "",
                  f"with the server down the row stays pending with its error ({row})")
            smtp.start()
            wait_for("the second email", lambda: len(smtp.mailbox.received()) == 2, timeout=60)
            check(outbox(db)[1][2] == "sent", "sent once the SMTP server is back")
            check(smtp.mailbox.received()[1][2]["Subject"] == "Guild: feedback requested",
                  "second email's subject")

            # 3. Killed while the SMTP server holds the DATA: re-sent after the lease.
            smtp.mailbox.hold = threading.Event()
            smtp.mailbox.holding.clear()
            ask_feedback(member, leader_person, "Client workshop")
            wait_for("the held DATA", lambda: smtp.mailbox.holding.is_set())
            server.kill()
            row = outbox(db)[2]
            check(row[2] == "sending", f"the killed server's email stays claimed ({row})")
            smtp.mailbox.hold.set()
            smtp.mailbox.hold = None
            server = Server(args.guild, db, smtp.port, lease=2)
            wait_for("the re-sent email", lambda: len(smtp.mailbox.received()) == 3, timeout=60)
            resent = smtp.mailbox.received()[2][2]
            check(resent["Message-ID"] == f"<{row[5]}@firm.example>",
                  "re-sent with the row's Message-ID")
            check("Client workshop" in resent.get_content(), "re-sent body")
            wait_for("the mark", lambda: outbox(db)[2][2] == "sent")
            check(outbox(db)[2][3] == 2, "sent on the second attempt")
            check(len(smtp.mailbox.received()) == 3, "no email was received twice")
        finally:
            if server.proc.poll() is None:
                server.stop()
            smtp.stop()
    print("smtp_test: all checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"smtp_test: FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
