#include "librarycommand.h"

#include "librarytablemodel.h"
#include "preferencesdialog.h"
#include "spantreemodel.h"
#include "tracelibrary.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

namespace td {

namespace {

// The context of the command's messages for lupdate and the translator.
struct LibraryCommand
{
    Q_DECLARE_TR_FUNCTIONS(td::LibraryCommand)
};

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject entryJson(const LibraryEntry &e)
{
    return QJsonObject{
        {QStringLiteral("traceId"), e.traceId},
        {QStringLiteral("source"), e.source},
        {QStringLiteral("rootService"), e.rootService},
        {QStringLiteral("rootOperation"), e.rootOperation},
        {QStringLiteral("startUs"), qint64(e.startUs)},
        {QStringLiteral("start"), isoUtc(QDateTime::fromMSecsSinceEpoch(e.startUs / 1000, QTimeZone::utc()))},
        {QStringLiteral("durationUs"), qint64(e.durationUs)},
        {QStringLiteral("spanCount"), qint64(e.spanCount)},
        {QStringLiteral("errorCount"), qint64(e.errorCount)},
        {QStringLiteral("services"), QJsonArray::fromStringList(e.services)},
        {QStringLiteral("openedAt"), isoUtc(e.openedAt)},
        {QStringLiteral("storedCopyBytes"), qint64(e.storedCopyBytes)},
    };
}

// Span data may hold control characters; a table row stays one line.
QString oneLine(QString text)
{
    for (QChar &c : text)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    return text;
}

void printTable(const std::vector<LibraryEntry> &entries, QTextStream &out)
{
    const QStringList headers = {LibraryCommand::tr("OPENED"),   LibraryCommand::tr("TRACE ID"),
                                 LibraryCommand::tr("ROOT"),     LibraryCommand::tr("DURATION"),
                                 LibraryCommand::tr("SPANS"),    LibraryCommand::tr("ERRORS"),
                                 LibraryCommand::tr("SERVICES"), LibraryCommand::tr("SOURCE")};
    std::vector<QStringList> rows;
    rows.reserve(entries.size());
    for (const LibraryEntry &e : entries)
        rows.push_back({LibraryTableModel::formatTime(e.openedAt, false), oneLine(e.traceId),
                        oneLine(LibraryTableModel::rootText(e)), SpanTreeModel::formatDuration(double(e.durationUs)),
                        QString::number(e.spanCount), QString::number(e.errorCount),
                        oneLine(e.services.join(QLatin1Char(','))), oneLine(e.source)});
    std::vector<qsizetype> widths;
    for (const QString &h : headers)
        widths.push_back(h.size());
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size(); ++c)
            widths.at(static_cast<std::size_t>(c)) = std::max(widths.at(static_cast<std::size_t>(c)), row.at(c).size());
    const auto print = [&out, &widths](const QStringList &cells) {
        QString line;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            // The last column is not padded; counts are right-aligned.
            const qsizetype w = widths.at(static_cast<std::size_t>(c));
            if (c == cells.size() - 1)
                line += cells.at(c);
            else if (c >= 3 && c <= 5)
                line += cells.at(c).rightJustified(w) + QStringLiteral("  ");
            else
                line += cells.at(c).leftJustified(w) + QStringLiteral("  ");
        }
        out << line << '\n';
    };
    print(headers);
    for (const QStringList &row : rows)
        print(row);
}

} // namespace

int runLibraryCommand(const QStringList &args, bool json, QTextStream &out, QTextStream &err, const QString &dbPath)
{
    const QString usage = LibraryCommand::tr("usage: tracedesk --library list [--json] | --library search TEXT... [--json]");
    if (args.isEmpty()) {
        err << usage << '\n';
        return 1;
    }
    LibraryQuery query;
    const QString command = args.front();
    if (command == QLatin1String("list")) {
        if (args.size() != 1) {
            err << LibraryCommand::tr("--library list takes no TEXT; use --library search TEXT") << '\n' << usage << '\n';
            return 1;
        }
    } else if (command == QLatin1String("search")) {
        query.text = args.mid(1).join(QLatin1Char(' ')).trimmed();
        if (query.text.isEmpty()) {
            err << LibraryCommand::tr("--library search needs TEXT to look for") << '\n' << usage << '\n';
            return 1;
        }
    } else {
        err << LibraryCommand::tr("--library takes list or search, not \"%1\"").arg(command) << '\n' << usage << '\n';
        return 1;
    }

    std::vector<LibraryEntry> entries;
    if (QFileInfo::exists(dbPath)) {
        TraceLibrary library;
        if (!library.open(dbPath)) {
            err << library.errorString() << '\n';
            return 3;
        }
        entries = library.search(query);
        if (!library.errorString().isEmpty()) {
            err << library.errorString() << '\n';
            return 3;
        }
    }
    if (json) {
        for (const LibraryEntry &e : entries)
            out << QString::fromUtf8(QJsonDocument(entryJson(e)).toJson(QJsonDocument::Compact)) << '\n';
    } else if (entries.empty()) {
        err << (QFileInfo::exists(dbPath) ? LibraryCommand::tr("no traces in the library match")
                                          : LibraryCommand::tr("the library is empty (%1)").arg(dbPath))
            << '\n';
    } else {
        printTable(entries, out);
    }
    out.flush();
    err.flush();
    return 0;
}

void recordFromCommandLine(const Trace &trace, const QString &source, QByteArrayView rawAnswer)
{
    QString error;
    if (!recordInLibrary(trace, source, rawAnswer, TraceLibrary::defaultPath(), Preferences::load(QSettings()).libraryCopyCapBytes(),
                         &error))
        std::fprintf(stderr, "tracedesk: warning: %s\n",
                     LibraryCommand::tr("the trace was not recorded in the library: %1").arg(error).toLocal8Bit().constData());
}

bool recordInLibrary(const Trace &trace, const QString &source, QByteArrayView rawAnswer, const QString &dbPath,
                     std::int64_t copyCapBytes, QString *error)
{
    TraceLibrary library;
    if (!library.open(dbPath) || !library.setCopyCapBytes(copyCapBytes) || !library.record(trace, source, rawAnswer)) {
        if (error)
            *error = library.errorString();
        return false;
    }
    return true;
}

} // namespace td
