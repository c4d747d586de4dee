#include "singleinstance.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDataStream>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <cstring>
#include <thread>

using namespace td;

namespace {

QString uniqueKey()
{
    return QStringLiteral("tracedesk-test-") + QUuid::createUuid().toString(QUuid::Id128);
}

// The second launch, run as a separate process: `tst_singleinstance --client KEY ITEM...`.
int runClient(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    args.remove(0, 2); // program, --client
    const QString key = args.takeFirst();
    SingleInstance instance(key);
    return instance.sendToRunning(args, 5000) ? 0 : 1;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void secondProcessHandsItsFileToTheFirst()
    {
        SingleInstance first(uniqueKey());
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);

        const QString file = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-sample-trace.json");
        QProcess second;
        second.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--client"), first.key(), file,
                                                               QStringLiteral("tracedesk://trace/abc?profile=prod")});
        QVERIFY(second.waitForStarted());
        QVERIFY(received.wait(10000));
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0); // the first instance confirmed it has the items
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), (QStringList{file, QStringLiteral("tracedesk://trace/abc?profile=prod")}));
    }

    void secondObjectInAnotherThreadHandsOver()
    {
        SingleInstance first(uniqueKey());
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);
        const QStringList items{QString::fromUtf8("/tmp/\xe8\xb7\x9f\xe8\xb8\xaa trace.json")};
        std::atomic<int> delivered{-1};
        std::thread second([&] {
            SingleInstance instance(first.key());
            delivered = instance.sendToRunning(items, 5000) ? 1 : 0;
        });
        const bool got = received.wait(10000);
        second.join();
        QVERIFY(got);
        QCOMPARE(delivered.load(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), items);
    }

    void emptyListMeansShowTheWindow()
    {
        SingleInstance first(uniqueKey());
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);
        std::thread second([key = first.key()] { SingleInstance(key).sendToRunning({}, 5000); });
        const bool got = received.wait(10000);
        second.join();
        QVERIFY(got);
        QVERIFY(received.at(0).at(0).toStringList().isEmpty());
    }

    void nothingRunningMeansOpenYourOwnWindow()
    {
        SingleInstance lonely(uniqueKey());
        QVERIFY(!lonely.sendToRunning({QStringLiteral("/tmp/x.json")}, 500));
        QVERIFY(lonely.listen());
        QVERIFY(lonely.isListening());
    }

    void onlyOneInstanceListens()
    {
        SingleInstance first(uniqueKey());
        QVERIFY(first.listen());
        std::atomic<bool> secondListened{true};
        std::atomic<bool> done{false};
        // The probe in listen() may need the first instance's event loop, so it runs on a thread.
        QScopedPointer<QThread> other(QThread::create([&] {
            secondListened = SingleInstance(first.key()).listen();
            done = true;
        }));
        other->start();
        QDeadlineTimer deadline(10000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(10);
        other->wait();
        QVERIFY(!secondListened);
        QVERIFY(first.isListening());
    }

    void garbageIsRefusedAndTheInstanceKeepsWorking()
    {
        SingleInstance first(uniqueKey());
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);
        {
            QLocalSocket stray;
            stray.connectToServer(first.key());
            QVERIFY(stray.waitForConnected(2000));
            QByteArray junk;
            QDataStream out(&junk, QIODevice::WriteOnly);
            out << quint32(0x54444931) << quint32(0xFFFFFFF0u); // announces more than the limit
            stray.write(junk);
            stray.flush();
            QTRY_COMPARE(stray.state(), QLocalSocket::UnconnectedState);
        }
        QCOMPARE(received.count(), 0);
        std::thread second([key = first.key()] { SingleInstance(key).sendToRunning({QStringLiteral("/tmp/y.json")}, 5000); });
        const bool got = received.wait(10000);
        second.join();
        QVERIFY(got);
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList{QStringLiteral("/tmp/y.json")});
    }
};

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--client") == 0)
        return runClient(argc, argv);
    QCoreApplication app(argc, argv);
    TestSingleInstance test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_singleinstance.moc"
