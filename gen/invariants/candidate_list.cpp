#include "gen/invariants/candidate_list.h"

#include <algorithm>
#include <set>

#include "gen/invariants/terms.h"

namespace verigen::inv {
namespace {

using sygus::SExpr;

/// A candidate under construction: its term and origin.
struct Proposal {
  SExpr body;
  std::string origin;
  bool inductive = false;
};

std::vector<SExpr> terms_of(const std::vector<Atom>& atoms) {
  std::vector<SExpr> out;
  for (const auto& a : atoms) out.push_back(a.term);
  return out;
}

/// `parts` of a conjunction with the post's own conjuncts flattened in and duplicates removed.
SExpr conjoin(const std::vector<SExpr>& parts) {
  std::vector<SExpr> flat;
  std::set<std::string> seen;
  for (const auto& p : parts)
    for (const auto& c : conjuncts(p))
      if (seen.insert(sygus::to_smtlib(c)).second) flat.push_back(c);
  return conjunction(flat);
}

}  // namespace

std::vector<InvariantCandidate> build_candidate_list(const CandidateParts& parts, int k) {
  const auto& facts = *parts.facts;
  auto related = [&](const Atom& a) {
    if (facts.post_symbols.empty()) return true;
    std::set<std::string> symbols;
    collect_symbols(a.term, symbols);
    return std::any_of(symbols.begin(), symbols.end(),
                       [&](const auto& s) { return facts.post_symbols.count(s) > 0; });
  };
  std::vector<Atom> core_related, dropped_related;
  for (const auto& a : parts.core)
    if (a.kind != "post" && related(a)) core_related.push_back(a);
  for (const auto& a : parts.dropped)
    if (a.kind != "post" && related(a)) dropped_related.push_back(a);

  std::vector<Proposal> head;
  if (parts.minimal) head.push_back({conjunction(terms_of(*parts.minimal)), "builtin:houdini-min"});
  head.push_back({conjunction(terms_of(parts.core)), "builtin:houdini",
                  parts.core_inductive && !parts.core.empty()});
  if (facts.post) {
    head.push_back({*facts.post, "builtin:post"});
    if (facts.post_core) head.push_back({*facts.post_core, "builtin:post-core"});
    auto with_post = terms_of(parts.core);
    with_post.push_back(*facts.post);
    head.push_back({conjoin(with_post), "builtin:houdini+post"});
  }
  if (facts.pre) head.push_back({*facts.pre, "builtin:pre"});

  // Families interleaved so a short list still shows every kind of proposal.
  std::vector<std::vector<Proposal>> families(5);
  for (std::size_t i = 0; i < core_related.size(); ++i) {
    families[0].push_back({core_related[i].term, "builtin:atom#" + std::to_string(i)});
    if (facts.post)
      families[1].push_back(
          {conjoin({core_related[i].term, *facts.post}), "builtin:post+atom#" + std::to_string(i)});
  }
  for (std::size_t i = 0; i < dropped_related.size(); ++i) {
    if (facts.post)
      families[2].push_back({conjoin({dropped_related[i].term, *facts.post}),
                             "builtin:post+dropped#" + std::to_string(i)});
    families[3].push_back({dropped_related[i].term, "builtin:dropped#" + std::to_string(i)});
  }
  int pair = 0;
  for (std::size_t i = 0; i < core_related.size() && pair < 4 * std::max(k, 1); ++i)
    for (std::size_t j = i + 1; j < core_related.size() && pair < 4 * std::max(k, 1); ++j)
      families[4].push_back({conjoin({core_related[i].term, core_related[j].term}),
                             "builtin:pair#" + std::to_string(pair++)});

  std::vector<Proposal> order = head;
  for (std::size_t round = 0;; ++round) {
    bool any = false;
    for (const auto& f : families)
      if (round < f.size()) {
        order.push_back(f[round]);
        any = true;
      }
    if (!any) break;
  }

  std::vector<InvariantCandidate> out;
  std::set<std::string> seen;
  for (auto& p : order) {
    if (static_cast<int>(out.size()) >= k) break;
    auto text = sygus::to_smtlib(p.body);
    if (!seen.insert(text).second) continue;
    InvariantCandidate c;
    c.body = std::move(p.body);
    c.text = std::move(text);
    c.origin = std::move(p.origin);
    c.inductive = p.inductive;
    c.index = static_cast<int>(out.size());
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace verigen::inv
