#include "spantablemodel.h"

#include <QRegularExpression>

#include "spantreemodel.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <map>

namespace td {

SpanTableModel::SpanTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SpanTableModel::setTrace(TracePtr trace)
{
    beginResetModel();
    m_trace = std::move(trace);
    m_rows.clear();
    if (m_trace) {
        const auto &spans = m_trace->spans();
        m_rows.reserve(m_trace->realSpanCount());
        for (std::size_t i = 0; i < spans.size(); ++i)
            if (!spans[i].isPlaceholder())
                m_rows.push_back(static_cast<std::int32_t>(i));
    }
    resolveKeys();
    endResetModel();
}

void SpanTableModel::setShowRawTimes(bool raw)
{
    if (raw == m_raw)
        return;
    m_raw = raw;
    if (!m_rows.empty())
        emit dataChanged(index(0, Start), index(static_cast<int>(m_rows.size()) - 1, Start));
}

std::int64_t SpanTableModel::startOffsetUs(const Span &span) const
{
    if (!m_trace)
        return 0;
    return (m_raw ? span.rawStartUs : span.startUs) - m_trace->startUs();
}

void SpanTableModel::setTagColumns(const QStringList &keys)
{
    if (keys == m_tagKeys)
        return;
    beginResetModel();
    m_tagKeys = keys;
    resolveKeys();
    endResetModel();
}

void SpanTableModel::resolveKeys()
{
    m_tagKeyIds.assign(static_cast<std::size_t>(m_tagKeys.size()), 0);
    m_tagKeyFound.assign(static_cast<std::size_t>(m_tagKeys.size()), 0);
    m_hasComponentKey = false;
    m_componentKey = 0;
    if (!m_trace)
        return;
    for (qsizetype i = 0; i < m_tagKeys.size(); ++i) {
        const QByteArray utf8 = m_tagKeys.at(i).toUtf8();
        StrId id = 0;
        if (m_trace->strings().find(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), &id)) {
            m_tagKeyIds[static_cast<std::size_t>(i)] = id;
            m_tagKeyFound[static_cast<std::size_t>(i)] = 1;
        }
    }
    m_hasComponentKey = m_trace->strings().find("component", &m_componentKey);
}

int SpanTableModel::rowForSpan(std::int32_t spanIndex) const
{
    // m_rows is ascending (span order, placeholders skipped).
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), spanIndex);
    if (it == m_rows.end() || *it != spanIndex)
        return -1;
    return static_cast<int>(it - m_rows.begin());
}

std::int32_t SpanTableModel::spanAtRow(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return NoIndex;
    return m_rows[static_cast<std::size_t>(row)];
}

int SpanTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SpanTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + static_cast<int>(m_tagKeys.size());
}

namespace {

const Tag *tagWithKey(const Trace &t, const Span &s, StrId key)
{
    for (auto it = t.tagsBegin(s); it != t.tagsEnd(s); ++it)
        if (it->key == key)
            return &*it;
    return nullptr;
}

} // namespace

QString SpanTableModel::cellText(std::int32_t spanIndex, int column) const
{
    if (!m_trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_trace->spanCount())
        return {};
    const Span &s = m_trace->spans()[static_cast<std::size_t>(spanIndex)];
    switch (column) {
    case Service: return m_trace->qstr(s.service);
    case Operation: return m_trace->qstr(s.name);
    case Start: return SpanTreeModel::formatDuration(static_cast<double>(startOffsetUs(s)));
    case Duration: return SpanTreeModel::formatDuration(static_cast<double>(s.durationUs));
    case SelfTime: return SpanTreeModel::formatDuration(static_cast<double>(s.selfTimeUs));
    case Error: return s.isError() ? QCoreApplication::translate("td::SpanTableModel", "Error") : QString();
    case ComponentColumn:
        if (m_hasComponentKey)
            if (const Tag *tag = tagWithKey(*m_trace, s, m_componentKey))
                return m_trace->qstr(tag->value);
        if (s.componentName != 0)
            return m_trace->qstr(s.componentName);
        return QString::fromLatin1(componentKey(s.component));
    default: break;
    }
    const auto k = static_cast<std::size_t>(column - FixedColumnCount);
    if (column < FixedColumnCount || k >= m_tagKeyIds.size() || !m_tagKeyFound[k])
        return {};
    if (const Tag *tag = tagWithKey(*m_trace, s, m_tagKeyIds[k]))
        return m_trace->qstr(tag->value);
    return {};
}

QVariant SpanTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || !m_trace || index.row() < 0
        || static_cast<std::size_t>(index.row()) >= m_rows.size() || index.column() < 0 || index.column() >= columnCount())
        return {};
    const std::int32_t spanIndex = m_rows[static_cast<std::size_t>(index.row())];
    const Span &s = m_trace->spans()[static_cast<std::size_t>(spanIndex)];
    switch (role) {
    // No ToolTipRole: a tooltip takes text that looks like HTML as HTML, and span data is plain text.
    case Qt::DisplayRole:
        return cellText(spanIndex, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Start || index.column() == Duration || index.column() == SelfTime)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SpanIndexRole:
        return static_cast<int>(spanIndex);
    case ErrorRole:
        return s.isError();
    case SortRole:
        switch (index.column()) {
        case Start: return static_cast<qlonglong>(startOffsetUs(s));
        case Duration: return static_cast<qlonglong>(s.durationUs);
        case SelfTime: return static_cast<qlonglong>(s.selfTimeUs);
        case Error: return s.isError() ? 1 : 0;
        default: return cellText(spanIndex, index.column());
        }
    default:
        return {};
    }
}

QVariant SpanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Service: return tr("Service");
    case Operation: return tr("Operation");
    case Start: return tr("Start");
    case Duration: return tr("Duration");
    case SelfTime: return tr("Self time");
    case Error: return tr("Error");
    case ComponentColumn: return tr("Component");
    default: return m_tagKeys.at(section - FixedColumnCount);
    }
}

QString SpanTableModel::rowsAsTsv(const QModelIndexList &indexes)
{
    // Row number -> the index of any cell in it, per model; one model in practice.
    std::map<int, QModelIndex> rows;
    const QAbstractItemModel *model = nullptr;
    for (const QModelIndex &i : indexes) {
        if (!i.isValid())
            continue;
        if (!model)
            model = i.model();
        if (i.model() != model)
            continue;
        rows.emplace(i.row(), i);
    }
    QString out;
    if (!model)
        return out;
    const int columns = model->columnCount(rows.begin()->second.parent());
    for (const auto &[row, index] : rows) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                out += QLatin1Char('\t');
            QString v = model->index(row, c, index.parent()).data(Qt::DisplayRole).toString();
            for (QChar &ch : v)
                if (ch == QLatin1Char('\t') || ch == QLatin1Char('\n') || ch == QLatin1Char('\r'))
                    ch = QLatin1Char(' ');
            out += v;
        }
        out += QLatin1Char('\n');
    }
    return out;
}

QString SpanTableModel::csvField(const QString &input)
{
    // Span data is untrusted: a cell starting with = + - @ (or a tab or CR) is a formula to a spreadsheet
    // (OWASP's CSV injection), so it gets a leading ' unless it is a plain number.
    QString value = input;
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front())) {
        static const QRegularExpression number(QStringLiteral("^[+-]?[0-9]+(\\.[0-9]+)?$"));
        if (!number.match(value).hasMatch())
            value.prepend(QLatin1Char('\''));
    }
    bool quote = false;
    for (const QChar ch : value)
        if (ch == QLatin1Char(',') || ch == QLatin1Char('"') || ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            quote = true;
            break;
        }
    if (!quote)
        return value;
    QString v = value;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

bool SpanTableModel::writeCsv(QIODevice *device, const QAbstractItemModel *model)
{
    if (!device || !model || !device->isWritable())
        return false;
    const int columns = model->columnCount();
    QString line;
    for (int c = 0; c < columns; ++c) {
        if (c > 0)
            line += QLatin1Char(',');
        line += csvField(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    }
    line += QLatin1String("\r\n");
    if (device->write(line.toUtf8()) < 0)
        return false;
    const int rows = model->rowCount();
    for (int r = 0; r < rows; ++r) {
        line.clear();
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                line += QLatin1Char(',');
            line += csvField(model->index(r, c).data(Qt::DisplayRole).toString());
        }
        line += QLatin1String("\r\n");
        if (device->write(line.toUtf8()) < 0)
            return false;
    }
    return true;
}

// --- SpanTableFilter ---

SpanTableFilter::SpanTableFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SpanTableModel::SortRole);
    setDynamicSortFilter(true);
}

void SpanTableFilter::setSourceModel(QAbstractItemModel *source)
{
    m_table = qobject_cast<SpanTableModel *>(source);
    QSortFilterProxyModel::setSourceModel(source);
}

void SpanTableFilter::changed()
{
    invalidateFilter();
}

void SpanTableFilter::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    changed();
}

void SpanTableFilter::setServiceFilter(const QString &service)
{
    if (service == m_service)
        return;
    m_service = service;
    changed();
}

void SpanTableFilter::setErrorsOnly(bool on)
{
    if (on == m_errorsOnly)
        return;
    m_errorsOnly = on;
    changed();
}

void SpanTableFilter::setMinDurationUs(std::int64_t us)
{
    us = std::max<std::int64_t>(us, 0);
    if (us == m_minDurationUs)
        return;
    m_minDurationUs = us;
    changed();
}

std::int32_t SpanTableFilter::spanAt(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid())
        return NoIndex;
    const QVariant v = proxyIndex.data(SpanTableModel::SpanIndexRole);
    return v.isValid() ? v.toInt() : NoIndex;
}

QModelIndex SpanTableFilter::indexForSpan(std::int32_t spanIndex, int column) const
{
    const SpanTableModel *m = table();
    if (!m)
        return {};
    const int row = m->rowForSpan(spanIndex);
    if (row < 0)
        return {};
    return mapFromSource(m->index(row, column));
}

bool SpanTableFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const SpanTableModel *m = table();
    if (!m || !m->trace() || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    const std::int32_t a = m->spanAtRow(left.row()), b = m->spanAtRow(right.row());
    if (a < 0 || b < 0)
        return QSortFilterProxyModel::lessThan(left, right);
    const Span &x = m->trace()->spans()[static_cast<std::size_t>(a)];
    const Span &y = m->trace()->spans()[static_cast<std::size_t>(b)];
    switch (left.column()) {
    case SpanTableModel::Start: return m->startOffsetUs(x) < m->startOffsetUs(y);
    case SpanTableModel::Duration: return x.durationUs < y.durationUs;
    case SpanTableModel::SelfTime: return x.selfTimeUs < y.selfTimeUs;
    case SpanTableModel::Error: return x.isError() < y.isError();
    case SpanTableModel::Service:
        if (x.service == y.service)
            return false;
        break;
    case SpanTableModel::Operation:
        if (x.name == y.name)
            return false;
        break;
    default: break;
    }
    return QString::compare(m->cellText(a, left.column()), m->cellText(b, left.column()), sortCaseSensitivity()) < 0;
}

bool SpanTableFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    const SpanTableModel *m = table();
    if (!m || !m->trace())
        return true;
    const std::int32_t spanIndex = m->spanAtRow(sourceRow);
    if (spanIndex < 0)
        return false;
    const Trace &t = *m->trace();
    const Span &s = t.spans()[static_cast<std::size_t>(spanIndex)];
    if (m_errorsOnly && !s.isError())
        return false;
    if (m_minDurationUs > 0 && s.durationUs < m_minDurationUs)
        return false;
    if (!m_service.isEmpty() && t.qstr(s.service) != m_service)
        return false;
    if (!m_text.isEmpty() && !t.qstr(s.service).contains(m_text, Qt::CaseInsensitive)
        && !t.qstr(s.name).contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace td
