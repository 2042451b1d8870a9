#include "shell/session.h"

#include "agents/collector.h"
#include "agents/fault_control.h"
#include "alerts/alerts_page.h"
#include "alerts/alerts_query.h"
#include "analysis/analysis_page.h"
#include "analysis/analysis_query.h"
#include "charts/charts_page.h"
#include "charts/charts_query.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_query.h"
#include "hosts/hosts_page.h"
#include "proposals/proposals_page.h"
#include "runbooks/lifecycle_query.h"
#include "upgrades/upgrades_page.h"
#include "lifecycle/lifecycle_text.h"
#include "runbooks/runbooks_page.h"
#include <filesystem>

#include <QInputDialog>
#include <QMessageBox>
#include <QTimer>
#include "governance_signer.h"
#include "network.h"
#include "node_detail/detail_query.h"
#include "node_detail/node_detail_page.h"
#include "nodes/nodes_page.h"
#include "overview/overview_page.h"
#include "overview/replay_query.h"
#include "shell/main_window.h"

namespace consortia::console {

template <class T, class... A>
T* ConsoleSession::on_worker(A&&... args) {
  auto* o = new T(std::forward<A>(args)...);
  o->moveToThread(&worker_);
  connect(&worker_, &QThread::finished, o, &QObject::deleteLater);
  return o;
}

ConsoleSession::ConsoleSession(const NetworkSource& source, std::shared_ptr<History> history)
    : source_(source), history_(std::move(history)) {
  // Control calls go as the node's organisation's operator, where the
  // console holds that certificate (a sandbox directory holds them all).
  auto operators = source_.operators;
  auto links = std::make_shared<AgentLinks>(source_.endpoints, source_.viewer,
                                            [operators](const std::string& org) -> AgentLinks::Identity {
                                              auto it = operators.find(org);
                                              return it == operators.end() ? nullptr : it->second;
                                            });
  collector_ = on_worker<Collector>(links);
  if (history_) collector_->set_history(history_, source_.key);
  faults_ = on_worker<FaultControl>(links, collector_);
  replay_ = on_worker<ReplayQuery>(history_, source_.key, collector_);
  analysis_ = on_worker<AnalysisQuery>(links);
  charts_ = on_worker<ChartsQuery>(history_, source_.key, collector_);
  alerts_ = on_worker<AlertsQuery>(history_, source_.key);
  detail_ = on_worker<DetailQuery>(links, collector_);
  explorer_ = on_worker<ExplorerQuery>(links);
  // Evidence proofs are checked against the chain id and validators of the
  // network's genesis.
  if (auto text = agent::read_file(source_.genesis_path))
    if (auto g = genesis_from_json(*text)) {
      auto suite = suite_by_id(static_cast<uint8_t>(g->suite));
      explorer_->set_trusted_chain(trusted_from_genesis(*g), suite ? *suite : nullptr);
    }
  // Each poll feeds the analysis, the alerts and the charts, on the worker thread.
  connect(collector_, &Collector::polled, analysis_, &AnalysisQuery::analyse, Qt::DirectConnection);
  connect(collector_, &Collector::polled, alerts_, &AlertsQuery::on_polled, Qt::DirectConnection);
  connect(collector_, &Collector::polled, charts_, &ChartsQuery::on_polled, Qt::DirectConnection);
}

ConsoleSession::~ConsoleSession() {
  if (lifecycle_) {
    lifecycle_thread_.quit();
    lifecycle_thread_.wait();  // its calls have deadlines
    // A runbook in progress stops with the console; it lists as interrupted
    // next time. Its thread is left to the process's end when a step still
    // blocks (forcing a thread down can leave locks held).
    runner_thread_->quit();
    if (runner_thread_->wait(3000)) delete runner_thread_;
  }
  worker_.quit();
  worker_.wait();
}

void ConsoleSession::enable_lifecycle(const std::string& db_path, const std::string& agent_binary,
                                      const std::string& archive_dir) {
  LifecyclePlace place{db_path, source_.directory, agent_binary, archive_dir};
  lifecycle_ = new LifecycleQuery(place);
  lifecycle_->moveToThread(&lifecycle_thread_);
  connect(&lifecycle_thread_, &QThread::finished, lifecycle_, &QObject::deleteLater);
  runner_ = new RunbookRunner(place);
  runner_thread_ = new QThread;
  runner_->moveToThread(runner_thread_);
  connect(runner_thread_, &QThread::finished, runner_, &QObject::deleteLater);
  lifecycle_thread_.start();
  runner_thread_->start();
}

bool ConsoleSession::unlock_governance(QWidget* parent, QStringList organisations) {
  if (source_.directory.empty()) return true;
  if (organisations.isEmpty())
    for (const auto& e : source_.endpoints)
      if (!organisations.contains(QString::fromStdString(e.organisation)))
        organisations << QString::fromStdString(e.organisation);
  for (const QString& org : organisations) {
    std::string file = source_.directory + "/orgs/" + org.toStdString() + "/governance.key";
    if (governance_passphrases_.count(org) || !agent::AdminKey::encrypted(file)) continue;
    std::optional<QString> opened;
    for (const auto& [other, p] : governance_passphrases_)  // one passphrase often serves several keys
      if (agent::AdminKey::open(file, p.toStdString())) opened = p;
    while (!opened) {
      bool ok = false;
      QString p = QInputDialog::getText(
          parent, tr("Governance key passphrase"),
          tr("The governance key of %1 on this workstation is encrypted.\nIts passphrase (kept in memory only):").arg(org),
          QLineEdit::Password, QString(), &ok);
      if (!ok) return false;
      if (auto k = agent::AdminKey::open(file, p.toStdString()); k) opened = p;
      else QMessageBox::warning(parent, tr("Governance key passphrase"), QString::fromStdString(k.error().detail));
    }
    governance_passphrases_[org] = *opened;
    QString p = *opened;
    QMetaObject::invokeMethod(lifecycle_, [l = lifecycle_, org, p] { l->set_admin_passphrase(org, p); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(runner_, [r = runner_, org, p] { r->set_admin_passphrase(org, p); }, Qt::QueuedConnection);
  }
  return true;
}

void ConsoleSession::connect_window(MainWindow& w) {
  constexpr auto queued = Qt::QueuedConnection;
  // Worker → pages.
  connect(collector_, &Collector::snapshot, &w, &MainWindow::on_snapshot, queued);  // it hands it to the pages
  connect(replay_, &ReplayQuery::replayed, w.overview(), &OverviewPage::on_replayed, queued);
  connect(replay_, &ReplayQuery::time_range, w.overview(), &OverviewPage::on_time_range, queued);
  connect(analysis_, &AnalysisQuery::findings, w.analysis(), &AnalysisPage::on_findings, queued);
  connect(charts_, &ChartsQuery::series, w.charts(), &ChartsPage::set_series, queued);
  connect(alerts_, &AlertsQuery::alerts, w.alerts(), &AlertsPage::on_alerts, queued);
  connect(detail_, &DetailQuery::detail, w.node_detail(), &NodeDetailPage::on_detail, queued);
  connect(detail_, &DetailQuery::control_done, &w, &MainWindow::on_control_done, queued);
  connect(explorer_, &ExplorerQuery::explored, w.explorer(), &ExplorerPage::on_explored, queued);
  connect(faults_, &FaultControl::done, &w, &MainWindow::on_control_done, queued);
  // Pages → worker.
  connect(w.overview(), &OverviewPage::replay_requested, replay_, &ReplayQuery::replay_at, queued);
  connect(w.overview(), &OverviewPage::time_range_requested, replay_, &ReplayQuery::query_time_range, queued);
  connect(w.nodes(), &NodesPage::apply_fault_requested, faults_, &FaultControl::apply_fault, queued);
  connect(w.nodes(), &NodesPage::clear_faults_requested, faults_, &FaultControl::clear_faults, queued);
  connect(w.nodes(), &NodesPage::partition_requested, faults_, &FaultControl::partition, queued);
  connect(w.nodes(), &NodesPage::clear_all_faults_requested, faults_, &FaultControl::clear_all_faults, queued);
  connect(w.node_detail(), &NodeDetailPage::apply_fault_requested, faults_, &FaultControl::apply_fault, queued);
  connect(w.node_detail(), &NodeDetailPage::clear_faults_requested, faults_, &FaultControl::clear_faults, queued);
  connect(w.node_detail(), &NodeDetailPage::link_fault_requested, faults_, &FaultControl::apply_link_fault, queued);
  connect(w.node_detail(), &NodeDetailPage::detail_requested, detail_, &DetailQuery::fetch, queued);
  connect(w.node_detail(), &NodeDetailPage::log_level_requested, detail_, &DetailQuery::set_log_level, queued);
  connect(w.charts(), &ChartsPage::range_changed, charts_, &ChartsQuery::set_range, queued);
  connect(w.alerts(), &AlertsPage::rules_changed, alerts_, &AlertsQuery::set_rules, queued);
  connect(w.explorer(), &ExplorerPage::explore_requested, explorer_, &ExplorerQuery::explore, queued);
  if (lifecycle_) {
    connect(lifecycle_, &LifecycleQuery::runbooks, w.runbooks(), &RunbooksPage::on_runbooks, queued);
    connect(lifecycle_, &LifecycleQuery::hosts, w.runbooks(), &RunbooksPage::on_hosts, queued);
    connect(lifecycle_, &LifecycleQuery::hosts, w.hosts(), &HostsPage::on_hosts, queued);
    connect(lifecycle_, &LifecycleQuery::host_refused, w.hosts(), &HostsPage::on_host_refused, queued);
    connect(lifecycle_, &LifecycleQuery::host_checked, w.hosts(), &HostsPage::on_host_checked, queued);
    connect(lifecycle_, &LifecycleQuery::proposals, w.proposals(), &ProposalsPage::on_proposals, queued);
    connect(lifecycle_, &LifecycleQuery::message, &w, &MainWindow::show_message, queued);
    connect(runner_, &RunbookRunner::refused, w.runbooks(), &RunbooksPage::on_refused, queued);
    connect(runner_, &RunbookRunner::changed, lifecycle_, &LifecycleQuery::refresh_runbooks, queued);
    connect(runner_, &RunbookRunner::finished, lifecycle_, &LifecycleQuery::refresh_runbooks, queued);
    // Runbooks and votes may sign governance: the keys are opened first, here.
    connect(w.runbooks(), &RunbooksPage::start_requested, &w, [this, &w](QString kind, QString params, QString pass) {
      if (unlock_governance(&w))
        QMetaObject::invokeMethod(runner_, [r = runner_, kind, params, pass] { r->start(kind, params, pass); }, queued);
    });
    connect(w.runbooks(), &RunbooksPage::resume_requested, &w, [this, &w](qint64 id, QString pass) {
      if (unlock_governance(&w)) QMetaObject::invokeMethod(runner_, [r = runner_, id, pass] { r->resume(id, pass); }, queued);
    });
    connect(w.runbooks(), &RunbooksPage::cancel_requested, lifecycle_, &LifecycleQuery::cancel, queued);
    connect(w.hosts(), &HostsPage::add_requested, lifecycle_, &LifecycleQuery::add_host, queued);
    connect(w.hosts(), &HostsPage::check_requested, lifecycle_, &LifecycleQuery::check_host, queued);
    connect(w.proposals(), &ProposalsPage::vote_requested, &w, [this, &w](QString org, QString id, bool withdraw) {
      if (unlock_governance(&w, {org}))
        QMetaObject::invokeMethod(lifecycle_, [l = lifecycle_, org, id, withdraw] { l->vote(org, id, withdraw); }, queued);
    });
    // An equivocating validator's removal, from its alert.
    w.alerts()->set_governance_available(!source_.directory.empty());
    connect(w.alerts(), &AlertsPage::removal_requested, &w, [this, &w](QString node) {
      QStringList orgs;
      for (const auto& e : source_.endpoints) {
        QString org = QString::fromStdString(e.organisation);
        if (!orgs.contains(org) &&
            std::filesystem::exists(source_.directory + "/orgs/" + e.organisation + "/governance.key"))
          orgs << org;
      }
      if (orgs.isEmpty()) {
        w.show_message(tr("This workstation holds no organisation's governance key: nothing can be proposed here"));
        return;
      }
      QString org = orgs.front();
      if (orgs.size() > 1) {
        bool ok = false;
        org = QInputDialog::getItem(&w, tr("Propose removal"), tr("Propose as the admin of:"), orgs, 0, false, &ok);
        if (!ok) return;
      }
      auto answer = QMessageBox::question(
          &w, tr("Propose removal"),
          tr("Propose, as %1, that validator %2 be removed from the network?\n\n"
             "Agents report evidence that %2 signed two different proposals or votes in the same view. The "
             "evidence is checked on this workstation before the proposal is signed; the other organisations "
             "approve it on the Proposals page.")
              .arg(org, node));
      if (answer != QMessageBox::Yes || !unlock_governance(&w, {org})) return;
      QMetaObject::invokeMethod(lifecycle_, [l = lifecycle_, org, node] { l->propose_removal(org, node); }, Qt::QueuedConnection);
    });
    // An expiring certificate's renewal, from its alert: the wizard, the node chosen.
    connect(w.alerts(), &AlertsPage::renewal_requested, &w, [&w](QString node) {
      w.show_page(Page::kRunbooks);
      w.runbooks()->open_wizard("renew", node);
    });
    connect(lifecycle_, &LifecycleQuery::runbooks, w.upgrades(), &UpgradesPage::on_runbooks, queued);
    connect(lifecycle_, &LifecycleQuery::readiness, w.upgrades(), &UpgradesPage::on_readiness, queued);
    connect(w.upgrades(), &UpgradesPage::stage_requested, lifecycle_, &LifecycleQuery::stage, queued);
    connect(w.upgrades(), &UpgradesPage::start_requested, &w, [this, &w](QString kind, QString params) {
      if (unlock_governance(&w))
        QMetaObject::invokeMethod(runner_, [r = runner_, kind, params] { r->start(kind, params, QString()); }, queued);
    });
    connect(w.upgrades(), &UpgradesPage::resume_requested, &w, [this, &w](qint64 id) {
      if (unlock_governance(&w)) QMetaObject::invokeMethod(runner_, [r = runner_, id] { r->resume(id, QString()); }, queued);
    });
    connect(runner_, &RunbookRunner::refused, &w, [&w](QString code, QString detail) {
      w.show_message(refusal_text(code.toStdString(), detail.toStdString()));
    }, queued);
    w.runbooks()->set_available(!source_.directory.empty());
    QStringList orgs;
    for (const auto& e : source_.endpoints)
      if (!orgs.contains(QString::fromStdString(e.organisation))) orgs << QString::fromStdString(e.organisation);
    w.proposals()->set_organisations(orgs);
    // The lists every few seconds (runbooks run in other processes too, such as consortia-ctl).
    auto* timer = new QTimer(&w);
    connect(timer, &QTimer::timeout, lifecycle_, &LifecycleQuery::refresh_runbooks, queued);
    connect(timer, &QTimer::timeout, lifecycle_, &LifecycleQuery::refresh_proposals, queued);
    timer->start(2000);
    // The upgrades' readiness asks every agent for its binaries: less often.
    auto* slow = new QTimer(&w);
    connect(slow, &QTimer::timeout, lifecycle_, &LifecycleQuery::refresh_readiness, queued);
    slow->start(5000);
    QMetaObject::invokeMethod(lifecycle_, &LifecycleQuery::refresh_readiness, queued);
    QMetaObject::invokeMethod(lifecycle_, &LifecycleQuery::refresh_runbooks, queued);
    QMetaObject::invokeMethod(lifecycle_, &LifecycleQuery::refresh_hosts, queued);
    QMetaObject::invokeMethod(lifecycle_, &LifecycleQuery::refresh_proposals, queued);
  }
  // The last known state at once, marked unreachable, until agents answer.
  if (history_) {
    NetworkState remembered = history_->last_state(source_.key);
    if (!remembered.nodes.empty()) w.on_snapshot(remembered);
  }
}

void ConsoleSession::start(int interval_ms) {
  worker_.start();
  QMetaObject::invokeMethod(collector_, [c = collector_, interval_ms] { c->start(interval_ms); }, Qt::QueuedConnection);
}

}  // namespace consortia::console
