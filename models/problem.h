#pragma once

#include <string>

namespace td {

// Something odd found while reading or building a trace: what, where, and what was done about it.
struct Problem
{
    enum class Severity { Info, Warning, Error };
    enum class Kind {
        Parse,          // the input could not be read (fatal when Severity::Error)
        SkippedSpan,    // one span was unusable and left out
        MissingParent,  // parent id not in the trace; span kept under a placeholder
        DuplicateId,    // two spans with the same id that are not client/server halves
        Cycle,          // parent links formed a loop; broken here
        SkewAdjusted,   // a subtree was shifted to correct clock skew
        OutsideParent,  // a child starts before or ends after its parent
        NoTimestamp,    // a span without a start time
        Truncated,      // a value or the span count was cut at a limit
        Envelope,       // the spans API answered with an error code
        Other,
    };

    Severity severity = Severity::Warning;
    Kind kind = Kind::Other;
    std::string message;
    std::string where;      // "line 3, column 5", "span 9402043fdbaa81c2", "/responseInfo/2"
    std::int32_t span = -1; // span index in the trace when the problem concerns one span

    static const char *severityName(Severity s);
};

} // namespace td
