// NetworkService: client coverage and succession.
#include <algorithm>

#include "service/network/network_service.h"

namespace guild {

Result<ClientList> NetworkService::Clients(const Principal& viewer,
                                           const ClientListRequest& request) {
  ASSIGN_OR_RETURN(NetworkStateRef state, State());
  Authorizer authorizer(*state->snapshot);
  const ClientScope scope = authorizer.ClientCoverageScope(viewer);
  const FirmData& firm = state->snapshot->data();
  ClientList out;
  out.state = state;
  for (const network::ClientCoverage& c : state->coverage) {
    const guild::Client& client = firm.clients[c.client];
    if (!scope.all && !scope.clients.contains(client.id)) continue;
    if (request.flagged_only && !c.flagged) continue;
    if (request.key_only && !client.key_client) continue;
    out.clients.push_back(c.client);
  }
  std::sort(out.clients.begin(), out.clients.end(), [&](uint32_t a, uint32_t b) {
    const bool fa = state->coverage[a].flagged, fb = state->coverage[b].flagged;
    if (fa != fb) return fa;
    return std::tie(firm.clients[a].name, firm.clients[a].id) <
           std::tie(firm.clients[b].name, firm.clients[b].id);
  });
  return out;
}

Result<ClientDetail> NetworkService::Client(const Principal& viewer, std::string_view client_id) {
  ASSIGN_OR_RETURN(NetworkStateRef state, State());
  const FirmData& firm = state->snapshot->data();
  auto it = std::find_if(firm.clients.begin(), firm.clients.end(),
                         [&](const guild::Client& c) { return c.id == client_id; });
  if (it == firm.clients.end())
    return NotFound("client: no client '" + std::string(client_id) + "'");
  Authorizer authorizer(*state->snapshot);
  if (!authorizer.CanReadClientCoverage(viewer, client_id)) {
    return PermissionDenied(
        "client: a client's coverage is for firm leaders, administrators "
        "and the partners who lead its engagements");
  }
  ClientDetail out;
  out.state = state;
  out.coverage = &state->coverage[static_cast<size_t>(it - firm.clients.begin())];
  // Free hours are private: weighed and shown only to viewers who may read
  // every candidate's detail.
  out.capacity_visible = authorizer.CanReadFirmWide(viewer);
  ASSIGN_OR_RETURN(SkillsStateRef skills, skills_.State());
  network::SuccessionOptions succession = options_.succession;
  succession.today = state->today;
  if (!out.capacity_visible) succession.capacity_weight = 0;
  ASSIGN_OR_RETURN(out.successors, network::SuggestSuccessors(firm, skills->index, *state->graph,
                                                              *out.coverage, succession));
  return out;
}

}  // namespace guild
