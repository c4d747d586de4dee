#pragma once

#include "trace.h"

#include <QSortFilterProxyModel>
#include <QString>

#include <atomic>
#include <vector>

namespace td {

// Spans whose name, service, tag key or tag value contains text (case-insensitive), in tree order.
// Stops early, returning what it found so far, once *cancel is set (a background search superseded).
std::vector<std::int32_t> findSpans(const Trace &trace, const QString &text, const std::atomic<bool> *cancel = nullptr);

// Sorts the span tree by the model's SortRole and, when asked, shows only the matches and their ancestors.
class SpanFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SpanFilterProxy(QObject *parent = nullptr);

    // One flag per span index; the vector must outlive the proxy's use of it.
    void setMatches(const std::vector<char> *matches);
    void setShowOnlyMatches(bool only);
    bool showOnlyMatches() const { return m_onlyMatches; }
    // One flag per span index: rows to hide whatever else is shown (folded repeated calls); nullptr for none.
    void setHiddenSpans(const std::vector<char> *hidden);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const std::vector<char> *m_matches = nullptr;
    bool m_onlyMatches = false;
    const std::vector<char> *m_hidden = nullptr;
};

} // namespace td
