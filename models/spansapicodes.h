#pragma once

#include <string_view>

namespace td::spansapi {

// The `errorCode` values of the APM spans API (GET {base}/v1/{project_id}/ats/spans), as its documents give
// them. The one place TraceDesk spells them.
inline constexpr std::string_view Succeeded = "SVCSTG.ATS.2000";
inline constexpr std::string_view ParameterVerificationFailed = "SVCSTG.ATS.400101";
inline constexpr std::string_view NoTraceData = "SVCSTG.ATS.200103";

// What a code means ("parameter verification failed"), or an empty string for a code we do not know.
constexpr const char *codeMeaning(std::string_view code)
{
    if (code == Succeeded)
        return "query succeeded";
    if (code == ParameterVerificationFailed)
        return "parameter verification failed";
    if (code == NoTraceData)
        return "no tracing data found";
    return "";
}

} // namespace td::spansapi
