"""Helpers shared by the notification tests (smtp_test.py, calendar_test.py)."""
import http.client
import json
import re
import socket
import subprocess
import time

SIGN_IN_RE = re.compile(r"^sign-in: (\S+) (\S+) (\S+)$", re.M)


class Failure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise Failure(f"timed out waiting for {what}")


class Client:
    def __init__(self, port, email_address, password):
        self.port = port
        status, body, headers = self.request(
            "POST", "/api/v1/session", {"email": email_address, "password": password}, auth=False)
        if status != 200:
            raise Failure(f"sign-in answered {status}: {body[:300]}")
        self.cookie = headers.get("set-cookie", "").split(";")[0]
        self.csrf = json.loads(body)["csrf_token"]

    def request(self, method, path, body=None, auth=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Cookie"], headers["X-CSRF-Token"] = self.cookie, self.csrf
        conn.request(method, path, None if body is None else json.dumps(body), headers)
        reply = conn.getresponse()
        data = reply.read().decode()
        conn.close()
        return reply.status, data, {k.lower(): v for k, v in reply.getheaders()}

    def json(self, method, path, body=None, expect=(200, 201)):
        status, data, _ = self.request(method, path, body)
        if status not in expect:
            raise Failure(f"{method} {path} answered {status}: {data[:300]}")
        return json.loads(data) if data else None


def check(condition, what):
    if not condition:
        raise Failure(what)
    print("ok:", what)


def demo_firm(guild, db):
    """A 60-person demo firm in `db`; its sign-ins by label (leader, member, ...)."""
    demo = subprocess.run([guild, "demo", "--people", "60", "--seed", "3", "--db", db],
                          capture_output=True, text=True, check=True)
    logins = {m.group(1): (m.group(2), m.group(3)) for m in SIGN_IN_RE.finditer(demo.stdout)}
    if "leader" not in logins or "member" not in logins:
        raise Failure(f"guild demo printed no leader and member sign-ins: {demo.stdout[-500:]}")
    return logins


def person_of(client):
    me = client.json("GET", "/api/v1/me")
    return me["user"]["person_id"]


def ask_feedback(asker, reviewer_person, event):
    today = time.strftime("%Y-%m-%d", time.gmtime())
    return asker.json("POST", "/api/v1/feedback-requests",
                      {"event_kind": "pitch", "event": event, "event_date": today,
                       "reviewer_ids": [reviewer_person]})
