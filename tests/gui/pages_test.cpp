// Console pages on their own (offscreen, no agents): what a click on the
// Alerts page asks for, and what the lifecycle wizard starts.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDateTime>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <nlohmann/json.hpp>

#include "agents/metatypes.h"
#include "alerts/alerts_page.h"
#include "model/alerts.h"
#include "runbooks/lifecycle_dialog.h"

namespace consortia::console {
namespace {

AlertRecord alert(const std::string& node, const char* rule, double value, int64_t cleared_ms = 0) {
  AlertRecord a;
  a.node = node;
  a.rule = rule;
  a.value = value;
  a.raised_ms = 1'700'000'000'000;
  a.cleared_ms = cleared_ms;
  return a;
}

// An expiring certificate's alert offers its renewal, for that node only;
// other alerts, a cleared one, or a network without its directory do not.
TEST(AlertsPage, AnExpiringCertificatesAlertOffersItsRenewalForThatNode) {
  AlertsPage page;
  page.set_governance_available(true);
  AlertsView v;
  v.records = {alert("node-2", kAlertCertificate, 5), alert("node-1", kAlertStalled, 40),
               alert("node-3", kAlertCertificate, 2, 1'700'000'100'000)};
  page.on_alerts(v);
  auto* table = page.findChild<QTableWidget*>();
  auto* renew = page.findChild<QPushButton*>("renew_certificate");
  ASSERT_TRUE(table && renew);
  QSignalSpy asked(&page, &AlertsPage::renewal_requested);
  table->setCurrentCell(0, 0);
  EXPECT_TRUE(renew->isEnabled());
  renew->click();
  ASSERT_EQ(asked.count(), 1);
  EXPECT_EQ(asked.takeFirst().at(0).toString(), "node-2");
  table->setCurrentCell(1, 0);
  EXPECT_FALSE(renew->isEnabled()) << "a stalled node is not renewed";
  table->setCurrentCell(2, 0);
  EXPECT_FALSE(renew->isEnabled()) << "a cleared alert offers nothing";
  page.set_governance_available(false);
  table->setCurrentCell(0, 0);
  EXPECT_FALSE(renew->isEnabled());
  EXPECT_TRUE(renew->isHidden()) << "offered for a network opened without its directory";
}

// An equivocation's alert offers to propose the validator's removal; an
// expiring certificate's does not.
TEST(AlertsPage, AnEquivocationsAlertOffersTheValidatorsRemoval) {
  AlertsPage page;
  page.set_governance_available(true);
  AlertsView v;
  v.records = {alert("node-3", kAlertEquivocation, 17), alert("node-2", kAlertCertificate, 5)};
  page.on_alerts(v);
  auto* table = page.findChild<QTableWidget*>();
  auto* remove = page.findChild<QPushButton*>("propose_removal");
  ASSERT_TRUE(table && remove);
  QSignalSpy asked(&page, &AlertsPage::removal_requested);
  table->setCurrentCell(0, 0);
  ASSERT_TRUE(remove->isEnabled());
  remove->click();
  ASSERT_EQ(asked.count(), 1);
  EXPECT_EQ(asked.takeFirst().at(0).toString(), "node-3");
  table->setCurrentCell(1, 0);
  EXPECT_FALSE(remove->isEnabled());
}

NodeState node(const std::string& name, const std::string& role, int64_t expires_s) {
  NodeState n;
  n.name = name;
  n.organisation = "org-" + name.substr(name.size() - 1);
  n.role = role;
  n.reachable = true;
  n.certificate_expires_s = expires_s;
  return n;
}

// The renewal wizard starts on the node whose certificate expires first,
// takes the node the alert named, and passes the CA key file given.
TEST(LifecycleDialog, TheRenewalWizardChoosesTheSoonestExpiringNodeOrTheOneNamed) {
  int64_t now = QDateTime::currentSecsSinceEpoch();
  NetworkState s;
  s.nodes = {node("node-0", "validator", now + 800 * 86400), node("node-1", "validator", now + 5 * 86400),
             node("node-2", "observer", now + 400 * 86400)};
  LifecycleDialog d("renew", s, {});
  auto params = nlohmann::json::parse(d.params_json().toStdString());
  EXPECT_EQ(params.value("name", ""), "node-1");
  EXPECT_FALSE(params.contains("ca_key"));
  d.choose_node("node-2");
  EXPECT_EQ(nlohmann::json::parse(d.params_json().toStdString()).value("name", ""), "node-2");
  d.choose_node("no-such-node");
  EXPECT_EQ(nlohmann::json::parse(d.params_json().toStdString()).value("name", ""), "node-2");
}

}  // namespace
}  // namespace consortia::console

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  consortia::console::register_metatypes();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
