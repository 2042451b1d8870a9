// One open network: the worker thread with the collector and the page
// queries (agents/collector.h states their threading contract), and the
// connections between them and the main window's pages.
#pragma once

#include <QObject>
#include <QThread>
#include <QStringList>
#include <map>
#include <memory>

#include "model/history.h"
#include "shell/startup.h"

namespace consortia::console {

class AlertsQuery;
class AnalysisQuery;
class ChartsQuery;
class Collector;
class DetailQuery;
class ExplorerQuery;
class FaultControl;
class MainWindow;
class LifecycleQuery;
class ReplayQuery;
class RunbookRunner;

class ConsoleSession : public QObject {
  Q_OBJECT
 public:
  // `history` may be null (the console then keeps none).
  ConsoleSession(const NetworkSource& source, std::shared_ptr<History> history);
  ~ConsoleSession() override;  // stops the worker thread

  // Connects the window's pages to the worker side and shows the last
  // known state from history at once.
  void connect_window(MainWindow& w);
  // Starts polling every `interval_ms`.
  void start(int interval_ms);
  // The lifecycle pages' worker side (runbooks, hosts, proposals), kept in
  // the console's database `db_path`; before connect_window.
  void enable_lifecycle(const std::string& db_path, const std::string& agent_binary, const std::string& archive_dir);

  const NetworkSource& source() const { return source_; }
  // Worker-side objects, for connections only (they live on the worker thread).
  Collector* collector() const { return collector_; }
  FaultControl* faults() const { return faults_; }
  AnalysisQuery* analysis() const { return analysis_; }
  AlertsQuery* alerts() const { return alerts_; }
  ChartsQuery* charts() const { return charts_; }
  DetailQuery* detail() const { return detail_; }
  ExplorerQuery* explorer() const { return explorer_; }

 private:
  template <class T, class... A>
  T* on_worker(A&&... args);
  // Before an action that signs governance as `organisations` (all of the
  // network's, empty): for each whose governance key on this workstation is
  // encrypted and not yet open, asks its passphrase (tried first with those
  // already given; checked at once; kept in memory only) and hands it to the
  // worker side. False when the user cancelled.
  bool unlock_governance(QWidget* parent, QStringList organisations = {});
  std::map<QString, QString> governance_passphrases_;  // organisations opened
  NetworkSource source_;
  std::shared_ptr<History> history_;
  QThread worker_;
  Collector* collector_;
  FaultControl* faults_;
  ReplayQuery* replay_;
  AnalysisQuery* analysis_;
  ChartsQuery* charts_;
  AlertsQuery* alerts_;
  DetailQuery* detail_;
  ExplorerQuery* explorer_;
  // SSH and governance block for seconds: a thread of their own, and one
  // more that runs a runbook while the list shows its progress.
  QThread lifecycle_thread_;
  // Not stopped by force when the console closes: a step blocked in a host
  // command finishes or dies with the process; the runbook lists as
  // interrupted next time.
  QThread* runner_thread_ = nullptr;
  LifecycleQuery* lifecycle_ = nullptr;
  RunbookRunner* runner_ = nullptr;
};

}  // namespace consortia::console
