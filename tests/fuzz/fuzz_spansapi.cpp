// The spans API envelope. The input is loaded as it is (error codes, envelopes with objects or text), and
// each of its lines is also sent as one JSON-text element of a successful answer's responseInfo, the way
// the API sends spans, so the embedded-document path meets arbitrary text.
#include "fuzzreader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char *>(data), size);
    td::fuzz::loadBytes(input);

    nlohmann::json items = nlohmann::json::array();
    std::size_t start = 0;
    while (start <= input.size() && items.size() < 64) {
        auto end = input.find('\n', start);
        if (end == std::string::npos)
            end = input.size();
        items.push_back(input.substr(start, end - start));
        start = end + 1;
    }
    nlohmann::json envelope = {{"errorCode", "SVCSTG.ATS.2000"}, {"errorMessage", ""}, {"responseInfo", std::move(items)}};
    td::fuzz::loadBytes(envelope.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return 0;
}
