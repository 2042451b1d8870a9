#include "hosts/hosts_page.h"

#include <QDialog>
#include <QDir>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/tables.h"
#include "lifecycle/lifecycle_text.h"

namespace consortia::console {

HostsPage::HostsPage() {
  headline_ = new QLabel;
  make_headline(headline_, 1.3);
  note_ = new QLabel;
  note_->setWordWrap(true);
  add_ = new QPushButton;
  check_ = new QPushButton;
  auto* actions = new QHBoxLayout;
  actions->addWidget(add_);
  actions->addWidget(check_);
  actions->addStretch(1);
  table_ = make_table(4);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(headline_);
  layout->addWidget(note_);
  layout->addLayout(actions);
  layout->addWidget(table_, 1);
  connect(add_, &QPushButton::clicked, this, &HostsPage::add_dialog);
  connect(check_, &QPushButton::clicked, this, [this] {
    int r = table_->currentRow();
    QString name = r <= 0 ? "local" : QString::fromStdString(list_[static_cast<size_t>(r - 1)].name);
    checks_[name] = {tr("checking…"), true};
    on_hosts(list_);
    emit check_requested(name);
  });
  retranslate();
}

QString HostsPage::title() const { return tr("Hosts (%1)").arg(list_.size() + 1); }

void HostsPage::retranslate() {
  headline_->setText(tr("Hosts"));
  note_->setText(tr("Nodes run on this machine or on hosts reached over SSH with a key. The console keeps its own "
                    "record of each host's key: an unknown key is shown for you to confirm, and a changed key stops "
                    "every action on that host."));
  add_->setText(tr("Add a host…"));
  check_->setText(tr("Check the selected host"));
  table_->setHorizontalHeaderLabels({tr("Host"), tr("SSH"), tr("Host key (SHA256)"), tr("Last check")});
  on_hosts(list_);
}

void HostsPage::on_hosts(const std::vector<HostRecord>& list) {
  list_ = list;
  table_->setRowCount(static_cast<int>(list_.size()) + 1);
  auto check_of = [&](const QString& name) {
    auto it = checks_.find(name);
    return it == checks_.end() ? QString() : it->second.first;
  };
  set_row(table_, 0, {"local", tr("this machine"), QString(), check_of("local")});
  for (int i = 0; i < static_cast<int>(list_.size()); ++i) {
    const auto& h = list_[static_cast<size_t>(i)];
    QString name = QString::fromStdString(h.name);
    set_row(table_, i + 1,
            {name, QString::fromStdString(h.user + "@" + h.address + ":" + std::to_string(h.port)),
             QString::fromStdString(h.fingerprint), check_of(name)});
  }
  for (int r = 0; r < table_->rowCount(); ++r) {
    QString name = table_->item(r, 0)->text();
    auto it = checks_.find(name);
    table_->item(r, 3)->setForeground(it != checks_.end() && !it->second.second ? QColor("#b00020")
                                                                                 : palette().text().color());
    table_->item(r, 3)->setToolTip(check_of(name));
  }
  table_->resizeColumnsToContents();
  emit title_changed();
}

void HostsPage::add_dialog() {
  QDialog d(this);
  d.setWindowTitle(tr("Add a host"));
  auto* name = new QLineEdit;
  auto* target = new QLineEdit;
  target->setPlaceholderText("ops@10.0.0.5:22");
  auto* key = new QLineEdit;
  key->setPlaceholderText("~/.ssh/id_ed25519");
  auto* form = new QFormLayout;
  form->addRow(tr("Name"), name);
  form->addRow(tr("SSH (user@host[:port])"), target);
  form->addRow(tr("Private key file"), key);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
  buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
  connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
  auto* layout = new QVBoxLayout(&d);
  layout->addLayout(form);
  layout->addWidget(buttons);
  if (d.exec() != QDialog::Accepted) return;
  pending_name_ = name->text().trimmed();
  pending_target_ = target->text().trimmed();
  pending_key_ = key->text().trimmed();
  if (pending_key_.startsWith("~/")) pending_key_ = QDir::homePath() + pending_key_.mid(1);
  emit add_requested(pending_name_, pending_target_, pending_key_, QString());
}

void HostsPage::on_host_refused(const QString& name, const QString& code, const QString& detail) {
  if (code == "host_key_unknown" && name == pending_name_) {
    auto answer = QMessageBox::question(
        this, tr("Confirm the host's key"),
        tr("%1 presents this host key:\n\n%2\n\nCompare it with the host's own (ask its administrator: "
           "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Is it the same?")
            .arg(pending_target_, detail));
    if (answer == QMessageBox::Yes) emit add_requested(pending_name_, pending_target_, pending_key_, detail);
    return;
  }
  if (code == "host_key_changed") {
    QStringList keys = detail.split(' ');
    QMessageBox::critical(this, tr("The host's key has changed"),
                          tr("The host %1 presents another key than the one confirmed before. Someone may be "
                             "impersonating it, or it was reinstalled. Nothing was done.\n\nKnown: %2\nNow: %3")
                              .arg(name, keys.value(0), keys.value(1)));
    return;
  }
  QMessageBox::warning(this, tr("Host not added"), refusal_text(code.toStdString(), detail.toStdString()));
}

void HostsPage::on_host_checked(const QString& name, const QString& report, bool ok) {
  checks_[name] = {report, ok};
  on_hosts(list_);
}

}  // namespace consortia::console
