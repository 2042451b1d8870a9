// Risk information sharing: records are found by a salted subject digest, and
// the plain identifier never reaches the chain.
#include <gtest/gtest.h>

#include "state/risk.h"
#include "state/state.h"

namespace consortia {
namespace {

TEST(RiskSharing, MembersFindRecordsByTheSaltedDigestAndAddFeedback) {
  const CryptoSuite& suite = sm2_sm3();
  StateMachine sm(suite);
  auto bank_a = suite.signer_from_seed(sha256(as_bytes("bank-a")));
  auto bank_b = suite.signer_from_seed(sha256(as_bytes("bank-b")));
  const std::string salt = "association-salt-2026", person = "110101199001011234";
  Hash32 subject = risk_subject(suite, salt, person);

  RiskOp publish;
  publish.subject = subject;
  publish.category = "overdue-90d";
  publish.text = "loan overdue, amount band C";
  auto pub = Transaction::create_unbound(suite, *bank_a, TxKind::kRisk, 0, publish.encode());
  RiskOp fb;
  fb.kind = RiskOp::Kind::kFeedback;
  fb.record = pub->id();
  fb.text = "confirmed by bank B";
  auto feedback = Transaction::create_unbound(suite, *bank_b, TxKind::kRisk, 0, fb.encode());
  RiskOp orphan = fb;
  orphan.record = sha256(as_bytes("no such record"));
  auto dangling = Transaction::create_unbound(suite, *bank_b, TxKind::kRisk, 1, orphan.encode());

  auto s = sm.apply(StateSnapshot::empty(suite, kMinProtocolVersion), {pub, feedback, dangling});
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  auto found = risk_query(**s, risk_subject(suite, salt, person));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].category, "overdue-90d");
  EXPECT_EQ(found[0].publisher, suite.node_id(bank_a->public_key()));
  ASSERT_EQ(found[0].feedback.size(), 1u);
  EXPECT_EQ(found[0].feedback[0].second, "confirmed by bank B");
  EXPECT_TRUE(risk_query(**s, risk_subject(suite, "another salt", person)).empty());
  const Bytes* receipt = (*s)->get(StateSnapshot::receipt_key(dangling->id()));
  ASSERT_NE(receipt, nullptr);
  EXPECT_EQ(static_cast<ErrorCode>((*receipt)[0]), ErrorCode::kNotFound);

  // No plain identifier anywhere in the state, keys or values.
  (*s)->scan("", [&](const StateSnapshot::Entry& e) {
    EXPECT_EQ(e.key.find(person), std::string::npos);
    std::string v(e.value.begin(), e.value.end());
    EXPECT_EQ(v.find(person), std::string::npos);
    return true;
  });
}

TEST(RiskSharing, MalformedOperationsAreInvalid) {
  RiskOp empty;  // no subject, no category
  EXPECT_FALSE(RiskOp::decode(empty.encode()).ok());
  RiskOp big;
  big.subject = sha256(as_bytes("x"));
  big.category = "c";
  big.text = std::string(RiskOp::kMaxText + 1, 't');
  EXPECT_FALSE(RiskOp::decode(big.encode()).ok());
  EXPECT_FALSE(RiskOp::decode(Bytes{1, 7}).ok());
}

}  // namespace
}  // namespace consortia
