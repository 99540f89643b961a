#include "io/icalendar.h"

#include <ctime>

namespace guild::io {

namespace {

constexpr size_t kMaxLineOctets = 75;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// "YYYYMMDD".
std::string BasicDate(Date date) {
  std::string text = FormatDate(date);  // YYYY-MM-DD
  std::string out;
  for (char c : text) {
    if (c != '-') out += c;
  }
  return out;
}

// "YYYYMMDDTHHMMSSZ".
std::string BasicUtc(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

void AddEvent(std::string& out, const CalendarEvent& event, const std::string& stamp) {
  out += FoldICalendarLine("BEGIN:VEVENT");
  out += FoldICalendarLine("UID:" + event.uid);
  out += FoldICalendarLine("DTSTAMP:" + stamp);
  out += FoldICalendarLine("DTSTART;VALUE=DATE:" + BasicDate(event.date));
  out += FoldICalendarLine("DTEND;VALUE=DATE:" + BasicDate(Date{event.date.days + 1}));
  out += FoldICalendarLine("SUMMARY:" + EscapeICalendarText(event.summary));
  if (!event.description.empty()) {
    out += FoldICalendarLine("DESCRIPTION:" + EscapeICalendarText(event.description));
  }
  out += FoldICalendarLine("TRANSP:TRANSPARENT");
  out += FoldICalendarLine("END:VEVENT");
}

}  // namespace

std::string EscapeICalendarText(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF: one newline
    } else {
      out += c;
    }
  }
  return out;
}

std::string FoldICalendarLine(std::string_view line) {
  std::string out;
  size_t limit = kMaxLineOctets;  // the first line; later ones start with a space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && IsContinuationByte(line[cut])) --cut;  // keep UTF-8 whole
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string WriteICalendar(const Calendar& calendar) {
  std::string out;
  out += FoldICalendarLine("BEGIN:VCALENDAR");
  out += FoldICalendarLine("VERSION:2.0");
  out += FoldICalendarLine("PRODID:-//Guild//Guild calendar feed//EN");
  out += FoldICalendarLine("CALSCALE:GREGORIAN");
  out += FoldICalendarLine("METHOD:PUBLISH");
  out += FoldICalendarLine("X-WR-CALNAME:" + EscapeICalendarText(calendar.name));
  const std::string stamp = BasicUtc(calendar.made_at);
  for (const CalendarEvent& event : calendar.events) AddEvent(out, event, stamp);
  out += FoldICalendarLine("END:VCALENDAR");
  return out;
}

}  // namespace guild::io
