#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTest>
#include <QXmlStreamReader>

using namespace td;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString type; // the translation's type attribute: "" when finished
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList tsFiles()
{
    QStringList paths;
    const QDir dir(QStringLiteral(TRACEDESK_TS_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files))
        paths << dir.filePath(name);
    return paths;
}

QString where(const TsMessage &m)
{
    return m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
}

// Placeholders such as %1 and %n, sorted: a translation must use each one the source uses.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasMnemonic(const QString &text)
{
    return QString(text).remove(QStringLiteral("&&")).contains(QLatin1Char('&'));
}

QStringList problemsIn(const QList<TsMessage> &messages)
{
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (m.type == QLatin1String("unfinished"))
            problems << QStringLiteral("unfinished: ") + where(m);
        else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            problems << QStringLiteral("obsolete (no longer in the code): ") + where(m);
    }
    return problems;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void thereIsAChineseTranslation()
    {
        QVERIFY(tsFiles().contains(QStringLiteral(TRACEDESK_TS_DIR "/tracedesk_zh_CN.ts")));
    }

    void everyEntryIsTranslated()
    {
        for (const QString &path : tsFiles()) {
            QString error;
            const QList<TsMessage> messages = readTs(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(messages.size() > 100);
            QStringList problems = problemsIn(messages);
            for (const TsMessage &m : messages) {
                if (!m.type.isEmpty())
                    continue;
                for (const QString &t : m.translations) {
                    if (t.trimmed().isEmpty()) {
                        problems << QStringLiteral("empty translation: ") + where(m);
                        continue;
                    }
                    // Numerus forms may drop %n only in a language with one form; Chinese keeps it.
                    if (placeholders(t) != placeholders(m.source))
                        problems << QStringLiteral("placeholders differ: ") + where(m) + QStringLiteral(" -> ") + t;
                    if (hasMnemonic(m.source) && !hasMnemonic(t))
                        problems << QStringLiteral("keyboard accelerator (&) lost: ") + where(m) + QStringLiteral(" -> ") + t;
                }
            }
            QVERIFY2(problems.isEmpty(), qPrintable(QFileInfo(path).fileName() + QStringLiteral(":\n  ") + problems.join(QStringLiteral("\n  "))));
        }
    }

    // lupdate over the code as it is now, on a copy: a string added to the code shows up as unfinished,
    // one removed from it as vanished. Either means the .ts was not brought up to date.
    void translationsMatchTheCode()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        for (const QString &path : tsFiles()) {
            const QString copy = scratch.filePath(QFileInfo(path).fileName());
            QVERIFY(QFile::copy(path, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            QProcess lupdate;
            lupdate.setWorkingDirectory(QStringLiteral(TRACEDESK_SOURCE_DIR));
            QStringList args = QStringLiteral(TRACEDESK_LUPDATE_ARGS).split(QLatin1Char('|'));
            args << QStringLiteral("-ts") << copy;
            lupdate.start(QStringLiteral(TRACEDESK_LUPDATE), args);
            QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
            QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
            QString error;
            const QStringList problems = problemsIn(readTs(copy, &error));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(problems.isEmpty(),
                     qPrintable(QFileInfo(path).fileName() + QStringLiteral(" is out of date; run `ninja tracedesk_lupdate` and translate:\n  ")
                                + problems.join(QStringLiteral("\n  "))));
        }
    }

    void chineseIsUsedWhenChosen()
    {
        QVERIFY(availableTranslations().contains(QStringLiteral("zh_CN")));
        QCOMPARE(installTranslations(QCoreApplication::instance(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        const QString file = QCoreApplication::translate("td::MainActions", "&File");
        QVERIFY2(file != QLatin1String("&File") && file.contains(QLatin1Char('&')), qPrintable(file));
        QCOMPARE(QLocale().language(), QLocale::Chinese); // views pick the Chinese labels of extensions.json
        QVERIFY(file.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))));
        // Strings of helpers in free functions are filed under "td" by lupdate; they are found all the same.
        QVERIFY(QCoreApplication::translate("td::IncidentSummary", "Critical path") != QLatin1String("Critical path"));
    }

    // Each test starts in English, whatever the one before installed.
    void cleanup()
    {
        QCOMPARE(installTranslations(QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("td::MainActions", "&File"), QStringLiteral("&File"));
    }

    // Going back from Chinese to English takes the Chinese translators out: the UI is English again.
    void switchingBackToEnglish()
    {
        QCOMPARE(installTranslations(QCoreApplication::instance(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QVERIFY(QCoreApplication::translate("td::MainActions", "&File") != QLatin1String("&File"));
        QCOMPARE(installTranslations(QCoreApplication::instance(), QStringLiteral("en_GB")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("td::MainActions", "&File"), QStringLiteral("&File"));
        QCOMPARE(QLocale().language(), QLocale::English);
        // Twice Chinese is one set of translators, not two.
        installTranslations(QCoreApplication::instance(), QStringLiteral("zh_CN"));
        installTranslations(QCoreApplication::instance(), QStringLiteral("zh_CN"));
        QVERIFY(QCoreApplication::instance()->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly).size() <= 2);
    }

    void englishNeedsNoTranslation()
    {
        QCOMPARE(installTranslations(QCoreApplication::instance(), QStringLiteral("en_GB")), QStringLiteral("en"));
        // A language TraceDesk does not ship falls back to English.
        QCOMPARE(installTranslations(QCoreApplication::instance(), QStringLiteral("sw_KE")), QStringLiteral("en"));
        // Traditional Chinese is not shipped: English UI, and English labels too.
        QCOMPARE(installTranslations(QCoreApplication::instance(), QStringLiteral("zh_TW")), QStringLiteral("en"));
        QCOMPARE(QLocale().language(), QLocale::English);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
