#pragma once

#include "trace.h"

#include <QString>

#include <string>
#include <vector>

namespace td {

// One iplatform extension field of a span as the iplatform panel and the export's details show it: the
// key (from resources/extensions.json, in its order), the value as read and a note on what it means
// ("actual 330 ms = 3.00× usual", "failed with this exception"); severity 1 for a warning, 2 for a failure.
struct IPlatformField
{
    std::string key;
    QString value;
    QString note;
    int severity = 0;
};

// The fields the span has (keys with no value are left out), one set of rules for every place that shows them.
std::vector<IPlatformField> iplatformFields(const Trace &trace, const Span &span);

} // namespace td
