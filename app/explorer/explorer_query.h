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
  // The validator keys evidence proofs are checked against, before use.
  void set_trusted_validators(std::vector<Bytes> keys, const CryptoSuite* suite) {
    trusted_ = std::move(keys);
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
  std::vector<Bytes> trusted_;
  const CryptoSuite* suite_ = nullptr;
};

}  // namespace consortia::console
