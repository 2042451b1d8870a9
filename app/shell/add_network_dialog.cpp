#include "shell/add_network_dialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <vector>

#include "common/wording.h"
#include "model/inventory.h"

namespace consortia::console {
namespace {

class AddNetworkDialog : public QDialog {
  Q_OBJECT
 public:
  AddNetworkDialog(QWidget* parent, QString inventory_path) : QDialog(parent), inventory_path_(std::move(inventory_path)) {
    setWindowTitle(tr("Add an existing network"));
    auto* form = new QFormLayout(this);
    name_ = new QLineEdit;
    agents_ = new QPlainTextEdit;
    agents_->setPlaceholderText(tr("One agent per line: node name=host:port"));
    agents_->setMinimumHeight(100);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Agents"), agents_);
    const QString labels[] = {tr("CA bundle (PEM)"), tr("Client certificate (PEM)"), tr("Client key (PEM)"),
                              tr("Operator certificate (optional)"), tr("Operator key (optional)"),
                              tr("Genesis (optional, to check evidence proofs)")};
    for (const QString& label : labels) {
      auto* row = new QHBoxLayout;
      auto* edit = new QLineEdit;
      auto* pick = new QPushButton(tr("Choose…"));
      connect(pick, &QPushButton::clicked, this, [this, edit, label] {
        QString f = QFileDialog::getOpenFileName(this, label);
        if (!f.isEmpty()) edit->setText(f);
      });
      row->addWidget(edit, 1);
      row->addWidget(pick);
      form->addRow(label, row);
      files_.push_back(edit);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddNetworkDialog::save);
    resize(640, sizeHint().height());
  }
  QString added() const { return added_; }

 private:
  void save() {
    InventoryError error;
    InventoryNetwork n;
    n.name = name_->text().trimmed().toStdString();
    auto parsed = parse_agents(agents_->toPlainText().toStdString(), &error);
    if (parsed) n.agents = *parsed;
    n.ca_bundle = files_[0]->text().toStdString();
    n.certificate = files_[1]->text().toStdString();
    n.key = files_[2]->text().toStdString();
    n.operator_certificate = files_[3]->text().toStdString();
    n.operator_key = files_[4]->text().toStdString();
    n.genesis = files_[5]->text().toStdString();
    auto inv = parsed ? Inventory::open(inventory_path_.toStdString(), &error) : nullptr;
    if (!parsed || !inv || !inv->add(n, &error)) {
      QMessageBox::warning(this, tr("Add an existing network"), tr("Not added: %1").arg(inventory_error_text(error)));
      return;  // the dialog stays open with what was typed
    }
    added_ = name_->text().trimmed();
    accept();
  }

  QString inventory_path_, added_;
  QLineEdit* name_;
  QPlainTextEdit* agents_;
  std::vector<QLineEdit*> files_;
};

}  // namespace

QString add_network_dialog(QWidget* parent, const QString& inventory_path) {
  AddNetworkDialog d(parent, inventory_path);
  d.exec();
  return d.added();
}

}  // namespace consortia::console

#include "add_network_dialog.moc"
