#include "notespanel.h"

#include "tracelibrary.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace td {

NotesPanel::NotesPanel(QWidget *parent)
    : SpanPanel(parent)
    , m_bookmark(new QCheckBox(tr("&Bookmark this span (Ctrl+B)"), this))
    , m_note(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("notesPanel"));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("A note on this span, for you and the incident report. It is saved as you type."));
    m_note->setTabChangesFocus(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bookmark);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_status);
    connect(m_bookmark, &QCheckBox::toggled, this, [this] { write(); });
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] { write(); });
    updateEnabled();
}

void NotesPanel::setLibrary(TraceLibrary *library)
{
    m_library = library;
    showSpan(m_trace, m_trace && !m_spanId.isEmpty() ? m_trace->findSpan(m_spanId.toStdString()) : -1);
}

void NotesPanel::showSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    m_loading = true;
    m_trace = trace;
    m_traceId = trace ? QString::fromUtf8(trace->traceId().data(), static_cast<qsizetype>(trace->traceId().size())) : QString();
    m_spanId = isValidSpan(trace, spanIndex) ? trace->qstr(trace->span(static_cast<std::size_t>(spanIndex)).spanId) : QString();
    SpanNote note;
    if (m_library && m_library->isOpen() && !m_spanId.isEmpty())
        for (const SpanNote &n : m_library->notes(m_traceId))
            if (n.spanId == m_spanId)
                note = n;
    m_bookmark->setChecked(note.bookmarked);
    if (m_note->toPlainText() != note.text)
        m_note->setPlainText(note.text);
    m_loading = false;
    updateEnabled();
}

void NotesPanel::toggleBookmark()
{
    if (m_bookmark->isEnabled())
        m_bookmark->toggle();
}

void NotesPanel::write()
{
    if (m_loading || !m_library || !m_library->isOpen() || m_spanId.isEmpty())
        return;
    // The note and the bookmark are written one after the other, each committed before the call returns.
    const bool ok = m_library->setBookmarked(m_traceId, m_spanId, m_bookmark->isChecked())
        && m_library->setNote(m_traceId, m_spanId, m_note->toPlainText());
    m_status->setText(ok ? tr("Saved in the library.") : tr("Not saved: %1").arg(m_library->errorString()));
    emit notesChanged(m_traceId);
}

void NotesPanel::updateEnabled()
{
    const bool usable = m_library && m_library->isOpen() && !m_spanId.isEmpty();
    m_bookmark->setEnabled(usable);
    m_note->setReadOnly(!usable);
    if (!m_library || !m_library->isOpen())
        m_status->setText(m_library ? tr("The library is off: %1").arg(m_library->errorString())
                                    : tr("Notes are kept in the library, which is off (--no-library)."));
    else if (m_spanId.isEmpty())
        m_status->setText(tr("Select a span to bookmark it or write a note."));
    else
        m_status->clear();
}

} // namespace td
