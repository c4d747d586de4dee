#include "tracedsl.h"

#include "tracebuilder.h"

#include <QStringList>

namespace td::testing {

std::shared_ptr<const Trace> buildTrace(const QString &dsl)
{
    TraceBuilder b;
    const auto lines = dsl.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const auto parts = line.simplified().split(QLatin1Char(' '));
        if (parts.size() < 3)
            continue;
        const auto path = parts.at(0).split(QLatin1Char('/'));
        QString id = path.last();
        QString parent = path.size() > 1 ? path.at(path.size() - 2) : QString();
        QString service = QStringLiteral("svc");
        QString ip;
        QString trace = QStringLiteral("t1");
        SpanKind kind = SpanKind::Local;
        bool noTime = false;
        QList<QPair<QString, QString>> tags;
        QList<QPair<QString, std::int64_t>> anns;
        for (int i = 3; i < parts.size(); ++i) {
            const QString &opt = parts.at(i);
            const auto eq = opt.indexOf(QLatin1Char('='));
            const QString key = eq < 0 ? opt : opt.left(eq);
            const QString value = eq < 0 ? QString() : opt.mid(eq + 1);
            if (key == QLatin1String("service"))
                service = value;
            else if (key == QLatin1String("ip"))
                ip = value;
            else if (key == QLatin1String("parent"))
                parent = value;
            else if (key == QLatin1String("id"))
                id = value;
            else if (key == QLatin1String("trace"))
                trace = value;
            else if (key == QLatin1String("notime"))
                noTime = true;
            else if (key == QLatin1String("kind"))
                kind = value == QLatin1String("client") ? SpanKind::Client
                    : value == QLatin1String("server")  ? SpanKind::Server
                                                        : SpanKind::Local;
            else if (key.startsWith(QLatin1String("tag:")))
                tags.append({key.mid(4), value});
            else if (key == QLatin1String("cs") || key == QLatin1String("sr") || key == QLatin1String("ss") || key == QLatin1String("cr"))
                anns.append({key, value.toLongLong()});
        }
        Span &s = b.beginSpan();
        s.traceId = b.intern(trace.toStdString());
        s.spanId = b.intern(id.toStdString());
        s.parentId = b.intern(parent.toStdString());
        s.name = b.intern("op-" + id.toStdString());
        s.kind = kind;
        if (noTime)
            s.flags |= SpanFlag::NoTimestamp;
        else
            s.startUs = dslEpochUs + parts.at(1).toLongLong();
        s.durationUs = parts.at(2).toLongLong();
        Endpoint ep;
        ep.service = b.intern(service.toStdString());
        ep.ipv4 = b.intern(ip.toStdString());
        const auto epIndex = b.addEndpoint(ep);
        b.currentSpan().localEndpoint = epIndex;
        for (const auto &[value, offset] : anns)
            b.addAnnotation(dslEpochUs + offset, value.toStdString(), epIndex);
        for (const auto &[key, value] : tags)
            b.addTag(key.toStdString(), value.toStdString());
        b.endSpan();
    }
    return b.finish();
}

} // namespace td::testing
