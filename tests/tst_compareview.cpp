#include "compareview.h"
#include "exportbody.h"
#include "librarytablemodel.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "redaction.h"
#include "searchresultsview.h"
#include "startpage.h"
#include "tracelibrary.h"
#include "traceloader.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QTimer>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace td;

namespace {

const QString yelpPath = QStringLiteral(TRACEDESK_TEST_DATA "/realworld/openzipkin__zipkin/zipkin-lens_testdata_yelp.json");
const QString slowerPath = QStringLiteral(TRACEDESK_TEST_DATA "/compare/yelp-slower.json");

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    if (!r.ok())
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(r.error));
    return r.trace;
}

// The duration of the span with this id and kind in a Zipkin v2 file, read from the JSON itself.
qint64 durationInFile(const QString &path, const QString &id, const QString &kind)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).array()) {
        const QJsonObject s = v.toObject();
        if (s.value(QStringLiteral("id")).toString() == id && s.value(QStringLiteral("kind")).toString() == kind)
            return s.value(QStringLiteral("duration")).toInteger();
    }
    return -1;
}

QJsonObject runJson(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(TRACEDESK_EXE), args);
    if (!p.waitForFinished(60000)) {
        *exitCode = -1;
        return {};
    }
    *exitCode = p.exitCode();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT
private slots:
    // The tab: one tree, the biggest slowdown selected first, rows only in A or only in B coloured, and the
    // flat "largest slowdown first" order.
    void tabShowsTheComparison()
    {
        CompareView view(load(yelpPath), load(slowerPath), QStringLiteral("A"), QStringLiteral("B"));
        view.resize(1200, 600);
        view.show();
        const TraceCompare &c = view.compare();
        QCOMPARE(view.selectedRow(), c.bySlowdown().front());
        const CompareRow &first = c.rows()[static_cast<std::size_t>(view.selectedRow())];
        for (const CompareRow &r : c.rows())
            QVERIFY(first.deltaUs() >= r.deltaUs());
        CompareTreeModel *m = view.model();
        int onlyA = 0, onlyB = 0;
        for (std::size_t k = 0; k < c.rows().size(); ++k) {
            const QModelIndex index = m->indexOfRow(static_cast<std::int32_t>(k));
            QVERIFY(index.isValid());
            QCOMPARE(m->rowOf(index), static_cast<std::int32_t>(k));
            const QVariant background = index.data(Qt::BackgroundRole);
            if (c.rows()[k].side() == CompareSide::OnlyA) {
                ++onlyA;
                QCOMPARE(background.value<QColor>(), CompareColors::onlyA());
                QCOMPARE(m->index(index.row(), CompareTreeModel::RatioColumn, index.parent()).data().toString(), QStringLiteral("only in A"));
            } else if (c.rows()[k].side() == CompareSide::OnlyB) {
                ++onlyB;
                QCOMPARE(background.value<QColor>(), CompareColors::onlyB());
            } else {
                QVERIFY(!background.isValid());
            }
        }
        QCOMPARE(onlyA, 1); // the spectre call, gone in B
        QCOMPARE(onlyB, 1); // the retry, new in B
        QCOMPARE(static_cast<std::size_t>(onlyA), c.onlyACount());

        view.orderBox()->setCurrentIndex(1);
        QVERIFY(m->bySlowdown());
        QCOMPARE(m->rowCount(), static_cast<int>(c.rows().size()));
        QCOMPARE(m->rowOf(m->index(0, 0)), c.bySlowdown().front());
        QCOMPARE(view.selectedRow(), c.bySlowdown().front());
        // The flat list names the whole path.
        QCOMPARE(m->index(0, 0).data().toString(), c.path(c.bySlowdown().front()).join(QStringLiteral(" › ")));
        QVERIFY(view.exportSource().compareBySlowdown);
    }

    // The window: two files open in their tabs, then the compare tab; Export is offered on it.
    void windowComparesTwoFiles()
    {
        MainWindow window;
        window.show();
        QSignalSpy compared(&window, &MainWindow::compareShown);
        window.compareFiles(yelpPath, slowerPath);
        QVERIFY(!compared.isEmpty() || compared.wait(20000));
        QCOMPARE(window.tabs()->count(), 3);
        CompareView *view = window.compareView();
        QVERIFY(view);
        QCOMPARE(view->traceB()->realSpanCount(), load(slowerPath)->realSpanCount());
        const auto actions = window.findChildren<QAction *>();
        const auto exportAction = std::find_if(actions.begin(), actions.end(), [](QAction *a) { return a->text() == MainWindow::tr("&Export…"); });
        QVERIFY(exportAction != actions.end());
        QVERIFY((*exportAction)->isEnabled());
        QVERIFY2(window.statusSummary().contains(QStringLiteral("1 only in A")), qPrintable(window.statusSummary()));

        // Asking again with both open shows at once, without loading anything.
        compared.clear();
        window.compareFiles(slowerPath, yelpPath);
        QCOMPARE(compared.size(), 1);
        QCOMPARE(window.tabs()->count(), 4);
        QCOMPARE(window.compareView()->traceA()->realSpanCount(), load(slowerPath)->realSpanCount());
    }

    // Two rows of the library: the Compare button is there for exactly two.
    void libraryComparesTwoRows()
    {
        QTemporaryDir dir;
        TraceLibrary library;
        QVERIFY(library.open(dir.filePath(QStringLiteral("lib.sqlite"))));
        QVERIFY(library.record(*load(yelpPath), yelpPath));
        QVERIFY(library.record(*load(slowerPath), slowerPath));
        LibraryView view;
        view.setLibrary(&library);
        QCOMPARE(view.model()->rowCount(), 2);
        QVERIFY(!view.compareButton()->isEnabled());
        view.table()->selectRow(0);
        QVERIFY(!view.compareButton()->isEnabled());
        view.table()->selectionModel()->select(view.table()->model()->index(1, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(view.compareButton()->isEnabled());
        QSignalSpy spy(&view, &LibraryView::compareRequested);
        view.compareButton()->click();
        QCOMPARE(spy.size(), 1);
        const auto a = spy.at(0).at(0).value<LibraryEntry>(), b = spy.at(0).at(1).value<LibraryEntry>();
        QCOMPARE(QSet<QString>({a.source, b.source}), QSet<QString>({yelpPath, slowerPath}));
    }

    // File > Compare…: A and B picked from the open traces.
    void compareDialogPicksOpenTraces()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFiles({yelpPath, slowerPath});
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 20000);
        QSignalSpy compared(&window, &MainWindow::compareShown);
        bool filled = false;
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *a = dialog->findChild<QComboBox *>(QStringLiteral("compareA"));
            auto *b = dialog->findChild<QComboBox *>(QStringLiteral("compareB"));
            if (!a || !b || a->count() != 3) // two traces and "A file…"
                return;
            a->setCurrentIndex(a->findText(QStringLiteral("yelp-slower.json")));
            b->setCurrentIndex(b->findText(QStringLiteral("zipkin-lens_testdata_yelp.json")));
            filled = a->currentIndex() >= 0 && b->currentIndex() >= 0;
            dialog->accept();
        });
        window.openCompareDialog();
        QVERIFY(filled);
        QCOMPARE(compared.size(), 1);
        // A is the slower copy here: the retry is only in A.
        QCOMPARE(window.compareView()->compare().onlyACount(), std::size_t(1));
        QCOMPARE(window.compareView()->traceA()->realSpanCount(), load(slowerPath)->realSpanCount());
    }

    // The window: two library entries (two versions of one trace id, known by their files) compare.
    void windowComparesLibraryEntries()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openLibrary(dir.filePath(QStringLiteral("lib.sqlite"))));
        QVERIFY(window.library()->record(*load(yelpPath), QFileInfo(yelpPath).absoluteFilePath()));
        QVERIFY(window.library()->record(*load(slowerPath), QFileInfo(slowerPath).absoluteFilePath()));
        const std::vector<LibraryEntry> entries = window.library()->list();
        QCOMPARE(entries.size(), std::size_t(2));
        const auto a = std::find_if(entries.begin(), entries.end(), [](const LibraryEntry &e) { return e.source.endsWith(QLatin1String("yelp.json")); });
        const auto b = std::find_if(entries.begin(), entries.end(), [](const LibraryEntry &e) { return e.source.endsWith(QLatin1String("yelp-slower.json")); });
        QVERIFY(a != entries.end() && b != entries.end());
        window.show();
        QSignalSpy compared(&window, &MainWindow::compareShown);
        window.compareLibraryEntries(*a, *b);
        QVERIFY(!compared.isEmpty() || compared.wait(20000));
        QVERIFY(window.compareView());
        QCOMPARE(window.compareView()->compare().onlyBCount(), std::size_t(1));
        QCOMPARE(window.compareView()->traceB()->realSpanCount(), load(slowerPath)->realSpanCount());
    }

    // Two rows of the Search tab's results.
    void searchResultsCompareTwoRows()
    {
        SearchResultsView view;
        std::vector<TraceHit> hits(3);
        for (int k = 0; k < 3; ++k) {
            hits[static_cast<std::size_t>(k)].traceId = "t" + std::to_string(k);
            hits[static_cast<std::size_t>(k)].startUs = 1'700'000'000'000'000 + k * 1000;
            hits[static_cast<std::size_t>(k)].durationUs = 1000 * (k + 1);
        }
        view.setHits(hits);
        QVERIFY(!view.compareButton()->isEnabled());
        view.table()->selectAll();
        QVERIFY(!view.compareButton()->isEnabled()); // three is not two
        view.table()->clearSelection();
        for (int row : {0, 2})
            view.table()->selectionModel()->select(view.table()->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(view.compareButton()->isEnabled());
        QSignalSpy spy(&view, &SearchResultsView::compareRequested);
        view.compareButton()->click();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(QSet<QString>({spy.at(0).at(0).toString(), spy.at(0).at(1).toString()}),
                 QSet<QString>({view.selectedTraceIds().at(0), view.selectedTraceIds().at(1)}));
    }

    // tracedesk --compare A B --summary: the JSON the issue names, with numbers read from the files.
    void summaryCommand()
    {
        int rc = 0;
        const QJsonObject doc = runJson({QStringLiteral("--no-library"), QStringLiteral("--compare"), QStringLiteral("--summary"), yelpPath, slowerPath}, &rc);
        QCOMPARE(rc, 0);
        const QJsonArray rows = doc.value(QStringLiteral("rows")).toArray();
        QCOMPARE(doc.value(QStringLiteral("onlyA")).toInt(), 1);
        QCOMPARE(doc.value(QStringLiteral("onlyB")).toInt(), 1);
        QCOMPARE(doc.value(QStringLiteral("matched")).toInt() + 2, rows.size());
        // mobile_api's call to blt: 14 ms in A, 180 ms in B, as the files say.
        const qint64 a = durationInFile(yelpPath, QStringLiteral("15fc03927f0f68df"), QStringLiteral("CLIENT"));
        const qint64 b = durationInFile(slowerPath, QStringLiteral("15fc03927f0f68df"), QStringLiteral("CLIENT"));
        QVERIFY(a > 0 && b > a);
        bool found = false;
        for (const QJsonValue &v : rows) {
            const QJsonObject r = v.toObject();
            if (r.value(QStringLiteral("path")).toArray().last().toString() != QLatin1String("mobile_api: post"))
                continue;
            found = true;
            QCOMPARE(r.value(QStringLiteral("countA")).toInt(), 1);
            QCOMPARE(r.value(QStringLiteral("countB")).toInt(), 1);
            QCOMPARE(r.value(QStringLiteral("durationAUs")).toInteger(), a);
            QCOMPARE(r.value(QStringLiteral("durationBUs")).toInteger(), b);
            QCOMPARE(r.value(QStringLiteral("deltaUs")).toInteger(), b - a);
            QCOMPARE(r.value(QStringLiteral("side")).toString(), QStringLiteral("both"));
        }
        QVERIFY(found);
        runJson({QStringLiteral("--no-library"), QStringLiteral("--compare"), QStringLiteral("--summary"), yelpPath}, &rc);
        QCOMPARE(rc, 1);
        runJson({QStringLiteral("--no-library"), QStringLiteral("--compare"), QStringLiteral("--summary"), yelpPath,
                 QStringLiteral(TRACEDESK_TEST_DATA "/malformed/does-not-exist.json")}, &rc);
        QCOMPARE(rc, 2);
    }

    // Exports of a compare tab: the rows are drawn (through the redactor) and the Markdown lists the top
    // slowdowns, biggest first.
    void exports()
    {
        const TracePtr a = load(yelpPath), b = load(slowerPath);
        CompareView view(a, b, QStringLiteral("A"), QStringLiteral("B"));
        ExportSource source = view.exportSource();
        ExportStyle style;
        style.font.setPixelSize(12);
        style.bold = style.font;
        style.bold.setBold(true);
        std::unique_ptr<ExportBody> body = makeExportBody(source, style);
        QVERIFY(body);
        Redactor redactor(true);
        body->layOut(1400, redactor);
        QCOMPARE(body->bandCount(), static_cast<int>(view.compare().rows().size()));
        const QStringList texts = body->drawnTexts();
        QVERIFY(texts.contains(QStringLiteral("mobile_api: post retry")));
        QVERIFY(texts.contains(QStringLiteral("only in B")));

        QTemporaryDir dir;
        const QString md = dir.filePath(QStringLiteral("compare.md"));
        QProcess p;
        p.start(QStringLiteral(TRACEDESK_EXE), {QStringLiteral("--no-library"), QStringLiteral("--compare"), QStringLiteral("--export"), md, yelpPath, slowerPath});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        QStringList tableRows;
        for (const QString &line : lines)
            if (line.startsWith(QLatin1String("| ")) && !line.startsWith(QLatin1String("| Path")))
                tableRows << line;
        const std::vector<std::int32_t> order = view.compare().bySlowdown();
        std::size_t slower = 0;
        for (const CompareRow &r : view.compare().rows())
            slower += r.deltaUs() > 0 ? 1 : 0;
        QCOMPARE(tableRows.size(), static_cast<qsizetype>(std::min<std::size_t>(10, slower)));
        QVERIFY2(tableRows.front().startsWith(QStringLiteral("| ") + view.compare().path(order.front()).join(QStringLiteral(" › "))),
                 qPrintable(tableRows.front()));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("compare.png"))));
        const QString svg = dir.filePath(QStringLiteral("compare.svg"));
        p.start(QStringLiteral(TRACEDESK_EXE), {QStringLiteral("--no-library"), QStringLiteral("--compare"), QStringLiteral("--export"), svg, yelpPath, slowerPath});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QFile s(svg);
        QVERIFY(s.open(QIODevice::ReadOnly));
        const QByteArray bytes = s.readAll();
        QVERIFY(bytes.contains("post retry"));
        QVERIFY(bytes.contains("Compare"));
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
