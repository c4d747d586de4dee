#include "annotationspanel.h"
#include "endpointspanel.h"
#include "iplatformpanel.h"

#include <QLocale>
#include "overviewpanel.h"
#include "rawjsonpanel.h"
#include "tagspanel.h"
#include "traceloader.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QtTest>

using namespace td;

namespace {

const QString samplePath = QStringLiteral(TRACEDESK_TEST_DATA "/../../resources/sample-trace.json");

QString fixture(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/") + QString::fromLatin1(name);
}

struct Loaded
{
    TracePtr trace;
    std::int32_t span = -1;
};

Loaded loadSpan(const QString &path, const char *spanId)
{
    const LoadResult r = loadTraceFile(path);
    if (!r.ok())
        return {};
    return {r.trace, r.trace->findSpan(spanId)};
}

QString rowText(QTreeWidget *table, int row, int column)
{
    QTreeWidgetItem *item = table->topLevelItem(row);
    return item ? item->text(column) : QString();
}

} // namespace

class TestDetailPanels : public QObject
{
    Q_OBJECT
private slots:
    void overviewOfSharedFeignCall()
    {
        const Loaded l = loadSpan(samplePath, "5e1f0a3c9b2d4e71");
        QVERIFY(l.span >= 0);
        OverviewPanel panel;
        panel.showSpan(l.trace, l.span);
        QCOMPARE(panel.value(QStringLiteral("operation")), QStringLiteral("http:/tridentservice/allbusisys"));
        QCOMPARE(panel.value(QStringLiteral("service")), QStringLiteral("trident-service"));
        QCOMPARE(panel.value(QStringLiteral("spanId")), QStringLiteral("5e1f0a3c9b2d4e71"));
        QCOMPARE(panel.value(QStringLiteral("parentId")), QStringLiteral("b1ce90a546e67ba5"));
        QCOMPARE(panel.value(QStringLiteral("traceId")), QStringLiteral("b1ce90a546e67ba5"));
        QCOMPARE(panel.value(QStringLiteral("duration")), QStringLiteral("450 ms"));
        QCOMPARE(panel.value(QStringLiteral("selfTime")), QStringLiteral("120 ms"));
        QCOMPARE(panel.value(QStringLiteral("offset")), QStringLiteral("+40.0 ms"));
        QCOMPARE(panel.value(QStringLiteral("component")), QStringLiteral("feignclient"));
        QVERIFY(panel.value(QStringLiteral("kind")).startsWith(QStringLiteral("client")));
        QCOMPARE(panel.value(QStringLiteral("startUtc")), QStringLiteral("2018-09-27 07:35:37.031000 UTC"));
        // Values are plain, selectable text.
        auto *label = panel.findChild<QLabel *>(QStringLiteral("spanId"));
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
    }

    void annotationsSpelledOut()
    {
        const Loaded l = loadSpan(samplePath, "5e1f0a3c9b2d4e71");
        AnnotationsPanel panel;
        panel.showSpan(l.trace, l.span);
        QTreeWidget *t = panel.table();
        QCOMPARE(t->topLevelItemCount(), 4);
        QStringList events, meanings;
        for (int i = 0; i < 4; ++i) {
            events << rowText(t, i, AnnotationsPanel::Event);
            meanings << rowText(t, i, AnnotationsPanel::Meaning);
        }
        QCOMPARE(events, (QStringList{QStringLiteral("cs"), QStringLiteral("sr"), QStringLiteral("ss"), QStringLiteral("cr")}));
        QCOMPARE(meanings, (QStringList{QStringLiteral("Client Send"), QStringLiteral("Server Receive"),
                                        QStringLiteral("Server Send"), QStringLiteral("Client Receive")}));
        QCOMPARE(rowText(t, 0, AnnotationsPanel::Offset), QStringLiteral("+0 µs"));
        QCOMPARE(rowText(t, 1, AnnotationsPanel::Offset), QStringLiteral("+12.0 ms"));
        QCOMPARE(rowText(t, 1, AnnotationsPanel::Endpoint), QStringLiteral("trident-service 10.50.7.20:50171"));
        QCOMPARE(rowText(t, 0, AnnotationsPanel::Endpoint), QStringLiteral("empty-service 10.50.7.13:58080"));
    }

    void jdbcHasNoAnnotations()
    {
        const Loaded l = loadSpan(fixture("iplatform-jdbc-span.json"), "d3b277175669b1f6");
        AnnotationsPanel panel;
        panel.showSpan(l.trace, l.span);
        QCOMPARE(panel.table()->topLevelItemCount(), 0);
        QVERIFY(panel.table()->isHidden());
    }

    void endpointsOfHttpClient()
    {
        const Loaded l = loadSpan(fixture("iplatform-httpclient-span.json"), "c0e7a6f66745b037");
        QVERIFY(l.span >= 0);
        EndpointsPanel panel;
        panel.showSpan(l.trace, l.span);
        QTreeWidget *t = panel.table();
        QCOMPARE(t->topLevelItemCount(), 3);
        QCOMPARE(rowText(t, 0, EndpointsPanel::Service), QStringLiteral("empty-service"));
        QCOMPARE(rowText(t, 1, EndpointsPanel::Service), QStringLiteral("auth-service"));
        QCOMPARE(rowText(t, 1, EndpointsPanel::Address), QStringLiteral("10.22.1.234"));
        QCOMPARE(rowText(t, 1, EndpointsPanel::Port), QStringLiteral("9999"));
    }

    void iplatformSlowJdbc()
    {
        const Loaded l = loadSpan(samplePath, "7c4d2e9a1b3f5a60");
        IPlatformPanel panel;
        panel.showSpan(l.trace, l.span);
        QVERIFY(panel.hasFields());
        QCOMPARE(panel.rowFor(QStringLiteral("lc"))->text(IPlatformPanel::Value), QStringLiteral("jdbc"));
        QTreeWidgetItem *avg = panel.rowFor(QStringLiteral("durationMoveAvg"));
        QCOMPARE(avg->text(IPlatformPanel::Value), QStringLiteral("110 ms"));
        QCOMPARE(avg->text(IPlatformPanel::Note), QStringLiteral("actual 330 ms = 3.00× usual"));
        QCOMPARE(panel.rowFor(QStringLiteral("optimize_warn_pct"))->text(IPlatformPanel::Value), QStringLiteral("200.0%"));
        QCOMPARE(panel.rowFor(QStringLiteral("optimize_warn_pct"))->text(IPlatformPanel::Note), QStringLiteral("warns above 330 ms"));
        QTreeWidgetItem *type = panel.rowFor(QStringLiteral("optimize_warn_type"));
        QCOMPARE(type->text(IPlatformPanel::Value), QStringLiteral("warn_jdbc_optimize_time"));
        QCOMPARE(type->data(IPlatformPanel::Note, Qt::UserRole).toInt(), 1); // flagged as a warning
        // The label comes from extensions.json, not from code.
        QVERIFY(panel.rowFor(QStringLiteral("busisys"))->text(IPlatformPanel::Field).startsWith(QStringLiteral("Business system")));
    }

    void iplatformFailure()
    {
        const Loaded l = loadSpan(samplePath, "9a8b7c6d5e4f3a21");
        IPlatformPanel panel;
        panel.showSpan(l.trace, l.span);
        QCOMPARE(panel.rowFor(QStringLiteral("succeed"))->text(IPlatformPanel::Value), QStringLiteral("false"));
        QCOMPARE(panel.rowFor(QStringLiteral("succeed"))->data(IPlatformPanel::Note, Qt::UserRole).toInt(), 2);
        QCOMPARE(panel.rowFor(QStringLiteral("exception_class"))->text(IPlatformPanel::Value),
                 QStringLiteral("java.net.SocketTimeoutException"));
        QCOMPARE(panel.rowFor(QStringLiteral("exception_class"))->data(IPlatformPanel::Note, Qt::UserRole).toInt(), 2);
    }

    void iplatformNone()
    {
        const Loaded l = loadSpan(fixture("zipkin-standard-span.json"), "743942b4672a01cd");
        IPlatformPanel panel;
        panel.showSpan(l.trace, l.span >= 0 ? l.span : 0);
        QVERIFY(!panel.hasFields());
        QVERIFY(panel.table()->isHidden());
    }

    void chineseLabelsFollowTheUiLanguage()
    {
        // The labels come from extensions.json in both languages; a Chinese UI shows the Chinese ones.
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const Loaded l = loadSpan(samplePath, "7c4d2e9a1b3f5a60");
        IPlatformPanel panel;
        panel.showSpan(l.trace, l.span);
        QCOMPARE(panel.rowFor(QStringLiteral("lc"))->text(IPlatformPanel::Field), QStringLiteral("组件类型 (lc)"));
        QVERIFY(panel.rowFor(QStringLiteral("lc"))->toolTip(IPlatformPanel::Field).startsWith(QStringLiteral("Component")));
        const Loaded c = loadSpan(fixture("iplatform-httpclient-span.json"), "c0e7a6f66745b037");
        TagsPanel tags;
        tags.showSpan(c.trace, c.span);
        QCOMPARE(tags.tree()->topLevelItem(0)->text(TagsPanel::Key), QStringLiteral("HTTP客户端"));
        QLocale::setDefault(previous);
        panel.showSpan(l.trace, l.span);
        QCOMPARE(panel.rowFor(QStringLiteral("lc"))->text(IPlatformPanel::Field), QStringLiteral("Component (lc)"));
    }

    void tagsGroupedByFamily()
    {
        const Loaded l = loadSpan(fixture("iplatform-httpclient-span.json"), "c0e7a6f66745b037");
        TagsPanel panel;
        panel.showSpan(l.trace, l.span);
        QTreeWidget *tree = panel.tree();
        QCOMPARE(tree->topLevelItem(0)->text(TagsPanel::Key), QStringLiteral("HTTP client"));
        QTreeWidgetItem *accept = panel.itemFor(QStringLiteral("httpclient.request.headers.accept"));
        QVERIFY(accept);
        QCOMPARE(accept->text(TagsPanel::Key), QStringLiteral("accept"));
        QCOMPARE(accept->parent()->text(TagsPanel::Key), QStringLiteral("Request headers"));
        QCOMPARE(accept->parent()->parent(), tree->topLevelItem(0));
        QTreeWidgetItem *server = panel.itemFor(QStringLiteral("httpclient.response.headers.trace_service_address"));
        QCOMPARE(server->parent()->text(TagsPanel::Key), QStringLiteral("Response headers"));
        QCOMPARE(panel.itemFor(QStringLiteral("httpclient.method"))->text(TagsPanel::Key), QStringLiteral("Method"));
        QVERIFY(!panel.itemFor(QStringLiteral("sa"))); // in the Endpoints panel

        panel.setFilter(QStringLiteral("x-b3-spanid"));
        QVERIFY(!panel.itemFor(QStringLiteral("httpclient.request.headers.x-b3-spanid"))->isHidden());
        QVERIFY(accept->isHidden());
        QVERIFY(server->isHidden());
        QVERIFY(!panel.itemFor(QStringLiteral("httpclient.response.headers.x-b3-spanid"))->isHidden());
        panel.setFilter(QStringLiteral("trace_service_port"));
        QVERIFY(panel.itemFor(QStringLiteral("httpclient.request.headers.x-b3-spanid"))->parent()->isHidden());
        panel.setFilter(QString());
        QVERIFY(!accept->isHidden());
    }

    void tagValuesReadable()
    {
        const Loaded feign = loadSpan(fixture("iplatform-feignclient-trace.json"), "cd4271e88650332d");
        TagsPanel panel;
        panel.showSpan(feign.trace, feign.span);
        QTreeWidgetItem *body = panel.itemFor(QStringLiteral("feignclient.response.body"));
        QVERIFY(body);
        panel.tree()->setCurrentItem(body);
        const QString shown = panel.valueView()->toPlainText();
        QVERIFY(shown.contains(QStringLiteral("\n")));
        QVERIFY(shown.contains(QStringLiteral("\"success\": true")));
        QVERIFY(QFontInfo(panel.valueView()->font()).fixedPitch());

        const Loaded jdbc = loadSpan(fixture("iplatform-jdbc-span.json"), "d3b277175669b1f6");
        panel.showSpan(jdbc.trace, jdbc.span);
        QTreeWidgetItem *sql = panel.itemFor(QStringLiteral("jdbc.sql"));
        QCOMPARE(sql->text(TagsPanel::Key), QStringLiteral("SQL"));
        panel.tree()->setCurrentItem(sql);
        QVERIFY(panel.valueView()->toPlainText().startsWith(QStringLiteral("insert into empty_test")));
    }

    void tagsCopyKeyValueAndSpan()
    {
        const Loaded l = loadSpan(fixture("iplatform-jdbc-span.json"), "d3b277175669b1f6");
        QVERIFY(l.span >= 0);
        TagsPanel panel;
        panel.showSpan(l.trace, l.span);
        QClipboard *clipboard = QApplication::clipboard();
        QTreeWidgetItem *sql = panel.itemFor(QStringLiteral("jdbc.sql"));
        QVERIFY(sql);
        const QString value = sql->data(TagsPanel::Key, TagsPanel::FullValueRole).toString();
        QVERIFY(value.startsWith(QStringLiteral("insert into empty_test")));

        // Nothing selected: key and value cannot be copied; the span can.
        panel.tree()->setCurrentItem(nullptr);
        QVERIFY(!panel.copyKeyAction()->isEnabled());
        QVERIFY(!panel.copyValueAction()->isEnabled());
        QVERIFY(panel.copySpanAction()->isEnabled());

        // Identity by default.
        panel.tree()->setCurrentItem(sql);
        QVERIFY(panel.copyKeyAction()->isEnabled());
        panel.copyKeyAction()->trigger();
        QCOMPARE(clipboard->text(), QStringLiteral("jdbc.sql"));
        panel.copyValueAction()->trigger();
        QCOMPARE(clipboard->text(), value);
        QCOMPARE(panel.copyValueAction()->shortcut(), QKeySequence(QKeySequence::Copy));
        panel.copySpanAction()->trigger();
        const QString span = clipboard->text();
        QVERIFY2(span.contains(QStringLiteral("\"d3b277175669b1f6\"")), qPrintable(span));
        QVERIFY(span.contains(QStringLiteral("\"jdbc.sql\"")));
        QCOMPARE(span, panel.spanJson());
        QCOMPARE(span, QString::fromStdString(l.trace->rawJson(static_cast<std::size_t>(l.span))));

        // A filter sees every text before the clipboard does.
        QStringList seen;
        panel.setCopyFilter([&seen](const QString &text) {
            seen << text;
            QString out = text;
            return out.replace(QStringLiteral("empty_test"), QStringLiteral("[redacted]"));
        });
        panel.copyValueAction()->trigger();
        QVERIFY(clipboard->text().startsWith(QStringLiteral("insert into [redacted]")));
        panel.copySpanAction()->trigger();
        QVERIFY(!clipboard->text().contains(QStringLiteral("empty_test")));
        QVERIFY(clipboard->text().contains(QStringLiteral("[redacted]")));
        QCOMPARE(seen.size(), 2);
        // Ctrl+C on the list and in the value view goes through it too.
        clipboard->clear();
        QTest::keySequence(panel.tree(), QKeySequence::Copy);
        QVERIFY(clipboard->text().startsWith(QStringLiteral("insert into [redacted]")));
        clipboard->clear();
        QTest::keySequence(panel.valueView(), QKeySequence::Copy);
        QVERIFY2(clipboard->text().startsWith(QStringLiteral("insert into [redacted]")), qPrintable(clipboard->text()));
        // A filter that throws lets nothing out.
        panel.setCopyFilter([](const QString &) -> QString { throw std::runtime_error("no"); });
        clipboard->setText(QStringLiteral("before"));
        QVERIFY(!panel.copyValue());
        QCOMPARE(clipboard->text(), QStringLiteral("before"));
        // An empty function is the identity again.
        panel.setCopyFilter({});
        QVERIFY(panel.copyKey());
        QCOMPARE(clipboard->text(), QStringLiteral("jdbc.sql"));
    }

    void rawJsonOfSpan()
    {
        const Loaded l = loadSpan(fixture("iplatform-jdbc-span.json"), "d3b277175669b1f6");
        RawJsonPanel panel;
        panel.showSpan(l.trace, l.span);
        QVERIFY(panel.text().contains(QStringLiteral("\"jdbc.sql\"")));
        QVERIFY(panel.text().contains(QStringLiteral("d3b277175669b1f6")));
    }

    void spanTextIsPlain()
    {
        // Markup in span data must show as the characters it is.
        OverviewPanel panel;
        const QByteArray json = R"([{"traceId":"1","id":"1","name":"<b>bold</b>","timestamp":1,"duration":2}])";
        const LoadResult r = loadTraceBytes(std::make_shared<const std::string>(json.toStdString()), QStringLiteral("x.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        panel.showSpan(r.trace, 0);
        QCOMPARE(panel.value(QStringLiteral("operation")), QStringLiteral("<b>bold</b>"));
    }
};

QTEST_MAIN(TestDetailPanels)
#include "tst_detailpanels.moc"
