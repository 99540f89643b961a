#!/usr/bin/env python3
"""The iCalendar feed through `guild serve` (docs/NOTIFICATIONS.md).

On a small demo firm: the member gets a feed URL (POST /api/v1/me/calendar-feed),
fetches it without a session, and Debian's python3-icalendar parses it: 8
all-day check-in due days per team the member checks in with, one cadence
apart; a feedback request the leader asks of the member appears on its
expiry day and goes once answered; rotating the URL makes the old one 404;
an unknown token is 404.

  python3 tests/notify/calendar_test.py --guild build/guild
"""
import argparse
import datetime
import http.client
import json
import re
import signal
import subprocess
import sys
import tempfile
from collections import defaultdict

import icalendar

from notify_lib import Client, Failure, ask_feedback, check, demo_firm, person_of


def fetch(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    reply = conn.getresponse()
    body = reply.read()
    conn.close()
    return reply.status, reply.getheader("Content-Type", ""), body


def events(body):
    calendar = icalendar.Calendar.from_ical(body)
    return [e for e in calendar.walk("VEVENT")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guild", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guild-ical-") as work:
        db = f"{work}/guild.db"
        logins = demo_firm(args.guild, db)
        server = subprocess.Popen([args.guild, "serve", "--db", db, "--port", "0", "--workers", "2"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            m = re.search(r"listening on http://[^:]+:(\d+)", server.stdout.readline())
            if not m:
                raise Failure("guild serve did not start")
            port = int(m.group(1))
            leader = Client(port, *logins["leader"])
            member = Client(port, *logins["member"])
            member_person = person_of(member)

            state = member.json("GET", "/api/v1/me/calendar-feed")
            check(state == {"exists": False, "created_at": None}, f"no feed yet: {state}")
            url = member.json("POST", "/api/v1/me/calendar-feed")["url"]
            state = member.json("GET", "/api/v1/me/calendar-feed")
            check(state["exists"] is True and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                                                          state["created_at"] or ""),
                  f"the feed exists, with when it was made: {state}")
            check("gcal_" not in json.dumps(state), "the state never shows the secret URL")
            check(leader.json("GET", "/api/v1/me/calendar-feed")["exists"] is False,
                  "one user's feed is not another's")
            check(re.fullmatch(r"/api/v1/calendar/gcal_[A-Za-z0-9_-]+\.ics", url), f"feed URL {url}")
            status, ctype, body = fetch(port, url)
            check(status == 200 and ctype.startswith("text/calendar"), f"feed served ({status} {ctype})")
            check(b"\r\n" in body and all(len(line) <= 75 for line in body.split(b"\r\n")),
                  "CRLF lines of at most 75 octets")
            found = events(body)
            by_team = defaultdict(list)
            for e in found:
                summary = str(e.get("SUMMARY"))
                start = e.decoded("DTSTART")
                check(isinstance(start, datetime.date) and not isinstance(start, datetime.datetime),
                      f"all-day event {summary}")
                check(e.decoded("DTEND") - start == datetime.timedelta(days=1), "one day long")
                check(e.get("UID") and e.get("DTSTAMP"), "UID and DTSTAMP")
                if summary.startswith("Check-in due: "):
                    by_team[summary].append(start)
            check(len({str(e.get("UID")) for e in found}) == len(found), "UIDs are unique")
            check(len(by_team) >= 1, f"check-in due days of {len(by_team)} team(s)")
            for team, days in by_team.items():
                days.sort()
                gaps = {(b - a).days for a, b in zip(days, days[1:])}
                check(len(days) == 8 and len(gaps) == 1 and min(gaps) > 0,
                      f"{team}: 8 due days one cadence apart ({gaps})")
                check(days[0] >= datetime.datetime.now(datetime.timezone.utc).date(),
                      f"{team}: from the current cycle on")

            asked = ask_feedback(leader, member_person, "Calendar pitch, part 1; review")
            request = asked.get("request", asked)
            expires = datetime.date.fromisoformat(request["expires_on"])
            feedback = [e for e in events(fetch(port, url)[2])
                        if str(e.get("SUMMARY")) == "Feedback due: Calendar pitch, part 1; review"]
            check(len(feedback) == 1 and feedback[0].decoded("DTSTART") == expires,
                  f"the pending feedback request on its expiry day {expires}")
            check("asked for your feedback" in str(feedback[0].get("DESCRIPTION")),
                  "its description (escaped text round-trips)")
            member.json("PUT", f"/api/v1/feedback-requests/{request['id']}/answer",
                        {"most_effective": "Clear story", "do_better": "Shorter slides"})
            check(not [e for e in events(fetch(port, url)[2])
                       if str(e.get("SUMMARY")).startswith("Feedback due: Calendar pitch")],
                  "an answered request leaves the feed")

            new_url = member.json("POST", "/api/v1/me/calendar-feed")["url"]
            check(new_url != url, "rotation gives a new URL")
            check(fetch(port, url)[0] == 404, "the old URL is 404 after rotation")
            check(fetch(port, new_url)[0] == 200, "the new URL works")
            check(fetch(port, "/api/v1/calendar/gcal_unknown.ics")[0] == 404, "unknown token 404")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    print("calendar_test: all checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"calendar_test: FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
