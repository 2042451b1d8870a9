// Names the calling thread as `top -H`, `ps -L` and a debugger show it (at
// most 15 characters are kept), so an operator can tell the node's thread
// from the peer links and the signature checkers.
#pragma once

#include <pthread.h>

#include <string>

namespace consortia {

inline void name_this_thread(const std::string& name) {
  pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

}  // namespace consortia
