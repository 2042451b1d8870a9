#include "shell/automation.h"
#include "proposals/proposals_page.h"

#include <QGuiApplication>
#include <QScreen>

#include "runbooks/runbooks_page.h"

#include <QApplication>
#include <QFile>
#include <QTimer>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include "agents/collector.h"
#include "agents/fault_control.h"
#include "alerts/alerts_query.h"
#include "analysis/analysis_query.h"
#include "charts/charts_query.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_query.h"
#include "model/recording.h"
#include "node_detail/detail_query.h"
#include "node_detail/node_detail_page.h"
#include "nodes/nodes_page.h"
#include "overview/overview_page.h"
#include "overview/topology_view.h"
#include "shell/main_window.h"
#include "shell/session.h"

namespace consortia::console {
namespace {

using json = nlohmann::json;

// Replaces `file` at once, so a reader never sees half a report.
void write_file(const QString& file, const std::string& text) {
  QFile f(file + ".tmp");
  if (!f.open(QIODevice::WriteOnly)) return;
  f.write(text.data(), static_cast<qint64>(text.size()));
  f.close();
  QFile::remove(file);
  QFile::rename(file + ".tmp", file);
}

json state_json(const NetworkState& s) {
  json nodes = json::array(), faults = json::object();
  uint64_t top = s.max_height();
  for (const auto& n : s.nodes) {
    nodes.push_back({{"name", n.name}, {"health", health_name(health_of(n, top, s.at_ms))}, {"height", n.height}});
    for (const auto& p : n.peers)
      if (!p.fault_rule.empty()) {
        faults[n.name] = p.fault_rule;
        break;
      }
  }
  return {{"nodes", nodes}, {"faults", faults}};
}

json findings_json(const std::vector<Finding>& found) {
  json out = json::array();
  for (const auto& f : found)
    out.push_back({{"kind", finding_kind_name(f.kind)},
                   {"severity", severity_name(f.severity)},
                   {"cause", cause_name(f.cause)},
                   {"nodes", f.nodes},
                   {"height", f.height},
                   {"figure", f.figure}});
  return out;
}

json alerts_json(const AlertsView& v) {
  json active = json::array(), cleared = json::array();
  for (const auto& a : v.records)
    (a.cleared_ms == 0 ? active : cleared).push_back({{"node", a.node}, {"rule", a.rule}, {"value", a.value}});
  return {{"active", active}, {"cleared", cleared}};
}

json explorer_json(const ExplorerResult& r) {
  const char* kinds[] = {"none", "block", "transaction", "evidence"};
  uint64_t height = r.kind == ExplorerResult::Kind::kBlock         ? r.block.height
                    : r.kind == ExplorerResult::Kind::kTransaction ? r.tx.height
                                                                   : r.proof.header.height;
  json txs = json::array();  // a block's first transactions, for scripts to follow
  for (size_t i = 0; i < r.block.tx_ids_hex.size() && i < 10; ++i) txs.push_back(r.block.tx_ids_hex[i]);
  return {{"kind", kinds[static_cast<int>(r.kind)]}, {"error", r.error},  {"verified", r.verdict.verified},
          {"reason", r.verdict.reason},              {"height", height},  {"evidence_digest", r.evidence_digest_hex},
          {"tx_ids", txs}};
}

json detail_json(const NodeDetail& d) {
  std::string last = d.audit.empty() ? "" : d.audit.back().call + " " + d.audit.back().detail;
  return {{"node", d.node},
          {"log_lines", d.log.size()},
          {"audit", d.audit.size()},
          {"audit_last", last},
          {"blocks", d.blocks.size()},
          {"simulated", d.host.simulated},
          {"agent_version", d.host.agent_version}};
}

}  // namespace

void Automation::add_options(QCommandLineParser& cli) {
  auto hidden = [&](QCommandLineOption o) {
    o.setFlags(QCommandLineOption::HiddenFromHelp);
    cli.addOption(o);
  };
  hidden({"screenshot", "Save a screenshot of the window and exit.", "FILE"});
  hidden({"screenshot-after", "Milliseconds before the screenshot.", "MS", "6000"});
  hidden({"tab", "Page to show first: overview, nodes, detail, analysis, charts, alerts, explorer, runbooks, hosts, "
                 "proposals (or 0-9).", "PAGE"});
  hidden({"wizard", "Open the lifecycle wizard of KIND: join, exit, backup, restore, migrate, renew.", "KIND"});
  hidden({"approve", "Approve a proposal as ORG, as the Proposals page's button does.", "ORG:PROPOSAL"});
  hidden({"report", "Write what the console shows (JSON files) after every update.", "FILE"});
  hidden({"apply-fault", "Apply RULE on NODE once connected, as the Apply button does.", "NODE=RULE"});
  hidden({"apply-link-fault", "Apply a rule on one link, as the peers table's menu does.", "NODE>PEER=RULE"});
  hidden({"partition", "Partition these nodes from the rest, then heal after --heal-after ms.", "NODE[,NODE...]"});
  hidden({"heal-after", "Milliseconds before healing a --partition.", "MS", "8000"});
  hidden({"record", "Save what the console sees as a recording after --record-after ms, and quit.", "FILE"});
  hidden({"record-after", "Milliseconds before --record.", "MS", "30000"});
  hidden({"show-node", "Open the node detail of this node.", "NAME"});
  hidden({"explore", "Look this up in the explorer (a height, hash or transaction id).", "QUERY"});
  hidden({"explore-evidence", "The --explore query is a document digest: prove it."});
  hidden({"measure", "Measure the console for S seconds after the topology is first painted, print the figures "
                     "and quit (bench/console_bench.sh).", "S"});
}

bool Automation::read_options(const QCommandLineParser& cli, AutomationOptions& o, QString* why) {
  auto number = [&](const char* name, int& out) {
    bool ok = false;
    int v = cli.value(name).toInt(&ok);
    if (!ok || v < 0) {
      *why = QString("--%1 takes milliseconds").arg(name);
      return false;
    }
    out = v;
    return true;
  };
  o.screenshot = cli.value("screenshot");
  o.report = cli.value("report");
  o.apply_fault = cli.value("apply-fault");
  o.apply_link_fault = cli.value("apply-link-fault");
  o.partition = cli.value("partition");
  o.record = cli.value("record");
  o.show_node = cli.value("show-node");
  o.explore = cli.value("explore");
  o.explore_evidence = cli.isSet("explore-evidence");
  o.wizard = cli.value("wizard");
  o.vote = cli.value("approve");
  if (!o.vote.isEmpty() && !o.vote.contains(':')) {
    *why = "--approve takes ORG:PROPOSAL";
    return false;
  }
  if (!o.wizard.isEmpty() && !QStringList{"join", "exit", "backup", "restore", "migrate", "renew"}.contains(o.wizard)) {
    *why = "--wizard takes join, exit, backup, restore, migrate or renew";
    return false;
  }
  if (!number("screenshot-after", o.screenshot_after) || !number("heal-after", o.heal_after) ||
      !number("record-after", o.record_after))
    return false;
  if (cli.isSet("tab")) {
    o.page = page_by_name(cli.value("tab"));
    if (!o.page) {
      *why = "--tab takes overview, nodes, detail, analysis, charts, alerts, explorer, runbooks, hosts, proposals or 0-9";
      return false;
    }
  }
  if (cli.isSet("measure")) {
    bool ok = false;
    o.measure = cli.value("measure").toDouble(&ok);
    if (!ok || o.measure <= 0) {
      *why = "--measure takes seconds";
      return false;
    }
  }
  return true;
}

Automation::Automation(const AutomationOptions& o, ConsoleSession& session, MainWindow& w, const QElapsedTimer& since_start)
    : o_(o), session_(session), w_(w), since_start_(since_start) {
  if (!o_.report.isEmpty()) write_reports();
  act();
  if (o_.measure > 0) measure();
  else if (o_.page && o_.screenshot.isEmpty()) w_.show_page(*o_.page);
}

void Automation::write_reports() {
  QString file = o_.report;
  connect(session_.collector(), &Collector::snapshot, this,
          [file](const NetworkState& s) { write_file(file, state_json(s).dump() + "\n"); });
  connect(session_.analysis(), &AnalysisQuery::findings, this,
          [file](const std::vector<Finding>& f) { write_file(file + ".findings", findings_json(f).dump() + "\n"); });
  connect(session_.alerts(), &AlertsQuery::alerts, this,
          [file](const AlertsView& v) { write_file(file + ".alerts", alerts_json(v).dump()); });
  connect(session_.explorer(), &ExplorerQuery::explored, this,
          [file](const ExplorerResult& r) { write_file(file + ".explorer", explorer_json(r).dump()); });
  connect(session_.detail(), &DetailQuery::detail, this,
          [file](const NodeDetail& d) { write_file(file + ".detail", detail_json(d).dump()); });
}

// What a user would do once connected, at the same moments as before.
void Automation::act() {
  const auto& endpoints = session_.source().endpoints;
  auto index = [&endpoints](const QString& name) {
    for (size_t i = 0; i < endpoints.size(); ++i)
      if (QString::fromStdString(endpoints[i].name) == name) return static_cast<int>(i);
    return -1;
  };
  if (!o_.apply_link_fault.isEmpty()) {
    const QString& spec = o_.apply_link_fault;
    int node = index(spec.section('>', 0, 0)), peer = index(spec.section('>', 1).section('=', 0, 0));
    QString rule = spec.section('=', 1);
    if (node >= 0 && peer >= 0) {
      QString peer_hex = QString::fromStdString(endpoints[static_cast<size_t>(peer)].id_hex);
      QTimer::singleShot(2500, this, [this, node, peer_hex, rule] {
        emit w_.node_detail()->link_fault_requested(node, peer_hex, rule);
      });
    }
  }
  if (int node = index(o_.show_node); node >= 0) QTimer::singleShot(1500, this, [this, node] { w_.show_node(node); });
  if (!o_.explore.isEmpty())
    QTimer::singleShot(3000, this, [this] {
      w_.show_page(Page::kExplorer);
      w_.explorer()->explore(o_.explore, o_.explore_evidence);
    });
  if (!o_.apply_fault.isEmpty()) {
    int node = index(o_.apply_fault.section('=', 0, 0));
    QString rule = o_.apply_fault.section('=', 1);
    QTimer::singleShot(2000, this, [this, node, rule] {
      w_.show_node(node);
      emit w_.node_detail()->apply_fault_requested(node, rule);
    });
  }
  if (!o_.partition.isEmpty()) {
    QList<int> group;
    for (const QString& name : o_.partition.split(','))
      if (int i = index(name); i >= 0) group << i;
    QTimer::singleShot(2000, this, [this, group] { emit w_.nodes()->partition_requested(group); });
    QTimer::singleShot(2000 + o_.heal_after, this, [this] { emit w_.nodes()->clear_all_faults_requested(); });
  }
  if (!o_.vote.isEmpty())
    QTimer::singleShot(2000, this, [this] {
      w_.show_page(Page::kProposals);
      emit w_.proposals()->vote_requested(o_.vote.section(':', 0, 0), o_.vote.section(':', 1), false);
    });
  if (!o_.screenshot.isEmpty()) {
    // The page is chosen just before the picture, after any scripted action
    // (which may open another page).
    Page page = o_.page.value_or(Page::kOverview);
    QTimer::singleShot(std::max(200, o_.screenshot_after - 1500), this, [this, page] { w_.show_page(page); });
    if (!o_.wizard.isEmpty())
      QTimer::singleShot(std::max(300, o_.screenshot_after - 1000), this, [this] { w_.runbooks()->open_wizard(o_.wizard); });
    QTimer::singleShot(o_.screenshot_after, this, [this] {
      // With a wizard open, the screen: the window and the dialog over it.
      if ((!o_.wizard.isEmpty() || !o_.vote.isEmpty()) && QGuiApplication::primaryScreen())
        QGuiApplication::primaryScreen()->grabWindow(0).save(o_.screenshot);
      else
        w_.grab().save(o_.screenshot);
      QApplication::quit();
    });
  }
  if (!o_.record.isEmpty()) {
    auto rec = std::make_shared<Recording>();
    rec->note = "recorded by consortia --record from " + session_.source().key;
    connect(session_.collector(), &Collector::snapshot, this, [rec](const NetworkState& s) { rec->state = s; });
    connect(session_.charts(), &ChartsQuery::series, this, [rec](const SeriesByNode& by_node) { rec->samples = by_node; });
    QTimer::singleShot(o_.record_after, this, [this, rec] {
      write_file(o_.record, recording_to_json(*rec));
      QApplication::quit();
    });
  }
}

// --measure: start-up to the first painted topology, then over the window
// the GUI thread's CPU share, its longest event-loop stall (a 10 ms timer's
// worst lateness) and how long the collector took to ask every agent.
// The overview paints first; the window is measured on the chosen page.
void Automation::measure() {
  struct M {
    qint64 first_paint_ms = -1;
    QElapsedTimer tick, window;
    double stall_ms = 0, cpu0 = 0;
    int polls = 0, nodes = 0;
    double poll_sum = 0, poll_max = 0;
  };
  auto m = std::make_shared<M>();
  auto thread_cpu = [] {
    struct rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  connect(session_.collector(), &Collector::snapshot, this, [m](const NetworkState& s) {
    if (!m->window.isValid()) return;
    ++m->polls;
    m->nodes = static_cast<int>(s.nodes.size());
    m->poll_sum += static_cast<double>(s.poll_ms);
    m->poll_max = std::max(m->poll_max, static_cast<double>(s.poll_ms));
  });
  double seconds = o_.measure;
  Page page = o_.page.value_or(Page::kOverview);
  connect(w_.overview()->topology(), &TopologyView::first_painted, this, [this, m, thread_cpu, seconds, page] {
    m->first_paint_ms = since_start_.elapsed();
    w_.show_page(page);
    // The window opens once the first answers are in and settled.
    QTimer::singleShot(3000, this, [this, m, thread_cpu, seconds] {
      m->window.start();
      m->tick.start();
      m->cpu0 = thread_cpu();
      auto* ticker = new QTimer(this);
      connect(ticker, &QTimer::timeout, this, [m] {
        m->stall_ms = std::max(m->stall_ms, static_cast<double>(m->tick.nsecsElapsed()) / 1e6 - 10.0);
        m->tick.restart();
      });
      ticker->start(10);
      QTimer::singleShot(static_cast<int>(seconds * 1000), this, [m, thread_cpu] {
        double wall = static_cast<double>(m->window.elapsed()) / 1000.0;
        std::printf("console-measure nodes=%d startup_to_first_topology_ms=%lld window_s=%.0f gui_thread_cpu_percent=%.1f "
                    "longest_stall_ms=%.1f polls=%d poll_ms_mean=%.0f poll_ms_max=%.0f\n",
                    m->nodes, static_cast<long long>(m->first_paint_ms), wall, 100.0 * (thread_cpu() - m->cpu0) / wall,
                    m->stall_ms, m->polls, m->polls ? m->poll_sum / m->polls : 0.0, m->poll_max);
        std::fflush(stdout);
        QApplication::quit();
      });
    });
  });
}

}  // namespace consortia::console
