// An iCalendar (RFC 5545) writer for the per-user feed of check-in and
// feedback due days (docs/NOTIFICATIONS.md, "Calendar feed").
//
// The output is a VCALENDAR of all-day VEVENTs: lines end in CRLF, lines
// longer than 75 octets are folded (CRLF and one space, never inside a UTF-8
// sequence), and TEXT values escape backslash, semicolon, comma and newlines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace guild::io {

struct CalendarEvent {
  std::string uid;          //!< globally unique and stable across fetches
  Date date;                //!< the all-day event's day (DTSTART;VALUE=DATE)
  std::string summary;      //!< one line; escaped on output
  std::string description;  //!< free text, may hold newlines; empty: none
};

struct Calendar {
  std::string name;  //!< X-WR-CALNAME, shown by clients
  std::vector<CalendarEvent> events;
  int64_t made_at = 0;  //!< seconds since the epoch: every event's DTSTAMP
};

//! The calendar as RFC 5545 text.
std::string WriteICalendar(const Calendar& calendar);

//! A TEXT value escaped (RFC 5545 3.3.11): "\\" "\;" "\," and "\n" for a
//! newline (CRLF or LF; a lone CR is dropped).
std::string EscapeICalendarText(std::string_view text);

//! One content line folded to 75 octets per line, each ending in CRLF.
std::string FoldICalendarLine(std::string_view line);

}  // namespace guild::io
