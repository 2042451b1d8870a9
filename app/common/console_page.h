// A page of the console's main window: its own widget, its own words
// (retranslate on a language change) and the title its tab shows.
#pragma once

#include <QEvent>
#include <QWidget>

namespace consortia::console {

class ConsolePage : public QWidget {
  Q_OBJECT
 public:
  using QWidget::QWidget;
  // The tab's text, in the user's language (it may carry a count).
  virtual QString title() const = 0;

 signals:
  void title_changed();

 protected:
  // Sets every text of the page; called once built and on LanguageChange.
  virtual void retranslate() = 0;
  void changeEvent(QEvent* e) override {
    if (e->type() == QEvent::LanguageChange) {
      retranslate();
      emit title_changed();
    }
    QWidget::changeEvent(e);
  }
};

}  // namespace consortia::console
