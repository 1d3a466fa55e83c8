#ifndef VIGIL_LIBFUZZER_H
#define VIGIL_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, from the runtime `-sanitize=fuzzer` links in: parses the
/// libFuzzer flags in argv and calls `callback` with each input it generates.
/// A fuzz target calls it from its own `main` (SwiftPM renames a Swift
/// executable's `main`, so the one in libFuzzer's runtime cannot be used).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
