#include "eventsview.h"
#include "exportbody.h"
#include "exporter.h"
#include "redaction.h"
#include "spanview.h"
#include "timecontrol.h"
#include "traceevents.h"
#include "traceexportrenderer.h"
#include "traceloader.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

#include <functional>
#include <set>

using namespace td;

namespace {

QString realworld(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/realworld/") + QLatin1String(name);
}

const char *zipkinV1File = "open-telemetry__opentelemetry-collector/zipkinv1__zipkin_v1_single_batch.json";
const char *jaegerLogsFile = "jaegertracing__jaeger/uimodel-json__ui_01.json";
const char *otlpEventsFile = "jaegertracing__jaeger/hotrod-skills__n_plus_one_full_serial.json";
const char *otlpUnorderedFile = "jaegertracing__jaeger/hotrod-skills__error_timeout_masked.json";
const char *skewFile = "openzipkin__zipkin/zipkin-lens_testdata_skew.json";

QJsonDocument readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll());
}

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    if (!r.trace)
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(r.error));
    return r.trace;
}

// Every array under `key` anywhere in the document, as the source has it.
void eachArray(const QJsonValue &v, const QString &key, const std::function<void(const QJsonObject &owner, const QJsonArray &)> &f)
{
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            eachArray(x, key, f);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == key && it.value().isArray())
                f(o, it.value().toArray());
            else
                eachArray(it.value(), key, f);
        }
    }
}

int countInJson(const QString &path, const QString &key)
{
    int n = 0;
    const QJsonDocument doc = readJson(path);
    eachArray(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), key,
              [&n](const QJsonObject &, const QJsonArray &a) { n += static_cast<int>(a.size()); });
    return n;
}

// Event texts (Display) of every row.
QStringList column(const TraceEventsModel &m, int c)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, c).data().toString();
    return out;
}

EventFilter filter(const QString &text, const QString &service = {}, bool errorsOnly = false, bool rpcEvents = true)
{
    EventFilter f;
    f.text = text;
    f.service = service;
    f.errorsOnly = errorsOnly;
    f.rpcEvents = rpcEvents;
    return f;
}

bool timeOrdered(const TraceEvents &events)
{
    for (std::size_t i = 1; i < events.size(); ++i)
        if (events.at(i - 1).timeUs > events.at(i).timeUs)
            return false;
    return true;
}

EventsView *eventsPage(SpanView &view)
{
    return qobject_cast<EventsView *>(view.page(TraceViewKind::Events));
}

} // namespace

class TestEvents : public QObject
{
    Q_OBJECT
private slots:
    void zipkinV1AnnotationsWithTheirEndpoints()
    {
        const QString path = realworld(zipkinV1File);
        const TracePtr trace = load(path);
        TraceEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(trace);
        // The halves of each RPC are merged into one row; their annotations all stay events.
        QCOMPARE(model.totalCount(), countInJson(path, QStringLiteral("annotations")));
        QCOMPARE(model.totalCount(), 9);
        QVERIFY(timeOrdered(model.events()));
        // Each cs/sr/ss/cr is named, and its service is its own endpoint's, from the JSON.
        std::set<std::pair<QString, QString>> expected; // (value, service)
        for (const QJsonValue &s : readJson(path).array())
            for (const QJsonValue &a : s.toObject().value(QStringLiteral("annotations")).toArray())
                expected.insert({a[QStringLiteral("value")].toString(), a[QStringLiteral("endpoint")][QStringLiteral("serviceName")].toString()});
        std::set<std::pair<QString, QString>> shown;
        const QStringList events = column(model, TraceEventsModel::Event);
        const QStringList services = column(model, TraceEventsModel::Service);
        for (int r = 0; r < model.rowCount(); ++r) {
            QString value = events[r];
            if (value.endsWith(QLatin1Char(')')))
                value = value.mid(value.lastIndexOf(QLatin1Char('(')) + 1).chopped(1);
            shown.insert({value, services[r]});
        }
        QCOMPARE(shown, expected);
        QVERIFY(events.contains(QStringLiteral("Client Send (cs)")));
        QVERIFY(events.contains(QStringLiteral("Server Receive (sr)")));
        QVERIFY(events.contains(QStringLiteral("custom time event")));
        // The first event is the front proxy's cs at 1544805927446743, the trace's start.
        QCOMPARE(events.front(), QStringLiteral("Client Send (cs)"));
        QCOMPARE(services.front(), QStringLiteral("front-proxy"));
        QCOMPARE(model.index(0, TraceEventsModel::Time).data().toString(), QStringLiteral("0 µs"));
        QCOMPARE(model.index(0, TraceEventsModel::Span).data().toString(), QStringLiteral("checkAvailability"));
    }

    void zipkinV1Filters()
    {
        const TracePtr trace = load(realworld(zipkinV1File));
        TraceEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(trace);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        // By hand from the file: checkStock has cs, cr (service1) and sr, ss (service2).
        model.setFilter(filter(QStringLiteral("checkstock"), QString(), false));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        model.setFilter(filter(QStringLiteral("checkstock"), QStringLiteral("service2"), false));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(column(model, TraceEventsModel::Event), (QStringList{QStringLiteral("Server Receive (sr)"), QStringLiteral("Server Send (ss)")}));
        // The readable names are searched too: "receive" is sr and cr, two of each span.
        model.setFilter(filter(QStringLiteral("RECEIVE"), QString(), false));
        QCOMPARE(model.rowCount(), 4);
        model.setFilter(filter(QStringLiteral("front-proxy"), QString(), false));
        QCOMPARE(model.rowCount(), 2);
        model.setFilter(filter(QString(), QStringLiteral("service1"), false));
        QCOMPARE(model.rowCount(), 5);
        model.setFilter(filter(QString(), QStringLiteral("no-such-service"), false));
        QCOMPARE(model.rowCount(), 0);
        model.setFilter(filter(QString(), QString(), false));
        QCOMPARE(model.rowCount(), 9);
        // Without cs/sr/ss/cr: the file's other annotations.
        int others = 0;
        for (const QJsonValue &s : readJson(realworld(zipkinV1File)).array())
            for (const QJsonValue &a : s.toObject().value(QStringLiteral("annotations")).toArray())
                others += !QStringList{QStringLiteral("cs"), QStringLiteral("sr"), QStringLiteral("ss"), QStringLiteral("cr")}.contains(a[QStringLiteral("value")].toString());
        model.setFilter(filter(QString(), QString(), false, false));
        QCOMPARE(model.rowCount(), others);
        QCOMPARE(model.index(0, TraceEventsModel::Event).data().toString(), QStringLiteral("custom time event"));
    }

    void jaegerLogsAndFields()
    {
        const QString path = realworld(jaegerLogsFile);
        const TracePtr trace = load(path);
        TraceEventsModel model;
        model.setTrace(trace);
        QCOMPARE(model.totalCount(), countInJson(path, QStringLiteral("logs")));
        QCOMPARE(model.totalCount(), 2);
        // A log is titled by its event field, as in the Jaeger UI; a log without one by "log".
        const QStringList events = column(model, TraceEventsModel::Event);
        QCOMPARE(QSet<QString>(events.begin(), events.end()), (QSet<QString>{QStringLiteral("some-event"), QStringLiteral("log")}));
        const QStringList fields = column(model, TraceEventsModel::Fields);
        QVERIFY(fields.contains(QStringLiteral("event=some-event")));
        QVERIFY(fields.contains(QStringLiteral("x=y")));
        QCOMPARE(column(model, TraceEventsModel::Service), (QStringList{QStringLiteral("service-x"), QStringLiteral("service-x")}));
        model.setFilter(filter(QStringLiteral("X=Y"), QString(), false));
        QCOMPARE(model.rowCount(), 1);
    }

    void otlpEventsInTimeOrder()
    {
        for (const char *file : {otlpEventsFile, otlpUnorderedFile}) {
            const QString path = realworld(file);
            const TracePtr trace = load(path);
            TraceEventsModel model;
            model.setTrace(trace);
            QCOMPARE(model.totalCount(), countInJson(path, QStringLiteral("events")));
            QVERIFY(timeOrdered(model.events()));
            // Times are the events' own: the sorted timeUnixNano of the file, in µs.
            std::vector<std::int64_t> times;
            eachArray(readJson(path).object(), QStringLiteral("events"), [&](const QJsonObject &, const QJsonArray &a) {
                for (const QJsonValue &e : a)
                    times.push_back(e[QStringLiteral("timeUnixNano")].toString().toLongLong() / 1000);
            });
            std::sort(times.begin(), times.end());
            for (std::size_t i = 0; i < times.size(); ++i)
                QCOMPARE(model.events().at(i).timeUs, times[i]);
        }
        // The feature flag evaluation's attributes are its fields.
        TraceEventsModel model;
        model.setTrace(load(realworld(otlpUnorderedFile)));
        model.setFilter(filter(QStringLiteral("feature_flag.evaluation"), QString(), false));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, TraceEventsModel::Fields).data().toString().contains(QStringLiteral("feature_flag.key=productCatalogFailure")));
    }

    void errorsOnlyCountsExceptionsAndErrorSpans()
    {
        const QString path = realworld(otlpEventsFile);
        // By hand from the JSON: events named exception or with exception.* attributes, and every event of a
        // span whose status is ERROR.
        int expected = 0;
        eachArray(readJson(path).object(), QStringLiteral("spans"), [&](const QJsonObject &, const QJsonArray &spans) {
            for (const QJsonValue &s : spans) {
                const bool errorSpan = s[QStringLiteral("status")][QStringLiteral("code")].toVariant().toString().contains(QStringLiteral("ERROR"))
                    || s[QStringLiteral("status")][QStringLiteral("code")].toInt() == 2;
                for (const QJsonValue &e : s[QStringLiteral("events")].toArray()) {
                    bool error = errorSpan || e[QStringLiteral("name")].toString().contains(QStringLiteral("exception"), Qt::CaseInsensitive)
                        || e[QStringLiteral("name")].toString().contains(QStringLiteral("error"), Qt::CaseInsensitive);
                    for (const QJsonValue &a : e[QStringLiteral("attributes")].toArray())
                        error = error || a[QStringLiteral("key")].toString().startsWith(QStringLiteral("exception."));
                    expected += error;
                }
            }
        });
        QVERIFY(expected >= 3); // three exception events at least
        TraceEventsModel model;
        model.setTrace(load(path));
        model.setFilter(filter(QString(), QString(), true));
        QCOMPARE(model.rowCount(), expected);
        QVERIFY(model.rowCount() < model.totalCount());
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.index(r, 0).data(TraceEventsModel::ErrorRole).toBool());
        model.setFilter(filter(QStringLiteral("exception.message"), QString(), true));
        QCOMPARE(model.rowCount(), 3);
    }

    void logServiceLogsAndAuditRecords()
    {
        // Log Service rows carry their logs as JSON text: one "retry" log with attempt=2.
        const QString sls = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/sls-trace-rows.json");
        int logs = 0;
        for (const QJsonValue &row : readJson(sls).array()) {
            QJsonValue v = row[QStringLiteral("logs")];
            if (v.isString())
                v = QJsonDocument::fromJson(v.toString().toUtf8()).array();
            logs += static_cast<int>(v.toArray().size());
        }
        TraceEventsModel model;
        model.setTrace(load(sls));
        QCOMPARE(model.totalCount(), logs);
        QCOMPARE(model.totalCount(), 1);
        QCOMPARE(model.index(0, TraceEventsModel::Event).data().toString(), QStringLiteral("retry"));
        QCOMPARE(model.index(0, TraceEventsModel::Fields).data().toString(), QStringLiteral("attempt=2"));
        QCOMPARE(model.index(0, TraceEventsModel::Service).data().toString(), QStringLiteral("catalog"));
        QCOMPARE(model.index(0, TraceEventsModel::Time).data().toString(), QStringLiteral("174 ms")); // 1686294917000 - 16826

        // A cloud audit record is itself the event: one each, with its fields, errors for incidents.
        const QString cts = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/cts-trace-list.json");
        const QJsonArray records = readJson(cts).object().value(QStringLiteral("traces")).toArray();
        model.setTrace(load(cts));
        QCOMPARE(model.totalCount(), static_cast<int>(records.size()));
        QVERIFY(timeOrdered(model.events()));
        int incidents = 0;
        for (const QJsonValue &r : records)
            incidents += r[QStringLiteral("trace_rating")].toString() == QLatin1String("incident");
        model.setFilter(filter(QString(), QString(), true));
        QCOMPARE(model.rowCount(), incidents);
        model.setFilter(filter(QStringLiteral("rebootServer"), QString(), false));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, TraceEventsModel::Fields).data().toString().contains(QStringLiteral("trace_rating=warning")));
    }

    void multiLineFieldsOnOneLine()
    {
        // A stack trace in a log field: one line in the row, every line in the tooltip.
        QJsonDocument doc = readJson(realworld(jaegerLogsFile));
        QJsonObject root = doc.object();
        QJsonArray spans = root[QStringLiteral("spans")].toArray();
        QJsonObject span = spans[0].toObject();
        QJsonArray logs = span[QStringLiteral("logs")].toArray();
        QJsonObject log = logs[1].toObject();
        QJsonArray fields = log[QStringLiteral("fields")].toArray();
        fields.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("stack")},
                                  {QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("value"), QStringLiteral("<b>at a()</b>\n\tat b()")}});
        log[QStringLiteral("fields")] = fields;
        logs[1] = log;
        span[QStringLiteral("logs")] = logs;
        spans[0] = span;
        root[QStringLiteral("spans")] = spans;
        const auto bytes = std::make_shared<const std::string>(QJsonDocument(root).toJson().toStdString());
        TraceEventsModel model;
        model.setTrace(loadTraceBytes(bytes, QStringLiteral("stack.json")).trace);
        model.setFilter(filter(QStringLiteral("stack="), QString(), false));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex cell = model.index(0, TraceEventsModel::Fields);
        QCOMPARE(cell.data().toString(), QStringLiteral("x=y; stack=<b>at a()</b> \u23CE  at b()"));
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("x=y; stack=<b>at a()</b>\n\tat b()"));
    }

    void rawTimesDifferBySkew()
    {
        const QString path = realworld(skewFile);
        const TracePtr trace = load(path);
        // Zipkin Lens's own correction of this file: the server half of "post" moves by correctedUs - rawUs.
        const QJsonObject reference = readJson(QStringLiteral(TRACEDESK_TEST_DATA "/zipkin-skew-reference.json"))
                                          .object()[QLatin1String("openzipkin__zipkin/zipkin-lens_testdata_skew.json")].toObject();
        qint64 serverShift = 0;
        for (const QJsonValue &n : reference[QStringLiteral("nodes")].toArray())
            if (n[QStringLiteral("id")].toString() == QLatin1String("74280ae0c10d8062") && n[QStringLiteral("kind")].toString() == QLatin1String("SERVER"))
                serverShift = static_cast<qint64>(n[QStringLiteral("correctedUs")].toDouble() - n[QStringLiteral("rawUs")].toDouble());
        QVERIFY(serverShift > 60000);

        SpanView view;
        view.resize(1200, 700);
        view.setTrace(trace);
        view.setCurrentView(TraceViewKind::Events);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        EventsView *page = eventsPage(view);
        QVERIFY(page->isBuilt());
        TraceEventsModel *model = page->model();
        // The merged "post" row holds the RPC's cs/sr/ss/cr; sr and ss are the server's.
        const auto timesOf = [&](const QString &event) {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->index(r, TraceEventsModel::Event).data().toString().endsWith(event))
                    return std::pair{model->index(r, 0).data(TraceEventsModel::TimeUsRole).toLongLong(), model->index(r, 0).data().toString()};
            return std::pair{qint64(-1), QString()};
        };
        const auto srAdjusted = timesOf(QStringLiteral("(sr)"));
        const auto csAdjusted = timesOf(QStringLiteral("(cs)"));
        view.setShowRawTimes(true);
        QVERIFY(model->showRawTimes());
        const auto srRaw = timesOf(QStringLiteral("(sr)"));
        const auto csRaw = timesOf(QStringLiteral("(cs)"));
        QCOMPARE(srAdjusted.first - srRaw.first, serverShift);
        QVERIFY(srAdjusted.second != srRaw.second);
        QCOMPARE(csAdjusted.first, csRaw.first); // the client side did not move
        // Recorded, the server received before its client sent; corrected, after.
        QVERIFY(srRaw.first < csRaw.first);
        QVERIFY(srAdjusted.first > csAdjusted.first);
        view.setShowRawTimes(false);
        QCOMPARE(timesOf(QStringLiteral("(sr)")), srAdjusted);
    }

    void builtOnlyWhenShown()
    {
        SpanView view;
        view.setTrace(load(realworld(otlpEventsFile)));
        EventsView *page = eventsPage(view);
        QVERIFY(!page->isBuilt());
        QCOMPARE(page->model()->rowCount(), 0);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!page->isBuilt()); // the timeline is showing
        view.setCurrentView(TraceViewKind::Events);
        QVERIFY(page->isBuilt());
        QCOMPARE(page->model()->rowCount(), countInJson(realworld(otlpEventsFile), QStringLiteral("events")));
        QCOMPARE(page->countLabel()->text(), QStringLiteral("%1 of %1 events").arg(page->model()->rowCount()));
        page->filterEdit()->setText(QStringLiteral("exception"));
        QCOMPARE(page->countLabel()->text(), QStringLiteral("%1 of %2 events").arg(page->model()->rowCount()).arg(page->model()->totalCount()));
        QVERIFY(page->model()->rowCount() >= 3);
        // A new trace drops the old events and collects again while shown.
        view.setTrace(load(realworld(zipkinV1File)));
        QVERIFY(page->isBuilt());
        QCOMPARE(page->model()->totalCount(), 9);
        QCOMPARE(page->serviceBox()->count(), 4); // all, front-proxy, service1, service2
    }

    void clickSelectsAndSelectionHighlights()
    {
        const TracePtr trace = load(realworld(zipkinV1File));
        SpanView view;
        view.resize(1400, 700);
        view.setTrace(trace);
        view.setCurrentView(TraceViewKind::Events);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        EventsView *page = eventsPage(view);
        QTableView *table = page->table();
        TraceEventsModel *model = page->model();
        QSignalSpy activated(page, &TraceViewPage::spanActivated);

        // Click the row of "custom time event": its span (checkAvailability) is selected everywhere.
        int custom = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, TraceEventsModel::Event).data().toString() == QLatin1String("custom time event"))
                custom = r;
        QVERIFY(custom > 0);
        const std::int32_t availability = model->spanAt(custom);
        QCOMPARE(trace->qstr(trace->span(static_cast<std::size_t>(availability)).name), QStringLiteral("checkAvailability"));
        view.selectSpan(-1);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model->index(custom, TraceEventsModel::Event)).center());
        QCOMPARE(view.selectedSpan(), availability);
        // The user stays on the row they clicked, though it is not the span's first.
        QVERIFY(model->firstRowOfSpan(availability) < custom);
        QCOMPARE(table->currentIndex().row(), custom);
        const QPoint at = table->visualRect(model->index(custom, 0)).center();
        QTest::mousePress(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.front().front().value<std::int32_t>(), availability);

        // Selected elsewhere: checkStock's first row becomes current, its other rows are highlighted.
        std::int32_t stock = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, TraceEventsModel::Span).data().toString() == QLatin1String("checkStock"))
                stock = model->spanAt(r);
        view.selectSpan(stock);
        const int first = model->firstRowOfSpan(stock);
        QCOMPARE(table->currentIndex().row(), first);
        QCOMPARE(model->spanAt(first), stock);
        const QImage shot = table->viewport()->grab().toImage();
        const QColor highlight = table->palette().color(QPalette::Highlight).lighter(185);
        const auto background = [&](int row) {
            const QRect r = table->visualRect(model->index(row, TraceEventsModel::Fields));
            return shot.pixelColor(r.right() - 3 * table->devicePixelRatio(), r.center().y());
        };
        int highlighted = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (r == first)
                continue;
            const bool ofStock = model->spanAt(r) == stock;
            QCOMPARE(background(r).rgb() == highlight.rgb(), ofStock);
            highlighted += ofStock;
        }
        QCOMPARE(highlighted, 3); // cs, cr, sr, ss: four rows, one of them current

        // Search matches are highlighted too.
        view.setSearchText(QStringLiteral("checkAvailability"));
        const QImage matched = table->viewport()->grab().toImage();
        const QRect r = table->visualRect(model->index(custom, TraceEventsModel::Fields));
        QCOMPARE(matched.pixelColor(r.right() - 3, r.center().y()).rgb(), QColor(255, 235, 120).rgb());
    }

    void errorRowsAreRed()
    {
        SpanView view;
        view.resize(1400, 900);
        view.setTrace(load(realworld(otlpEventsFile)));
        view.setCurrentView(TraceViewKind::Events);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        EventsView *page = eventsPage(view);
        page->errorsOnlyBox()->setChecked(true);
        QTableView *table = page->table();
        QVERIFY(page->model()->rowCount() > 0);
        view.selectSpan(-1);
        table->selectionModel()->clear();
        const QImage shot = table->viewport()->grab().toImage();
        const QRect cell = table->visualRect(page->model()->index(0, TraceEventsModel::Event));
        bool red = false;
        for (int x = cell.left(); x < cell.right() && !red; ++x)
            for (int y = cell.top(); y < cell.bottom() && !red; ++y) {
                const QColor c = shot.pixelColor(x, y);
                red = c.red() > 150 && c.green() < 90 && c.blue() < 90;
            }
        QVERIFY(red);
    }

    void exportDrawsTheEventsRedacted()
    {
        // A real Jaeger trace whose log carries a bearer token.
        QJsonDocument doc = readJson(realworld(jaegerLogsFile));
        QJsonObject root = doc.object();
        QJsonArray spans = root[QStringLiteral("spans")].toArray();
        QJsonObject span = spans[0].toObject();
        QJsonArray logs = span[QStringLiteral("logs")].toArray();
        QJsonObject log = logs[1].toObject();
        QJsonArray fields = log[QStringLiteral("fields")].toArray();
        fields.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("http.request.header.authorization")},
                                  {QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("value"), QStringLiteral("Bearer s3cr3t-t0ken")}});
        fields.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("url")},
                                  {QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("value"), QStringLiteral("https://x.example/cb?access_token=abc123def456&a=1")}});
        log[QStringLiteral("fields")] = fields;
        logs[1] = log;
        span[QStringLiteral("logs")] = logs;
        spans[0] = span;
        root[QStringLiteral("spans")] = spans;
        const auto bytes = std::make_shared<const std::string>(QJsonDocument(root).toJson().toStdString());
        const TracePtr trace = loadTraceBytes(bytes, QStringLiteral("secret.json")).trace;
        QVERIFY(trace);
        // The secret is there to be hidden: the view shows it.
        TraceEventsModel model;
        model.setTrace(trace);
        QVERIFY(column(model, TraceEventsModel::Fields).join(QLatin1Char('\n')).contains(QStringLiteral("s3cr3t-t0ken")));

        ExportSource source = exportSourceFromTrace(trace, ExportScope::All, NoIndex);
        source.view = TraceViewKind::Events;
        {
            const TraceExportRenderer renderer(source, ExportOptions{});
            const QString drawn = renderer.drawnTexts().join(QLatin1Char('\n'));
            QVERIFY(drawn.contains(QStringLiteral("some-event")));
            QVERIFY(drawn.contains(QStringLiteral("x=y")));
            QVERIFY(drawn.contains(QStringLiteral("Fields")));
            QVERIFY(!drawn.contains(QStringLiteral("s3cr3t-t0ken")));
            QVERIFY(!drawn.contains(QStringLiteral("abc123def456")));
            QVERIFY(drawn.contains(Redactor::placeholder()));
            QVERIFY(renderer.redactedCount() >= 2);
        }
        // Rows in the order the view gave, and only those.
        std::unique_ptr<ExportBody> body = makeEventsExportBody(source, ExportStyle{});
        source.items = {1};
        body = makeEventsExportBody(source, ExportStyle{});
        Redactor redactor;
        body->layOut(1000, redactor);
        QCOMPARE(body->bandCount(), 1);
        QVERIFY(body->drawnTexts().join(QLatin1Char('\n')).contains(QStringLiteral("x=y")));
        QVERIFY(!body->drawnTexts().join(QLatin1Char('\n')).contains(QStringLiteral("some-event")));
        source.items = {-1}; // the view's way of saying its filter left nothing
        body = makeEventsExportBody(source, ExportStyle{});
        body->layOut(1000, redactor);
        QCOMPARE(body->bandCount(), 0);

        // A picture of it.
        source.items.clear();
        QString error;
        const QImage image = renderExportImage(source, ExportOptions{}, &error);
        QVERIFY2(!image.isNull(), qPrintable(error));
    }

    void exportFollowsTheViewsFilter()
    {
        SpanView view;
        view.resize(1200, 700);
        view.setTrace(load(realworld(zipkinV1File)));
        view.setCurrentView(TraceViewKind::Events);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        EventsView *page = eventsPage(view);
        page->filterEdit()->setText(QStringLiteral("service2"));
        const ExportSource source = exportSourceFromView(view, ExportScope::All);
        QCOMPARE(source.view, TraceViewKind::Events);
        QCOMPARE(source.items, page->model()->rows());
        QCOMPARE(source.items.size(), std::size_t(2));
        const TraceExportRenderer renderer(source, ExportOptions{});
        const QString drawn = renderer.drawnTexts().join(QLatin1Char('\n'));
        QVERIFY(drawn.contains(QStringLiteral("Server Receive (sr)")));
        QVERIFY(!drawn.contains(QStringLiteral("Client Send (cs)")));
        page->filterEdit()->setText(QStringLiteral("nothing-matches-this"));
        QCOMPARE(page->countLabel()->text(), QStringLiteral("0 of 9 events"));
        const TraceExportRenderer none(exportSourceFromView(view, ExportScope::All), ExportOptions{});
        QVERIFY(!none.drawnTexts().join(QLatin1Char('\n')).contains(QStringLiteral("(cs)")));
    }
};

QTEST_MAIN(TestEvents)
#include "tst_events.moc"
