// The console's models and language files, without a display: the nodes
// model against Qt's model tester, health rules on constructed snapshots,
// and every string in the sources translated in zh_CN.
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include "model/network_state.h"
#include "common/reasons.h"
#include "nodes/nodes_model.h"

namespace consortia::console {
namespace {

NodeState node(std::string name, uint64_t height, bool reachable = true, std::string halted = "") {
  NodeState n;
  n.name = name;
  n.organisation = "org-" + name.substr(name.size() - 1);
  n.id_hex = name + "-id";
  n.reachable = reachable;
  n.polled_ms = reachable ? 1000 : 0;
  n.height = height;
  n.role = "validator";
  n.halted = halted;
  n.leader_hex = "node-1-id";
  return n;
}

NetworkState state(std::vector<NodeState> nodes) {
  NetworkState s;
  s.at_ms = 1500;
  s.nodes = std::move(nodes);
  return s;
}

TEST(ConsoleCore, HealthIsSyncedLaggingHaltedOrUnreachable) {
  auto s = state({node("node-0", 100), node("node-1", 99), node("node-2", 90), node("node-3", 100, false),
                  node("node-4", 100, true, "upgrade needed: plan v2, version 2")});
  uint64_t top = s.max_height();
  EXPECT_EQ(top, 100u);
  EXPECT_EQ(health_of(s.nodes[0], top, s.at_ms), Health::kSynced);
  EXPECT_EQ(health_of(s.nodes[1], top, s.at_ms), Health::kSynced);  // within kLagBlocks
  EXPECT_EQ(health_of(s.nodes[2], top, s.at_ms), Health::kLagging);
  EXPECT_EQ(health_of(s.nodes[3], top, s.at_ms), Health::kUnreachable);
  EXPECT_EQ(health_of(s.nodes[4], top, s.at_ms), Health::kHalted);
  // An answer older than kStaleMs is stale: unreachable now.
  EXPECT_EQ(health_of(s.nodes[0], top, 1000 + kStaleMs + 1), Health::kUnreachable);
  EXPECT_EQ(consensus_leader(s), "node-1-id");
}

TEST(ConsoleModels, NodesModelPassesQtsModelTesterThroughUpdates) {
  NodesModel m;
  QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
  m.set_state(state({node("node-0", 10), node("node-1", 9)}));
  EXPECT_EQ(m.rowCount(), 2);
  EXPECT_EQ(m.columnCount(), NodesModel::kCount);
  m.set_state(state({node("node-0", 11), node("node-1", 11)}));  // same shape: dataChanged
  m.set_state(state({node("node-0", 12), node("node-1", 12), node("node-2", 3)}));  // grows: reset
  EXPECT_EQ(m.rowCount(), 3);
  EXPECT_EQ(m.data(m.index(2, NodesModel::kLag), Qt::DisplayRole).toULongLong(), 9u);
  EXPECT_EQ(m.data(m.index(2, NodesModel::kHealth), Qt::DisplayRole).toString(), "lagging");
  EXPECT_EQ(m.data(m.index(0, NodesModel::kPeers), Qt::DisplayRole).toString(), "0/0");
  m.set_state(state({}));
  EXPECT_EQ(m.rowCount(), 0);
}

// A simulated node has no process of its own: the Memory column says so,
// with its share of the simulator's memory, instead of staying blank.
TEST(ConsoleModels, MemoryOfASimulatedNodeIsItsShareOrSaysSimulated) {
  NodesModel m;
  NodeState own = node("node-0", 10), shared = node("node-1", 10), unknown = node("node-2", 10);
  own.rss_bytes = 40u << 20;
  shared.simulated = true;
  shared.memory_share_bytes = 3u << 20;
  unknown.simulated = true;
  m.set_state(state({own, shared, unknown}));
  auto memory = [&](int row) { return m.data(m.index(row, NodesModel::kMemory), Qt::DisplayRole).toString(); };
  EXPECT_EQ(memory(0), "40 MiB");
  EXPECT_EQ(memory(1), "≈3 MiB");  // an estimate; the tooltip says whose
  EXPECT_EQ(memory(2), "simulated");
  EXPECT_FALSE(m.data(m.index(1, NodesModel::kMemory), Qt::ToolTipRole).toString().isEmpty());
}

TEST(ConsoleCore, AgentReasonCodesBecomeWordsAndKeepTheDetail) {
  EXPECT_EQ(translate_agent_error("quorum_at_risk: after the change 5 validators need 4").toStdString(),
            "Would leave the live validators short of a quorum (after the change 5 validators need 4)");
  EXPECT_EQ(translate_agent_error("unauthorised: role 'viewer'").toStdString(), "Not authorised (role 'viewer')");
  EXPECT_EQ(translate_agent_error("no code here").toStdString(), "no code here");
  EXPECT_EQ(translate_agent_error("some_new_code: x").toStdString(), "some_new_code: x");
}

// Every source string of the console, as lupdate finds it now, has a
// finished Chinese translation.
TEST(ConsoleTranslations, EveryVisibleStringIsTranslatedInZhCn) {
  QString src = CONSORTIA_SOURCE_DIR;
  QTemporaryDir tmp;
  ASSERT_TRUE(tmp.isValid());
  QString fresh = tmp.path() + "/scan.ts";
  QProcess lupdate;
  lupdate.start("/usr/lib/qt6/bin/lupdate", {src + "/app", "-ts", fresh, "-silent"});
  ASSERT_TRUE(lupdate.waitForFinished(60000)) << "lupdate did not run";
  ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
  auto read = [](const QString& path, bool translations) {
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader x(&f);
    QMap<QString, QString> out;  // context/source -> translation
    QString context, source;
    while (!x.atEnd()) {
      x.readNext();
      if (!x.isStartElement()) continue;
      if (x.name() == QLatin1String("name")) context = x.readElementText();
      else if (x.name() == QLatin1String("source")) source = x.readElementText();
      else if (x.name() == QLatin1String("translation")) {
        bool unfinished = x.attributes().value("type") == QLatin1String("unfinished");
        QString t = x.readElementText();
        out[context + "/" + source] = translations && !unfinished ? t : QString();
      }
    }
    return out;
  };
  auto scanned = read(fresh, false);
  auto zh = read(src + "/translations/consortia_zh_CN.ts", true);
  ASSERT_GT(scanned.size(), 40);
  QStringList missing;
  for (auto it = scanned.begin(); it != scanned.end(); ++it)
    if (zh.value(it.key()).isEmpty()) missing << it.key();
  EXPECT_TRUE(missing.isEmpty()) << "untranslated in zh_CN (run lupdate and translate): "
                                 << missing.join(" | ").toStdString();
}

}  // namespace
}  // namespace consortia::console

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
