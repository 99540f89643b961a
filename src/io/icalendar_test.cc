// The iCalendar writer: folding at 75 octets (UTF-8 kept whole), escaping of
// , ; \ and newlines, and the all-day event layout.
#include "io/icalendar.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace guild::io {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(text.substr(start, end - start));
  }
  EXPECT_EQ(start, text.size()) << "the text must end in CRLF";
  return lines;
}

// Undoes folding: a line starting with a space continues the previous one.
std::string Unfold(const std::string& text) {
  std::string out;
  for (const std::string& line : Lines(text)) {
    if (!line.empty() && line[0] == ' ') {
      out += line.substr(1);
    } else {
      if (!out.empty()) out += "\n";
      out += line;
    }
  }
  return out;
}

TEST(ICalendarEscape, BackslashSemicolonCommaAndNewlines) {
  EXPECT_EQ(EscapeICalendarText(R"(a\b;c,d)"), R"(a\\b\;c\,d)");
  EXPECT_EQ(EscapeICalendarText("one\ntwo\r\nthree"), R"(one\ntwo\nthree)");
  EXPECT_EQ(EscapeICalendarText("plain: text"), "plain: text");
}

TEST(ICalendarFold, ShortLinesStayAndLongOnesFoldAt75Octets) {
  EXPECT_EQ(FoldICalendarLine("SUMMARY:x"), "SUMMARY:x\r\n");
  const std::string exact(75, 'a');
  EXPECT_EQ(FoldICalendarLine(exact), exact + "\r\n");
  const std::string long_line = "SUMMARY:" + std::string(200, 'b');
  const std::string folded = FoldICalendarLine(long_line);
  const std::vector<std::string> lines = Lines(folded);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].size(), 75u);
  EXPECT_EQ(lines[1].size(), 75u);  // the leading space counts
  EXPECT_EQ(lines[1][0], ' ');
  EXPECT_EQ(lines[2][0], ' ');
  EXPECT_EQ(Unfold(folded), long_line);
}

TEST(ICalendarFold, NeverSplitsAUtf8Sequence) {
  // "é" is two octets; with a 7-octet prefix every fold point falls inside one.
  std::string line = "SUMMARY";
  for (int i = 0; i < 60; ++i) line += "\xC3\xA9";
  const std::string folded = FoldICalendarLine(line);
  for (const std::string& part : Lines(folded)) {
    EXPECT_LE(part.size(), 75u);
    ASSERT_FALSE(part.empty());
    const size_t body = part[0] == ' ' ? 1 : 0;
    EXPECT_NE(static_cast<unsigned char>(part[body]) & 0xC0, 0x80) << "starts mid-character";
  }
  EXPECT_EQ(Unfold(folded), line);
}

TEST(ICalendarWrite, AllDayEventsWithUidStampAndEscapedText) {
  Calendar calendar{"Guild: Mia", {}, 1'796'601'600};  // 2026-12-07T00:00:00Z
  calendar.events.push_back({"checkin-alpha-2026-12-11@guild", ParseDate("2026-12-11").value(),
                             "Check-in due: Alpha; tax, audit", "Line one\nLine two \\ end"});
  const std::string text = WriteICalendar(calendar);
  const std::string unfolded = Unfold(text);
  EXPECT_EQ(unfolded,
            "BEGIN:VCALENDAR\n"
            "VERSION:2.0\n"
            "PRODID:-//Guild//Guild calendar feed//EN\n"
            "CALSCALE:GREGORIAN\n"
            "METHOD:PUBLISH\n"
            "X-WR-CALNAME:Guild: Mia\n"
            "BEGIN:VEVENT\n"
            "UID:checkin-alpha-2026-12-11@guild\n"
            "DTSTAMP:20261207T000000Z\n"
            "DTSTART;VALUE=DATE:20261211\n"
            "DTEND;VALUE=DATE:20261212\n"
            "SUMMARY:Check-in due: Alpha\\; tax\\, audit\n"
            "DESCRIPTION:Line one\\nLine two \\\\ end\n"
            "TRANSP:TRANSPARENT\n"
            "END:VEVENT\n"
            "END:VCALENDAR");
}

}  // namespace
}  // namespace guild::io
