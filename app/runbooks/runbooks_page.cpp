#include "runbooks/runbooks_page.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "common/tables.h"
#include "lifecycle/lifecycle_text.h"
#include "runbooks/lifecycle_dialog.h"

namespace consortia::console {

RunbooksPage::RunbooksPage() {
  headline_ = new QLabel;
  make_headline(headline_, 1.3);
  note_ = new QLabel;
  note_->setWordWrap(true);
  auto* actions = new QHBoxLayout;
  for (auto** b : {&join_, &exit_, &backup_, &restore_, &migrate_, &renew_}) {
    *b = new QPushButton;
    actions->addWidget(*b);
  }
  actions->addStretch(1);
  resume_ = new QPushButton;
  cancel_ = new QPushButton;
  actions->addWidget(resume_);
  actions->addWidget(cancel_);
  table_ = make_table(6);
  steps_ = make_table(5);
  steps_title_ = new QLabel;
  auto* lower = new QWidget;
  auto* lower_layout = new QVBoxLayout(lower);
  lower_layout->setContentsMargins(0, 0, 0, 0);
  lower_layout->addWidget(steps_title_);
  lower_layout->addWidget(steps_);
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(table_);
  split->addWidget(lower);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(headline_);
  layout->addWidget(note_);
  layout->addLayout(actions);
  layout->addWidget(split, 1);
  const char* kinds[] = {"join", "exit", "backup", "restore", "migrate", "renew"};
  QPushButton* buttons[] = {join_, exit_, backup_, restore_, migrate_, renew_};
  for (int i = 0; i < 6; ++i) connect(buttons[i], &QPushButton::clicked, this, [this, k = QString(kinds[i])] { open_wizard(k); });
  connect(table_, &QTableWidget::itemSelectionChanged, this, &RunbooksPage::show_steps);
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (selected() <= 0) return;
    QString passphrase;
    // A join or a renewal signs with its organisation's CA: an encrypted key needs its passphrase again.
    for (const auto& r : list_)
      if (r.id == selected() && (r.kind == "join" || r.kind == "renew") &&
          !r.params.value("ca_key", std::string()).empty()) {
        bool ok = false;
        passphrase = QInputDialog::getText(this, tr("CA key passphrase"),
                                           tr("The passphrase of %1 (empty if it has none)")
                                               .arg(QString::fromStdString(r.params.value("ca_key", std::string()))),
                                           QLineEdit::Password, QString(), &ok);
        if (!ok) return;
      }
    emit resume_requested(selected(), passphrase);
  });
  connect(cancel_, &QPushButton::clicked, this, [this] {
    if (selected() > 0) emit cancel_requested(selected());
  });
  retranslate();
}

QString RunbooksPage::title() const {
  int open = 0;
  for (const auto& r : list_) open += r.state == RunbookState::kRunning || r.resumable();
  return open ? tr("Runbooks (%1)").arg(open) : tr("Runbooks");
}

void RunbooksPage::retranslate() {
  headline_->setText(tr("Node lifecycle"));
  note_->setText(available_ ? tr("Each runbook is a list of steps that can be resumed after the console closes; a "
                                 "step the chain or a host refuses stops it with the reason.")
                            : tr("This network was opened from the inventory: the lifecycle needs its network "
                                 "directory (open it with --sandbox DIR or from the Network menu)."));
  join_->setText(tr("Join a node…"));
  exit_->setText(tr("Retire a node…"));
  backup_->setText(tr("Back up…"));
  restore_->setText(tr("Restore…"));
  migrate_->setText(tr("Migrate…"));
  renew_->setText(tr("Renew certificate…"));
  resume_->setText(tr("Resume"));
  cancel_->setText(tr("Cancel"));
  table_->setHorizontalHeaderLabels({tr("Runbook"), tr("Kind"), tr("Node"), tr("State"), tr("Progress"), tr("Updated")});
  steps_->setHorizontalHeaderLabels({tr("Step"), tr("State"), tr("Progress"), tr("Now"), tr("Output")});
  steps_title_->setText(tr("Steps of the selected runbook"));
  on_runbooks(list_);
}

void RunbooksPage::set_available(bool available) {
  available_ = available;
  for (auto* b : {join_, exit_, backup_, restore_, migrate_, renew_, resume_, cancel_}) b->setEnabled(available);
  retranslate();
}

void RunbooksPage::open_wizard(const QString& kind, const QString& node) {
  auto* d = new LifecycleDialog(kind, state_, hosts_, this);
  if (!node.isEmpty()) d->choose_node(node);
  d->setAttribute(Qt::WA_DeleteOnClose);
  connect(d, &QDialog::accepted, this, [this, d, kind] { emit start_requested(kind, d->params_json(), d->passphrase()); });
  d->show();
}

qint64 RunbooksPage::selected() const {
  int row = table_->currentRow();
  return row >= 0 && row < static_cast<int>(list_.size()) ? list_[static_cast<size_t>(row)].id : 0;
}

void RunbooksPage::on_runbooks(const std::vector<RunbookRecord>& list) {
  qint64 keep = selected();
  list_ = list;
  table_->setRowCount(static_cast<int>(list_.size()));
  for (int r = 0; r < static_cast<int>(list_.size()); ++r) {
    const auto& x = list_[static_cast<size_t>(r)];
    set_row(table_, r,
            {QString("#%1").arg(x.id), runbook_kind_title(x.kind), QString::fromStdString(x.subject),
             runbook_state_title(x.state), QString("%1%").arg(static_cast<int>(x.progress() * 100)),
             QDateTime::fromMSecsSinceEpoch(x.updated_ms).toString("yyyy-MM-dd HH:mm:ss")});
    QColor c = x.state == RunbookState::kFailed        ? QColor("#b00020")
               : x.state == RunbookState::kInterrupted ? QColor("#b26a00")
               : x.state == RunbookState::kDone        ? QColor("#1b5e20")
                                                       : palette().text().color();
    table_->item(r, 3)->setForeground(c);
    if (x.id == keep) table_->selectRow(r);
  }
  if (keep == 0 && !list_.empty() && table_->currentRow() < 0) table_->selectRow(0);
  table_->resizeColumnsToContents();
  show_steps();
  emit title_changed();
}

void RunbooksPage::show_steps() {
  int row = table_->currentRow();
  if (row < 0 || row >= static_cast<int>(list_.size())) {
    steps_->setRowCount(0);
    return;
  }
  const auto& r = list_[static_cast<size_t>(row)];
  resume_->setEnabled(available_ && r.resumable());
  cancel_->setEnabled(available_ && r.state != RunbookState::kDone && r.state != RunbookState::kCancelled);
  steps_->setRowCount(static_cast<int>(r.steps.size()));
  for (int i = 0; i < static_cast<int>(r.steps.size()); ++i) {
    const auto& s = r.steps[static_cast<size_t>(i)];
    QString now = s.state == StepState::kFailed ? refusal_text(s.error_code, s.error)
                  : s.note.code.empty()        ? QString()
                                               : note_text(s.note);
    QString out = QString::fromStdString(s.output).trimmed();
    set_row(steps_, i, {QString("%1. %2").arg(i + 1).arg(step_title(s.name)), step_state_title(s.state), QString(), now,
                        out.section('\n', -1)});
    steps_->item(i, 4)->setToolTip(out);
    steps_->item(i, 3)->setToolTip(now);
    auto* bar = qobject_cast<QProgressBar*>(steps_->cellWidget(i, 2));
    if (!bar) {
      bar = new QProgressBar;
      bar->setRange(0, 100);
      steps_->setCellWidget(i, 2, bar);
    }
    bar->setValue(s.state == StepState::kDone ? 100 : static_cast<int>(s.progress * 100));
    if (s.state == StepState::kFailed) steps_->item(i, 1)->setForeground(QColor("#b00020"));
    else steps_->item(i, 1)->setForeground(palette().text().color());
  }
  steps_->resizeColumnToContents(0);
  steps_->resizeColumnToContents(1);
}

void RunbooksPage::on_refused(const QString& code, const QString& detail) {
  QMessageBox::warning(this, tr("Runbook not started"), refusal_text(code.toStdString(), detail.toStdString()));
}

}  // namespace consortia::console
