#include "runbooks/lifecycle_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <set>

#include "lifecycle/lifecycle_text.h"
#include "model/quorum_preview.h"

namespace consortia::console {

LifecycleDialog::LifecycleDialog(const QString& kind, const NetworkState& state, const std::vector<HostRecord>& hosts,
                                 QWidget* parent)
    : QDialog(parent), kind_(kind), state_(state) {
  setWindowTitle(runbook_kind_title(kind.toStdString()));
  auto* form = new QFormLayout;
  auto host_box = [&] {
    auto* c = new QComboBox;
    c->addItem(tr("this machine (local)"), "local");
    for (const auto& h : hosts)
      c->addItem(QString::fromStdString(h.name + "  " + h.user + "@" + h.address), QString::fromStdString(h.name));
    return c;
  };
  // The organisation CA's key file and its passphrase: join and renewal sign with it.
  auto ca_key_rows = [&] {
    ca_key_ = new QLineEdit;
    ca_key_->setPlaceholderText(tr("default: orgs/ORGANISATION/ca.key in the network directory"));
    passphrase_ = new QLineEdit;
    passphrase_->setEchoMode(QLineEdit::Password);
    passphrase_->setPlaceholderText(tr("if the CA key is encrypted; kept in memory only"));
    form->addRow(tr("Organisation CA key file"), ca_key_);
    form->addRow(tr("Its passphrase"), passphrase_);
  };
  if (kind == "join") {
    name_ = new QLineEdit(QString("node-%1").arg(state.nodes.size()));
    organisation_ = new QComboBox;
    std::set<std::string> orgs;
    for (const auto& n : state.nodes) orgs.insert(n.organisation);
    for (const auto& o : orgs) organisation_->addItem(QString::fromStdString(o));
    host_ = host_box();
    dir_ = new QLineEdit;
    dir_->setPlaceholderText(tr("default: the network's nodes/NAME here, /var/lib/consortia/NAME on a host"));
    validator_ = new QCheckBox(tr("promote to validator once synced"));
    form->addRow(tr("Node name"), name_);
    form->addRow(tr("Organisation"), organisation_);
    form->addRow(tr("Host"), host_);
    form->addRow(tr("Directory"), dir_);
    form->addRow(QString(), validator_);
    ca_key_rows();
  } else {
    node_ = new QComboBox;
    for (const auto& n : state.nodes)
      node_->addItem(QString::fromStdString(n.name + "  (" + n.organisation + ", " + (n.role.empty() ? "?" : n.role) + ")"),
                     QString::fromStdString(n.name));
    form->addRow(tr("Node"), node_);
    QString stamp = QDateTime::currentDateTime().toString("yyyyMMdd-HHmm");
    if (kind == "exit") {
      file_ = new QLineEdit;
      file_->setPlaceholderText(tr("default: the console's archives folder"));
      form->addRow(tr("Archive its data to"), file_);
    } else if (kind == "backup") {
      file_ = new QLineEdit(QDir::homePath() + "/consortia-backup-" + stamp + ".tar.gz");
      form->addRow(tr("Backup file"), file_);
    } else if (kind == "restore") {
      file_ = new QLineEdit;
      file_->setPlaceholderText(tr("a backup made by Backup (.tar.gz)"));
      host_ = host_box();
      dir_ = new QLineEdit;
      dir_->setPlaceholderText(tr("default: where the node runs"));
      form->addRow(tr("From backup"), file_);
      form->addRow(tr("Host"), host_);
      form->addRow(tr("Directory"), dir_);
    } else if (kind == "migrate") {
      host_ = host_box();
      dir_ = new QLineEdit;
      dir_->setPlaceholderText(tr("absolute path on the target, e.g. /var/lib/consortia/NAME"));
      form->addRow(tr("To host"), host_);
      form->addRow(tr("Directory"), dir_);
    } else if (kind == "renew") {
      // The node whose certificate expires first comes first.
      int soonest = -1;
      int64_t first = 0;
      for (int i = 0; i < static_cast<int>(state.nodes.size()); ++i) {
        int64_t e = state.nodes[static_cast<size_t>(i)].certificate_expires_s;
        if (e > 0 && (soonest < 0 || e < first)) {
          soonest = i;
          first = e;
        }
      }
      if (soonest >= 0) node_->setCurrentIndex(soonest);
      ca_key_rows();
    }
  }
  preview_ = new QLabel;
  preview_->setWordWrap(true);
  preview_->setTextFormat(Qt::PlainText);
  auto* buttons = new QDialogButtonBox;
  start_ = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
  buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel;
  intro->setWordWrap(true);
  if (kind == "join")
    intro->setText(tr("The node's keys are made on the host and never leave it; its organisation's CA signs its "
                      "certificate here. It joins as an observer, syncs, and is promoted if asked."));
  else if (kind == "exit")
    intro->setText(tr("Demote and remove through governance, stop the agent, and keep an archive of its data "
                      "with a manifest of SHA-256 sums."));
  else if (kind == "backup")
    intro->setText(tr("An online, consistent copy of the node's store with a manifest: chain id, height, block "
                      "hash, state root and file sums."));
  else if (kind == "restore")
    intro->setText(tr("The backup is checked (sums, blocks linking, state root) before the node's store is "
                      "replaced; the store it had is kept beside it."));
  else if (kind == "renew")
    intro->setText(tr("The node's host makes a certificate request for the keys it has; its organisation's CA "
                      "signs it here. The agent restarts with the new certificate (the old one is kept), never "
                      "while that would leave the live validators short of a quorum."));
  else
    intro->setText(tr("Back up, copy, fence the source (stopped, a tombstone, its key removed), start on the "
                      "target with the same identity, and verify it is synced and voting."));
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(preview_);
  layout->addWidget(buttons);
  if (node_) connect(node_, &QComboBox::currentIndexChanged, this, &LifecycleDialog::update_preview);
  if (validator_) connect(validator_, &QCheckBox::toggled, this, &LifecycleDialog::update_preview);
  update_preview();
  resize(560, sizeHint().height());
}

void LifecycleDialog::update_preview() {
  std::optional<QuorumPreview> p;
  int64_t now = QDateTime::currentMSecsSinceEpoch();
  if (kind_ == "exit" && node_) p = preview_change(state_, node_->currentData().toString().toStdString(), MembershipChange::kRemove, now);
  if (kind_ == "join" && validator_ && validator_->isChecked()) {
    // The new node is not there yet: as a live observer promoted.
    NetworkState s = state_;
    NodeState n;
    n.name = "\x01new";
    n.role = "observer";
    n.reachable = true;
    n.polled_ms = now;
    for (const auto& x : s.nodes) n.height = std::max(n.height, x.height);
    s.nodes.push_back(n);
    p = preview_change(s, n.name, MembershipChange::kPromote, now);
  }
  if (kind_ == "renew" && node_) {
    // What is there now, from the last poll: the date, and what a restart costs.
    std::string name = node_->currentData().toString().toStdString();
    for (const auto& n : state_.nodes) {
      if (n.name != name) continue;
      QString text = n.certificate_expires_s > 0
                         ? tr("Its certificate (or its CA, if sooner) expires on %1, in %2 days.")
                               .arg(QDateTime::fromSecsSinceEpoch(n.certificate_expires_s).toString("yyyy-MM-dd"))
                               .arg(qRound(static_cast<double>(n.certificate_expires_s - now / 1000) / 86400))
                         : tr("Its certificate's expiry is not known (the node did not answer).");
      if (n.role == "validator") text += "\n" + tr("A validator: it stops voting while its agent restarts.");
      preview_->setText(text);
      preview_->setStyleSheet("");
    }
    start_->setEnabled(true);
    return;
  }
  if (!p) {
    preview_->clear();
    start_->setEnabled(true);
    return;
  }
  QString text = tr("Quorum preview: validators %1 → %2, tolerating %3 → %4 faults; quorum %5 → %6; live "
                    "validators now %7, after the change %8.")
                     .arg(p->validators_before)
                     .arg(p->validators_after)
                     .arg(p->faulty_before)
                     .arg(p->faulty_after)
                     .arg(p->quorum_before)
                     .arg(p->quorum_after)
                     .arg(p->live_before)
                     .arg(p->live_after);
  if (!p->ok()) text += "\n" + refusal_text(p->refusal, "");
  else text += "\n" + tr("The live validators reach the new quorum.");
  preview_->setText(text);
  preview_->setStyleSheet(p->ok() ? "" : "color: #b00020; font-weight: bold");
  start_->setEnabled(p->ok());
}

void LifecycleDialog::choose_node(const QString& name) {
  if (!node_) return;
  int i = node_->findData(name);
  if (i >= 0) node_->setCurrentIndex(i);
}

QString LifecycleDialog::passphrase() const { return passphrase_ ? passphrase_->text() : QString(); }

QString LifecycleDialog::params_json() const {
  nlohmann::json j;
  if (name_) j["name"] = name_->text().trimmed().toStdString();
  if (node_) j["name"] = node_->currentData().toString().toStdString();
  if (organisation_) j["organisation"] = organisation_->currentText().toStdString();
  if (host_) j[kind_ == "migrate" ? "to" : "host"] = host_->currentData().toString().toStdString();
  if (dir_) j["dir"] = dir_->text().trimmed().toStdString();
  if (validator_) j["validator"] = validator_->isChecked();
  if (ca_key_ && !ca_key_->text().trimmed().isEmpty()) j["ca_key"] = ca_key_->text().trimmed().toStdString();
  if (file_) j[kind_ == "exit" ? "archive" : kind_ == "backup" ? "out" : "from"] = file_->text().trimmed().toStdString();
  if (kind_ == "restore" && j.value("host", "") == "local" && j.value("dir", "").empty()) j["host"] = "";
  return QString::fromStdString(j.dump());
}

}  // namespace consortia::console
