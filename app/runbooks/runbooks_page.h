// The Runbooks page: past and unfinished runbooks (join, exit, backup,
// restore, migration) with each step's state, progress and output; resume
// and cancel; and the wizards that start them, with the quorum preview for
// a membership change. GUI thread; runbooks run on the session's runner.
#pragma once

#include <QStringList>
#include <vector>

#include "common/console_page.h"
#include "lifecycle/hosts.h"
#include "model/network_state.h"
#include "model/runbook.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace consortia::console {

class RunbooksPage : public ConsolePage {
  Q_OBJECT
 public:
  RunbooksPage();
  QString title() const override;
  // Whether the network is a directory the lifecycle can act on (not an inventory network).
  void set_available(bool available);
  // Opens the wizard of `kind` (join, exit, backup, restore, migrate).
  // node: the one chosen at first (renew, exit, backup, …), if any.
  void open_wizard(const QString& kind, const QString& node = {});

 public slots:
  void on_runbooks(const std::vector<consortia::console::RunbookRecord>& list);
  void on_snapshot(const consortia::console::NetworkState& s) { state_ = s; }
  void on_hosts(const std::vector<consortia::console::HostRecord>& list) { hosts_ = list; }
  void on_refused(const QString& code, const QString& detail);

 signals:
  void start_requested(QString kind, QString params_json, QString ca_passphrase);
  void resume_requested(qint64 id, QString ca_passphrase);
  void cancel_requested(qint64 id);

 protected:
  void retranslate() override;

 private:
  void show_steps();
  qint64 selected() const;
  std::vector<RunbookRecord> list_;
  NetworkState state_;
  std::vector<HostRecord> hosts_;
  bool available_ = true;
  QLabel *headline_, *note_, *steps_title_;
  QPushButton *join_, *exit_, *backup_, *restore_, *migrate_, *renew_, *resume_, *cancel_;
  QTableWidget *table_, *steps_;
};

}  // namespace consortia::console
