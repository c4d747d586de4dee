// One set of iplatform text rules (models/iplatformtext.h) and the builder, the analysis and the panel
// agreeing on them: a "none" exception_class is no failure anywhere, a real one a failure everywhere.
#include "analysis.h"
#include "extensionkeys.h"
#include "iplatformpanel.h"
#include "iplatformtext.h"
#include "tracedsl.h"

#include <QTreeWidgetItem>
#include <QtTest>

using namespace td;

class TestIPlatformText : public QObject
{
    Q_OBJECT
private slots:
    void trimValue_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("trimmed");
        QTest::newRow("plain") << "jdbc" << "jdbc";
        QTest::newRow("single quotes") << "'jdbc'" << "jdbc";
        QTest::newRow("double quotes") << "\"jdbc\"" << "jdbc";
        QTest::newRow("spaced") << "  jdbc \t" << "jdbc";
        QTest::newRow("quoted and spaced") << " ' jdbc ' " << "jdbc";
        QTest::newRow("inner quotes stay") << "'it''s'" << "it''s";
        QTest::newRow("empty quotes") << "\"\"" << "";
        QTest::newRow("inner spaces stay") << "'a b'" << "a b";
    }
    void trimValue()
    {
        QFETCH(QString, value);
        QFETCH(QString, trimmed);
        const QByteArray utf8 = value.toUtf8();
        QCOMPARE(QString::fromUtf8(iplatform::trimValue(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())))), trimmed);
        QCOMPARE(iplatform::trimValue(value), trimmed);
    }

    void isNone_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("none");
        QTest::newRow("empty") << "" << true;
        QTest::newRow("empty quotes") << "\"\"" << true;
        QTest::newRow("none") << "none" << true;
        QTest::newRow("None spaced") << " None " << true;
        QTest::newRow("null") << "null" << true;
        QTest::newRow("NULL quoted") << "'NULL'" << true;
        QTest::newRow("double-quoted null") << "\"null\"" << true;
        QTest::newRow("an exception") << "java.io.IOException" << false;
        QTest::newRow("nonexistent") << "nonexistent" << false;
        QTest::newRow("nullable") << "'nullable'" << false;
        QTest::newRow("zero") << "0" << false;
    }
    void isNone()
    {
        QFETCH(QString, value);
        QFETCH(bool, none);
        const std::string utf8 = value.toStdString();
        QCOMPARE(iplatform::isNone(std::string_view(utf8)), none);
        QCOMPARE(iplatform::isNone(value), none);
    }

    void parseNumber()
    {
        double v = 0;
        QVERIFY(iplatform::parseNumber("'30.5'", &v));
        QCOMPARE(v, 30.5);
        QVERIFY(iplatform::parseNumber(" 200 ", &v));
        QCOMPARE(v, 200.0);
        QVERIFY(!iplatform::parseNumber("''", &v));
        QVERIFY(!iplatform::parseNumber("abc", &v));
    }

    // The builder (Span::isError), the analysis (errorSpans) and the iplatform panel (the "failed" note)
    // say the same of each exception_class.
    void builderAnalysisAndPanelAgree()
    {
        const auto trace = testing::buildTrace(QStringLiteral("root 0 100\n"
                                                              "root/a 10 10 tag:exception_class=null\n"
                                                              "root/b 20 10 tag:exception_class='None'\n"
                                                              "root/c 30 10 tag:exception_class=\"\"\n"
                                                              "root/d 40 10 tag:exception_class=java.io.IOException\n"
                                                              "root/e 50 10 tag:optimize_warn_type=null tag:exception_class=NULL\n"));
        QCOMPARE(trace->spanCount(), std::size_t(6));
        std::vector<std::string> failed;
        for (std::size_t i = 0; i < trace->spanCount(); ++i)
            if (trace->span(i).isError())
                failed.emplace_back(trace->str(trace->span(i).spanId));
        QCOMPARE(failed, std::vector<std::string>{"d"});
        const std::vector<ErrorSpan> errors = errorSpans(*trace);
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(trace->str(trace->span(static_cast<std::size_t>(errors.front().span)).spanId), std::string_view("d"));
        QVERIFY(!trace->span(static_cast<std::size_t>(trace->findSpan("e"))).isWarning());

        IPlatformPanel panel;
        for (const char *id : {"a", "b", "c", "d", "e"}) {
            const std::int32_t span = trace->findSpan(id);
            QVERIFY(span >= 0);
            panel.showSpan(trace, span);
            QTreeWidgetItem *row = panel.rowFor(QStringLiteral("exception_class"));
            const int severity = row ? row->data(IPlatformPanel::Note, Qt::UserRole).toInt() : 0;
            QCOMPARE(severity == 2, std::string_view(id) == "d");
        }
    }

    // The bundled key file loads; a file TraceDesk could not use says why (and the app refuses to start).
    void extensionKeyFile()
    {
        QVERIFY2(ExtensionKeys::instance().loadError().isEmpty(), qPrintable(ExtensionKeys::instance().loadError()));
        QVERIFY(!ExtensionKeys::instance().roleKeys().empty());
        QCOMPARE(ExtensionKeys::fromJson("[1, 2]").loadError(), QStringLiteral("extension key file is not a JSON object"));
        QCOMPARE(ExtensionKeys::fromJson("{\"keys\": [}").loadError(), QStringLiteral("extension key file is not a JSON object"));
        QCOMPARE(ExtensionKeys::fromJson("{\"families\": []}").loadError(), QStringLiteral("extension key file lists no keys"));
        const ExtensionKeys one = ExtensionKeys::fromJson(R"({"keys": [{"key": "lc", "role": "component"}]})");
        QVERIFY(one.loadError().isEmpty());
        QCOMPARE(one.role("lc"), ExtensionKeys::Role::Component);
    }
};

QTEST_MAIN(TestIPlatformText)
#include "tst_iplatformtext.moc"
