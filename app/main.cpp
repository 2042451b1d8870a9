// consortia: the desktop console. With no network given it opens the
// embedded default, a local sandbox network of agents, starting it when it
// is not running (and stopping it on exit unless asked to keep it).
//
//   consortia [--sandbox-dir DIR] [--nodes N | --simulated N] [--lang en|zh_CN] [--keep-sandbox] [--no-sandbox]
//             [--screenshot FILE --screenshot-after MS] [--report FILE]
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QElapsedTimer>
#include <QScreen>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <map>
#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <sys/resource.h>

#include <cstdio>

#include "client.h"
#include "collector.h"
#include "core/history.h"
#include "core/inventory.h"
#include "core/recording.h"
#include "pki.h"
#include "consortia/v1/agent.grpc.pb.h"
#include "main_window.h"
#include "network.h"
#include "sandbox.h"
#include "topology_view.h"

using namespace consortia;
using namespace consortia::console;

namespace {
// Replaces `file` at once, so a reader never sees half a report.
void write_report(const QString& file, const QString& text) {
  QFile f(file + ".tmp");
  if (!f.open(QIODevice::WriteOnly)) return;
  f.write(text.toUtf8());
  f.close();
  QFile::remove(file);
  QFile::rename(file + ".tmp", file);
}
// What the console needs to watch a network, from a network directory (a
// sandbox, or one made with consortia-agent init) or from the inventory.
struct Opened {
  std::string key;  // the network's name in history
  QString title;
  std::vector<Endpoint> endpoints;
  std::shared_ptr<const agent::ClientIdentity> viewer;
  std::map<std::string, std::shared_ptr<const agent::ClientIdentity>> operators;  // by organisation
  std::string genesis_path;
};

bool open_directory(const std::string& dir, Opened& o, std::string& error) {
  auto net = agent::load_network(dir);
  if (!net) {
    error = net.error().to_string();
    return false;
  }
  // The console reads as association staff would: a viewer certificate.
  auto id = agent::load_client_identity(*net, net->nodes.front().organisation, "viewer");
  if (!id) {
    error = id.error().to_string();
    return false;
  }
  o.key = net->dir;
  o.title = QString::fromStdString(net->dir);
  o.viewer = std::make_shared<agent::ClientIdentity>(*id);
  for (const auto& n : net->nodes) {
    o.endpoints.push_back({n.name, n.organisation, n.api_address, n.metrics_address, n.id.hex()});
    if (!o.operators.count(n.organisation))
      if (auto op = agent::load_client_identity(*net, n.organisation, "operator"))
        o.operators[n.organisation] = std::make_shared<agent::ClientIdentity>(*op);
  }
  o.genesis_path = net->dir + "/genesis.json";
  return true;
}

// An inventory network: the agents say who they are (organisation, node id)
// when first asked; the files give the certificates.
bool open_inventory(const InventoryNetwork& n, Opened& o, std::string& error) {
  auto ca = agent::read_file(n.ca_bundle), crt = agent::read_file(n.certificate), key = agent::read_file(n.key);
  if (!ca || !crt || !key) {
    error = "cannot read the certificate files of " + n.name;
    return false;
  }
  o.key = "inventory:" + n.name;
  o.title = QString::fromStdString(n.name);
  o.viewer = std::make_shared<agent::ClientIdentity>(agent::ClientIdentity{*ca, *crt, *key});
  o.genesis_path = n.genesis;
  if (!n.operator_certificate.empty()) {
    auto oc = agent::read_file(n.operator_certificate), ok = agent::read_file(n.operator_key);
    if (oc && ok)
      if (auto subject = agent::certificate_subject(*oc))
        o.operators[subject->organisation] = std::make_shared<agent::ClientIdentity>(agent::ClientIdentity{*ca, *oc, *ok});
  }
  QProgressDialog progress(QObject::tr("Connecting to the agents of %1…").arg(o.title), QObject::tr("Cancel"), 0,
                           static_cast<int>(n.agents.size()));
  progress.setMinimumDuration(500);
  for (size_t i = 0; i < n.agents.size(); ++i) {
    progress.setValue(static_cast<int>(i));
    QApplication::processEvents();
    if (progress.wasCanceled()) {
      error = "cancelled";
      return false;
    }
    const auto& a = n.agents[i];
    Endpoint e{a.name, "", a.address, "", ""};
    auto stub = v1::AgentService::NewStub(agent::agent_channel(a.address, a.name, *o.viewer));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
    v1::NodeStatus st;
    if (stub->GetStatus(&ctx, v1::StatusRequest{}, &st).ok()) {
      e.organisation = st.organisation();
      e.id_hex = to_hex(ByteView(reinterpret_cast<const uint8_t*>(st.node_id().data()), st.node_id().size()));
    }
    o.endpoints.push_back(e);
  }
  return true;
}

// --measure: start-up to the first painted topology, then over the window
// the GUI thread's CPU share, its longest event-loop stall (a 10 ms timer's
// worst lateness) and how long the collector took to ask every agent.
// The overview paints first; the window is measured on `tab`.
void start_measuring(MainWindow& w, Collector& collector, const QElapsedTimer& since_start, double seconds, int tab) {
  struct M {
    qint64 first_paint_ms = -1;
    QElapsedTimer tick, window;
    double stall_ms = 0;
    double cpu0 = 0;
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
  QObject::connect(&collector, &Collector::snapshot, &w, [m](const NetworkState& s) {
    if (!m->window.isValid()) return;
    ++m->polls;
    m->nodes = static_cast<int>(s.nodes.size());
    m->poll_sum += static_cast<double>(s.poll_ms);
    m->poll_max = std::max(m->poll_max, static_cast<double>(s.poll_ms));
  });
  QObject::connect(w.topology(), &TopologyView::first_painted, &w, [m, &since_start, thread_cpu, seconds, &w, tab] {
    m->first_paint_ms = since_start.elapsed();
    w.tabs()->setCurrentIndex(tab);
    // The window opens once the first answers are in and settled.
    QTimer::singleShot(3000, &w, [m, thread_cpu, seconds, &w] {
      m->window.start();
      m->tick.start();
      m->cpu0 = thread_cpu();
      auto* ticker = new QTimer(&w);
      QObject::connect(ticker, &QTimer::timeout, &w, [m] {
        m->stall_ms = std::max(m->stall_ms, static_cast<double>(m->tick.nsecsElapsed()) / 1e6 - 10.0);
        m->tick.restart();
      });
      ticker->start(10);
      QTimer::singleShot(static_cast<int>(seconds * 1000), &w, [m, thread_cpu] {
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

}  // namespace

int main(int argc, char** argv) {
  QElapsedTimer since_start;
  since_start.start();
  QApplication app(argc, argv);
  QApplication::setApplicationName("consortia");
  qRegisterMetaType<consortia::console::NetworkState>();
  qRegisterMetaType<std::vector<consortia::console::Finding>>();
  qRegisterMetaType<std::map<std::string, std::vector<consortia::console::Sample>>>();
  qRegisterMetaType<consortia::console::NodeDetail>();
  qRegisterMetaType<consortia::console::ExplorerResult>();
  qRegisterMetaType<consortia::console::AlertsView>();
  qRegisterMetaType<consortia::console::AlertRules>();
  QCommandLineParser cli;
  cli.addHelpOption();
  QCommandLineOption dir_opt("sandbox-dir", "Network directory (default: the user's sandbox).", "DIR",
                             QString::fromStdString(agent::default_sandbox_dir()));
  QCommandLineOption nodes_opt("nodes", "Nodes of a new sandbox.", "N", "4");
  QCommandLineOption lang_opt("lang", "Language: en or zh_CN.", "LANG", "en");
  QCommandLineOption keep_opt("keep-sandbox", "Leave the sandbox running when the console closes.");
  QCommandLineOption shot_opt("screenshot", "Save a screenshot of the window and exit.", "FILE");
  QCommandLineOption after_opt("screenshot-after", "Milliseconds before the screenshot.", "MS", "6000");
  QCommandLineOption tab_opt("tab", "Tab to show first (0 overview, 1 nodes, 2 node detail).", "N", "0");
  QCommandLineOption nosb_opt("no-sandbox", "Connect to the network in the directory; never start a sandbox.");
  QCommandLineOption sim_opt("simulated",
                             "Start a simulated sandbox of N nodes (a consortia-sim network in real time, one process).",
                             "N");
  QCommandLineOption measure_opt("measure",
                                 "Measure the console for S seconds after the topology is first painted, print the "
                                 "figures and quit (bench/console_bench.sh).",
                                 "S");
  QCommandLineOption network_opt("network", "Open a network from the inventory (added with --add-network or the "
                                 "Network menu) instead of a sandbox directory.", "NAME");
  QCommandLineOption add_network_opt("add-network", "Add an existing network to the inventory and quit; with --agents, "
                                     "--ca, --cert, --key and optionally --operator-cert, --operator-key, --genesis.", "NAME");
  QCommandLineOption agents_opt("agents", "The network's agents: NAME=HOST:PORT, comma separated.", "LIST");
  QCommandLineOption ca_opt("ca", "PEM file with the organisations' CA certificates.", "FILE");
  QCommandLineOption cert_opt("cert", "PEM file with the console's client certificate (viewer or operator).", "FILE");
  QCommandLineOption key_opt("key", "PEM file with its private key.", "FILE");
  QCommandLineOption op_cert_opt("operator-cert", "Optional operator certificate for control calls.", "FILE");
  QCommandLineOption op_key_opt("operator-key", "Its private key.", "FILE");
  QCommandLineOption genesis_opt("genesis", "Optional genesis.json: the validators evidence proofs are checked against.",
                                 "FILE");
  QCommandLineOption link_fault_opt("apply-link-fault",
                                    "Apply a rule on one link after start, as the peers table's menu does.",
                                    "NODE>PEER=RULE");
  QCommandLineOption record_opt("record", "After --record-after ms, save what the console sees (state and recent "
                                "samples) as a recording for the analysis tests, and quit.", "FILE");
  QCommandLineOption record_after_opt("record-after", "Milliseconds before --record.", "MS", "30000");
  QCommandLineOption show_opt("show-node", "Open the node detail of this node.", "NAME");
  QCommandLineOption explore_opt("explore", "Look this up in the explorer (a height, hash or transaction id).", "QUERY");
  QCommandLineOption evidence_opt("explore-evidence", "The --explore query is a document digest: prove it.");
  QCommandLineOption report_opt("report", "Write what the console shows (JSON) after every update.", "FILE");
  QCommandLineOption fault_opt("apply-fault", "Apply RULE on NODE once connected, as the Apply button does.",
                               "NODE=RULE");
  QCommandLineOption partition_opt("partition", "Partition these nodes from the rest once connected, then heal "
                                   "after --heal-after ms, as the table's menu does.", "NODE[,NODE...]");
  QCommandLineOption heal_opt("heal-after", "Milliseconds before healing a --partition.", "MS", "8000");
  cli.addOptions({dir_opt, nodes_opt, lang_opt, keep_opt, shot_opt, after_opt, tab_opt, nosb_opt, report_opt, fault_opt,
                  show_opt, explore_opt, evidence_opt, sim_opt, measure_opt, network_opt, add_network_opt, agents_opt,
                  ca_opt, cert_opt, key_opt, op_cert_opt, op_key_opt, genesis_opt, record_opt, record_after_opt,
                  link_fault_opt,
                  partition_opt, heal_opt});
  cli.process(app);
  std::string dir = cli.value(dir_opt).toStdString();
  // A simulated network has a directory of its own unless one is given.
  if (cli.isSet(sim_opt) && !cli.isSet(dir_opt))
    dir = agent::default_sandbox_dir() + "-simulated-" + cli.value(sim_opt).toStdString();

  QString data_dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  QDir().mkpath(data_dir);
  QString history_path = data_dir + "/history.db";
  if (cli.isSet(add_network_opt)) {
    std::string why;
    InventoryNetwork n;
    n.name = cli.value(add_network_opt).toStdString();
    auto agents = parse_agents(cli.value(agents_opt).toStdString(), &why);
    n.ca_bundle = cli.value(ca_opt).toStdString();
    n.certificate = cli.value(cert_opt).toStdString();
    n.key = cli.value(key_opt).toStdString();
    n.operator_certificate = cli.value(op_cert_opt).toStdString();
    n.operator_key = cli.value(op_key_opt).toStdString();
    n.genesis = cli.value(genesis_opt).toStdString();
    auto inv = Inventory::open(history_path.toStdString(), &why);
    if (agents) n.agents = *agents;
    if (!agents || !inv || !inv->add(n, &why)) {
      std::fprintf(stderr, "consortia: cannot add the network: %s\n", why.c_str());
      return 2;
    }
    std::printf("added network %s with %zu agents; open it with: consortia --network %s\n", n.name.c_str(),
                n.agents.size(), n.name.c_str());
    return 0;
  }
  std::string inventory_network = cli.value(network_opt).toStdString();

  // The embedded default: start the sandbox when it is not running.
  QProcess sandbox;
  if (inventory_network.empty() && !cli.isSet(nosb_opt) && !agent::sandbox_running(dir)) {
    QString agent_bin = QCoreApplication::applicationDirPath() + "/../agent/consortia-agent";
    if (!QFile::exists(agent_bin)) agent_bin = "consortia-agent";
    sandbox.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList args = {"sandbox", "--dir", QString::fromStdString(dir)};
    if (cli.isSet(sim_opt)) args << "--simulated" << cli.value(sim_opt);
    else args << "--nodes" << cli.value(nodes_opt);
    sandbox.start(agent_bin, args);
    if (!sandbox.waitForStarted(5000)) {
      QMessageBox::critical(nullptr, QObject::tr("Consortia"),
                            QObject::tr("Cannot start the sandbox network (%1): %2").arg(agent_bin, sandbox.errorString()));
      return 1;
    }
    // Starting takes seconds (a new network issues its keys and certificates
    // first): show progress, keep the GUI alive, and let the user cancel.
    QProgressDialog progress(QObject::tr("Starting the sandbox network in %1…").arg(QString::fromStdString(dir)),
                             QObject::tr("Cancel"), 0, 0);
    progress.setWindowTitle(QObject::tr("Consortia"));
    progress.setMinimumDuration(500);
    QElapsedTimer waited;
    waited.start();
    while (!QFile::exists(QString::fromStdString(dir + "/sandbox.pid"))) {
      QApplication::processEvents(QEventLoop::AllEvents, 50);
      QThread::msleep(20);
      if (progress.wasCanceled() || sandbox.state() == QProcess::NotRunning || waited.elapsed() > 120'000) {
        bool cancelled = progress.wasCanceled();
        sandbox.terminate();
        sandbox.waitForFinished(10000);
        if (cancelled) return 0;
        QMessageBox::critical(nullptr, QObject::tr("Consortia"),
                              QObject::tr("The sandbox network did not start; its messages are on the terminal."));
        return 1;
      }
    }
    progress.close();
  }
  Opened opened;
  std::string open_error;
  if (!inventory_network.empty()) {
    std::string why;
    auto inv = Inventory::open(history_path.toStdString(), &why);
    auto found = inv ? inv->find(inventory_network) : std::nullopt;
    if (!found) {
      QMessageBox::critical(nullptr, QObject::tr("Consortia"),
                            QObject::tr("No network named %1 in the inventory.").arg(QString::fromStdString(inventory_network)));
      return 1;
    }
    if (!open_inventory(*found, opened, open_error)) {
      QMessageBox::critical(nullptr, QObject::tr("Consortia"), QString::fromStdString(open_error));
      return 1;
    }
  } else if (!open_directory(dir, opened, open_error)) {
    QMessageBox::critical(nullptr, QObject::tr("Consortia"),
                          QObject::tr("Cannot read the network in %1: %2")
                              .arg(QString::fromStdString(dir), QString::fromStdString(open_error)));
    return 1;
  }
  const std::vector<Endpoint>& endpoints = opened.endpoints;

  // History: the last state shows at once, marked stale, until agents answer.
  std::string history_error;
  std::shared_ptr<History> history(History::open(history_path.toStdString(), &history_error));
  MainWindow w(opened.title);
  w.set_inventory(history_path);
  w.set_language(cli.value(lang_opt));
  QThread worker;
  // Control calls go as the node's organisation's operator, where the
  // console holds that certificate (a sandbox directory holds them all).
  auto operators = std::make_shared<std::map<std::string, std::shared_ptr<const agent::ClientIdentity>>>(opened.operators);
  auto* collector = new Collector(endpoints, opened.viewer,
                                  [operators](const std::string& org) -> std::shared_ptr<const agent::ClientIdentity> {
                                    auto it = operators->find(org);
                                    return it == operators->end() ? nullptr : it->second;
                                  });
  collector->moveToThread(&worker);
  QObject::connect(&worker, &QThread::finished, collector, &QObject::deleteLater);
  QObject::connect(collector, &Collector::snapshot, &w, &MainWindow::on_snapshot, Qt::QueuedConnection);
  QObject::connect(collector, &Collector::control_done, &w, &MainWindow::on_control_done, Qt::QueuedConnection);
  QObject::connect(collector, &Collector::findings, &w, &MainWindow::on_findings, Qt::QueuedConnection);
  QObject::connect(collector, &Collector::series, &w, &MainWindow::on_series, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::apply_fault_requested, collector, &Collector::apply_fault, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::clear_faults_requested, collector, &Collector::clear_faults, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::link_fault_requested, collector, &Collector::apply_link_fault, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::partition_requested, collector, &Collector::partition, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::clear_all_faults_requested, collector, &Collector::clear_all_faults,
                   Qt::QueuedConnection);
  QObject::connect(collector, &Collector::detail, &w, &MainWindow::on_detail, Qt::QueuedConnection);
  QObject::connect(collector, &Collector::explored, &w, &MainWindow::on_explored, Qt::QueuedConnection);
  QObject::connect(collector, &Collector::alerts, &w, &MainWindow::on_alerts, Qt::QueuedConnection);
  QObject::connect(collector, &Collector::replayed, &w, &MainWindow::on_replayed, Qt::QueuedConnection);
  QObject::connect(collector, &Collector::time_range, &w, &MainWindow::on_time_range, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::detail_requested, collector, &Collector::fetch_detail, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::log_level_requested, collector, &Collector::set_log_level, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::explore_requested, collector, &Collector::explore, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::alert_rules_changed, collector, &Collector::set_alert_rules, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::chart_range_requested, collector, &Collector::set_chart_range, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::replay_requested, collector, &Collector::replay_at, Qt::QueuedConnection);
  QObject::connect(&w, &MainWindow::time_range_requested, collector, &Collector::query_time_range,
                   Qt::QueuedConnection);
  // Evidence proofs are checked against the validators of the network's genesis.
  if (auto gtext = agent::read_file(opened.genesis_path))
    if (auto g = agent::genesis_from_json(*gtext)) {
      std::vector<Bytes> keys;
      for (const auto& v : g->validators) keys.push_back(v.public_key);
      auto suite = suite_by_id(static_cast<uint8_t>(g->suite));
      collector->set_trusted_validators(std::move(keys), suite ? *suite : nullptr);
    }
  if (cli.isSet(report_opt)) {
    QString file = cli.value(report_opt);
    QObject::connect(collector, &Collector::snapshot, &w, [file](const NetworkState& s) {
      // For tests and scripts: each node's health as the console judges it.
      QString out = "{\"nodes\": [";
      uint64_t top = s.max_height();
      for (size_t i = 0; i < s.nodes.size(); ++i)
        out += QString("%1{\"name\": \"%2\", \"health\": \"%3\", \"height\": %4}")
                   .arg(i ? ", " : "", QString::fromStdString(s.nodes[i].name), health_name(health_of(s.nodes[i], top, s.at_ms)))
                   .arg(s.nodes[i].height);
      out += "], \"faults\": {";
      bool first = true;
      for (const auto& n : s.nodes)
        for (const auto& p : n.peers)
          if (!p.fault_rule.empty()) {
            out += QString("%1\"%2\": \"%3\"").arg(first ? "" : ", ", QString::fromStdString(n.name),
                                                     QString::fromStdString(p.fault_rule));
            first = false;
            break;
          }
      out += "}}\n";
      write_report(file, out);
    });
    QObject::connect(collector, &Collector::findings, &w, [file](const std::vector<Finding>& found) {
      QString out = "[";
      for (size_t i = 0; i < found.size(); ++i)
        out += QString("%1{\"kind\": %2, \"node\": \"%3\", \"height\": %4}")
                   .arg(i ? ", " : "")
                   .arg(static_cast<int>(found[i].kind))
                   .arg(QString::fromStdString(found[i].nodes.empty() ? "" : found[i].nodes.front()))
                   .arg(found[i].height);
      write_report(file + ".findings", out + "]\n");
    });
    QObject::connect(collector, &Collector::alerts, &w, [file](const AlertsView& v) {
      QJsonArray active;
      for (const auto& a : v.records)
        if (a.cleared_ms == 0)
          active.append(QJsonObject{{"node", QString::fromStdString(a.node)}, {"rule", QString::fromStdString(a.rule)},
                                    {"value", a.value}});
      QJsonArray cleared;
      for (const auto& a : v.records)
        if (a.cleared_ms != 0)
          cleared.append(QJsonObject{{"node", QString::fromStdString(a.node)}, {"rule", QString::fromStdString(a.rule)}});
      write_report(file + ".alerts",
                   QJsonDocument(QJsonObject{{"active", active}, {"cleared", cleared}}).toJson(QJsonDocument::Compact));
    });
    QObject::connect(collector, &Collector::explored, &w, [file](const ExplorerResult& r) {
      const char* kinds[] = {"none", "block", "transaction", "evidence"};
      QJsonObject o{{"kind", kinds[static_cast<int>(r.kind)]},
                    {"error", QString::fromStdString(r.error)},
                    {"verified", r.verdict.verified},
                    {"reason", QString::fromStdString(r.verdict.reason)},
                    {"height", static_cast<qint64>(r.kind == ExplorerResult::Kind::kBlock ? r.block.height()
                                                   : r.kind == ExplorerResult::Kind::kTransaction ? r.tx.height()
                                                                                                  : r.proof.header.height)},
                    {"evidence_digest", QString::fromStdString(r.evidence_digest_hex)}};
      QJsonArray txs;  // a block's first transactions, for scripts to follow
      for (int i = 0; i < r.block.tx_ids_size() && i < 10; ++i)
        txs.append(QString::fromStdString(
            to_hex(ByteView(reinterpret_cast<const uint8_t*>(r.block.tx_ids(i).data()), r.block.tx_ids(i).size()))));
      o["tx_ids"] = txs;
      write_report(file + ".explorer", QJsonDocument(o).toJson(QJsonDocument::Compact));
    });
    QObject::connect(collector, &Collector::detail, &w, [file](const NodeDetail& d) {
      QJsonObject o{{"node", d.node},
                    {"log_lines", static_cast<int>(d.log.size())},
                    {"audit", static_cast<int>(d.audit.size())},
                    {"audit_last", d.audit.empty() ? QString() : QString::fromStdString(d.audit.back())},
                    {"blocks", static_cast<int>(d.blocks.size())},
                    {"simulated", d.host.simulated()},
                    {"agent_version", QString::fromStdString(d.host.agent_version())}};
      write_report(file + ".detail", QJsonDocument(o).toJson(QJsonDocument::Compact));
    });
  }
  auto node_index = [&endpoints](const QString& name) {
    for (size_t i = 0; i < endpoints.size(); ++i)
      if (QString::fromStdString(endpoints[i].name) == name) return static_cast<int>(i);
    return -1;
  };
  if (cli.isSet(link_fault_opt)) {
    QString spec = cli.value(link_fault_opt);
    int node = node_index(spec.section('>', 0, 0));
    int peer = node_index(spec.section('>', 1).section('=', 0, 0));
    QString rule = spec.section('=', 1);
    if (node >= 0 && peer >= 0) {
      QString peer_hex = QString::fromStdString(endpoints[static_cast<size_t>(peer)].id_hex);
      QTimer::singleShot(2500, &w, [&w, node, peer_hex, rule] { emit w.link_fault_requested(node, peer_hex, rule); });
    }
  }
  if (cli.isSet(show_opt)) {
    int node = node_index(cli.value(show_opt));
    QTimer::singleShot(1500, &w, [&w, node] {
      if (node >= 0) w.show_node(node);
    });
  }
  if (cli.isSet(explore_opt)) {
    QString q = cli.value(explore_opt);
    bool evidence = cli.isSet(evidence_opt);
    QTimer::singleShot(3000, &w, [&w, q, evidence] { w.explore(q, evidence); });
  }
  if (cli.isSet(fault_opt)) {
    QString spec = cli.value(fault_opt);
    int node = -1;
    for (size_t i = 0; i < endpoints.size(); ++i)
      if (QString::fromStdString(endpoints[i].name) == spec.section('=', 0, 0)) node = static_cast<int>(i);
    QString rule = spec.section('=', 1);
    QTimer::singleShot(2000, &w, [&w, node, rule] {
      w.show_node(node);
      emit w.apply_fault_requested(node, rule);
    });
  }
  if (history) {
    collector->set_history(history, opened.key);
    NetworkState remembered = history->last_state(opened.key);
    if (!remembered.nodes.empty()) w.on_snapshot(remembered);
  } else {
    w.on_control_done(false, QObject::tr("History is off: %1").arg(QString::fromStdString(history_error)));
  }
  if (cli.isSet(partition_opt)) {
    QList<int> group;
    for (const QString& name : cli.value(partition_opt).split(','))
      for (size_t i = 0; i < endpoints.size(); ++i)
        if (QString::fromStdString(endpoints[i].name) == name) group << static_cast<int>(i);
    int heal = cli.value(heal_opt).toInt();
    QTimer::singleShot(2000, &w, [&w, group] { emit w.partition_requested(group); });
    QTimer::singleShot(2000 + heal, &w, [&w] { emit w.clear_all_faults_requested(); });
  }
  worker.start();
  QMetaObject::invokeMethod(collector, [collector] { collector->start(1000); }, Qt::QueuedConnection);
  w.show();

  if (cli.isSet(shot_opt)) {
    // The tab is chosen just before the picture, after any scripted action
    // (which may open another tab).
    QString file = cli.value(shot_opt);
    int tab = cli.value(tab_opt).toInt();
    int after = cli.value(after_opt).toInt();
    QTimer::singleShot(std::max(200, after - 1500), &w, [&w, tab] { w.tabs()->setCurrentIndex(tab); });
    QTimer::singleShot(after, &w, [&w, file] {
      w.grab().save(file);
      QApplication::quit();
    });
  } else if (cli.isSet(tab_opt) && !cli.isSet(measure_opt)) {
    w.tabs()->setCurrentIndex(cli.value(tab_opt).toInt());
  }
  if (cli.isSet(record_opt)) {
    auto rec = std::make_shared<Recording>();
    rec->note = "recorded by consortia --record from " + opened.key;
    QObject::connect(collector, &Collector::snapshot, &w, [rec](const NetworkState& s) { rec->state = s; });
    QObject::connect(collector, &Collector::series, &w,
                     [rec](const std::map<std::string, std::vector<Sample>>& by_node) { rec->samples = by_node; });
    QString file = cli.value(record_opt);
    QTimer::singleShot(cli.value(record_after_opt).toInt(), &w, [rec, file] {
      write_report(file, QString::fromStdString(recording_to_json(*rec)));
      QApplication::quit();
    });
  }
  if (cli.isSet(measure_opt))
    start_measuring(w, *collector, since_start, cli.value(measure_opt).toDouble(), cli.value(tab_opt).toInt());
  int rc = app.exec();
  worker.quit();
  worker.wait();
  if (sandbox.state() != QProcess::NotRunning && !cli.isSet(keep_opt)) {
    sandbox.terminate();  // SIGTERM: the sandbox stops its agents in order
    sandbox.waitForFinished(15000);
  }
  return rc;
}
