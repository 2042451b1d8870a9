// Small helpers for the console's widgets: read-only tables, headlines.
#pragma once

#include <QHeaderView>
#include <QLabel>
#include <QStringList>
#include <QTableWidget>

namespace consortia::console {

// A read-only table of `columns`, rows selected whole, no row numbers.
inline QTableWidget* make_table(int columns) {
  auto* t = new QTableWidget(0, columns);
  t->verticalHeader()->hide();
  t->horizontalHeader()->setStretchLastSection(true);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionBehavior(QAbstractItemView::SelectRows);
  return t;
}

// A page's headline: the label's font, larger and bold.
inline void make_headline(QLabel* label, double scale) {
  QFont f = label->font();
  f.setPointSizeF(f.pointSizeF() * scale);
  f.setBold(true);
  label->setFont(f);
}

// Row `r` of a table shows `cells`, reusing the row's items.
inline void set_row(QTableWidget* t, int r, const QStringList& cells) {
  for (int c = 0; c < cells.size(); ++c) {
    auto* item = t->item(r, c);
    if (!item) t->setItem(r, c, item = new QTableWidgetItem);
    item->setText(cells[c]);
  }
}

}  // namespace consortia::console
