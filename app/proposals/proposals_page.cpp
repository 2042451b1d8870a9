#include "proposals/proposals_page.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "common/tables.h"

namespace consortia::console {

namespace {
QString status_title(const std::string& s) {
  if (s == "open") return ProposalsPage::tr("open");
  if (s == "enacted") return ProposalsPage::tr("enacted");
  if (s == "withdrawn") return ProposalsPage::tr("withdrawn");
  if (s == "expired") return ProposalsPage::tr("expired");
  return QString::fromStdString(s);
}
// The action in words, with what it acts on.
QString action_title(const std::string& a, const std::string& target) {
  QString t = QString::fromStdString(target);
  if (a == "add-observer") return ProposalsPage::tr("add observer %1").arg(t);
  if (a == "promote") return ProposalsPage::tr("promote %1 to validator").arg(t);
  if (a == "demote") return ProposalsPage::tr("demote %1 to observer").arg(t);
  if (a == "remove") return ProposalsPage::tr("remove %1").arg(t);
  if (a == "upgrade") return ProposalsPage::tr("upgrade %1").arg(t);
  if (a == "cancel-upgrade") return ProposalsPage::tr("cancel upgrade %1").arg(t);
  if (a == "revoke-certificate") return ProposalsPage::tr("revoke certificate %1").arg(t);
  return QString::fromStdString(a + " " + target);
}
}  // namespace

ProposalsPage::ProposalsPage() {
  headline_ = new QLabel;
  make_headline(headline_, 1.3);
  note_ = new QLabel;
  note_->setWordWrap(true);
  act_as_label_ = new QLabel;
  act_as_ = new QComboBox;
  approve_ = new QPushButton;
  withdraw_ = new QPushButton;
  auto* actions = new QHBoxLayout;
  actions->addWidget(act_as_label_);
  actions->addWidget(act_as_);
  actions->addWidget(approve_);
  actions->addWidget(withdraw_);
  actions->addStretch(1);
  table_ = make_table(8);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(headline_);
  layout->addWidget(note_);
  layout->addLayout(actions);
  layout->addWidget(table_, 1);
  auto vote = [this](bool withdraw) {
    int r = table_->currentRow();
    if (r < 0 || r >= static_cast<int>(list_.size()) || act_as_->currentText().isEmpty()) return;
    emit vote_requested(act_as_->currentText(), QString::fromStdString(list_[static_cast<size_t>(r)].id_hex), withdraw);
  };
  connect(approve_, &QPushButton::clicked, this, [vote] { vote(false); });
  connect(withdraw_, &QPushButton::clicked, this, [vote] { vote(true); });
  retranslate();
}

QString ProposalsPage::title() const {
  int open = 0;
  for (const auto& p : list_) open += p.status == "open";
  return open ? tr("Proposals (%1 open)").arg(open) : tr("Proposals");
}

void ProposalsPage::retranslate() {
  headline_->setText(tr("Governance proposals"));
  note_->setText(tr("A proposal is enacted when more than two thirds of the organisations approve it. The console "
                    "acts as an organisation whose admin certificate and governance key this workstation holds."));
  act_as_label_->setText(tr("Act as"));
  approve_->setText(tr("Approve"));
  withdraw_->setText(tr("Withdraw"));
  table_->setHorizontalHeaderLabels({tr("Proposal"), tr("Action"), tr("Proposed by"), tr("Approved by"), tr("Pending"),
                                     tr("Status"), tr("Created at height"), tr("Expires at height")});
  on_proposals(list_, admins_);
}

void ProposalsPage::on_proposals(const std::vector<ProposalView>& list, const QStringList& admins) {
  list_ = list;
  std::stable_sort(list_.begin(), list_.end(), [](const ProposalView& a, const ProposalView& b) { return a.created > b.created; });
  if (admins != admins_) {
    admins_ = admins;
    act_as_->clear();
    act_as_->addItems(admins_);
  }
  approve_->setEnabled(!admins_.isEmpty());
  withdraw_->setEnabled(!admins_.isEmpty());
  std::set<QString> all(organisations_.begin(), organisations_.end());
  for (const auto& a : admins_) all.insert(a);
  table_->setRowCount(static_cast<int>(list_.size()));
  for (int r = 0; r < static_cast<int>(list_.size()); ++r) {
    const auto& p = list_[static_cast<size_t>(r)];
    QStringList approved, pending;
    for (const auto& a : p.approvals) approved << QString::fromStdString(a);
    if (p.status == "open")
      for (const auto& o : all)
        if (!approved.contains(o)) pending << o;
    set_row(table_, r,
            {QString::fromStdString(p.id_hex.substr(0, 12)), action_title(p.action, p.target),
             QString::fromStdString(p.proposer), approved.join(", "), pending.join(", "), status_title(p.status),
             QString::number(p.created), QString::number(p.expires)});
    table_->item(r, 0)->setToolTip(QString::fromStdString(p.id_hex));
  }
  table_->resizeColumnsToContents();
  emit title_changed();
}

}  // namespace consortia::console
