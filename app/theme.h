#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

class QApplication;

namespace td {

enum class ThemeChoice { System, Light, Dark };

QString themeChoiceKey(ThemeChoice choice); // "system", "light", "dark" as stored in the settings
ThemeChoice themeChoiceFromKey(const QString &key);

// The light and dark palettes TraceDesk uses with the Fusion style when it does not follow the system.
QPalette lightPalette();
QPalette darkPalette();
// A palette reads as dark when its window colour is darker than its text.
bool isDarkPalette(const QPalette &palette);

// Applies the theme to the application and keeps following the desktop while the choice is System:
// the platform's own style and palette, or the dark palette when the desktop asks for dark but the platform
// theme gives a light palette (GNOME's color-scheme, GTK_THEME=...:dark).
class ThemeManager : public QObject
{
    Q_OBJECT

public:
    // Remembers the platform's style and palette; call once the QApplication exists.
    explicit ThemeManager(QApplication *app);

    void apply(ThemeChoice choice);
    ThemeChoice choice() const { return m_choice; }
    // Whether the palette now in use is dark.
    bool isDark() const;
    // What the desktop asks for, as far as it can be told (platform palette, GNOME setting, GTK_THEME).
    bool systemPrefersDark() const;

Q_SIGNALS:
    void themeChanged(bool dark);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyNow();
    static bool desktopAsksForDark();

    QApplication *m_app;
    QString m_platformStyle;
    QPalette m_platformPalette;
    ThemeChoice m_choice = ThemeChoice::System;
    bool m_applying = false;
};

} // namespace td
