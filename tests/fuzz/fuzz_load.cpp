// The top-level loader: format detection, envelopes, newline-delimited documents, limits.
#include "fuzzreader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    td::fuzz::loadBytes(std::string(reinterpret_cast<const char *>(data), size));
    return 0;
}
