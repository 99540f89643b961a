// A property a fuzz target asserts on every input (beyond "no crash, no
// sanitizer report"): prints what failed and aborts, which libFuzzer records
// as a finding and the replay test as a failure.
#pragma once

#include <cstdio>
#include <cstdlib>

#define GUILD_FUZZ_CHECK(condition)                                                              \
  do {                                                                                           \
    if (!(condition)) {                                                                          \
      std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                              \
    }                                                                                            \
  } while (false)
