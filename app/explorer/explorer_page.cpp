#include "explorer/explorer_page.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <tuple>

#include "common/reasons.h"
#include "common/tables.h"

namespace consortia::console {

ExplorerPage::ExplorerPage(QWidget* parent) : ConsolePage(parent) {
  auto* v = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  node_ = new QComboBox;
  mode_ = new QComboBox;
  mode_->addItems({QString(), QString()});
  query_ = new QLineEdit;
  query_->setClearButtonEnabled(true);
  go_button_ = new QPushButton;
  bar->addWidget(node_);
  bar->addWidget(mode_);
  bar->addWidget(query_, 1);
  bar->addWidget(go_button_);
  v->addLayout(bar);
  hint_ = new QLabel;
  hint_->setWordWrap(true);
  v->addWidget(hint_);
  verdict_ = new QLabel;
  verdict_->setTextFormat(Qt::PlainText);  // agents' words are text, never markup
  make_headline(verdict_, 1.5);
  v->addWidget(verdict_);
  auto* split = new QSplitter;
  fields_ = make_table(2);
  txs_ = make_table(1);
  split->addWidget(fields_);
  split->addWidget(txs_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  v->addWidget(split, 1);
  connect(go_button_, &QPushButton::clicked, this, &ExplorerPage::go);
  connect(query_, &QLineEdit::returnPressed, this, &ExplorerPage::go);
  connect(txs_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (auto* item = txs_->item(row, 0)) {
      mode_->setCurrentIndex(0);
      query_->setText(item->text());
      go();
    }
  });
  connect(fields_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    // Follow a parent hash or an evidence digest.
    auto* key = fields_->item(row, 0);
    auto* value = fields_->item(row, 1);
    if (!key || !value || value->text().size() != 64) return;
    mode_->setCurrentIndex(key->data(Qt::UserRole).toBool() ? 1 : 0);
    query_->setText(value->text());
    go();
  });
  retranslate();
}

QString ExplorerPage::title() const { return tr("Explorer"); }

void ExplorerPage::retranslate() {
  mode_->setItemText(0, tr("Block (height or hash) or transaction id"));
  mode_->setItemText(1, tr("Evidence by document digest"));
  query_->setPlaceholderText(tr("e.g. 42, or 64 hex digits"));
  go_button_->setText(tr("Look up"));
  fields_->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
  txs_->setHorizontalHeaderLabels({tr("Transactions in this block (double-click to open)")});
  hint_->setText(tr("Asks the chosen node. Evidence proofs are checked here, against the validator keys of "
                    "the network's genesis, not taken on the node's word."));
  on_explored(shown_);
}

void ExplorerPage::go() {
  if (query_->text().trimmed().isEmpty()) return;
  verdict_->setText(tr("Asking %1…").arg(node_->currentText()));
  emit explore_requested(node_->currentIndex(), query_->text(), mode_->currentIndex() == 1);
}

void ExplorerPage::explore(const QString& query, bool evidence) {
  mode_->setCurrentIndex(evidence ? 1 : 0);
  query_->setText(query);
  go();
}

void ExplorerPage::on_snapshot(const NetworkState& s) {
  if (node_->count() == static_cast<int>(s.nodes.size())) return;
  int keep = node_->currentIndex();
  node_->clear();
  for (const auto& n : s.nodes) node_->addItem(QString::fromStdString(n.name));
  node_->setCurrentIndex(keep >= 0 && keep < node_->count() ? keep : 0);
}

void ExplorerPage::on_explored(const ExplorerResult& r) {
  shown_ = r;
  auto q = [](const std::string& s) { return QString::fromStdString(s); };
  auto when = [](uint64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms)).toString("yyyy-MM-dd HH:mm:ss.zzz");
  };
  std::vector<std::tuple<QString, QString, bool>> rows;  // field, value, value is an evidence digest
  QStringList txs;
  QString verdict;
  QColor colour = palette().color(QPalette::Text), red(0xc0, 0x39, 0x2b);
  switch (r.kind) {
    case ExplorerResult::Kind::kNone:
      if (r.query_error) {
        verdict = *r.query_error == ExplorerQueryError::kNotADigest
                      ? tr("A document digest is 64 hex digits.")
                      : tr("Enter a height, or a block hash or transaction id of 64 hex digits.");
        colour = red;
      } else if (!r.error.empty()) {
        verdict = tr("Not found or refused: %1").arg(translate_agent_error(q(r.error)));
        colour = red;
      }
      break;
    case ExplorerResult::Kind::kBlock: {
      const BlockSummary& b = r.block;
      verdict = tr("Block %1 on %2").arg(b.height).arg(q(r.node));
      rows = {{tr("Height"), QString::number(b.height), false},
              {tr("Hash"), q(b.hash_hex), false},
              {tr("Parent hash"), q(b.parent_hash_hex), false},
              {tr("View"), QString::number(b.view), false},
              {tr("Proposer"), q(b.proposer_hex), false},
              {tr("Time"), when(b.timestamp_ms), false},
              {tr("Protocol version"), QString::number(b.protocol_version), false},
              {tr("State root"), q(b.state_root_hex), false},
              {tr("Transaction root"), q(b.tx_root_hex), false},
              {tr("Validator set hash"), q(b.validator_set_hash_hex), false},
              {tr("Votes in its parent's certificate"), QString::number(b.qc_signatures), false},
              {tr("Transactions"), QString::number(b.tx_ids_hex.size()), false}};
      for (const auto& id : b.tx_ids_hex) txs << q(id);
      break;
    }
    case ExplorerResult::Kind::kTransaction: {
      const TxSummary& t = r.tx;
      verdict = tr("Transaction in block %1").arg(t.height);
      rows = {{tr("Id"), q(t.id_hex), false},
              {tr("Block height"), QString::number(t.height), false},
              {tr("Kind"), q(tx_kind_name(t.kind)), false},
              {tr("Sender"), q(t.sender_hex), false},
              {tr("Nonce"), QString::number(t.nonce), false},
              {tr("Outcome"), t.refused.empty() ? tr("applied") : tr("refused: %1").arg(reason_text(q(t.refused))), false}};
      if (!r.evidence_digest_hex.empty())
        rows.push_back({tr("Evidence digest (double-click to prove)"), q(r.evidence_digest_hex), true});
      break;
    }
    case ExplorerResult::Kind::kEvidence: {
      const auto& p = r.proof;
      const auto& e = r.verdict.evidence.record;
      if (r.verdict.verified) {
        verdict = tr("✔ Verified: the record is on the chain, certified by a quorum of the trusted validators");
        colour = QColor(0x2e, 0x9d, 0x5b);
      } else {
        verdict = tr("✘ Not verified: %1").arg(q(r.verdict.reason));
        colour = red;
      }
      rows = {{tr("Document digest"), q(e.digest.hex()), true},
              {tr("Record type"), q(e.type), false},
              {tr("Owner"), q(e.owner), false},
              {tr("Recorded at"), e.timestamp_ms ? when(e.timestamp_ms) : QString(), false},
              {tr("Submitter"), q(r.verdict.evidence.submitter.hex()), false},
              {tr("State proven at block"), QString::number(p.header.height), false},
              {tr("Block hash"), q(p.block_hash.hex()), false},
              {tr("Certificate votes"), QString::number(p.certificate.votes.size()), false},
              {tr("Crypto suite"), q(p.suite), false},
              {tr("Asked"), q(r.node), false}};
      break;
    }
  }
  verdict_->setText(verdict);
  QPalette pal = verdict_->palette();
  pal.setColor(QPalette::WindowText, colour);
  verdict_->setPalette(pal);
  fields_->setRowCount(static_cast<int>(rows.size()));
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    auto [k, v, digest] = rows[static_cast<size_t>(i)];
    auto* a = new QTableWidgetItem(k);
    a->setData(Qt::UserRole, digest);
    fields_->setItem(i, 0, a);
    fields_->setItem(i, 1, new QTableWidgetItem(v));
  }
  fields_->resizeColumnToContents(0);
  txs_->setRowCount(static_cast<int>(txs.size()));
  for (int i = 0; i < txs.size(); ++i) txs_->setItem(i, 0, new QTableWidgetItem(txs[i]));
}

}  // namespace consortia::console
