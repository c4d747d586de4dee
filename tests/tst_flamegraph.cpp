#include <QTest>

class TestFlamegraph : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_MAIN(TestFlamegraph)
#include "tst_flamegraph.moc"
