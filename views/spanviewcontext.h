#pragma once

#include "spanpalette.h"
#include "timecontrol.h"
#include "trace.h"

#include <QString>

#include <vector>

namespace td {

class SpanTreeModel;

// The user's marks on a span (the library's bookmarks and notes), as flags.
enum SpanMarkFlag : char { BookmarkMark = 1, NoteMark = 2 };

// How the tree, the timeline and exports draw the marks: ★ bookmarked, ✎ has a note.
inline QString spanMarkText(int marks)
{
    QString out;
    if (marks & BookmarkMark)
        out += QChar(0x2605);
    if (marks & NoteMark)
        out += QChar(0x270E);
    return out;
}

// What the delegates of a span view share: the trace, colours, time and display switches.
struct SpanViewContext
{
    TracePtr trace;
    SpanPalette palette;
    TimeControl *time = nullptr;
    const SpanTreeModel *rows = nullptr; // the tree's rows and which spans are expanded
    bool showCriticalPath = false;
    bool showRawTimes = false;
    std::vector<char> onSelectedPath; // the selected span and its ancestors, by span index
    std::vector<char> matches;        // search matches, by span index
    // Repeated calls folded into one row (SpanView::setFoldRepeatedCalls): the first call of a group holds
    // the group's size, the other calls and their subtrees are hidden. Empty when nothing is folded.
    std::vector<std::int32_t> foldCount;
    std::vector<char> folded;
    std::vector<char> marks; // SpanMarkFlag by span index; empty when the trace has none

    int markOf(std::int32_t i) const { return i >= 0 && static_cast<std::size_t>(i) < marks.size() ? marks[static_cast<std::size_t>(i)] : 0; }

    bool isOnSelectedPath(std::int32_t i) const { return i >= 0 && static_cast<std::size_t>(i) < onSelectedPath.size() && onSelectedPath[static_cast<std::size_t>(i)]; }
    int foldCountOf(std::int32_t i) const { return i >= 0 && static_cast<std::size_t>(i) < foldCount.size() ? foldCount[static_cast<std::size_t>(i)] : 0; }
    bool isMatch(std::int32_t i) const { return i >= 0 && static_cast<std::size_t>(i) < matches.size() && matches[static_cast<std::size_t>(i)]; }
};

} // namespace td
