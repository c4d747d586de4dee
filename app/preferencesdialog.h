#pragma once

#include "theme.h"

#include <QDialog>
#include <QString>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QSettings;
class QSpinBox;

namespace td {

// What the user chose in Preferences, stored in QSettings under these keys (others read them directly):
//   ui/language            ""  (follow the system), "en" or "zh_CN"       applies at the next start
//   ui/theme               "system", "light" or "dark"                   applies at once
//   view/colorMode         "service" or "component"                       for traces opened from now on
//   view/timeZone          "local" or "utc"                               how absolute times are shown
//   export/redactByDefault true (default) or false                        redaction before text/images leave
//   export/format          "png" (default), "svg", "pdf" or "md"         the Export dialog's defaults
//   export/scope           "all" (default) or "visible"
//   export/width           600..8000 logical pixels (default 1600)
//   export/details         true (default): add the selected span's details
struct Preferences
{
    QString language;
    ThemeChoice theme = ThemeChoice::System;
    QString colorMode = QStringLiteral("service");
    bool utcTimes = false;
    bool redact = true;
    QString exportFormat = QStringLiteral("png");
    QString exportScope = QStringLiteral("all");
    int exportWidth = 1600;
    bool exportDetails = true;
    // The library keeps copies of fetched answers up to this many MiB in all, evicting the oldest.
    int libraryCopyCapMiB = 256;
    std::int64_t libraryCopyCapBytes() const { return static_cast<std::int64_t>(libraryCopyCapMiB) << 20; }

    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;
    bool operator==(const Preferences &) const = default;
};

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;

Q_SIGNALS:
    // "Connection Profiles…": the window opens its Connections dialog.
    void manageConnectionsRequested();

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    QComboBox *m_colorMode;
    QComboBox *m_timeZone;
    QCheckBox *m_redact;
    QComboBox *m_exportFormat;
    QComboBox *m_exportScope;
    QSpinBox *m_exportWidth;
    QCheckBox *m_exportDetails;
    QSpinBox *m_libraryCap;
    QString m_initialLanguage;
};

} // namespace td
