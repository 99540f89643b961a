#include "domain/team_version.h"

#include <cstdint>

namespace guild {

namespace {

// FNV-1a over a record's fields, each text preceded by its length so that
// ("ab", "c") and ("a", "bc") differ.
class RecordHash {
 public:
  void Byte(unsigned char c) {
    hash_ ^= c;
    hash_ *= kPrime;
  }
  void Bytes(std::string_view bytes) {
    for (unsigned char c : bytes) Byte(c);
  }
  void Number(uint64_t n) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<unsigned char>(n >> (8 * i)));
  }
  void Text(std::string_view text) {
    Number(text.size());
    Bytes(text);
  }
  [[nodiscard]] std::string Hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i) out[15 - i] = kDigits[(hash_ >> (4 * i)) & 0xF];
    return out;
  }

 private:
  static constexpr uint64_t kPrime = 0x100000001B3ULL;
  uint64_t hash_ = 0xCBF29CE484222325ULL;
};

}  // namespace

std::string TeamVersion(const Team& team) {
  RecordHash h;
  h.Text(team.id);
  h.Text(team.name);
  h.Text(team.purpose);
  h.Text(team.leader_id);
  h.Text(team.client_id);
  h.Number(team.leadership_team ? 1 : 0);
  h.Number(team.members.size());
  for (const TeamMember& m : team.members) {
    h.Text(m.person_id);
    h.Text(m.role);
  }
  h.Number(static_cast<uint64_t>(team.kind));
  h.Text(team.engagement_id);
  h.Number(static_cast<uint64_t>(static_cast<int64_t>(team.checkin_cadence_days)));
  return h.Hex();
}

}  // namespace guild
