#include "runbooks/lifecycle_query.h"

#include <QCoreApplication>
#include <chrono>
#include <filesystem>
#include <thread>

#include "agents/api_adapter.h"
#include "lifecycle/lifecycle_text.h"
#include "lifecycle/upgrade.h"

namespace consortia::console {
using nlohmann::json;

bool LifecycleQuery::open() {
  std::string error;
  if (!runbooks_) runbooks_ = RunbookStore::open(place_.db_path, &error);
  if (!hosts_) hosts_ = HostStore::open(place_.db_path, &error);
  if (!network_ && !place_.network_dir.empty()) {
    if (auto n = NetworkAccess::open(place_.network_dir, place_.agent_binary)) network_ = std::move(*n);
    if (network_)
      for (const auto& [org, pass] : admin_passphrases_) network_->set_admin_passphrase(pass, org);
  }
  return runbooks_ && hosts_;
}

void LifecycleQuery::refresh_runbooks() {
  if (!open()) return;
  // This network's runbooks (consortia-ctl runbook list shows every network's).
  std::vector<RunbookRecord> mine;
  for (auto& r : runbooks_->list())
    if (r.network == place_.network_dir) mine.push_back(std::move(r));
  emit runbooks(mine);
}

void LifecycleQuery::cancel(qint64 id) {
  if (!open()) return;
  runbooks_->request_cancel(id);
  refresh_runbooks();
}

void LifecycleQuery::refresh_readiness() {
  if (!open() || !network_) return;
  emit readiness(QString::fromStdString(readiness_matrix(*network_).dump()));
}

void LifecycleQuery::stage(QString binary, QString release) {
  if (!open() || !network_) return;
  json r = stage_release(*network_, binary.toStdString(), release.toStdString(), {}, {});
  int ok = 0;
  QString failures;
  for (const auto& x : r) {
    if (x.value("ok", false)) ++ok;
    else
      failures += "\n" + QString::fromStdString(x.value("node", "")) + ": " +
                  refusal_text(x["error"].value("code", ""), x["error"].value("message", ""));
  }
  emit message(QCoreApplication::translate("Lifecycle", "Release %1 staged on %2 of %3 nodes")
                   .arg(release)
                   .arg(ok)
                   .arg(r.size()) +
               failures);
  refresh_readiness();
}

void LifecycleQuery::refresh_hosts() {
  if (!open()) return;
  emit hosts(hosts_->list());
}

void LifecycleQuery::add_host(QString name, QString target, QString key_file, QString fingerprint) {
  if (!open()) return;
  HostRecord h;
  h.name = name.toStdString();
  if (h.name.empty() || h.name == "local" || !parse_ssh_target(target.toStdString(), h)) {
    emit host_refused(name, "bad_target", target.toStdString().c_str());
    return;
  }
  h.key_file = std::filesystem::absolute(key_file.toStdString()).string();
  HostError e;
  auto host = connect_ssh(h, *hosts_, fingerprint.toStdString(), &e);
  if (!host) {
    emit host_refused(name, QString::fromStdString(e.code), QString::fromStdString(e.detail));
    return;
  }
  h.fingerprint = hosts_->known_key(h.address, h.port).value_or("");
  hosts_->save(h);
  emit hosts(hosts_->list());
  emit message(QCoreApplication::translate("Lifecycle", "Host %1 added (%2)").arg(name, QString::fromStdString(h.fingerprint)));
}

void LifecycleQuery::check_host(QString name) {
  if (!open()) return;
  HostError e;
  auto host = open_host(name.toStdString(), *hosts_, &e);
  if (!host) {
    emit host_checked(name, refusal_text(e.code, e.detail), false);
    return;
  }
  auto p = probe_host(*host, "/var/lib/consortia", "/var/lib/consortia/bin/consortia-agent");
  if (!p) {
    emit host_checked(name, refusal_text(error_code_name(p.error().code), p.error().detail), false);
    return;
  }
  auto v = judge_host(*p, {}, kMinFreeBytes, CONSORTIA_VERSION);
  QString report = QCoreApplication::translate("Lifecycle", "%1 (%2); %3 MiB free; clock %4 ms (± %5); agent %6; systemd %7")
                       .arg(QString::fromStdString(p->os), QString::fromStdString(p->hostname))
                       .arg(p->free_bytes >> 20)
                       .arg(p->clock_offset_ms)
                       .arg(p->rtt_ms / 2)
                       .arg(p->agent_version.empty() ? QStringLiteral("-") : QString::fromStdString(p->agent_version),
                            p->systemd ? QCoreApplication::translate("Lifecycle", "yes")
                                       : QCoreApplication::translate("Lifecycle", "no"));
  for (const auto& w : v.warnings) report += "\n! " + refusal_text(w.code, w.detail);
  for (const auto& r : v.refusals) report += "\n✗ " + refusal_text(r.code, r.detail);
  emit host_checked(name, report, v.ok());
}

void LifecycleQuery::refresh_proposals() {
  if (!open() || !network_) return;
  auto all = network_->proposals();
  if (!all) return;
  std::vector<ProposalView> out;
  for (const auto& p : *all) {
    out.push_back(proposal_view(p));
    for (const auto& n : network_->info().nodes)  // a node by its name
      if (n.id.hex() == out.back().target) out.back().target = n.name;
  }
  QStringList admins;
  for (const auto& org : network_->organisations())
    // Its admin certificate to reach its agents, its governance key to sign.
    if (std::filesystem::exists(network_->info().client_certificate(org, "admin")) &&
        std::filesystem::exists(network_->governance_key_file(org)))
      admins << QString::fromStdString(org);
  emit proposals(out, admins);
}

void LifecycleQuery::vote(QString organisation, QString proposal_hex, bool withdraw) {
  if (!open() || !network_) return;
  std::string id = raw_of(proposal_hex.toStdString());
  auto r = withdraw ? network_->withdraw(organisation.toStdString(), id) : network_->approve(organisation.toStdString(), id);
  if (!r) emit message(refusal_text(error_code_name(r.error().code), r.error().detail));
  else
    emit message(withdraw ? QCoreApplication::translate("Lifecycle", "%1 withdrew from the proposal").arg(organisation)
                          : QCoreApplication::translate("Lifecycle", "%1 approved the proposal").arg(organisation));
  refresh_proposals();
}

void LifecycleQuery::propose_removal(QString organisation, QString node) {
  if (!open() || !network_) return;
  auto n = network_->node(node.toStdString());
  if (!n) {
    emit message(refusal_text("no_node", node.toStdString()));
    return;
  }
  std::string offender(n->id.v.begin(), n->id.v.end()), why = "no agent holds evidence against it";
  bool verified = false;
  for (const auto& r : network_->equivocations().pieces) {
    if (r.offender_hex != n->id.hex()) continue;
    if (r.verified) {
      verified = true;
      break;
    }
    why = r.why_not;
  }
  if (!verified) {
    emit message(QCoreApplication::translate("Lifecycle", "Not proposed: no evidence against %1 verifies here (%2)")
                     .arg(node, QString::fromStdString(why)));
    return;
  }
  pb::ProposeRequest req;
  req.set_action("remove");
  req.set_node_id(offender);
  auto tx = network_->propose(organisation.toStdString(), req);
  if (!tx) {
    emit message(refusal_text(error_code_name(tx.error().code), tx.error().detail));
    return;
  }
  // The chain's verdict, as consortia-ctl waits for it: a proposal it
  // refuses (too few validators left, say) is no proposal.
  std::string verdict;
  for (int i = 0; i < 300 && verdict.empty(); ++i) {
    verdict = network_->verdict(*tx);
    if (verdict.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (verdict.empty())
    emit message(refusal_text("unavailable", "the proposal was not committed within 30 s"));
  else if (verdict != "ok")
    emit message(refusal_text(verdict, organisation.toStdString() + " propose remove " + node.toStdString()));
  else
    emit message(QCoreApplication::translate("Lifecycle", "%1 proposed removing %2; the other organisations approve it on "
                                                          "the Proposals page")
                     .arg(organisation, node));
  refresh_proposals();
}

void LifecycleQuery::set_admin_passphrase(QString organisation, QString passphrase) {
  admin_passphrases_[organisation.toStdString()] = passphrase.toStdString();
  if (network_) network_->set_admin_passphrase(passphrase.toStdString(), organisation.toStdString());
}

void RunbookRunner::start(QString kind, QString params_json, QString ca_passphrase) {
  std::string error;
  auto store = RunbookStore::open(place_.db_path, &error);
  auto hosts = HostStore::open(place_.db_path, &error);
  auto net = NetworkAccess::open(place_.network_dir, place_.agent_binary);
  if (!store || !hosts || !net) {
    emit refused("storage_io", QString::fromStdString(net ? error : net.error().detail));
    return;
  }
  LifecycleEnv env{*store, *hosts, **net, place_.archive_dir, [this](const RunbookRecord&) { emit changed(); }, {}};
  if (!ca_passphrase.isEmpty()) env.ca_passphrase = ca_passphrase.toStdString();
  for (const auto& [org, pass] : admin_passphrases_) (*net)->set_admin_passphrase(pass, org);
  json p = json::parse(params_json.toStdString(), nullptr, false);
  if (!p.is_object()) p = json::object();
  auto s = [&](const char* k) { return p.value(k, std::string()); };
  std::variant<int64_t, Refusal> made;
  std::string k = kind.toStdString();
  if (k == "join")
    made = create_join(env, {s("name"), s("organisation"), s("host"), s("dir"), p.value("validator", false), 300,
                             s("ca_key"), {}});
  else if (k == "exit") made = create_exit(env, {s("name"), s("archive"), 300});
  else if (k == "backup") made = create_backup(env, {s("name"), s("out")});
  else if (k == "restore") made = create_restore(env, {s("name"), s("from"), s("host"), s("dir"), 300});
  else if (k == "migrate") made = create_migrate(env, {s("name"), s("to"), s("dir"), 300});
  else if (k == "renew") made = create_renew(env, {s("name"), s("ca_key"), 300});
  else if (k == "upgrade") {
    UpgradeRequest u;
    u.plan = s("plan");
    u.release = s("release");
    u.in_s = p.value("in_s", 300.0);
    u.canary = s("canary");
    made = create_upgrade(env, u);
  } else if (k == "rollback") {
    auto u = find_upgrade(env, s("plan"));
    made = u ? create_upgrade_rollback(env, u->id) : std::variant<int64_t, Refusal>(Refusal{"no_runbook", s("plan")});
  } else made = Refusal{"internal", k};
  if (auto* r = std::get_if<Refusal>(&made)) {
    emit refused(QString::fromStdString(r->code), QString::fromStdString(r->detail));
    return;
  }
  int64_t id = std::get<int64_t>(made);
  emit changed();
  auto st = run_lifecycle(env, id, &error);
  emit finished(id, static_cast<int>(st));
}

void RunbookRunner::resume(qint64 id, QString ca_passphrase) {
  std::string error;
  auto store = RunbookStore::open(place_.db_path, &error);
  auto hosts = HostStore::open(place_.db_path, &error);
  auto r = store ? store->load(id) : std::nullopt;
  if (!r) {
    emit refused("no_runbook", QString::number(id));
    return;
  }
  auto net = NetworkAccess::open(r->network, place_.agent_binary);
  if (!net || !hosts) {
    emit refused("storage_io", QString::fromStdString(net ? error : net.error().detail));
    return;
  }
  LifecycleEnv env{*store, *hosts, **net, place_.archive_dir, [this](const RunbookRecord&) { emit changed(); }, {}};
  if (!ca_passphrase.isEmpty()) env.ca_passphrase = ca_passphrase.toStdString();
  for (const auto& [org, pass] : admin_passphrases_) (*net)->set_admin_passphrase(pass, org);
  std::string why;
  auto st = run_lifecycle(env, id, &why);
  if (!why.empty()) emit refused(QString::fromStdString(why), QString::number(id));
  emit finished(id, static_cast<int>(st));
}

}  // namespace consortia::console
