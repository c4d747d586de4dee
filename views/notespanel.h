#pragma once

#include "spanpanel.h"

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace td {

class TraceLibrary;

// The selected span's bookmark and note, kept in the library as they are typed: every change is written in
// its own transaction at once (no Save button), so a note survives a crash right after typing.
class NotesPanel : public SpanPanel
{
    Q_OBJECT
public:
    explicit NotesPanel(QWidget *parent = nullptr);

    // Not owned; null or closed: the panel says the library is off.
    void setLibrary(TraceLibrary *library);
    void showSpan(const TracePtr &trace, std::int32_t spanIndex) override;

    // Ctrl+B: bookmarks the span shown, or removes its bookmark.
    void toggleBookmark();

    QCheckBox *bookmarkBox() const { return m_bookmark; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLabel *statusLabel() const { return m_status; }

signals:
    // A bookmark or note of this trace was written (the tab redraws its marks).
    void notesChanged(const QString &traceId);

private:
    void write();
    void updateEnabled();

    TraceLibrary *m_library = nullptr;
    TracePtr m_trace;
    QString m_traceId;
    QString m_spanId;
    QCheckBox *m_bookmark;
    QPlainTextEdit *m_note;
    QLabel *m_status;
    bool m_loading = false;
};

} // namespace td
