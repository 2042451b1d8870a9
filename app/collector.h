// Polls every agent of a network for its status and publishes network
// snapshots. Threading contract: a Collector lives on its own QThread; every
// public slot runs there, through that thread's event loop; gRPC calls block
// only that thread (each has a deadline). Signals reach the GUI thread
// queued.
#pragma once

#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

#include "core/network_state.h"

namespace consortia::agent {
struct ClientIdentity;
}

namespace consortia::console {

struct Endpoint {
  std::string name, organisation, api_address, metrics_address, id_hex;
};

class Collector : public QObject {
  Q_OBJECT
 public:
  Collector(std::vector<Endpoint> endpoints, std::shared_ptr<const agent::ClientIdentity> identity);
  ~Collector() override;

 public slots:
  void start(int interval_ms);
  void poll_now();

 signals:
  void snapshot(consortia::console::NetworkState state);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  QTimer* timer_ = nullptr;
};

}  // namespace consortia::console

Q_DECLARE_METATYPE(consortia::console::NetworkState)
