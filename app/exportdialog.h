#pragma once

#include "exportoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSettings;
class QSpinBox;

namespace td {

class CompareView;

class SpanView;

// File > Export...: format, scope, width, details of the selected span, redaction and the file name.
// Remembers format, scope, width, details and the folder (QSettings group "export"); redaction starts on
// every time unless the preference "export/redactByDefault" is false, so turning it off stays a choice.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    // Whether a span is selected (details possible) and the trace id, for the suggested file name.
    void setContext(bool hasSelectedSpan, const QString &traceId);
    // The view exported: the one on screen in the tab (switch views with 1-5 before exporting).
    void setViewTitle(const QString &title);
    QString viewTitle() const;

    ExportOptions options() const;
    QString filePath() const;
    void setFilePath(const QString &path);

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;

    QComboBox *formatBox() const { return m_format; }
    QRadioButton *visibleScopeButton() const { return m_visible; }
    QSpinBox *widthBox() const { return m_width; }
    QCheckBox *detailsBox() const { return m_details; }
    QCheckBox *redactBox() const { return m_redact; }
    QLineEdit *pathEdit() const { return m_path; }

    static QString redactByDefaultKey() { return QStringLiteral("export/redactByDefault"); }

public slots:
    void accept() override;

private:
    void browse();
    void onFormatChanged();
    void updateRedactWarning();

    QComboBox *m_format;
    QRadioButton *m_all;
    QRadioButton *m_visible;
    QSpinBox *m_width;
    QCheckBox *m_details;
    QCheckBox *m_redact;
    QLabel *m_redactWarning;
    QLabel *m_view;
    QLineEdit *m_path;
    QString m_directory;
    QString m_traceId;
};

// File > Export... for the trace in view: asks, writes, says what happened. sourceLabel names where the
// trace came from (file name, or profile/project); empty: taken from the trace.
void exportFromView(QWidget *parent, const SpanView *view, const QString &sourceLabel = {});
// File > Export on a compare tab: the comparison in any format, Markdown with the top 10 slowdowns.
void exportFromCompare(QWidget *parent, const CompareView *view);
// Copy image (Ctrl+Shift+C): the trace as the export draws it, redacted, on the clipboard.
// Returns false (and says why in a message box) when there is nothing to copy.
bool copyViewImage(QWidget *parent, const SpanView *view, const QString &sourceLabel = {});
// The text filter for anything copied from the detail panels: the redactor when redaction is on by default.
QString filterCopiedText(const QString &text);

} // namespace td
