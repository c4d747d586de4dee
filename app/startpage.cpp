#include "startpage.h"

#include "libraryview.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace td {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *emptyNote(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_files(new QListWidget(this))
    , m_ids(new QListWidget(this))
    , m_library(new LibraryView(this))
    , m_noFiles(emptyNote(tr("Files you open appear here."), this))
    , m_noIds(emptyNote(tr("Trace ids you fetch appear here, with their connection profile."), this))
{
    setObjectName(QStringLiteral("startPage"));
    m_files->setObjectName(QStringLiteral("recentFiles"));
    m_ids->setObjectName(QStringLiteral("recentTraceIds"));

    auto *title = new QLabel(tr("TraceDesk"), this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *subtitle = new QLabel(tr("Open a trace to see where the time went and what failed. "
                                   "You can also drop trace files on this window."), this);
    subtitle->setTextFormat(Qt::PlainText);
    subtitle->setWordWrap(true);

    auto *openFile = new QCommandLinkButton(tr("Open a File…"), tr("Zipkin, Jaeger, OpenTelemetry, spans API or Log Service JSON (Ctrl+O)"), this);
    auto *openId = new QCommandLinkButton(tr("Open a Trace ID…"), tr("Fetch a trace from the spans API, Zipkin, Jaeger or Tempo with a connection profile (Ctrl+T)"), this);
    auto *search = new QCommandLinkButton(tr("Search Traces…"), tr("Find traces in Zipkin, Jaeger or Tempo by service, operation, tags and duration (Ctrl+Shift+F)"), this);
    search->setObjectName(QStringLiteral("searchTraces"));
    auto *sample = new QCommandLinkButton(tr("Open the Sample Trace"), tr("A small iplatform trace with an error and a slow call, to look around"), this);
    openFile->setObjectName(QStringLiteral("openFile"));
    openId->setObjectName(QStringLiteral("openTraceId"));
    sample->setObjectName(QStringLiteral("openSample"));
    connect(openFile, &QCommandLinkButton::clicked, this, &StartPage::openFileRequested);
    connect(openId, &QCommandLinkButton::clicked, this, &StartPage::openTraceIdRequested);
    connect(search, &QCommandLinkButton::clicked, this, &StartPage::searchRequested);
    connect(sample, &QCommandLinkButton::clicked, this, &StartPage::openSampleRequested);

    for (QListWidget *list : {m_files, m_ids}) {
        list->setTextElideMode(Qt::ElideMiddle);
        list->setSpacing(2);
        list->setMinimumHeight(160);
        // One click opens, like a link; Enter and double-click too, without opening twice.
        connect(list, &QListWidget::itemActivated, this, &StartPage::activate);
        if (!list->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, list))
            connect(list, &QListWidget::itemClicked, this, &StartPage::activate);
    }

    auto *lists = new QGridLayout;
    lists->addWidget(heading(tr("Recent files"), this), 0, 0);
    lists->addWidget(heading(tr("Recent trace IDs"), this), 0, 1);
    lists->addWidget(m_files, 1, 0);
    lists->addWidget(m_ids, 1, 1);
    lists->addWidget(m_noFiles, 2, 0, Qt::AlignTop);
    lists->addWidget(m_noIds, 2, 1, Qt::AlignTop);
    lists->setColumnStretch(0, 1);
    lists->setColumnStretch(1, 1);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(subtitle);
    column->addSpacing(12);
    column->addWidget(openFile);
    column->addWidget(openId);
    column->addWidget(search);
    column->addWidget(sample);
    column->addSpacing(12);
    column->addLayout(lists, 1);
    column->addSpacing(12);
    column->addWidget(heading(tr("Library"), this));
    column->addWidget(emptyNote(tr("Every trace you open or fetch, searchable offline; a fetched trace opens from its stored "
                                   "copy when the backend cannot be reached."), this));
    m_library->setObjectName(QStringLiteral("library"));
    m_library->setMinimumHeight(280);
    column->addWidget(m_library, 2);

    // A readable column in the middle of a wide window. It scrolls rather
    // than setting the window's minimum size: a saved window size must come
    // back as it was, however many buttons the page grows.
    auto *page = new QWidget;
    auto *centred = new QWidget(page);
    centred->setLayout(column);
    centred->setMaximumWidth(900);
    centred->setMinimumWidth(520);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(24, 24, 24, 24);
    pageLayout->addWidget(centred, 1, Qt::AlignHCenter);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    setRecentFiles({});
    setRecentTraceIds({});
}

void StartPage::setRecentFiles(const QStringList &paths)
{
    m_files->clear();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        // The name first, where it is read; the folder below it.
        auto *item = new QListWidgetItem(info.fileName() + QLatin1Char('\n') + QDir::toNativeSeparators(info.absolutePath()), m_files);
        item->setToolTip(QDir::toNativeSeparators(path).toHtmlEscaped());
        item->setData(PathRole, path);
    }
    m_files->setVisible(!paths.isEmpty());
    m_noFiles->setVisible(paths.isEmpty());
}

void StartPage::setRecentTraceIds(const QList<ProfileIds> &ids)
{
    m_ids->clear();
    for (const auto &[profile, traceIds] : ids) {
        for (const QString &id : traceIds) {
            auto *item = new QListWidgetItem(tr("%1\nprofile %2").arg(id, profile), m_ids);
            item->setToolTip(tr("Fetch trace %1 with profile \"%2\"").arg(id, profile).toHtmlEscaped());
            item->setData(ProfileRole, profile);
            item->setData(TraceIdRole, id);
        }
    }
    const bool empty = m_ids->count() == 0;
    m_ids->setVisible(!empty);
    m_noIds->setVisible(empty);
}

void StartPage::activate(QListWidgetItem *item)
{
    if (!item)
        return;
    if (const QString path = item->data(PathRole).toString(); !path.isEmpty())
        emit recentFileRequested(path);
    else if (const QString id = item->data(TraceIdRole).toString(); !id.isEmpty())
        emit recentTraceIdRequested(item->data(ProfileRole).toString(), id);
}

} // namespace td
