// One libFuzzer target per reader: TD_FUZZ_FORMAT names the SpanFormat (see CMakeLists.txt).
#include "fuzzreader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
#ifdef TD_FUZZ_JAEGER
    // The Jaeger reader reads the JSON API and the protobuf-JSON domain model; the ids' spelling picks one.
    td::fuzz::readAs(data, size, [](const nlohmann::json &span, const td::SpanContext &) {
        return span.contains("spanID") ? td::SpanFormat::Jaeger : td::SpanFormat::JaegerProto;
    });
#else
    td::fuzz::readAs(data, size, td::SpanFormat::TD_FUZZ_FORMAT);
#endif
    return 0;
}
