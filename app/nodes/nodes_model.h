// The nodes table: one row per node of the network snapshot.
#pragma once

#include <QAbstractTableModel>

#include "model/network_state.h"

namespace consortia::console {

class NodesModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    kName, kOrganisation, kRole, kHealth, kHeight, kLag, kView, kProtocol, kPeers, kTps, kCpu, kMemory, kDisk,
    kMempool, kLastBlock, kCount
  };
  using QAbstractTableModel::QAbstractTableModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;

  void set_state(const NetworkState& s);
  const NetworkState& state() const { return state_; }

 private:
  NetworkState state_;
};

}  // namespace consortia::console
