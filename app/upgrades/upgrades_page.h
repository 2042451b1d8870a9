// The Upgrades page: the readiness matrix (each node's role, health,
// protocol in force and the range its binary implements, the binary and
// release it runs, its supervisor and the releases staged beside it), the
// upgrade runbook's steps, and the activation countdown in blocks and
// seconds; staging a release, planning, running and rolling back an upgrade
// (lifecycle/upgrade.h). GUI thread; the work is the lifecycle thread's.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>
#include <vector>

#include "common/console_page.h"
#include "model/runbook.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace consortia::console {

class UpgradesPage : public ConsolePage {
  Q_OBJECT
 public:
  UpgradesPage();
  QString title() const override;

 public slots:
  // The matrix as readiness_matrix() makes it (JSON text).
  void on_readiness(const QString& matrix_json);
  void on_runbooks(const std::vector<consortia::console::RunbookRecord>& list);

 signals:
  void stage_requested(QString binary, QString release);
  // kind "upgrade" (params: plan, release, in_s, canary) or "rollback" (plan).
  void start_requested(QString kind, QString params_json);
  void resume_requested(qint64 id);

 protected:
  void retranslate() override;

 private:
  void show_upgrade();
  void stage_dialog();
  void plan_dialog();
  const RunbookRecord* latest() const;
  nlohmann::json matrix_ = nlohmann::json::array();
  std::vector<RunbookRecord> upgrades_;
  QLabel *headline_, *note_, *matrix_title_, *upgrade_title_, *countdown_;
  QProgressBar* progress_;
  QPushButton *stage_, *plan_, *run_, *rollback_;
  QTableWidget *matrix_table_, *steps_table_;
};

}  // namespace consortia::console
