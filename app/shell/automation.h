// Switches for tests, benchmarks and screenshots, kept apart from the
// user's options and hidden from --help: act as the user would once
// connected (apply a fault, partition, open a node, look something up),
// write what the console shows to files (--report), take a screenshot,
// record a fixture, or measure the console (--measure).
#pragma once

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <optional>

namespace consortia::console {

class ConsoleSession;
class MainWindow;
enum class Page;

struct AutomationOptions {
  QString screenshot;  // save a picture of the window after screenshot_after ms, and quit
  int screenshot_after = 6000;
  std::optional<Page> page;  // the page shown first (or just before the picture)
  QString report;            // report files: what the console shows, after every update
  QString apply_fault;       // NODE=RULE, as the Apply button does
  QString apply_link_fault;  // NODE>PEER=RULE, as the peers table's menu does
  QString partition;         // NODE[,NODE...] from the rest, healed after heal_after ms
  int heal_after = 8000;
  QString record;  // a recording of what was seen, after record_after ms, and quit
  int record_after = 30000;
  QString show_node;  // open this node's detail
  QString explore;    // look this up in the explorer
  bool explore_evidence = false;
  double measure = 0;  // seconds: print the console's own figures and quit
  QString wizard;      // open the lifecycle wizard of this kind (join, exit, backup, restore, migrate)
  QString vote;        // ORG:PROPOSAL_HEX: approve as the Proposals page's button does
  // A run that ends by itself (screenshot, recording, measurement): no
  // dialog may wait for a person.
  bool unattended() const { return !screenshot.isEmpty() || !record.isEmpty() || measure > 0; }
};

class Automation : public QObject {
  Q_OBJECT
 public:
  static void add_options(QCommandLineParser& cli);
  // False with the reason on a bad value.
  static bool read_options(const QCommandLineParser& cli, AutomationOptions& o, QString* why);

  // Installs what `o` asks for on a session and its window (before start).
  Automation(const AutomationOptions& o, ConsoleSession& session, MainWindow& w, const QElapsedTimer& since_start);

 private:
  void write_reports();
  void act();
  void measure();
  AutomationOptions o_;
  ConsoleSession& session_;
  MainWindow& w_;
  QElapsedTimer since_start_;
};

}  // namespace consortia::console
