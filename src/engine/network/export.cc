#include "engine/network/export.h"

#include <cstdio>
#include <vector>

namespace guild::network {

namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Number(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::vector<int> CommunityOf(const Graph& graph, const NetworkMetrics* metrics) {
  std::vector<int> out(graph.node_count(), -1);
  if (metrics == nullptr) return out;
  for (size_t c = 0; c < metrics->communities.size(); ++c) {
    for (NodeId v : metrics->communities[c]) out[v] = static_cast<int>(c);
  }
  return out;
}

const std::string& Label(const Graph& graph, const ExportOptions& options, NodeId v) {
  return options.labels.empty() ? graph.name(v) : options.labels[v];
}

}  // namespace

std::string WriteGraphml(const Graph& graph, const ExportOptions& options) {
  const NetworkMetrics* m = options.metrics;
  const std::vector<int> community = CommunityOf(graph, m);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";
  if (m) {
    out +=
        "  <key id=\"betweenness\" for=\"node\" attr.name=\"betweenness\" attr.type=\"double\"/>\n"
        "  <key id=\"clustering\" for=\"node\" attr.name=\"clustering\" attr.type=\"double\"/>\n"
        "  <key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n";
  }
  out += "  <graph id=\"G\" edgedefault=\"undirected\">\n";
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    out += "    <node id=\"" + Escape(graph.name(v)) + "\"><data key=\"label\">" +
           Escape(Label(graph, options, v)) + "</data>";
    if (m) {
      out += "<data key=\"betweenness\">" + Number(m->betweenness[v]) +
             "</data><data key=\"clustering\">" + Number(m->clustering[v]) +
             "</data><data key=\"community\">" + std::to_string(community[v]) + "</data>";
    }
    out += "</node>\n";
  }
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    auto row = graph.neighbors(v);
    auto w = graph.weights(v);
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i] < v) continue;
      out += "    <edge source=\"" + Escape(graph.name(v)) + "\" target=\"" +
             Escape(graph.name(row[i])) + "\"><data key=\"weight\">" + Number(w[i]) +
             "</data></edge>\n";
    }
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string WriteEdgeList(const Graph& graph) {
  std::string out = "source\ttarget\tweight\n";
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    auto row = graph.neighbors(v);
    auto w = graph.weights(v);
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i] < v) continue;
      out += graph.name(v) + "\t" + graph.name(row[i]) + "\t" + Number(w[i]) + "\n";
    }
  }
  return out;
}

std::string WriteGexf(const Graph& graph, const ExportOptions& options) {
  const NetworkMetrics* m = options.metrics;
  const std::vector<int> community = CommunityOf(graph, m);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
      "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";
  if (m) {
    out +=
        "    <attributes class=\"node\">\n"
        "      <attribute id=\"betweenness\" title=\"betweenness\" type=\"double\"/>\n"
        "      <attribute id=\"clustering\" title=\"clustering\" type=\"double\"/>\n"
        "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
        "    </attributes>\n";
  }
  out += "    <nodes>\n";
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    out += "      <node id=\"" + Escape(graph.name(v)) + "\" label=\"" +
           Escape(Label(graph, options, v)) + "\"";
    if (m) {
      out += "><attvalues><attvalue for=\"betweenness\" value=\"" + Number(m->betweenness[v]) +
             "\"/><attvalue for=\"clustering\" value=\"" + Number(m->clustering[v]) +
             "\"/><attvalue for=\"community\" value=\"" + std::to_string(community[v]) +
             "\"/></attvalues></node>\n";
    } else {
      out += "/>\n";
    }
  }
  out += "    </nodes>\n    <edges>\n";
  uint64_t id = 0;
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    auto row = graph.neighbors(v);
    auto w = graph.weights(v);
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i] < v) continue;
      out += "      <edge id=\"" + std::to_string(id++) + "\" source=\"" + Escape(graph.name(v)) +
             "\" target=\"" + Escape(graph.name(row[i])) + "\" weight=\"" + Number(w[i]) + "\"/>\n";
    }
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace guild::network
