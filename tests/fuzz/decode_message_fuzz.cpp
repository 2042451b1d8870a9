// libFuzzer: any input decodes to a message that re-encodes to itself, or to
// an error. Run: build-fuzz/tests/fuzz/fuzz_decode_message -max_total_time=60
#include <cstdlib>

#include "consensus/messages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace consortia;
  for (const CryptoSuite* suite : {&ed25519_sha256(), &sm2_sm3()}) {
    auto m = decode_message(*suite, ByteView(data, size));
    if (m.ok() && encode_message(*m) != Bytes(data, data + size)) std::abort();
    // Evidence is checked against whatever key it comes with: never a crash.
    if (m.ok())
      if (auto* e = std::get_if<EquivocationEvidence>(&*m))
        (void)e->evidence.verify(*suite, Hash32{}, e->evidence.first_signature);
  }
  return 0;
}
