#include "spantablemodel.h"
#include "redaction.h"
#include "exportbody.h"
#include "spantreemodel.h"
#include "traceloader.h"
#include "spantableview.h"
#include "exportoptions.h"
#include "spanpalette.h"
#include "spanview.h"
#include "timecontrol.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

#include <algorithm>

using namespace td;

namespace {

QString realworld(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/realworld/") + QLatin1String(name);
}

const char *smartthingsFile = "openzipkin__zipkin/zipkin-lens_testdata_smartthings-mobile-web-install.json";

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    if (!r.trace)
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(r.error));
    return r.trace;
}

TracePtr loadText(const char *json)
{
    const LoadResult r = loadTraceBytes(std::make_shared<const std::string>(json), QStringLiteral("test.json"));
    if (!r.trace)
        qFatal("cannot load the test trace: %s", qPrintable(r.error));
    return r.trace;
}

// Zipkin v2: a root, a child with awkward tag values, a child whose parent is missing (so a placeholder).
const char *smallTrace =
    "[{\"traceId\":\"1\",\"id\":\"a\",\"name\":\"get /\",\"timestamp\":1000000,\"duration\":5000,"
    "\"localEndpoint\":{\"serviceName\":\"front\"},\"tags\":{\"component\":\"http\",\"http.url\":\"/x\"}},"
    "{\"traceId\":\"1\",\"id\":\"b\",\"parentId\":\"a\",\"name\":\"select\",\"timestamp\":1001000,\"duration\":2000,"
    "\"localEndpoint\":{\"serviceName\":\"db\"},"
    "\"tags\":{\"error\":\"boom\",\"sql\":\"select \\\"a\\\", b\\nfrom t\",\"tabbed\":\"x\\ty\"}},"
    "{\"traceId\":\"1\",\"id\":\"c\",\"parentId\":\"zz\",\"name\":\"orphan\",\"timestamp\":1002000,\"duration\":100,"
    "\"localEndpoint\":{\"serviceName\":\"db\"}}]";

// Shows the trace in a span view on its span table page at this size; null when the page is not shown.
SpanTableView *showTable(SpanView &view, const TracePtr &trace, const QSize &size)
{
    view.setTrace(trace);
    view.resize(size);
    view.setCurrentView(TraceViewKind::SpanTable);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return nullptr;
    auto *page = qobject_cast<SpanTableView *>(view.page(TraceViewKind::SpanTable));
    return page && page->isVisible() ? page : nullptr;
}

} // namespace

class TestSpantable : public QObject
{
    Q_OBJECT
private slots:
    void rowsAreRealSpans();
    void sortByDuration();
    void filters();
    void tagColumns();
    void tsvAndCsv();
    void modelTester();
    void view();
    void rowColours();
    void rawAndAdjustedStarts();
};

void TestSpantable::rowsAreRealSpans()
{
    const TracePtr t = load(realworld(smartthingsFile));
    SpanTableModel m;
    m.setTrace(t);
    QCOMPARE(static_cast<std::size_t>(m.rowCount()), t->realSpanCount());
    QCOMPARE(m.rowCount(), 667);
    QCOMPARE(m.columnCount(), int(SpanTableModel::FixedColumnCount));
    for (int r = 0; r < m.rowCount(); ++r) {
        const int span = m.index(r, 0).data(SpanTableModel::SpanIndexRole).toInt();
        QVERIFY(!t->span(static_cast<std::size_t>(span)).isPlaceholder());
        QCOMPARE(m.rowForSpan(span), r);
    }

    const TracePtr small = loadText(smallTrace);
    QVERIFY(small->spanCount() > small->realSpanCount()); // the missing parent got a placeholder
    m.setTrace(small);
    QCOMPARE(m.rowCount(), 3);
    QStringList ops;
    for (int r = 0; r < m.rowCount(); ++r)
        ops << m.index(r, SpanTableModel::Operation).data().toString();
    ops.sort();
    QCOMPARE(ops, (QStringList{QStringLiteral("get /"), QStringLiteral("orphan"), QStringLiteral("select")}));
}

void TestSpantable::sortByDuration()
{
    const TracePtr t = load(realworld(smartthingsFile));
    SpanTableModel m;
    m.setTrace(t);
    SpanTableFilter f;
    f.setSourceModel(&m);
    f.sort(SpanTableModel::Duration, Qt::DescendingOrder);
    QCOMPARE(f.rowCount(), 667);
    std::vector<std::int64_t> expected;
    for (const Span &s : t->spans())
        if (!s.isPlaceholder())
            expected.push_back(s.durationUs);
    std::sort(expected.begin(), expected.end(), std::greater<>());
    for (int r = 0; r < f.rowCount(); ++r) {
        const QModelIndex i = f.index(r, SpanTableModel::Duration);
        const int span = f.spanAt(i);
        const Span &s = t->span(static_cast<std::size_t>(span));
        QCOMPARE(i.data(SpanTableModel::SortRole).toLongLong(), s.durationUs);
        QCOMPARE(s.durationUs, expected[static_cast<std::size_t>(r)]);
        QCOMPARE(i.data().toString(), SpanTreeModel::formatDuration(static_cast<double>(s.durationUs)));
    }
}

void TestSpantable::filters()
{
    const TracePtr t = load(realworld(smartthingsFile));
    SpanTableModel m;
    m.setTrace(t);
    SpanTableFilter f;
    f.setSourceModel(&m);

    int errors = 0;
    for (const Span &s : t->spans())
        if (!s.isPlaceholder() && s.isError())
            ++errors;
    f.setErrorsOnly(true);
    QCOMPARE(f.rowCount(), errors);
    for (int r = 0; r < f.rowCount(); ++r)
        QVERIFY(t->span(static_cast<std::size_t>(f.spanAt(f.index(r, 0)))).isError());
    f.setErrorsOnly(false);
    QCOMPARE(f.rowCount(), 667);

    // Text: the service of the first row, upper-cased, matches case-insensitively.
    const Span &first = t->span(static_cast<std::size_t>(m.spanAtRow(0)));
    const QString service = t->qstr(first.service);
    QVERIFY(!service.isEmpty());
    int withText = 0, withService = 0;
    for (const Span &s : t->spans()) {
        if (s.isPlaceholder())
            continue;
        if (t->qstr(s.service).contains(service, Qt::CaseInsensitive) || t->qstr(s.name).contains(service, Qt::CaseInsensitive))
            ++withText;
        if (t->qstr(s.service) == service)
            ++withService;
    }
    f.setTextFilter(service.toUpper());
    QCOMPARE(f.rowCount(), withText);
    f.setTextFilter(QString());
    f.setServiceFilter(service);
    QCOMPARE(f.rowCount(), withService);
    f.setServiceFilter(QString());

    f.setMinDurationUs(100'000);
    int slow = 0;
    for (const Span &s : t->spans())
        if (!s.isPlaceholder() && s.durationUs >= 100'000)
            ++slow;
    QCOMPARE(f.rowCount(), slow);
    f.setMinDurationUs(0);
    f.setTextFilter(QStringLiteral("no such thing at all"));
    QCOMPARE(f.rowCount(), 0);

    // indexForSpan finds a row through the proxy.
    f.setTextFilter(QString());
    const std::int32_t span = m.spanAtRow(10);
    QCOMPARE(f.spanAt(f.indexForSpan(span)), span);
}

void TestSpantable::tagColumns()
{
    const TracePtr t = loadText(smallTrace);
    SpanTableModel m;
    m.setTrace(t);
    m.setTagColumns({QStringLiteral("http.url"), QStringLiteral("sql"), QStringLiteral("not-a-key")});
    QCOMPARE(m.columnCount(), SpanTableModel::FixedColumnCount + 3);
    QCOMPARE(m.headerData(SpanTableModel::FixedColumnCount, Qt::Horizontal).toString(), QStringLiteral("http.url"));
    for (int r = 0; r < m.rowCount(); ++r) {
        const QString op = m.index(r, SpanTableModel::Operation).data().toString();
        const QString url = m.index(r, SpanTableModel::FixedColumnCount).data().toString();
        const QString sql = m.index(r, SpanTableModel::FixedColumnCount + 1).data().toString();
        QVERIFY(m.index(r, SpanTableModel::FixedColumnCount + 2).data().toString().isEmpty());
        if (op == QLatin1String("get /")) {
            QCOMPARE(url, QStringLiteral("/x"));
            QCOMPARE(m.index(r, SpanTableModel::ComponentColumn).data().toString(), QStringLiteral("http"));
            QCOMPARE(m.index(r, SpanTableModel::Service).data().toString(), QStringLiteral("front"));
            QCOMPARE(m.index(r, SpanTableModel::Start).data().toString(), SpanTreeModel::formatDuration(0));
        } else if (op == QLatin1String("select")) {
            QCOMPARE(sql, QStringLiteral("select \"a\", b\nfrom t"));
            QVERIFY(!m.index(r, SpanTableModel::FixedColumnCount + 1).data(Qt::ToolTipRole).isValid());
            QVERIFY(!m.index(r, SpanTableModel::Error).data().toString().isEmpty());
            QCOMPARE(m.index(r, SpanTableModel::Start).data(SpanTableModel::SortRole).toLongLong(), 1000LL); // µs after the trace start
        }
    }
}

void TestSpantable::tsvAndCsv()
{
    const TracePtr t = loadText(smallTrace);
    SpanTableModel m;
    m.setTrace(t);
    m.setTagColumns({QStringLiteral("sql"), QStringLiteral("tabbed")});
    SpanTableFilter f;
    f.setSourceModel(&m);
    f.setTextFilter(QStringLiteral("select"));
    QCOMPARE(f.rowCount(), 1);

    const QString tsv = SpanTableModel::rowsAsTsv({f.index(0, 0), f.index(0, 3)});
    const QStringList lines = tsv.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2); // one row and the empty text after its newline
    const QStringList cells = lines.at(0).split(QLatin1Char('\t'));
    QCOMPARE(cells.size(), f.columnCount());
    QCOMPARE(cells.at(SpanTableModel::Service), QStringLiteral("db"));
    QCOMPARE(cells.at(SpanTableModel::Operation), QStringLiteral("select"));
    QCOMPARE(cells.at(SpanTableModel::FixedColumnCount), QStringLiteral("select \"a\", b from t"));
    QCOMPARE(cells.at(SpanTableModel::FixedColumnCount + 1), QStringLiteral("x y"));

    QCOMPARE(SpanTableModel::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    // Formulas from span data are not run by a spreadsheet; numbers stay numbers.
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("=HYPERLINK(\"http://x\")")), QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""));
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("+cmd")), QStringLiteral("'+cmd"));
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("-12.5")), QStringLiteral("-12.5"));
    QCOMPARE(SpanTableModel::csvField(QStringLiteral("42")), QStringLiteral("42"));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(SpanTableModel::writeCsv(&buffer, &f));
    const QString csv = QString::fromUtf8(buffer.data());
    const QString header = QStringLiteral("Service,Operation,Start,Duration,Self time,Error,Component,sql,tabbed\r\n");
    QVERIFY2(csv.startsWith(header), qPrintable(csv));
    const QString row = csv.mid(header.size());
    QVERIFY2(row.startsWith(QStringLiteral("db,select,")), qPrintable(row));
    QVERIFY2(row.endsWith(QStringLiteral(",\"select \"\"a\"\", b\nfrom t\",x\ty\r\n")), qPrintable(row));

    // Empty selection: empty text; a closed device: failure.
    QVERIFY(SpanTableModel::rowsAsTsv({}).isEmpty());
    QBuffer closed;
    QVERIFY(!SpanTableModel::writeCsv(&closed, &f));
}

void TestSpantable::modelTester()
{
    SpanTableModel m;
    SpanTableFilter f;
    f.setSourceModel(&m);
    QAbstractItemModelTester tm(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tf(&f, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setTrace(load(realworld(smartthingsFile)));
    f.sort(SpanTableModel::Duration, Qt::DescendingOrder);
    f.setErrorsOnly(true);
    f.setErrorsOnly(false);
    m.setTagColumns({QStringLiteral("http.url")});
    f.setTextFilter(QStringLiteral("a"));
    f.sort(SpanTableModel::Service, Qt::AscendingOrder);
    m.setTrace(loadText(smallTrace));
    m.setTrace(nullptr);
    QCOMPARE(f.rowCount(), 0);
}

void TestSpantable::view()
{
    SpanView view;
    const TracePtr t = load(realworld(smartthingsFile));
    SpanTableView *page = showTable(view, t, QSize(1200, 700));
    QVERIFY(page);
    QCOMPARE(page->table()->model()->rowCount(), 667);
    QVERIFY(page->serviceBox()->count() > 1);

    // A row selects its span; a span selected elsewhere selects its row.
    TimeControl *time = view.timeControl();
    const QModelIndex row5 = page->table()->model()->index(5, 1);
    page->table()->setCurrentIndex(row5);
    QCOMPARE(time->selectedSpan(), page->proxy()->spanAt(row5));
    const std::int32_t other = page->model()->spanAtRow(100);
    time->setSelectedSpan(other);
    QCOMPARE(page->proxy()->spanAt(page->table()->currentIndex()), other);

    // Ctrl+C copies the selected row as TSV.
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_C, Qt::ControlModifier);
    const QString tsv = QGuiApplication::clipboard()->text();
    QCOMPARE(tsv, page->selectedRowsTsv());
    QVERIFY(tsv.startsWith(page->model()->cellText(other, SpanTableModel::Service) + QLatin1Char('\t')));

    // The filter row.
    int errors = 0;
    for (const Span &s : t->spans())
        errors += !s.isPlaceholder() && s.isError();
    QVERIFY(errors > 0);
    page->errorsOnlyBox()->setChecked(true);
    QCOMPARE(page->table()->model()->rowCount(), errors);
    page->errorsOnlyBox()->setChecked(false);
    page->minDurationEdit()->setText(QStringLiteral("100ms"));
    QCOMPARE(page->proxy()->minDurationUs(), 100'000);
    page->minDurationEdit()->setText(QStringLiteral("10"));   // not a duration yet: no minimum
    QCOMPARE(page->proxy()->minDurationUs(), 0);
    page->minDurationEdit()->clear();
    page->filterEdit()->setText(QStringLiteral("no such thing at all"));
    QCOMPARE(page->table()->model()->rowCount(), 0);
    page->filterEdit()->clear();
    page->serviceBox()->setCurrentIndex(1);
    QCOMPARE(page->proxy()->serviceFilter(), page->serviceBox()->currentText());
    QVERIFY(page->table()->model()->rowCount() > 0);

    page->addTagColumn(QStringLiteral("http.url"));
    page->addTagColumn(QStringLiteral("http.url"));
    QCOMPARE(page->table()->model()->columnCount(), SpanTableModel::FixedColumnCount + 1);
    ExportSource source;
    page->describeExport(&source);
    QCOMPARE(source.tableTagColumns, QStringList{QStringLiteral("http.url")});
    QCOMPARE(static_cast<int>(source.items.size()), page->table()->model()->rowCount());
    QCOMPARE(source.items.front(), page->proxy()->spanAt(page->table()->model()->index(0, 0)));

    // A new trace rebuilds the rows.
    view.setTrace(loadText(smallTrace));
    page->serviceBox()->setCurrentIndex(0);
    QCOMPARE(page->table()->model()->rowCount(), 3);
}

namespace {

// Pixels of this cell (in the table's viewport) close to the colour.
int pixelsNear(const QImage &image, const QRect &cell, const QColor &colour)
{
    int n = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y)
        for (int x = cell.left(); x <= cell.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue()) < 40;
        }
    return n;
}

} // namespace

// A failed span's row is written in the error colour, a search match's row is yellow, as in the events
// table: checked in the drawn pixels of the table.
void TestSpantable::rowColours()
{
    SpanView view;
    SpanTableView *page = showTable(view, loadText(smallTrace), QSize(1000, 500));
    QVERIFY(page);
    QTableView *table = page->table();
    page->table()->clearSelection();
    view.timeControl()->setSelectedSpan(-1);
    table->setCurrentIndex(QModelIndex());

    auto rowOf = [&](const char *operation) {
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, SpanTableModel::Operation).data().toString() == QLatin1String(operation))
                return r;
        return -1;
    };
    const int failed = rowOf("select"), fine = rowOf("get /");
    QVERIFY(failed >= 0 && fine >= 0);
    const QColor error = SpanPalette::errorColor(), match(255, 235, 120);
    auto cell = [&](int row) { return table->visualRect(table->model()->index(row, SpanTableModel::Operation)); };

    QImage image = table->viewport()->grab().toImage();
    QVERIFY(pixelsNear(image, cell(failed), error) > 0);
    QCOMPARE(pixelsNear(image, cell(fine), error), 0);
    QCOMPARE(pixelsNear(image, cell(fine), match), 0);

    // The search of the span view marks its matches in the table too.
    QCOMPARE(view.setSearchText(QStringLiteral("get /")), 1);
    table->clearSelection();
    table->setCurrentIndex(QModelIndex());
    image = table->viewport()->grab().toImage();
    QVERIFY(pixelsNear(image, cell(fine), match) > cell(fine).width() * cell(fine).height() / 2);
    QCOMPARE(pixelsNear(image, cell(failed), match), 0);
    view.setSearchText(QString());
    table->clearSelection();
    table->setCurrentIndex(QModelIndex());
    image = table->viewport()->grab().toImage();
    QCOMPARE(pixelsNear(image, cell(fine), match), 0);
}

// Raw/Adjusted moves the Start column as it moves the bars: a span shifted for clock skew shows its start as
// recorded under Raw, and the table sorted by start follows.
void TestSpantable::rawAndAdjustedStarts()
{
    const TracePtr t = load(realworld("openzipkin__zipkin/zipkin-lens_testdata_skew.json"));
    std::int32_t shifted = -1;
    for (std::size_t i = 0; i < t->spanCount() && shifted < 0; ++i)
        if (!t->span(i).isPlaceholder() && t->span(i).rawStartUs != t->span(i).startUs)
            shifted = static_cast<std::int32_t>(i);
    QVERIFY2(shifted >= 0, "the skew trace has a span moved by skew correction");
    const Span &s = t->span(static_cast<std::size_t>(shifted));

    SpanView view;
    SpanTableView *page = showTable(view, t, QSize(1000, 500));
    QVERIFY(page);
    const auto startText = [&] {
        return page->proxy()->indexForSpan(shifted, SpanTableModel::Start).data().toString();
    };
    const auto shown = [](std::int64_t us) { return SpanTreeModel::formatDuration(static_cast<double>(us)); };
    QCOMPARE(startText(), shown(s.startUs - t->startUs()));
    view.setShowRawTimes(true);
    QCOMPARE(startText(), shown(s.rawStartUs - t->startUs()));
    // Sorted by start, the rows follow the raw starts.
    QAbstractItemModel *rows = page->table()->model();
    for (int r = 1; r < rows->rowCount(); ++r) {
        const Span &a = t->span(static_cast<std::size_t>(page->proxy()->spanAt(rows->index(r - 1, 0))));
        const Span &b = t->span(static_cast<std::size_t>(page->proxy()->spanAt(rows->index(r, 0))));
        QVERIFY(a.rawStartUs <= b.rawStartUs);
    }
    ExportSource source;
    source.trace = t;
    source.showRawTimes = true;
    const auto body = makeSpanTableExportBody(source, ExportStyle{});
    QVERIFY(body);
    Redactor redactor(false);
    body->layOut(1200, redactor);
    QVERIFY(body->drawnTexts().contains(shown(s.rawStartUs - t->startUs())));
    view.setShowRawTimes(false);
    QCOMPARE(startText(), shown(s.startUs - t->startUs()));
}

QTEST_MAIN(TestSpantable)
#include "tst_spantable.moc"
