// The Hosts page: the machines nodes run on (this machine, and hosts added
// over SSH with their confirmed key fingerprints), checks before any change
// (OS, free disk, clock offset, agent version), and adding a host: an
// unknown host key is shown for the user to confirm; a changed one is
// refused with a warning. GUI thread.
#pragma once

#include <map>
#include <vector>

#include "common/console_page.h"
#include "lifecycle/hosts.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace consortia::console {

class HostsPage : public ConsolePage {
  Q_OBJECT
 public:
  HostsPage();
  QString title() const override;

 public slots:
  void on_hosts(const std::vector<consortia::console::HostRecord>& list);
  void on_host_refused(const QString& name, const QString& code, const QString& detail);
  void on_host_checked(const QString& name, const QString& report, bool ok);

 signals:
  void add_requested(QString name, QString target, QString key_file, QString fingerprint);
  void check_requested(QString name);

 protected:
  void retranslate() override;

 private:
  void add_dialog();
  std::vector<HostRecord> list_;
  std::map<QString, std::pair<QString, bool>> checks_;
  QString pending_name_, pending_target_, pending_key_;
  QLabel *headline_, *note_;
  QPushButton *add_, *check_;
  QTableWidget* table_;
};

}  // namespace consortia::console
