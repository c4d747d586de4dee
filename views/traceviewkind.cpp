#include "traceviewkind.h"

#include <array>

namespace td {

namespace {

constexpr std::array<const char *, traceViewKindCount> names{"timeline", "flamegraph", "table", "graph", "events"};

} // namespace

QString traceViewKindName(TraceViewKind kind)
{
    return QString::fromLatin1(names[static_cast<std::size_t>(kind)]);
}

bool traceViewKindFromName(const QString &name, TraceViewKind *kind)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (name.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0) {
            *kind = static_cast<TraceViewKind>(i);
            return true;
        }
    }
    return false;
}

} // namespace td
