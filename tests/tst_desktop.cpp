#include "language.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "singleinstance.h"
#include "theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <thread>

using namespace td;

class TestDesktop : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreSafe()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        const Preferences p = Preferences::load(settings);
        QVERIFY(p.language.isEmpty()); // follow the system
        QCOMPARE(p.theme, ThemeChoice::System);
        QVERIFY(p.redact); // redaction is on unless switched off
        QCOMPARE(p.colorMode, QStringLiteral("service"));
        QVERIFY(!p.utcTimes);
        QCOMPARE(p.exportWidth, 1600);
        QCOMPARE(p.exportFormat, QStringLiteral("png"));
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("prefs.ini")), QSettings::IniFormat);
        Preferences p;
        p.language = QStringLiteral("zh_CN");
        p.theme = ThemeChoice::Dark;
        p.colorMode = QStringLiteral("component");
        p.utcTimes = true;
        p.redact = false;
        p.exportFormat = QStringLiteral("pdf");
        p.exportWidth = 2400;
        p.exportScope = QStringLiteral("visible");
        p.exportDetails = false;
        p.save(settings);
        settings.sync();
        QSettings reread(dir.filePath(QStringLiteral("prefs.ini")), QSettings::IniFormat);
        QVERIFY(Preferences::load(reread) == p);
        QCOMPARE(reread.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(reread.value(QStringLiteral("view/timeZone")).toString(), QStringLiteral("utc"));
        // The keys the Export dialog reads its defaults from.
        QCOMPARE(reread.value(QStringLiteral("export/redactByDefault")).toBool(), false);
        QCOMPARE(reread.value(QStringLiteral("export/format")).toString(), QStringLiteral("pdf"));
        QCOMPARE(reread.value(QStringLiteral("export/width")).toInt(), 2400);
    }

    void dialogShowsAndReturnsTheChoices()
    {
        Preferences p;
        p.language = QStringLiteral("zh_CN");
        p.theme = ThemeChoice::Light;
        p.redact = false;
        PreferencesDialog dialog(p);
        QVERIFY(dialog.preferences() == p);

        dialog.findChild<QComboBox *>(QStringLiteral("theme"))->setCurrentIndex(2);
        dialog.findChild<QComboBox *>(QStringLiteral("timeZone"))->setCurrentIndex(1);
        dialog.findChild<QCheckBox *>(QStringLiteral("redact"))->setChecked(true);
        const Preferences chosen = dialog.preferences();
        QCOMPARE(chosen.theme, ThemeChoice::Dark);
        QVERIFY(chosen.utcTimes);
        QVERIFY(chosen.redact);
        QCOMPARE(chosen.language, QStringLiteral("zh_CN"));

        QSignalSpy connections(&dialog, &PreferencesDialog::manageConnectionsRequested);
        dialog.findChild<QPushButton *>(QStringLiteral("connections"))->click();
        QCOMPARE(connections.count(), 1);

        if (qEnvironmentVariableIsSet("TRACEDESK_GRAB_DIR")) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(qEnvironmentVariable("TRACEDESK_GRAB_DIR") + QStringLiteral("/preferences.png"));
            installTranslations(QCoreApplication::instance(), QStringLiteral("zh_CN"));
            PreferencesDialog chinese(Preferences{});
            chinese.show();
            QVERIFY(QTest::qWaitForWindowExposed(&chinese));
            chinese.grab().save(qEnvironmentVariable("TRACEDESK_GRAB_DIR") + QStringLiteral("/preferences-zh_CN.png"));
        }
    }

    void themeManagerSwitchesPalettes()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(app);
        ThemeManager theme(app);
        QSignalSpy changed(&theme, &ThemeManager::themeChanged);
        theme.apply(ThemeChoice::Dark);
        QVERIFY(theme.isDark());
        QVERIFY(isDarkPalette(QApplication::palette()));
        QCOMPARE(changed.last().at(0).toBool(), true);
        // Text stays readable on the dark base.
        const QPalette dark = QApplication::palette();
        QVERIFY(dark.color(QPalette::Text).lightness() - dark.color(QPalette::Base).lightness() > 120);

        theme.apply(ThemeChoice::Light);
        QVERIFY(!theme.isDark());
        QCOMPARE(changed.last().at(0).toBool(), false);

        // System: the platform's palette (offscreen gives a light one) unless the desktop asks for dark.
        theme.apply(ThemeChoice::System);
        QCOMPARE(theme.isDark(), theme.systemPrefersDark());
    }

    // What a second launch hands over lands in the running window: the file opens in a tab.
    void handedOffFileOpensInTheWindow()
    {
        QStandardPaths::setTestModeEnabled(true);
        MainWindow window;
        SingleInstance instance(QStringLiteral("tracedesk-test-") + QUuid::createUuid().toString(QUuid::Id128));
        QVERIFY(instance.listen());
        connect(&instance, &SingleInstance::argumentsReceived, &window, &MainWindow::openHandedOff);
        const int tabsBefore = window.tabs()->count();
        const QString file = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/zipkin-standard-span.json");
        std::thread second([key = instance.key(), file] { SingleInstance(key).sendToRunning({file}, 5000); });
        QSignalSpy shown(&window, &MainWindow::traceShown);
        const bool got = shown.wait(10000);
        second.join();
        QVERIFY(got);
        QCOMPARE(window.tabs()->count(), tabsBefore + 1);
        QCOMPARE(window.source().filePath, file);
    }

    void themeKeysRoundTrip()
    {
        for (const auto choice : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark})
            QCOMPARE(themeChoiceFromKey(themeChoiceKey(choice)), choice);
        QCOMPARE(themeChoiceFromKey(QStringLiteral("purple")), ThemeChoice::System);
    }
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
