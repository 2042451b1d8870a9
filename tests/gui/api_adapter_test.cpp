// The console's one adapter from the agents' API: what an agent answers
// becomes model types, and an agent's hostile answer cannot hurt the
// console (audit lines are short flat JSON objects or shown as text).
#include <gtest/gtest.h>

#include <chrono>

#include "agents/api_adapter.h"

namespace consortia::console {
namespace {

TEST(ApiAdapter, AnAuditLineBecomesAnEntry) {
  auto e = audit_entry(R"({"time_ms":1764201600000,"who":"operator@org-1","organisation":"org-1","role":"operator",)"
                       R"("call":"SetFaults","detail":"loss 10%","result":"ok"})");
  EXPECT_EQ(e.time_ms, 1764201600000);
  EXPECT_EQ(e.who, "operator@org-1");
  EXPECT_EQ(e.call, "SetFaults");
  EXPECT_EQ(e.detail, "loss 10%");
  EXPECT_EQ(e.result, "ok");
}

TEST(ApiAdapter, HostileAuditLinesAreTextNotAllocations) {
  // 64 MiB of nesting would cost gigabytes as a JSON tree: cut, never parsed.
  std::string deep(64u << 20, '[');
  auto started = std::chrono::steady_clock::now();
  auto e = audit_entry(deep);
  EXPECT_LT(e.detail.size(), 1024u);
  EXPECT_TRUE(e.call.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  // Nesting within the size limit is not kept either.
  auto nested = audit_entry(R"({"call":{"a":[[[[1]]]]},"who":"x"})");
  EXPECT_TRUE(nested.call.empty());
  EXPECT_EQ(nested.who, "x");
  // A time that is not an integer is no time; neither is garbage a crash.
  EXPECT_EQ(audit_entry(R"({"time_ms":1e300,"call":"X"})").time_ms, 0);
  EXPECT_EQ(audit_entry(R"({"time_ms":18446744073709551615})").time_ms, INT64_MAX);
  EXPECT_EQ(audit_entry("not json at all").detail, "not json at all");
  EXPECT_TRUE(audit_entry("[1,2,3]").call.empty());
}

TEST(ApiAdapter, EquivocationsTheAgentHoldsReachTheNodesState) {
  v1::NodeStatus st;
  auto* e = st.add_equivocations();
  e->set_offender(std::string(32, '\x03'));
  e->set_offender_name("node-3");
  e->set_offender_organisation("org-3");
  e->set_kind("vote");
  e->set_view(41);
  e->set_offender_is_validator(true);
  NodeState n;
  n.equivocations.push_back({"stale", "", "", "vote", 1, true});
  apply_status(st, n);
  ASSERT_EQ(n.equivocations.size(), 1u) << "what the agent holds now, not what it held";
  std::string threes;
  for (int i = 0; i < 32; ++i) threes += "03";
  EXPECT_EQ(n.equivocations[0], (EquivocationReport{threes, "node-3", "org-3", "vote", 41, true}));
}

TEST(ApiAdapter, StatusFillsTheNodeAndRawIdsBecomeHex) {
  v1::NodeStatus st;
  st.set_node_id(std::string(32, '\x01'));
  st.set_organisation("org-2");
  st.set_height(42);
  st.set_simulated(true);
  st.set_memory_share_bytes(3u << 20);
  for (const char* name : {"node-10", "node-1", "node-2"}) {  // as an agent may list them
    auto* p = st.add_peers();
    p->set_node_id(std::string(32, '\x02'));
    p->set_name(name);
    p->set_connected(true);
  }
  NodeState n;
  n.name = "node-2";
  apply_status(st, n);
  EXPECT_EQ(n.organisation, "org-2");
  std::string ones;
  for (int i = 0; i < 32; ++i) ones += "01";
  EXPECT_EQ(n.id_hex, ones);
  EXPECT_EQ(n.height, 42u);
  EXPECT_TRUE(n.simulated);
  EXPECT_EQ(n.memory_share_bytes, 3u << 20);
  ASSERT_EQ(n.peers.size(), 3u);
  EXPECT_EQ(n.peers[0].id_hex.substr(0, 4), "0202");
  EXPECT_EQ(n.peers[0].name, "node-1");  // natural order
  EXPECT_EQ(n.peers[1].name, "node-2");
  EXPECT_EQ(n.peers[2].name, "node-10");
  EXPECT_EQ(raw_of(hex_of("\x07\x08")), "\x07\x08");
  EXPECT_EQ(raw_of("zz"), "");
}

}  // namespace
}  // namespace consortia::console
