// The Proposals page: governance proposals (open, enacted, withdrawn,
// expired) with each organisation's approval, and approve or withdraw as
// an organisation whose admin certificate the console holds. GUI thread.
#pragma once

#include <QStringList>
#include <vector>

#include "common/console_page.h"
#include "model/proposals.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace consortia::console {

class ProposalsPage : public ConsolePage {
  Q_OBJECT
 public:
  ProposalsPage();
  QString title() const override;
  void set_organisations(const QStringList& all) { organisations_ = all; }

 public slots:
  void on_proposals(const std::vector<consortia::console::ProposalView>& list, const QStringList& admins);

 signals:
  void vote_requested(QString organisation, QString proposal_hex, bool withdraw);

 protected:
  void retranslate() override;

 private:
  std::vector<ProposalView> list_;
  QStringList organisations_, admins_;
  QLabel *headline_, *note_, *act_as_label_;
  QComboBox* act_as_;
  QPushButton *approve_, *withdraw_;
  QTableWidget* table_;
};

}  // namespace consortia::console
