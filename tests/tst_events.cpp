#include <QTest>

class TestEvents : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_MAIN(TestEvents)
#include "tst_events.moc"
