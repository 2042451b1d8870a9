#include "upgrades/upgrades_page.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "common/tables.h"
#include "lifecycle/lifecycle_text.h"

namespace consortia::console {
using nlohmann::json;

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
QString role_title(const std::string& role) {
  if (role == "validator") return UpgradesPage::tr("validator");
  if (role == "observer") return UpgradesPage::tr("observer");
  return UpgradesPage::tr("unknown");
}
// The words of consortia-ctl status (health_word), in the user's language.
QString health_title(const std::string& h) {
  if (h == "synced") return UpgradesPage::tr("synced");
  if (h == "lagging") return UpgradesPage::tr("lagging");
  if (h == "syncing") return UpgradesPage::tr("syncing");
  if (h == "halted") return UpgradesPage::tr("halted");
  return UpgradesPage::tr("unreachable");
}
}  // namespace

UpgradesPage::UpgradesPage() {
  headline_ = new QLabel;
  make_headline(headline_, 1.3);
  note_ = new QLabel;
  note_->setWordWrap(true);
  stage_ = new QPushButton;
  plan_ = new QPushButton;
  run_ = new QPushButton;
  rollback_ = new QPushButton;
  auto* actions = new QHBoxLayout;
  for (auto* b : {stage_, plan_, run_, rollback_}) actions->addWidget(b);
  actions->addStretch(1);
  matrix_title_ = new QLabel;
  make_headline(matrix_title_, 1.05);
  matrix_table_ = make_table(9);
  // Compact rows: a network of a hundred nodes is read here.
  matrix_table_->verticalHeader()->setDefaultSectionSize(matrix_table_->fontMetrics().height() + 6);
  upgrade_title_ = new QLabel;
  make_headline(upgrade_title_, 1.05);
  countdown_ = new QLabel;
  countdown_->setWordWrap(true);
  progress_ = new QProgressBar;
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  steps_table_ = make_table(3);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(headline_);
  layout->addWidget(note_);
  layout->addLayout(actions);
  layout->addWidget(matrix_title_);
  layout->addWidget(matrix_table_, 2);
  layout->addWidget(upgrade_title_);
  layout->addWidget(countdown_);
  layout->addWidget(progress_);
  layout->addWidget(steps_table_, 2);
  connect(stage_, &QPushButton::clicked, this, &UpgradesPage::stage_dialog);
  connect(plan_, &QPushButton::clicked, this, &UpgradesPage::plan_dialog);
  connect(run_, &QPushButton::clicked, this, [this] {
    if (const RunbookRecord* r = latest(); r && r->kind == "upgrade" && r->resumable()) emit resume_requested(r->id);
  });
  connect(rollback_, &QPushButton::clicked, this, [this] {
    const RunbookRecord* r = latest();
    if (!r || r->kind != "upgrade") return;
    auto answer = QMessageBox::question(
        this, tr("Roll back the upgrade"),
        tr("Before the activation height, a rollback stops the upgrade, cancels plan %1 through governance and "
           "switches every node back to the binary it ran before. After the height there is no rollback of a "
           "chain. Roll back now?")
            .arg(q(r->subject)));
    if (answer == QMessageBox::Yes) emit start_requested("rollback", q(json{{"plan", r->subject}}.dump()));
  });
  retranslate();
}

QString UpgradesPage::title() const { return tr("Upgrades"); }

void UpgradesPage::retranslate() {
  headline_->setText(tr("Upgrades"));
  note_->setText(tr("A hard-fork upgrade switches every node to a new release, one at a time under its supervisor, "
                    "then activates the new protocol at a height agreed through governance. The new release runs "
                    "the old protocol until that height, so no node halts; a node whose new binary does not become "
                    "healthy is switched back by its supervisor, and the upgrade stops with the reason."));
  stage_->setText(tr("Stage a release…"));
  plan_->setText(tr("Plan an upgrade…"));
  run_->setText(tr("Run or resume"));
  rollback_->setText(tr("Roll back…"));
  matrix_title_->setText(tr("Readiness"));
  matrix_table_->setHorizontalHeaderLabels({tr("Node"), tr("Role"), tr("Health"), tr("Height"), tr("Protocol"),
                                            tr("Binary (SHA-256)"), tr("Release"), tr("Supervised"), tr("Staged")});
  steps_table_->setHorizontalHeaderLabels({tr("Step"), tr("State"), tr("Progress")});
  on_readiness(q(matrix_.dump()));
}

const RunbookRecord* UpgradesPage::latest() const { return upgrades_.empty() ? nullptr : &upgrades_.front(); }

void UpgradesPage::on_readiness(const QString& matrix_json) {
  auto m = json::parse(matrix_json.toStdString(), nullptr, false);
  if (m.is_array()) matrix_ = m;
  matrix_table_->setRowCount(static_cast<int>(matrix_.size()));
  int r = 0;
  for (const auto& n : matrix_) {
    QString staged;
    for (const auto& x : n.value("staged", json::array()))
      staged += (staged.isEmpty() ? "" : ", ") +
                (x.value("current", false) ? tr("%1 (running)").arg(q(x.value("version", ""))) : q(x.value("version", "")));
    auto range = n.value("protocols", json::array({0, 0}));
    QString protocol = tr("%1 (implements %2–%3)")
                           .arg(n.value("protocol", 0u))
                           .arg(range[0].get<uint32_t>())
                           .arg(range[1].get<uint32_t>());
    std::string health = n.value("health", "");
    set_row(matrix_table_, r,
            {q(n.value("node", "")), role_title(n.value("role", "")), health_title(health),
             QString::number(n.value("height", uint64_t{0})), protocol,
             q(n.value("binary_sha256", "").substr(0, 16)),
             n.value("release", "").empty() ? tr("as installed") : q(n.value("release", "")),
             n.value("simulated", false) ? tr("simulated")
             : n.value("supervised", false) ? tr("yes")
                                            : tr("no"),
             staged.isEmpty() ? "—" : staged});
    QColor bad("#b00020");
    matrix_table_->item(r, 2)->setForeground(health == "synced" ? palette().text().color() : bad);
    matrix_table_->item(r, 7)->setForeground(n.value("supervised", false) || n.value("simulated", false)
                                                 ? palette().text().color()
                                                 : bad);
    matrix_table_->item(r, 5)->setToolTip(q(n.value("binary_sha256", "")));
    ++r;
  }
  matrix_table_->resizeColumnsToContents();
  show_upgrade();
}

void UpgradesPage::on_runbooks(const std::vector<RunbookRecord>& list) {
  upgrades_.clear();
  for (const auto& r : list)
    if (r.kind == "upgrade" || r.kind == "rollback") upgrades_.push_back(r);
  show_upgrade();
}

void UpgradesPage::show_upgrade() {
  const RunbookRecord* r = latest();
  run_->setEnabled(r && r->kind == "upgrade" && r->resumable());
  rollback_->setEnabled(r && r->kind == "upgrade" && r->state != RunbookState::kCancelled);
  progress_->setVisible(r != nullptr);
  steps_table_->setVisible(r != nullptr);
  if (!r) {
    bool simulated = !matrix_.empty();
    for (const auto& n : matrix_) simulated = simulated && n.value("simulated", false);
    upgrade_title_->setText(tr("No upgrade yet"));
    countdown_->setText(simulated ? tr("A simulated network runs no binaries of its own: rehearse an upgrade in the "
                                       "simulator (consortia-sim, the upgrade scenarios) or on a sandbox of agents.")
                                  : tr("Stage a release on every node, then plan the upgrade: a name, the release, "
                                       "and when."));
    return;
  }
  upgrade_title_->setText(tr("%1 %2 (#%3): %4")
                              .arg(runbook_kind_title(r->kind), q(r->subject))
                              .arg(r->id)
                              .arg(runbook_state_title(r->state)));
  uint64_t top = 0;
  uint32_t lowest = UINT32_MAX;
  for (const auto& n : matrix_) {
    top = std::max(top, n.value("height", uint64_t{0}));
    if (n.value("health", "") != "unreachable") lowest = std::min(lowest, n.value("protocol", 0u));
  }
  QString text;
  double fraction = r->progress();
  if (r->kind == "upgrade" && r->vars.contains("height")) {
    uint64_t h = r->vars.value("height", uint64_t{0});
    uint32_t protocol = r->vars.value("protocol", 0u);
    double rate = r->vars.value("rate", 0.0);
    if (top < h) {
      uint64_t left = h - top;
      text = rate > 0 ? tr("Protocol %1 activates at height %2: %3 blocks to go, about %4 s at %5 blocks a second.")
                            .arg(protocol)
                            .arg(h)
                            .arg(left)
                            .arg(static_cast<int>(static_cast<double>(left) / rate))
                            .arg(rate, 0, 'f', 1)
                      : tr("Protocol %1 activates at height %2: %3 blocks to go.").arg(protocol).arg(h).arg(left);
      if (r->state == RunbookState::kCancelled) text = tr("Cancelled before height %1.").arg(h);
    } else if (lowest != UINT32_MAX && lowest >= protocol) {
      text = tr("Protocol %1 is in force on every node since height %2.").arg(protocol).arg(h);
    } else {
      text = tr("The chain passed height %1, but not every node runs protocol %2: see the nodes above.")
                 .arg(h)
                 .arg(protocol);
    }
  } else if (r->kind == "upgrade") {
    text = tr("Release %1 is switched to node by node; the plan's height is set once every node runs it.")
               .arg(q(r->params.value("release", "")));
  } else {
    text = tr("Rolling back plan %1.").arg(q(r->subject));
  }
  for (const auto& s : r->steps)
    if (s.state == StepState::kFailed)
      text += "\n" + tr("Stopped at \"%1\": %2").arg(step_title(s.name), refusal_text(s.error_code, s.error));
  countdown_->setText(text);
  progress_->setValue(static_cast<int>(fraction * 1000));
  steps_table_->setRowCount(static_cast<int>(r->steps.size()));
  for (int i = 0; i < static_cast<int>(r->steps.size()); ++i) {
    const auto& s = r->steps[static_cast<size_t>(i)];
    // A step done says what it did (its output's last line); a running one, its latest note.
    QString last = q(s.output).trimmed().section('\n', -1);
    QString detail = s.state == StepState::kFailed                      ? refusal_text(s.error_code, s.error)
                     : s.state == StepState::kDone                        ? last
                     : s.state == StepState::kRunning && !s.note.code.empty() ? note_text(s.note)
                                                                            : QString();
    set_row(steps_table_, i, {step_title(s.name), step_state_title(s.state), detail});
  }
  steps_table_->resizeColumnsToContents();
}

void UpgradesPage::stage_dialog() {
  QDialog d(this);
  d.setWindowTitle(tr("Stage a release"));
  auto* file = new QLineEdit;
  auto* browse = new QPushButton(tr("Choose…"));
  auto* row = new QHBoxLayout;
  row->addWidget(file, 1);
  row->addWidget(browse);
  auto* version = new QLineEdit;
  version->setPlaceholderText("0.4.0");
  connect(browse, &QPushButton::clicked, &d, [&] {
    QString f = QFileDialog::getOpenFileName(&d, tr("The release's consortia-agent binary"));
    if (!f.isEmpty()) file->setText(f);
  });
  auto* form = new QFormLayout;
  form->addRow(tr("Binary"), row);
  form->addRow(tr("Release"), version);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(tr("Stage on every node"), QDialogButtonBox::AcceptRole);
  buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
  connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
  auto* layout = new QVBoxLayout(&d);
  layout->addWidget(new QLabel(tr("The binary goes to every node's agent, which checks its SHA-256 and that it runs "
                                  "there before keeping it beside the one in use.")));
  layout->addLayout(form);
  layout->addWidget(buttons);
  if (d.exec() != QDialog::Accepted || file->text().isEmpty() || version->text().isEmpty()) return;
  emit stage_requested(file->text(), version->text().trimmed());
}

void UpgradesPage::plan_dialog() {
  QDialog d(this);
  d.setWindowTitle(tr("Plan an upgrade"));
  auto* name = new QLineEdit;
  name->setPlaceholderText("v2-delete");
  auto* release = new QLineEdit;
  // The release staged on every node, if there is one.
  if (!matrix_.empty())
    for (const auto& x : matrix_[0].value("staged", json::array())) release->setText(q(x.value("version", "")));
  auto* in = new QSpinBox;
  in->setRange(30, 7 * 24 * 3600);
  in->setValue(120);  // as consortia-ctl upgrade plan
  in->setSuffix(tr(" s"));
  auto* canary = new QLineEdit;
  canary->setPlaceholderText(tr("an observer if there is one"));
  auto* form = new QFormLayout;
  form->addRow(tr("Plan name"), name);
  form->addRow(tr("Release"), release);
  form->addRow(tr("Activate in about"), in);
  form->addRow(tr("Canary node"), canary);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(tr("Plan and run"), QDialogButtonBox::AcceptRole);
  buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
  connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
  auto* layout = new QVBoxLayout(&d);
  layout->addLayout(form);
  layout->addWidget(buttons);
  if (d.exec() != QDialog::Accepted || name->text().isEmpty() || release->text().isEmpty()) return;
  emit start_requested("upgrade", q(json{{"plan", name->text().trimmed().toStdString()},
                                         {"release", release->text().trimmed().toStdString()},
                                         {"in_s", in->value()},
                                         {"canary", canary->text().trimmed().toStdString()}}
                                        .dump()));
}

}  // namespace consortia::console
