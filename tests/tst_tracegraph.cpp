#include <QTest>

class TestTracegraph : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_MAIN(TestTracegraph)
#include "tst_tracegraph.moc"
