#include "libraryview.h"

#include "backendapi.h"
#include "librarytablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace td {

LibraryView::LibraryView(QWidget *parent)
    : QWidget(parent)
    , m_filters(new QWidget(this))
    , m_filter(new QLineEdit(m_filters))
    , m_errorsOnly(new QCheckBox(tr("&Errors only"), m_filters))
    , m_minDuration(new QLineEdit(m_filters))
    , m_date(new QComboBox(m_filters))
    , m_from(new QDateTimeEdit(m_filters))
    , m_to(new QDateTimeEdit(m_filters))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_disabled(new QLabel(this))
    , m_model(new LibraryTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_filter->setPlaceholderText(tr("Filter by trace ID, service or operation"));
    m_filter->setClearButtonEnabled(true);
    m_minDuration->setPlaceholderText(tr("Min duration, e.g. 100ms"));
    m_minDuration->setMinimumWidth(m_minDuration->fontMetrics().horizontalAdvance(m_minDuration->placeholderText()) + 16);
    m_minDuration->setMaximumWidth(m_minDuration->minimumWidth());
    m_date->addItem(tr("Any date"), AnyDate);
    m_date->addItem(tr("Last 24 hours"), Last24Hours);
    m_date->addItem(tr("Last 7 days"), Last7Days);
    m_date->addItem(tr("Last 30 days"), Last30Days);
    m_date->addItem(tr("Between..."), Between);
    m_date->setToolTip(tr("When the trace started"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setDateTime(QDateTime::currentDateTime());
        edit->setVisible(false);
    }
    m_from->setDateTime(QDateTime::currentDateTime().addDays(-1));

    auto *filters = new QHBoxLayout(m_filters);
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_errorsOnly);
    filters->addWidget(m_minDuration);
    filters->addWidget(m_date);
    filters->addWidget(m_from);
    filters->addWidget(m_to);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LibraryTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LibraryTableModel::Opened, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setAccessibleName(tr("Trace library"));

    m_status->setTextFormat(Qt::PlainText);
    m_disabled->setTextFormat(Qt::PlainText);
    m_disabled->setWordWrap(true);
    m_disabled->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_disabled->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_disabled->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filters);
    layout->addWidget(m_table, 1);
    m_compare = new QPushButton(tr("Compare the two selected"), this);
    m_compare->setObjectName(QStringLiteral("libraryCompareButton"));
    m_compare->setToolTip(tr("Select two traces (Ctrl+click) and compare them: what got slower, what is new"));
    m_compare->setEnabled(false);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_compare);
    layout->addLayout(statusRow);
    layout->addWidget(m_disabled, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &LibraryView::refresh);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &LibraryView::refresh);
    connect(m_minDuration, &QLineEdit::textChanged, this, &LibraryView::refresh);
    connect(m_date, &QComboBox::currentIndexChanged, this, [this] {
        const bool between = m_date->currentData().toInt() == Between;
        m_from->setVisible(between);
        m_to->setVisible(between);
        refresh();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &LibraryView::refresh);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &LibraryView::refresh);
    // Enter in the filter goes to the first row; Enter there (activated) opens it.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() == 0)
            return;
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        m_table->setFocus();
    });
    connect(m_table, &QAbstractItemView::activated, this, &LibraryView::activate);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_compare->setEnabled(m_table->selectionModel()->selectedRows().size() == 2);
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.size() != 2)
            return;
        std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        Q_EMIT compareRequested(entryAt(rows[0].row()), entryAt(rows[1].row()));
    });
    setLibrary(nullptr);
}

void LibraryView::setLibrary(TraceLibrary *library)
{
    m_library = library;
    refresh();
}

void LibraryView::setUtc(bool utc)
{
    m_model->setUtc(utc);
}

LibraryQuery LibraryView::query(QString *error) const
{
    LibraryQuery q;
    q.text = m_filter->text().trimmed();
    q.errorsOnly = m_errorsOnly->isChecked();
    const QString min = m_minDuration->text().trimmed();
    if (!min.isEmpty()) {
        q.minDurationUs = backendapi::parseDurationUs(min);
        if (q.minDurationUs < 0 && error)
            *error = tr("\"%1\" is not a duration (e.g. 100ms, 1.5s, 2m); the minimum duration is ignored").arg(min);
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    switch (m_date->currentData().toInt()) {
    case Last24Hours: q.from = now.addDays(-1); break;
    case Last7Days: q.from = now.addDays(-7); break;
    case Last30Days: q.from = now.addDays(-30); break;
    case Between:
        q.from = m_from->dateTime();
        q.to = m_to->dateTime();
        break;
    default: break;
    }
    return q;
}

void LibraryView::refresh()
{
    const bool usable = m_library && m_library->isOpen();
    m_filters->setVisible(usable);
    m_table->setVisible(usable);
    m_status->setVisible(usable);
    m_compare->setVisible(usable);
    m_disabled->setVisible(!usable);
    if (!usable) {
        m_model->setEntries({});
        m_disabled->setText(!m_library ? tr("The trace library is off for this session.")
                            : m_library->errorString().isEmpty()
                                ? tr("The trace library is not open.")
                                : m_library->errorString());
        return;
    }
    QString problem;
    const LibraryQuery q = query(&problem);
    std::vector<LibraryEntry> entries = m_library->search(q);
    if (!m_library->errorString().isEmpty())
        problem = m_library->errorString();
    const auto shown = static_cast<qlonglong>(entries.size());
    const bool firstFill = m_model->rowCount() == 0 && !entries.empty() && !m_columnsFitted;
    m_model->setEntries(std::move(entries));
    if (firstFill) {
        // Once, so that a width the user chose stays; long operation names and paths do not take the row.
        m_columnsFitted = true;
        for (int c = 0; c < LibraryTableModel::ColumnCount; ++c) {
            m_table->resizeColumnToContents(c);
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 320));
        }
    }
    m_status->setText(!problem.isEmpty() ? problem
                      : shown == 0       ? tr("No traces in the library match.")
                                         : tr("%n trace(s)", nullptr, static_cast<int>(shown)));
}

LibraryEntry LibraryView::entryAt(int viewRow) const
{
    return m_model->entry(m_proxy->mapToSource(m_proxy->index(viewRow, 0)).row());
}

std::optional<LibraryEntry> LibraryView::currentEntry() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return entryAt(index.row());
}

void LibraryView::activate(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT openRequested(entryAt(index.row()));
}

} // namespace td
