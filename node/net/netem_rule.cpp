#include "net/netem_rule.h"

#include <cctype>
#include <cstdlib>
#include <cmath>
#include <sstream>
#include <vector>

namespace consortia {
namespace {

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool parse_number(std::string_view s, double& v, std::string_view& unit) {
  size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i == 0) return false;
  std::string num(s.substr(0, i));
  char* end = nullptr;
  v = std::strtod(num.c_str(), &end);
  if (!end || *end != '\0' || !std::isfinite(v) || v < 0) return false;
  unit = s.substr(i);
  return true;
}

Error bad(std::string why) { return make_error(ErrorCode::kInvalidArgument, std::move(why)); }

Result<int64_t> parse_time(std::string_view s) {
  double v;
  std::string_view unit;
  if (!parse_number(s, v, unit)) return bad("not a time: '" + std::string(s) + "'");
  // tc reads a bare number as microseconds; a rule that means something
  // else here than on a real qdisc would mislead by a thousand times.
  if (unit.empty())
    return bad("a time needs a unit (us, ms or s): '" + std::string(s) + "'");
  double us;
  if (unit == "us" || unit == "usec") us = v;
  else if (unit == "ms" || unit == "msec") us = v * 1e3;
  else if (unit == "s" || unit == "sec") us = v * 1e6;
  else return bad("unknown time unit in '" + std::string(s) + "'");
  if (us > 3600e6) return bad("time above one hour: '" + std::string(s) + "'");
  return static_cast<int64_t>(std::llround(us));
}

Result<double> parse_percent(std::string_view s) {
  double v;
  std::string_view unit;
  if (!parse_number(s, v, unit) || unit != "%")
    return bad("expected a percentage such as 10%, got '" + std::string(s) + "'");
  if (v > 100) return bad("percentage above 100: '" + std::string(s) + "'");
  return v / 100.0;
}

Result<uint64_t> parse_rate(std::string_view s) {
  double v;
  std::string_view unit;
  if (!parse_number(s, v, unit)) return bad("not a rate: '" + std::string(s) + "'");
  double bps;
  if (unit == "bit") bps = v;
  else if (unit == "kbit") bps = v * 1e3;
  else if (unit == "mbit") bps = v * 1e6;
  else if (unit == "gbit") bps = v * 1e9;
  else if (unit == "bps") bps = v * 8;  // tc: bytes per second
  else if (unit == "kbps") bps = v * 8e3;
  else if (unit == "mbps") bps = v * 8e6;
  else return bad("unknown rate unit in '" + std::string(s) + "' (use bit, kbit, mbit, gbit)");
  if (bps < 8) return bad("rate below one byte per second");
  return static_cast<uint64_t>(bps);
}

Result<uint64_t> parse_size(std::string_view s) {
  double v;
  std::string_view unit;
  if (!parse_number(s, v, unit)) return bad("not a size: '" + std::string(s) + "'");
  if (unit.empty() || unit == "b") return static_cast<uint64_t>(v);
  if (unit == "k" || unit == "kb") return static_cast<uint64_t>(v * 1024);
  if (unit == "m" || unit == "mb") return static_cast<uint64_t>(v * 1024 * 1024);
  return bad("unknown size unit in '" + std::string(s) + "'");
}

bool is_percent(const std::vector<std::string>& w, size_t i) {
  return i < w.size() && !w[i].empty() && w[i].back() == '%';
}

std::string fmt_time(int64_t us) {
  if (us % 1000000 == 0) return std::to_string(us / 1000000) + "s";
  if (us % 1000 == 0) return std::to_string(us / 1000) + "ms";
  return std::to_string(us) + "us";
}

std::string fmt_pct(double p) {
  std::ostringstream o;
  o << p * 100 << "%";
  return o.str();
}

}  // namespace

Result<LinkRule> parse_link_rule(std::string_view text) {
  auto w = split(text);
  LinkRule r;
  size_t i = 0;
  // Skip a leading "tc qdisc add|change|replace dev X root|parent P [handle H]".
  if (i < w.size() && w[i] == "tc") {
    while (i < w.size() && w[i] != "netem" && w[i] != "tbf") ++i;
    if (i == w.size()) return bad("a tc command needs a netem or tbf qdisc");
  }
  if (i == w.size()) return bad("empty rule");
  auto need = [&](size_t k, const char* what) -> Status {
    if (k >= w.size()) return bad(std::string(what) + " needs a value");
    return {};
  };
  while (i < w.size()) {
    const std::string& kw = w[i++];
    if (kw == "netem" || kw == "tbf") continue;
    if (kw == "delay") {
      if (auto st = need(i, "delay"); !st) return st.error();
      auto d = parse_time(w[i++]);
      if (!d) return d.error();
      r.delay_us = *d;
      if (i < w.size() && !is_percent(w, i) && std::isdigit(static_cast<unsigned char>(w[i][0]))) {
        auto j = parse_time(w[i++]);
        if (!j) return j.error();
        r.jitter_us = *j;
        if (is_percent(w, i)) {
          auto c = parse_percent(w[i++]);
          if (!c) return c.error();
          r.delay_correlation = *c;
        }
      }
    } else if (kw == "loss" || kw == "drop" || kw == "duplicate" || kw == "corrupt" || kw == "reorder") {
      if (i < w.size() && w[i] == "random") ++i;
      if (auto st = need(i, kw.c_str()); !st) return st.error();
      auto p = parse_percent(w[i++]);
      if (!p) return p.error();
      double corr = 0;
      if (is_percent(w, i)) {
        auto c = parse_percent(w[i++]);
        if (!c) return c.error();
        corr = *c;
      }
      if (kw == "loss") r.loss = *p, r.loss_correlation = corr;
      else if (kw == "drop") r.drop = *p, r.drop_correlation = corr;
      else if (kw == "duplicate") r.duplicate = *p;
      else if (kw == "corrupt") r.corrupt = *p;
      else r.reorder = *p, r.reorder_correlation = corr;
    } else if (kw == "rate") {
      if (auto st = need(i, "rate"); !st) return st.error();
      auto v = parse_rate(w[i++]);
      if (!v) return v.error();
      r.rate_bps = *v;
    } else if (kw == "latency") {
      if (auto st = need(i, "latency"); !st) return st.error();
      auto v = parse_time(w[i++]);
      if (!v) return v.error();
      r.queue_limit_us = *v;
    } else if (kw == "burst" || kw == "buffer" || kw == "maxburst") {
      if (auto st = need(i, kw.c_str()); !st) return st.error();
      auto v = parse_size(w[i++]);
      if (!v) return v.error();
      r.burst_bytes = *v;
    } else if (kw == "limit") {
      if (auto st = need(i, "limit"); !st) return st.error();
      ++i;  // queue length in packets: our queues are bounded by latency instead
    } else {
      return bad("unknown word '" + kw + "' in rule '" + std::string(text) + "'");
    }
  }
  if (r.reorder > 0 && r.delay_us == 0) return bad("reorder needs a delay (as in tc netem)");
  return r;
}

bool LinkRule::empty() const { return *this == LinkRule{}; }

void LinkRule::merge(const LinkRule& o) {
  if (o.delay_us || o.jitter_us) {
    delay_us = o.delay_us;
    jitter_us = o.jitter_us;
    delay_correlation = o.delay_correlation;
  }
  if (o.loss > 0) loss = o.loss, loss_correlation = o.loss_correlation;
  if (o.drop > 0) drop = o.drop, drop_correlation = o.drop_correlation;
  if (o.duplicate > 0) duplicate = o.duplicate;
  if (o.corrupt > 0) corrupt = o.corrupt;
  if (o.reorder > 0) reorder = o.reorder, reorder_correlation = o.reorder_correlation;
  if (o.rate_bps) rate_bps = o.rate_bps;
  if (o.queue_limit_us) queue_limit_us = o.queue_limit_us;
  if (o.burst_bytes) burst_bytes = o.burst_bytes;
}

std::string LinkRule::to_string() const {
  std::ostringstream o;
  auto sep = [&] {
    if (o.tellp() > 0) o << ' ';
  };
  if (delay_us || jitter_us) {
    sep();
    o << "delay " << fmt_time(delay_us);
    if (jitter_us) o << ' ' << fmt_time(jitter_us);
    if (jitter_us && delay_correlation > 0) o << ' ' << fmt_pct(delay_correlation);
  }
  if (loss > 0) sep(), o << "loss " << fmt_pct(loss);
  if (drop > 0) sep(), o << "drop " << fmt_pct(drop);
  if (duplicate > 0) sep(), o << "duplicate " << fmt_pct(duplicate);
  if (corrupt > 0) sep(), o << "corrupt " << fmt_pct(corrupt);
  if (reorder > 0) sep(), o << "reorder " << fmt_pct(reorder);
  if (rate_bps) sep(), o << "rate " << rate_bps / 1000 << "kbit";
  if (queue_limit_us) sep(), o << "latency " << fmt_time(queue_limit_us);
  if (burst_bytes) sep(), o << "burst " << burst_bytes;
  return o.str();
}

}  // namespace consortia
