#include "memorytuning.h"
#include "stringtable.h"
#include "tracebuilder.h"
#include "tracedsl.h"

#include <QTest>

#include <algorithm>

#include <unistd.h>

using namespace td;
using td::testing::buildTrace;
using td::testing::dslEpochUs;

namespace {

const Span &byId(const Trace &t, const char *id)
{
    const auto index = t.findSpan(id);
    if (index < 0)
        qFatal("no span %s", id);
    return t.span(static_cast<std::size_t>(index));
}

bool hasProblem(const Trace &t, Problem::Kind kind)
{
    return std::any_of(t.problems().begin(), t.problems().end(), [kind](const Problem &p) { return p.kind == kind; });
}

QStringList childIds(const Trace &t, const Span &s)
{
    QStringList ids;
    for (auto it = t.childrenBegin(s); it != t.childrenEnd(s); ++it)
        ids << t.qstr(t.span(static_cast<std::size_t>(*it)).spanId);
    return ids;
}

} // namespace

class TestTraceBuilder : public QObject
{
    Q_OBJECT

private slots:
    // Spans that repeat a tag (same key, value, endpoint) share one entry of the tag table; each span
    // still lists its own tags in order, and a discarded span leaves nothing behind.
    void repeatedTagsAreSharedAndDiscardedOnesDropped()
    {
        TraceBuilder b;
        for (int i = 0; i < 3; ++i) {
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern("s" + std::to_string(i));
            s.startUs = 10 + i;
            s.durationUs = 5;
            b.addTag("lc", "jdbc");
            b.addTag("busisys", "OneITOM");
            b.addTag("jdbc.sql", "select " + std::to_string(i));
            b.endSpan();
        }
        b.beginSpan();
        b.addTag("only.in.a.discarded.span", "x");
        b.discardSpan();
        const auto t = b.finish();
        QCOMPARE(t->realSpanCount(), std::size_t(3));
        QCOMPARE(t->distinctTags().size(), std::size_t(5)); // lc, busisys and three statements
        for (const Tag &tag : t->distinctTags())
            QVERIFY(t->str(tag.key) != "only.in.a.discarded.span");
        for (std::size_t i = 0; i < 3; ++i) {
            const Span &s = t->span(i);
            QCOMPARE(s.tagCount, 3u);
            QCOMPARE(t->str(t->tagsBegin(s)->key), std::string_view("lc"));
            QCOMPARE(t->str((t->tagsBegin(s) + 2)->value), std::string_view("select " + std::to_string(s.startUs - 10)));
            QCOMPARE(t->str(s.componentName), std::string_view("jdbc"));
        }
        QCOMPARE(&*t->tagsBegin(t->span(0)), &*t->tagsBegin(t->span(2))); // one shared entry
    }

    // Merging one string table into another (how the parts of a split load are joined): every id of the
    // other table maps to the same text here, texts both have keep one id, and the index still finds
    // everything after growing many times over without rehashing a text.
    void stringTablesMerge()
    {
        StringTable a, b;
        for (int i = 0; i < 3000; ++i)
            a.intern("shared-" + std::to_string(i));
        std::vector<StrId> bIds;
        for (int i = 0; i < 20000; ++i)
            bIds.push_back(b.intern(i % 2 ? "shared-" + std::to_string(i % 3000) : "only-b-" + std::to_string(i)));
        std::vector<std::string> bTexts;
        for (const StrId bId : bIds)
            bTexts.emplace_back(b.view(bId));
        const std::size_t before = a.size();
        const std::size_t bSize = b.size();
        const std::vector<StrId> map = a.merge(std::move(b));
        QCOMPARE(map.size(), bSize);
        QCOMPARE(map[0], StrId{0}); // the empty string stays id 0
        for (std::size_t i = 0; i < bIds.size(); ++i)
            QCOMPARE(a.view(map[bIds[i]]), std::string_view(bTexts[i])); // b's texts live on in a
        QCOMPARE(a.size(), before + 10000); // only the texts a did not have are new
        QCOMPARE(b.size(), std::size_t(1)); // b is left empty: only the empty string
        for (int i = 0; i < 3000; ++i) {
            StrId id = 0;
            QVERIFY(a.find("shared-" + std::to_string(i), &id));
            QCOMPARE(id, StrId(i + 1)); // ids a handed out before the merge stay valid
        }
        StrId id = 0;
        QVERIFY(a.find("only-b-19998", &id));
        QCOMPARE(a.intern("only-b-19998"), id);
        QVERIFY(!a.find("in neither", &id));

        // Room made ahead changes no id.
        a.reserve(a.size() * 8);
        QCOMPARE(a.intern("shared-42"), StrId(43));
        QCOMPARE(a.view(a.intern("new after reserve")), std::string_view("new after reserve"));
    }

    // Interning a batch at once (the fast reader's texts of a span) gives the ids one intern() after another
    // gives: texts new and known, repeated inside a batch, across batch ends and while the index grows.
    void internManyGivesTheIdsOfInternInTurn()
    {
        StringTable one, many;
        std::vector<std::string> texts;
        for (int i = 0; i < 5000; ++i) {
            texts.push_back("text-" + std::to_string(i % 700));     // known after the first 700
            texts.push_back(i % 3 ? "id-" + std::to_string(i) : ""); // new, and the empty string
            texts.push_back(i % 64 == 0 ? "text-" + std::to_string(i % 700) : "cs"); // repeated in its batch
        }
        std::vector<std::string_view> views(texts.begin(), texts.end());
        std::vector<StrId> expected;
        for (const auto view : views)
            expected.push_back(one.intern(view));
        std::vector<StrId> ids(views.size(), 12345);
        // Uneven batches, so that batch ends fall everywhere.
        for (std::size_t first = 0, n = 1; first < views.size(); first += n, n = n * 3 % 257 + 1) {
            n = std::min(n, views.size() - first);
            many.internMany(views.data() + first, ids.data() + first, n);
        }
        QCOMPARE(ids, expected);
        QCOMPARE(many.size(), one.size());
        for (std::size_t i = 0; i < views.size(); ++i)
            QCOMPARE(many.view(ids[i]), views[i]);
    }

    // Tags and span fields whose interning waits for the end of the span give the trace the same strings and
    // tags as immediate ones; a discarded span's waiting texts are dropped with it.
    void deferredTextsAreInternedWhenTheSpanEnds()
    {
        const auto build = [](bool deferred) -> std::shared_ptr<Trace> {
            TraceBuilder b;
            const std::string texts[] = {"t1", "s1", "GET /a", "http.path", "/a", "lc", "jdbc", "sa"};
            for (int discard = 1; discard >= 0; --discard) {
                Span &s = b.beginSpan();
                if (deferred) {
                    b.internDeferred(&Span::traceId, texts[0]);
                    b.internDeferred(&Span::spanId, discard ? std::string_view("dropped") : texts[1]);
                    b.internDeferred(&Span::name, texts[2]);
                    b.addTagDeferred(texts[3], texts[4]);
                    b.addTagDeferred(texts[5], texts[6]);
                    b.addTagDeferred(texts[7], "true", JsonType::Bool);
                } else {
                    s.traceId = b.intern(texts[0]);
                    s.spanId = b.intern(discard ? std::string_view("dropped") : texts[1]);
                    s.name = b.intern(texts[2]);
                    b.addTag(texts[3], texts[4]);
                    b.addTag(texts[5], texts[6]);
                    b.addTag(texts[7], "true", JsonType::Bool);
                }
                b.addTag("port", "8080", JsonType::Number); // an immediate tag among waiting ones
                if (discard)
                    b.discardSpan();
                else if (!b.endSpan())
                    return nullptr;
            }
            return b.finish();
        };
        const auto deferred = build(true), immediate = build(false);
        QVERIFY(deferred && immediate);
        QCOMPARE(deferred->spanCount(), std::size_t(1));
        const Span &d = deferred->span(0), &i = immediate->span(0);
        QCOMPARE(deferred->str(d.spanId), std::string_view("s1"));
        QCOMPARE(deferred->str(d.traceId), immediate->str(i.traceId));
        QCOMPARE(deferred->str(d.name), immediate->str(i.name));
        QCOMPARE(deferred->str(d.componentName), std::string_view("jdbc")); // lc interpreted at the end
        QCOMPARE(d.tagCount, i.tagCount);
        auto dt = deferred->tagsBegin(d);
        for (auto it = immediate->tagsBegin(i); it != immediate->tagsEnd(i); ++it, ++dt) {
            QCOMPARE(deferred->str(dt->key), immediate->str(it->key));
            QCOMPARE(deferred->str(dt->value), immediate->str(it->value));
            QCOMPARE(dt->type, it->type);
        }
        QVERIFY(immediate->strings().find("dropped", nullptr)); // interned at once, kept though unused
        QVERIFY(!deferred->strings().find("dropped", nullptr));  // never interned
    }

    // Joining two builders (a split load): the other's strings, endpoints and shared tags are re-interned,
    // a tag both have is still one entry, and every span keeps its own tags.
    void appendSharesTagsAcrossBuilders_data()
    {
        QTest::addColumn<int>("total");
        QTest::newRow("small") << 1500;
        QTest::newRow("spans moved on another thread") << 12000; // from 10,000 appended spans
        // Over 8 MiB of appended spans: their pages are handed back while the copy goes on.
        QTest::newRow("copied pages handed back on the way") << 60000;
    }

    void appendSharesTagsAcrossBuilders()
    {
        QFETCH(int, total);
        const auto fill = [](TraceBuilder &b, int from, int to) {
            for (int i = from; i < to; ++i) {
                Span &s = b.beginSpan();
                s.traceId = b.intern("t");
                s.spanId = b.intern("s" + std::to_string(i));
                s.parentId = i ? b.intern("s0") : StrId{0};
                s.startUs = 100 + i;
                s.durationUs = 5;
                b.addTag("lc", "jdbc");
                b.addTag("jdbc.sql", "select " + std::to_string(i));
                b.endSpan();
            }
        };
        TraceBuilder first, second;
        fill(first, 0, 600);
        fill(second, 600, total);
        first.append(std::move(second));
        const auto t = first.finish();
        QCOMPARE(t->realSpanCount(), std::size_t(total));
        QCOMPARE(t->distinctTags().size(), std::size_t(1 + total)); // one "lc", a statement each
        const Tag *lc = &*t->tagsBegin(t->span(0));
        for (std::size_t i = 0; i < std::size_t(total); ++i) {
            const Span &s = t->span(i);
            QCOMPARE(t->str(s.spanId), std::string_view("s" + std::to_string(i)));
            QCOMPARE(&*t->tagsBegin(s), lc);
            QCOMPARE(t->str((t->tagsBegin(s) + 1)->value), std::string_view("select " + std::to_string(i)));
        }
        QCOMPARE(childIds(*t, byId(*t, "s0")).size(), total - 1);
    }

    // A finished trace's tables: copied to their size when much of their room is unused, else left where they
    // are with the pages of the unused room handed back; what they hold is the same either way.
    void finishedTablesKeepTheirContents()
    {
        std::vector<std::uint32_t> loose;
        loose.reserve(4096);
        for (std::uint32_t i = 0; i < 1000; ++i)
            loose.push_back(i * 7);
        trimLarge(loose);
        QCOMPARE(loose.capacity(), loose.size());
        QCOMPARE(loose[999], 999u * 7);

        std::vector<std::uint32_t> tight;
        tight.reserve(1100000);
        for (std::uint32_t i = 0; i < 1000000; ++i)
            tight.push_back(i * 7);
        const std::uint32_t *storage = tight.data();
        trimLarge(tight);
        QCOMPARE(tight.data(), storage); // not copied: a tenth to spare is not worth a second array
        for (std::uint32_t i = 0; i < 1000000; i += 997)
            QCOMPARE(tight[i], i * 7);
        QCOMPARE(tight.back(), 999999u * 7);
    }

    // Pages handed back: only whole ones, so whatever shares a page with the range's ends is untouched.
    void releasedPagesAreOnlyWholeOnes()
    {
        std::vector<char> bytes(1 << 22, 'x');
        const std::size_t from = 100, to = bytes.size() - 100;
        releasePages(bytes.data() + from, to - from);
        const long page = sysconf(_SC_PAGESIZE);
        const auto address = [&](std::size_t i) { return reinterpret_cast<std::uintptr_t>(bytes.data() + i); };
        std::size_t zeros = 0;
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            const bool wholePage = address(i) >= (address(from) + page - 1) / page * page && address(i) < address(to) / page * page;
            if (!wholePage)
                QCOMPARE(bytes[i], 'x');
            else
                zeros += bytes[i] == 0;
        }
        QVERIFY(zeros > bytes.size() / 2); // the pages came back from the system as zeros
    }

    // A reader's estimate of the span count only sizes tables ahead: the trace and the memory it reports
    // are the same as without one, whether the estimate was far too large or too small.
    void reservingAheadChangesNothing()
    {
        const auto fill = [](TraceBuilder &b, int from, int to) {
            for (int i = from; i < to; ++i) {
                Span &s = b.beginSpan();
                s.traceId = b.intern("t");
                s.spanId = b.intern("s" + std::to_string(i));
                s.parentId = i ? b.intern("s" + std::to_string((i - 1) / 3)) : StrId{0};
                s.startUs = 100 + i;
                s.durationUs = 5;
                b.addAnnotation(100 + i, "sr", -1);
                b.addTag("jdbc.sql", "select " + std::to_string(i % 50));
                b.endSpan();
            }
        };
        const auto build = [&fill](std::size_t estimate) {
            TraceBuilder b;
            fill(b, 0, 300);
            if (estimate)
                b.reserveFor(estimate);
            fill(b, 300, 3000);
            return b.finish();
        };
        const auto plain = build(0);
        for (const std::size_t estimate : {std::size_t(1000), std::size_t(3000), std::size_t(200000)}) {
            const auto reserved = build(estimate);
            QCOMPARE(reserved->realSpanCount(), plain->realSpanCount());
            QCOMPARE(reserved->memoryBytes(), plain->memoryBytes());
            for (std::size_t i = 0; i < plain->spanCount(); ++i) {
                const Span &a = plain->span(i), &b = reserved->span(i);
                QCOMPARE(reserved->str(b.spanId), plain->str(a.spanId));
                QCOMPARE(b.parent, a.parent);
                QCOMPARE(b.annotationCount, a.annotationCount);
                QCOMPARE(reserved->str(reserved->tagsBegin(b)->value), plain->str(plain->tagsBegin(a)->value));
            }
        }
    }

    void childrenAreOrderedByStart()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100\nroot/late 60 10\nroot/early 5 10\nroot/mid 30 10"));
        QCOMPARE(t->realSpanCount(), std::size_t(4));
        QCOMPARE(t->roots().size(), std::size_t(1));
        QCOMPARE(childIds(*t, byId(*t, "root")), (QStringList{QStringLiteral("early"), QStringLiteral("mid"), QStringLiteral("late")}));
        QCOMPARE(byId(*t, "mid").depth, 1u);
        QCOMPARE(byId(*t, "mid").rowInParent, 1u);
        // preorder is depth first with children by start
        QCOMPARE(t->preorder().size(), std::size_t(4));
        QCOMPARE(t->qstr(t->span(static_cast<std::size_t>(t->preorder()[1])).spanId), QStringLiteral("early"));
    }

    void selfTime_data()
    {
        QTest::addColumn<QString>("dsl");
        QTest::addColumn<qint64>("expectedSelf");
        QTest::newRow("no children") << QStringLiteral("r 0 100") << qint64(100);
        QTest::newRow("two disjoint") << QStringLiteral("r 0 100\nr/a 10 20\nr/b 50 10") << qint64(70);
        QTest::newRow("overlapping children count once") << QStringLiteral("r 0 100\nr/a 10 40\nr/b 30 40") << qint64(40);
        QTest::newRow("child longer than parent is clipped") << QStringLiteral("r 0 100\nr/a 50 500") << qint64(50);
        QTest::newRow("child starting before parent is clipped") << QStringLiteral("r 100 100\nr/a 50 100") << qint64(50);
        QTest::newRow("nested child does not count twice") << QStringLiteral("r 0 100\nr/a 10 50\nr/a/x 20 10") << qint64(50);
    }

    void selfTime()
    {
        QFETCH(QString, dsl);
        QFETCH(qint64, expectedSelf);
        const auto t = buildTrace(dsl);
        QCOMPARE(byId(*t, "r").selfTimeUs, expectedSelf);
    }

    void childOutsideParentIsReported()
    {
        const auto t = buildTrace(QStringLiteral("r 0 100\nr/a 50 500"));
        QVERIFY(byId(*t, "a").hasFlag(SpanFlag::OutsideParent));
        QVERIFY(hasProblem(*t, Problem::Kind::OutsideParent));
    }

    void missingParentGetsPlaceholder()
    {
        const auto t = buildTrace(QStringLiteral("gone/a 10 20\ngone/b 40 20\nroot 0 5"));
        QCOMPARE(t->realSpanCount(), std::size_t(3));
        QCOMPARE(t->spanCount(), std::size_t(4));
        const auto ph = t->findSpan("gone");
        QVERIFY(ph >= 0);
        const Span &placeholder = t->span(static_cast<std::size_t>(ph));
        QVERIFY(placeholder.isPlaceholder());
        QCOMPARE(placeholder.childCount, 2u);
        QCOMPARE(placeholder.startUs, dslEpochUs + 10);
        QCOMPARE(placeholder.durationUs, qint64(50));
        QVERIFY(byId(*t, "a").hasFlag(SpanFlag::Orphan));
        QVERIFY(hasProblem(*t, Problem::Kind::MissingParent));
    }

    void selfParentIsRoot()
    {
        const auto t = buildTrace(QStringLiteral("a 0 10 parent=a\na/b 1 2"));
        QCOMPARE(t->roots().size(), std::size_t(1));
        QCOMPARE(byId(*t, "a").parent, NoIndex);
        QCOMPARE(byId(*t, "b").depth, 1u);
        QVERIFY(!hasProblem(*t, Problem::Kind::MissingParent));
    }

    void cycleIsBrokenAndReported()
    {
        const auto t = buildTrace(QStringLiteral("a 0 10 parent=c\nb 5 10 parent=a\nc 7 1 parent=b\nroot 0 100"));
        QVERIFY(hasProblem(*t, Problem::Kind::Cycle));
        // every span is still in the tree
        QCOMPARE(t->preorder().size(), std::size_t(4));
        QVERIFY(byId(*t, "a").hasFlag(SpanFlag::CycleBroken)); // the earliest member is cut loose
        QCOMPARE(byId(*t, "a").parent, NoIndex);
    }

    void duplicateIdsAreKeptAndReported()
    {
        TraceBuilder b;
        for (int i = 0; i < 2; ++i) {
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern("same");
            s.name = b.intern(i == 0 ? "first" : "second");
            s.kind = SpanKind::Local;
            s.startUs = 100 + i * 50;
            s.durationUs = 10;
            b.endSpan();
        }
        const auto t = b.finish();
        QCOMPARE(t->realSpanCount(), std::size_t(2));
        QVERIFY(hasProblem(*t, Problem::Kind::DuplicateId));
    }

    void sharedHalvesAreMerged()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100 ip=1.1.1.1\n"
                                                 "root/rpc 10 80 kind=client service=caller ip=1.1.1.1\n"
                                                 "root/rpc 20 60 kind=server service=callee ip=2.2.2.2"));
        QCOMPARE(t->realSpanCount(), std::size_t(2));
        const Span &rpc = byId(*t, "rpc");
        QVERIFY(rpc.hasFlag(SpanFlag::Shared));
        QCOMPARE(rpc.startUs, dslEpochUs + 10); // the client's timing wins, as in Zipkin
        QCOMPARE(rpc.durationUs, qint64(80));
        QCOMPARE(t->qstr(rpc.service), QStringLiteral("callee"));
        QStringList values;
        for (auto a = t->annotationsBegin(rpc); a != t->annotationsEnd(rpc); ++a)
            values << t->qstr(a->value);
        values.sort();
        QCOMPARE(values, (QStringList{QStringLiteral("cr"), QStringLiteral("cs"), QStringLiteral("sr"), QStringLiteral("ss")}));
        QCOMPARE(rpc.rawCount, 0u);
        QVERIFY(!hasProblem(*t, Problem::Kind::SkewAdjusted)); // server inside client: nothing to correct
    }

    void skewIsCorrectedForTheServerSubtree()
    {
        // The server half says it started 50 µs before its client sent the request: its clock is behind.
        const auto t = buildTrace(QStringLiteral("root 0 200 ip=1.1.1.1\n"
                                                 "root/call 100 60 kind=client ip=1.1.1.1\n"
                                                 "root/call/srv 50 40 kind=server ip=2.2.2.2\n"
                                                 "root/call/srv/db 55 10 ip=2.2.2.2"));
        const Span &srv = byId(*t, "srv");
        const Span &db = byId(*t, "db");
        // latency = (60 - 40) / 2 = 10, so the server starts at 110
        QCOMPARE(srv.startUs, dslEpochUs + 110);
        QCOMPARE(srv.rawStartUs, dslEpochUs + 50);
        QCOMPARE(srv.skewShiftUs, qint64(60));
        QCOMPARE(srv.skewReason, SkewReason::ServerBeforeClient);
        QCOMPARE(db.startUs, dslEpochUs + 115); // children move with their server
        QCOMPARE(db.rawStartUs, dslEpochUs + 55);
        QVERIFY(hasProblem(*t, Problem::Kind::SkewAdjusted));
    }

    void sameHostIsNotSkewCorrected()
    {
        const auto t = buildTrace(QStringLiteral("call 100 60 kind=client ip=1.1.1.1\ncall/srv 50 40 kind=server ip=1.1.1.1"));
        QCOMPARE(byId(*t, "srv").startUs, dslEpochUs + 50);
        QVERIFY(!hasProblem(*t, Problem::Kind::SkewAdjusted));
    }

    void criticalPath()
    {
        // b ends last, then before b's start the last to finish is a; c overlaps a and is hidden by it.
        const auto t = buildTrace(QStringLiteral("r 0 100\nr/a 0 30\nr/c 10 10\nr/b 40 50"));
        QVERIFY(byId(*t, "r").hasFlag(SpanFlag::CriticalPath));
        QVERIFY(byId(*t, "b").hasFlag(SpanFlag::CriticalPath));
        QVERIFY(byId(*t, "a").hasFlag(SpanFlag::CriticalPath));
        QVERIFY(!byId(*t, "c").hasFlag(SpanFlag::CriticalPath));
    }

    void iplatformStatus_data()
    {
        QTest::addColumn<QString>("tags");
        QTest::addColumn<bool>("error");
        QTest::addColumn<bool>("warning");
        QTest::newRow("all fine") << QStringLiteral("tag:succeed=true tag:exception_class=none tag:optimize_warn_type=none") << false << false;
        QTest::newRow("succeed false") << QStringLiteral("tag:succeed=false") << true << false;
        QTest::newRow("exception class") << QStringLiteral("tag:exception_class=java.net.SocketTimeoutException") << true << false;
        QTest::newRow("http status as exception") << QStringLiteral("tag:exception_class=500") << true << false;
        QTest::newRow("5xx status code") << QStringLiteral("tag:httpclient.status_code=503") << true << false;
        QTest::newRow("4xx is not an error") << QStringLiteral("tag:httpclient.status_code=404") << false << false;
        QTest::newRow("zipkin error tag") << QStringLiteral("tag:error=timeout") << true << false;
        QTest::newRow("warning type") << QStringLiteral("tag:optimize_warn_type=warn_http_optimize_time tag:optimize_warn_pct=200.0%") << false << true;
    }

    void iplatformStatus()
    {
        QFETCH(QString, tags);
        QFETCH(bool, error);
        QFETCH(bool, warning);
        const auto t = buildTrace(QStringLiteral("s 0 10 ") + tags);
        const Span &s = byId(*t, "s");
        QCOMPARE(s.isError(), error);
        QCOMPARE(s.isWarning(), warning);
        QCOMPARE(t->errorCount(), std::size_t(error ? 1 : 0));
        QCOMPARE(t->warningCount(), std::size_t(warning ? 1 : 0));
    }

    void iplatformValues()
    {
        const auto t = buildTrace(QStringLiteral("s 0 10 tag:lc=jdbc tag:durationMoveAvg=138000.0 tag:optimize_warn_pct=200.0% "
                                                 "tag:busisys=OneITOM tag:serviceInstId=10.50.7.14::empty-service:58080"));
        const Span &s = byId(*t, "s");
        QCOMPARE(s.component, Component::Jdbc);
        QCOMPARE(s.durationMoveAvgUs, 138000.0);
        QCOMPARE(s.warnPct, 200.0);
        QCOMPARE(t->qstr(s.busisys), QStringLiteral("OneITOM"));
        QCOMPARE(t->qstr(s.serviceInstId), QStringLiteral("10.50.7.14::empty-service:58080"));
    }

    void componentFromTagFamily()
    {
        const auto t = buildTrace(QStringLiteral("s 0 10 tag:feignclient.method=GET"));
        QCOMPARE(byId(*t, "s").component, Component::FeignClient);
    }

    void nameSplitsServiceInstanceTransaction()
    {
        TraceBuilder b;
        const char *names[] = {"aos-apiserver:aos-apiserver-1005774711-ll63p:/api/v1/namespaces/manage/pods", "https:/auth/user"};
        for (int i = 0; i < 2; ++i) {
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern(std::to_string(i));
            s.name = b.intern(names[i]);
            s.startUs = 1;
            b.endSpan();
        }
        const auto t = b.finish();
        const Span &api = byId(*t, "0");
        QCOMPARE(t->qstr(api.service), QStringLiteral("aos-apiserver"));
        QCOMPARE(t->qstr(api.instance), QStringLiteral("aos-apiserver-1005774711-ll63p"));
        QCOMPARE(t->qstr(api.transaction), QStringLiteral("/api/v1/namespaces/manage/pods"));
        const Span &url = byId(*t, "1");
        QCOMPARE(url.instance, StrId(0));
        QCOMPARE(url.service, StrId(0));
    }

    void spanWithoutTimeSitsAtItsParentsStart()
    {
        const auto t = buildTrace(QStringLiteral("r 40 100\nr/x 0 0 notime"));
        QCOMPARE(byId(*t, "x").startUs, dslEpochUs + 40);
        QVERIFY(hasProblem(*t, Problem::Kind::NoTimestamp));
    }

    void deepChainDoesNotRecurse()
    {
        // 100,000 levels: every pass must be iterative.
        TraceBuilder b;
        constexpr int depth = 100'000;
        for (int i = 0; i < depth; ++i) {
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern("s" + std::to_string(i));
            s.parentId = i == 0 ? 0 : b.intern("s" + std::to_string(i - 1));
            s.startUs = i;
            s.durationUs = 2 * (depth - i);
            b.endSpan();
        }
        const auto t = b.finish();
        QCOMPARE(t->preorder().size(), std::size_t(depth));
        QCOMPARE(byId(*t, "s99999").depth, 99'999u);
    }

    void spanLimitIsReported()
    {
        TraceBuilder::Limits limits;
        limits.maxSpans = 3;
        TraceBuilder b(limits);
        for (int i = 0; i < 5; ++i) {
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern(std::to_string(i));
            s.startUs = i;
            b.endSpan();
        }
        const auto t = b.finish();
        QCOMPARE(t->realSpanCount(), std::size_t(3));
        QVERIFY(hasProblem(*t, Problem::Kind::Truncated));
    }
};

QTEST_GUILESS_MAIN(TestTraceBuilder)
#include "tst_tracebuilder.moc"
