// The seed's five network conditions, in netem words, as the nodes table
// and the node detail offer them.
#pragma once

#include <QString>
#include <array>

namespace consortia::console {

inline constexpr std::array<const char*, 5> kFaultProfiles = {"rate 2048kbit", "delay 1000ms 300ms 30%", "loss 10%",
                                                              "duplicate 1%", "corrupt 0.2%"};
// A profile's name in the user's language.
QString fault_profile_label(size_t i);

}  // namespace consortia::console
