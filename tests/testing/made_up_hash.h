// A made-up server's hardware hash (the nine keys of the reference agent,
// plausible values), shared by the similarity and fingerprint tests so
// both decide on the same machine.
//
//   HashValues current = hwfp::testing::MadeUpServerHash();
//   current["ipaddress-info"] = "10.0.9.3";

#ifndef HWFP_TESTS_TESTING_MADE_UP_HASH_H_
#define HWFP_TESTS_TESTING_MADE_UP_HASH_H_

#include <map>
#include <string>

namespace hwfp::testing {

// Returns the nine keys, machine-id "4f9d0c2a...", ipaddress-info
// "10.0.4.17", the firmware keys base64 like real MD5 digests.
std::map<std::string, std::string> MadeUpServerHash();

}  // namespace hwfp::testing

#endif  // HWFP_TESTS_TESTING_MADE_UP_HASH_H_
