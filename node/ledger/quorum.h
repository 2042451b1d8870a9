// Byzantine quorums, defined once. n validators tolerate f = floor((n-1)/3)
// faulty ones; a quorum is n - f, so any two quorums share at least f + 1
// validators, at least one of them honest.
#pragma once

#include <cstddef>

namespace consortia {

constexpr size_t max_faulty(size_t validators) { return validators == 0 ? 0 : (validators - 1) / 3; }
constexpr size_t quorum_size(size_t validators) { return validators - max_faulty(validators); }

static_assert(quorum_size(4) == 3 && max_faulty(4) == 1);
static_assert(quorum_size(31) == 21 && max_faulty(31) == 10);
static_assert(quorum_size(101) == 68 && max_faulty(101) == 33);

}  // namespace consortia
