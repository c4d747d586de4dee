#pragma once

#include "spanpalette.h"
#include "timecontrol.h"
#include "trace.h"

#include <vector>

class QTreeView;

namespace td {

// What the delegates of a span view share: the trace, colours, time and display switches.
struct SpanViewContext
{
    TracePtr trace;
    SpanPalette palette;
    TimeControl *time = nullptr;
    QTreeView *view = nullptr;
    bool showCriticalPath = false;
    bool showRawTimes = false;
    std::vector<char> onSelectedPath; // the selected span and its ancestors, by span index
    std::vector<char> matches;        // search matches, by span index
    // Repeated calls folded into one row (SpanView::setFoldRepeatedCalls): the first call of a group holds
    // the group's size, the other calls and their subtrees are hidden. Empty when nothing is folded.
    std::vector<std::int32_t> foldCount;
    std::vector<char> folded;

    bool isOnSelectedPath(std::int32_t i) const { return i >= 0 && static_cast<std::size_t>(i) < onSelectedPath.size() && onSelectedPath[static_cast<std::size_t>(i)]; }
    int foldCountOf(std::int32_t i) const { return i >= 0 && static_cast<std::size_t>(i) < foldCount.size() ? foldCount[static_cast<std::size_t>(i)] : 0; }
    bool isMatch(std::int32_t i) const { return i >= 0 && static_cast<std::size_t>(i) < matches.size() && matches[static_cast<std::size_t>(i)]; }
};

} // namespace td
