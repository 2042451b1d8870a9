// The explorer, worker side: looks a height, a block hash, a transaction id
// or a document digest up on one node, and checks an evidence proof against
// the validator keys the console trusts (the network's genesis). Worker
// thread (agents/collector.h).
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

#include "agents/agent_links.h"
#include "agents/metatypes.h"
#include "crypto/crypto_suite.h"

namespace consortia::console {

class ExplorerQuery : public QObject {
  Q_OBJECT
 public:
  explicit ExplorerQuery(std::shared_ptr<AgentLinks> links) : links_(std::move(links)) {}
  // The chain id and validator keys evidence proofs are checked against
  // (from the network's genesis), before use.
  void set_trusted_chain(TrustedChain trusted, const CryptoSuite* suite) {
    trusted_ = std::move(trusted);
    suite_ = suite;
  }

 public slots:
  void explore(int node, QString query, bool evidence);

 signals:
  void explored(consortia::console::ExplorerResult result);

 private:
  void prove(v1::AgentService::Stub& stub, const std::string& digest, ExplorerResult& r);
  void look_up(v1::AgentService::Stub& stub, const std::string& id, ExplorerResult& r);
  std::shared_ptr<AgentLinks> links_;
  TrustedChain trusted_;
  const CryptoSuite* suite_ = nullptr;
};

}  // namespace consortia::console
