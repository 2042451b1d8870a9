// The explorer: blocks by height or hash, transactions by id, and evidence
// by document digest with its proof checked here (explorer_query.h). Parent
// hashes, transactions and evidence digests can be followed by a
// double-click.
#pragma once

#include "agents/metatypes.h"
#include "common/console_page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace consortia::console {

class ExplorerPage : public ConsolePage {
  Q_OBJECT
 public:
  explicit ExplorerPage(QWidget* parent = nullptr);
  QString title() const override;
  // Looks `query` up, as the user would (asking the chosen node).
  void explore(const QString& query, bool evidence);

 public slots:
  void on_snapshot(const consortia::console::NetworkState& s);
  void on_explored(const consortia::console::ExplorerResult& r);

 signals:
  void explore_requested(int node, QString query, bool evidence);

 protected:
  void retranslate() override;

 private:
  void go();
  QComboBox *node_, *mode_;
  QLineEdit* query_;
  QPushButton* go_button_;
  QLabel *verdict_, *hint_;
  QTableWidget *fields_, *txs_;
  ExplorerResult shown_;
};

}  // namespace consortia::console
