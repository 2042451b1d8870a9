// The lifecycle pages' worker side (Runbooks, Hosts, Proposals), on the
// session's lifecycle thread: SSH and governance calls block for seconds,
// so neither the GUI thread nor the collector's worker waits on them.
// LifecycleQuery lists and acts; RunbookRunner runs one runbook at a time
// on a thread of its own, while the list keeps showing its progress. Each
// opens its own SQLite connections (history.db) and network directory.
#pragma once

#include <QObject>
#include <QString>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "lifecycle/flows.h"
#include "model/proposals.h"
#include "model/runbook.h"

namespace consortia::console {

struct LifecyclePlace {
  std::string db_path;       // the console's history.db
  std::string network_dir;   // empty: the network is not a directory (an inventory network)
  std::string agent_binary;  // the consortia-agent copied to hosts
  std::string archive_dir;   // backups and retired nodes' archives by default
};

class LifecycleQuery : public QObject {
  Q_OBJECT
 public:
  explicit LifecycleQuery(LifecyclePlace place) : place_(std::move(place)) {}

 public slots:
  void refresh_runbooks();
  void cancel(qint64 id);
  void refresh_hosts();
  // Adds a host over SSH; `fingerprint` the one the user confirmed (or empty).
  void add_host(QString name, QString target, QString key_file, QString fingerprint);
  void check_host(QString name);
  void refresh_proposals();
  void vote(QString organisation, QString proposal_hex, bool withdraw);
  // Proposes, as `organisation`'s admin, removing the validator `node`
  // (by name) for equivocating: only when the agents hold evidence against
  // it that verifies here (NetworkAccess::equivocations).
  void propose_removal(QString organisation, QString node);
  // Opens an organisation's encrypted governance key (memory only).
  void set_admin_passphrase(QString organisation, QString passphrase);
  // The upgrades' readiness matrix (lifecycle/upgrade.h), and staging a
  // release on every node.
  void refresh_readiness();
  void stage(QString binary, QString release);

 signals:
  void runbooks(std::vector<consortia::console::RunbookRecord> list);
  void hosts(std::vector<consortia::console::HostRecord> list);
  // A refusal to add a host: its code and detail (the fingerprint for host_key_unknown).
  void host_refused(QString name, QString code, QString detail);
  void host_checked(QString name, QString report, bool ok);
  void proposals(std::vector<consortia::console::ProposalView> list, QStringList admin_organisations);
  void message(QString text);
  void readiness(QString matrix_json);

 private:
  bool open();
  LifecyclePlace place_;
  std::unique_ptr<RunbookStore> runbooks_;
  std::unique_ptr<HostStore> hosts_;
  std::unique_ptr<NetworkAccess> network_;
  std::map<std::string, std::string> admin_passphrases_;  // by organisation
};

class RunbookRunner : public QObject {
  Q_OBJECT
 public:
  explicit RunbookRunner(LifecyclePlace place) : place_(std::move(place)) {}

 public slots:
  // kind: join, exit, backup, restore, migrate, upgrade (plan, release, in_s,
  // canary), rollback (plan); params as the request's fields
  // (JSON). `ca_passphrase` opens an encrypted CA key: kept in memory for this
  // run only, never in the runbook's record.
  void start(QString kind, QString params_json, QString ca_passphrase);
  void resume(qint64 id, QString ca_passphrase);
  // Opens an organisation's encrypted governance key (memory only).
  void set_admin_passphrase(QString organisation, QString passphrase) {
    admin_passphrases_[organisation.toStdString()] = passphrase.toStdString();
  }

 signals:
  void refused(QString code, QString detail);
  void finished(qint64 id, int state);
  void changed();

 private:
  LifecyclePlace place_;
  std::map<std::string, std::string> admin_passphrases_;  // by organisation
};

}  // namespace consortia::console
