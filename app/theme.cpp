#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QProcess>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

namespace td {

QString themeChoiceKey(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeChoice themeChoiceFromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return ThemeChoice::Light;
    if (key == QLatin1String("dark"))
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    p.setColor(QPalette::PlaceholderText, QColor(0x6E, 0x6E, 0x6E));
    return p;
}

QPalette darkPalette()
{
    // Greys rather than black, text not pure white: easier on the eyes and keeps the service colours readable.
    const QColor window(0x2B, 0x2D, 0x30);
    const QColor base(0x1E, 0x1F, 0x22);
    const QColor alternate(0x26, 0x28, 0x2B);
    const QColor text(0xE3, 0xE5, 0xE8);
    const QColor disabledText(0x80, 0x84, 0x8A);
    const QColor button(0x36, 0x39, 0x3D);
    const QColor highlight(0x2F, 0x65, 0xCA);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, QColor(0x3C, 0x3F, 0x44));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9E, 0xA6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6B, 0x6B));
    p.setColor(QPalette::Light, QColor(0x4A, 0x4D, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x48));
    p.setColor(QPalette::Mid, QColor(0x5A, 0x5E, 0x64));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1B));
    p.setColor(QPalette::Shadow, QColor(0x0E, 0x0F, 0x10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::Link, QColor(0x6C, 0xA8, 0xFF));
    p.setColor(QPalette::LinkVisited, QColor(0xB0, 0x8C, 0xF5));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4A, 0x4D, 0x52));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return p;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

ThemeManager::ThemeManager(QApplication *app)
    : QObject(app)
    , m_app(app)
    , m_platformStyle(QApplication::style() ? QApplication::style()->name() : QString())
    , m_platformPalette(QApplication::palette())
{
    app->installEventFilter(this);
}

bool ThemeManager::desktopAsksForDark()
{
    const QString gtkTheme = qEnvironmentVariable("GTK_THEME");
    if (gtkTheme.endsWith(QLatin1String(":dark"), Qt::CaseInsensitive) || gtkTheme.endsWith(QLatin1String("-dark"), Qt::CaseInsensitive))
        return true;
    // GNOME 42+ keeps the choice here; Qt 6.4's platform themes do not read it.
    if (!qEnvironmentVariable("XDG_CURRENT_DESKTOP").contains(QLatin1String("GNOME"), Qt::CaseInsensitive))
        return false;
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (gsettings.isEmpty())
        return false;
    QProcess process;
    process.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"), QStringLiteral("color-scheme")});
    if (!process.waitForFinished(1000)) {
        process.kill();
        process.waitForFinished(100);
        return false;
    }
    return QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("dark"));
}

bool ThemeManager::systemPrefersDark() const
{
    return isDarkPalette(m_platformPalette) || desktopAsksForDark();
}

bool ThemeManager::isDark() const
{
    return isDarkPalette(QApplication::palette());
}

void ThemeManager::apply(ThemeChoice choice)
{
    m_choice = choice;
    applyNow();
}

void ThemeManager::applyNow()
{
    m_applying = true;
    const bool platformDark = isDarkPalette(m_platformPalette);
    bool dark = false;
    if (m_choice == ThemeChoice::System && (platformDark || !desktopAsksForDark())) {
        // The platform's look is what the desktop wants.
        if (!m_platformStyle.isEmpty() && QApplication::style()->name() != m_platformStyle)
            QApplication::setStyle(m_platformStyle);
        QApplication::setPalette(QPalette()); // nothing set: Qt keeps following the platform theme
        dark = platformDark;
    } else {
        dark = m_choice == ThemeChoice::Dark || m_choice == ThemeChoice::System;
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(dark ? darkPalette() : lightPalette());
    }
    m_applying = false;
    Q_EMIT themeChanged(dark);
}

bool ThemeManager::eventFilter(QObject *watched, QEvent *event)
{
    // The desktop switched light/dark: the platform theme says so with ThemeChange.
    if (watched == m_app && event->type() == QEvent::ThemeChange && !m_applying) {
        m_applying = true;
        QApplication::setPalette(QPalette()); // what the platform theme gives now, without our palette
        m_platformPalette = QApplication::palette();
        m_applying = false;
        if (m_choice == ThemeChoice::System)
            applyNow();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace td
