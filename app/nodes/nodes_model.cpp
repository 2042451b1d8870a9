#include "nodes/nodes_model.h"

#include <QColor>
#include <QDateTime>

#include "common/health.h"

namespace consortia::console {

int NodesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(state_.nodes.size());
}

int NodesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kCount; }

QVariant NodesModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= kCount) return {};
  const NodeState& n = state_.nodes[static_cast<size_t>(index.row())];
  uint64_t top = state_.max_height();
  Health h = health_of(n, top, state_.at_ms);
  if (role == Qt::ForegroundRole && index.column() == kHealth) return health_color(h);
  if (role == Qt::TextAlignmentRole && index.column() >= kHeight && index.column() != kLastBlock)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole && !n.error.empty()) return QStringLiteral("<p>%1</p>").arg(QString::fromStdString(n.error).toHtmlEscaped());  // text, never markup
  if (role == Qt::ToolTipRole && index.column() == kMemory && n.simulated)
    return tr("A simulated node has no process of its own: this is its share of the simulator process's memory.");
  bool sort = role == Qt::UserRole;
  if (role != Qt::DisplayRole && !sort) return {};
  switch (index.column()) {
    case kName: {
      // Natural order: node-2 before node-10.
      return QString::fromStdString(sort ? natural_key(n.name) : n.name);
    }
    case kOrganisation: return QString::fromStdString(n.organisation);
    case kRole:
      if (!n.reachable && n.role.empty()) return QString();
      return n.role == "validator" ? tr("validator") : tr("observer");
    case kHealth: return sort ? QVariant(static_cast<int>(h)) : QVariant(health_text(h));
    case kHeight: return QVariant::fromValue<qulonglong>(n.height);
    case kLag: return QVariant::fromValue<qulonglong>(top > n.height ? top - n.height : 0);
    case kView: return QVariant::fromValue<qulonglong>(n.view);
    case kProtocol: return n.protocol_version ? QVariant(n.protocol_version) : QVariant();
    case kPeers: {
      int up = 0;
      for (const auto& p : n.peers) up += p.connected;
      return sort ? QVariant(up) : QVariant(QStringLiteral("%1/%2").arg(up).arg(n.peers.size()));
    }
    case kTps:
      if (!n.reachable) return {};
      return sort ? QVariant(n.tps) : QVariant(QString::number(n.tps, 'f', 1));
    case kCpu:
      if (!n.reachable) return {};
      return sort ? QVariant(n.cpu_percent) : QVariant(QString::number(n.cpu_percent, 'f', 0) + "%");
    case kMemory: {
      if (!n.reachable) return {};
      // A simulated node: its share of the one simulator process, or just that it is simulated.
      uint64_t bytes = n.simulated ? n.memory_share_bytes : n.rss_bytes;
      if (sort) return QVariant::fromValue<qulonglong>(bytes);
      QString mib = QString::number(static_cast<double>(bytes) / (1 << 20), 'f', 0);
      if (n.simulated) return bytes ? QVariant("≈" + mib + " MiB") : QVariant(tr("simulated"));
      return bytes ? QVariant(mib + " MiB") : QVariant();
    }
    case kDisk: {
      if (!n.reachable || n.disk_total_bytes == 0) return {};
      double used = 100.0 * static_cast<double>(n.disk_total_bytes - n.disk_free_bytes) /
                    static_cast<double>(n.disk_total_bytes);
      return sort ? QVariant(used)
                  : QVariant(tr("%1 MiB · %2% full")
                                 .arg(static_cast<double>(n.disk_used_bytes) / (1 << 20), 0, 'f', 1)
                                 .arg(used, 0, 'f', 0));
    }
    case kMempool: return QVariant::fromValue<qulonglong>(n.mempool);
    case kLastBlock:
      if (n.last_block_time_ms <= 0) return {};
      return sort ? QVariant::fromValue<qlonglong>(n.last_block_time_ms)
                  : QVariant(QDateTime::fromMSecsSinceEpoch(n.last_block_time_ms).toString("HH:mm:ss.zzz"));
  }
  return {};
}

QVariant NodesModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kName: return tr("Node");
    case kOrganisation: return tr("Organisation");
    case kRole: return tr("Role");
    case kHealth: return tr("Health");
    case kHeight: return tr("Height");
    case kLag: return tr("Lag");
    case kView: return tr("View");
    case kProtocol: return tr("Protocol");
    case kPeers: return tr("Peers");
    case kTps: return tr("TPS");
    case kCpu: return tr("CPU");
    case kMemory: return tr("Memory");
    case kDisk: return tr("Disk (data · volume)");
    case kMempool: return tr("Mempool");
    case kLastBlock: return tr("Last block");
  }
  return {};
}

void NodesModel::set_state(const NetworkState& s) {
  if (s.nodes.size() != state_.nodes.size()) {
    beginResetModel();
    state_ = s;
    endResetModel();
    return;
  }
  state_ = s;
  if (!state_.nodes.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, kCount - 1));
}

}  // namespace consortia::console
