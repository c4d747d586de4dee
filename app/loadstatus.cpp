#include "loadstatus.h"

#include "spanpanel.h"
#include "spantreemodel.h"
#include "traceloadcontroller.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>

namespace td {

LoadStatus::LoadStatus(QStatusBar *bar, TraceLoadController *loader)
    : QObject(bar)
    , m_summary(new QLabel(bar))
    , m_problems(new QPushButton(bar))
    , m_progressLabel(new QLabel(bar))
    , m_progress(new QProgressBar(bar))
    , m_cancel(new QToolButton(bar))
{
    m_summary->setObjectName(QStringLiteral("statusSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_problems->setObjectName(QStringLiteral("problemsButton"));
    m_problems->setFlat(true);
    m_problems->setToolTip(tr("Show the problems met reading this trace"));
    connect(m_problems, &QPushButton::clicked, this, &LoadStatus::problemsRequested);
    m_progressLabel->setObjectName(QStringLiteral("loadProgressLabel"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    connect(m_cancel, &QToolButton::clicked, loader, &TraceLoadController::cancel);
    bar->addWidget(m_summary, 1);
    bar->addPermanentWidget(m_progressLabel);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    bar->addPermanentWidget(m_problems);
    setLoading(false);

    connect(loader, &TraceLoadController::started, this, [this](const QString &path, quint64 total) {
        setLoading(true);
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        m_progress->setValue(0);
        m_progressLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    });
    connect(loader, &TraceLoadController::progress, this, [this](quint64 bytes, quint64 total, quint64 spans) {
        if (total > 0)
            m_progress->setValue(static_cast<int>(std::min<quint64>(1000, bytes * 1000 / total)));
        m_progressLabel->setText(tr("%1 of %2 read, %3 spans")
                                     .arg(QLocale().formattedDataSize(static_cast<qint64>(bytes)),
                                          QLocale().formattedDataSize(static_cast<qint64>(total)))
                                     .arg(spans));
    });
    connect(loader, &TraceLoadController::finished, this, [this] { setLoading(false); });
}

void LoadStatus::setLoading(bool loading)
{
    m_progressLabel->setVisible(loading);
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
}

void LoadStatus::showSummary(const QString &summary, const Trace *trace)
{
    m_summary->setText(summary);
    m_summary->setToolTip(summary.toHtmlEscaped());
    const int problems = trace ? static_cast<int>(trace->problems().size()) : 0;
    m_problems->setText(problems == 0 ? tr("No problems") : problems == 1 ? tr("1 problem…") : tr("%1 problems…").arg(problems));
    m_problems->setVisible(trace != nullptr);
    m_problems->setEnabled(problems > 0);
}

QString LoadStatus::summaryOf(const Trace &t)
{
    QStringList parts;
    parts << tr("Trace %1").arg(QString::fromUtf8(t.traceId().data(), static_cast<qsizetype>(t.traceId().size())));
    if (const std::int32_t root = t.primaryRoot(); root >= 0) {
        const Span &r = t.span(static_cast<std::size_t>(root));
        parts << t.qstr(r.service) + QStringLiteral(" ") + t.qstr(r.name);
    }
    if (SpanPanel::utcDisplay())
        parts << SpanPanel::formatTimestamp(t.startUs(), true).left(23) + tr(" UTC (")
                     + SpanPanel::formatTimestamp(t.startUs(), false).mid(11, 12) + tr(" local)");
    else
        parts << SpanPanel::formatTimestamp(t.startUs(), false).left(23) + QStringLiteral(" (")
                     + SpanPanel::formatTimestamp(t.startUs(), true).mid(11, 12) + tr(" UTC)");
    parts << SpanTreeModel::formatDuration(static_cast<double>(t.durationUs()));
    const auto count = [](std::size_t n, const QString &one, const QString &many) { return n == 1 ? one : many.arg(n); };
    parts << count(t.realSpanCount(), tr("1 span"), tr("%1 spans"));
    parts << count(t.services().size(), tr("1 service"), tr("%1 services"));
    parts << count(t.errorCount(), tr("1 error"), tr("%1 errors"));
    parts << count(t.warningCount(), tr("1 warning"), tr("%1 warnings"));
    return parts.join(QStringLiteral("  ·  "));
}

} // namespace td
