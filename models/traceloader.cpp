#include "traceloader.h"

#include "mappedfileguard.h"
#include "readers/fastzipkin.h"
#include "readers/formatreader.h"
#include "readers/jsonutil.h"
#include "spansapicodes.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <optional>

namespace td {

using nlohmann::json;

namespace {

constexpr const char *triedFormats =
    "tried: spans API envelope, Zipkin v1 (array, object or newline-delimited), Zipkin v2, Log Service trace rows, "
    "Jaeger (JSON, UI and domain model), OpenTelemetry OTLP JSON and cloud audit (CTS) records";

std::string describe(const json &v)
{
    switch (v.type()) {
    case json::value_t::object: {
        std::string keys;
        std::size_t n = 0;
        for (const auto &[k, _] : v.items()) {
            if (n++ == 6) {
                keys += ", ...";
                break;
            }
            keys += (keys.empty() ? "" : ", ") + k;
        }
        return keys.empty() ? std::string("an empty object") : "an object with keys " + keys;
    }
    case json::value_t::array: return v.empty() ? "an empty array" : "an array of " + std::to_string(v.size()) + " values that are not spans";
    case json::value_t::string: return "a string";
    case json::value_t::discarded: return "nothing";
    case json::value_t::null: return "null";
    default: return "a single value";
    }
}

class Loader
{
public:
    Loader(const QString &sourceName, const LoadOptions &options)
        : m_options(options), m_builder(options.limits), m_sourceName(sourceName)
    {
        if (!options.expectedTraceId.empty())
            m_builder.setExpectedTraceId(options.expectedTraceId);
    }

    // Where to keep the count of spans read (for the out-of-memory message).
    void countSpansInto(std::size_t *count) { m_spanCount = count; }

    JsonSpanStream::Options streamOptions()
    {
        JsonSpanStream::Options o;
        o.maxDepth = m_options.maxDepth;
        o.cancel = m_options.cancel;
        if (m_options.progress)
            o.progress = [this](std::uint64_t bytes) { m_options.progress(bytes, m_builder.spanCount()); };
        return o;
    }

    JsonSpanStream::SpanCallback callback()
    {
        return [this](json &&span, const SpanContext &ctx) { onSpan(span, ctx); };
    }

    LoadResult finish(JsonSpanStream &stream, bool parsed)
    {
        LoadResult result;
        const auto &err = stream.error();
        if (!parsed) {
            if (err.cancelled) {
                result.cancelled = true;
                result.error = QStringLiteral("loading was cancelled");
                return result;
            }
            result.line = err.line;
            result.column = err.column;
            QString where = m_sourceName;
            if (err.line > 0)
                where += QStringLiteral(": line %1, column %2").arg(err.line).arg(err.column);
            result.error = where + QStringLiteral(": ") + QString::fromStdString(err.message);
            return result;
        }
        // A spans API envelope: anything but success is the answer, whatever else the document holds.
        for (const auto &skeleton : stream.skeletons()) {
            if (!skeleton.is_object() || !skeleton.contains("errorCode"))
                continue;
            m_envelope = true;
            result.envelopeCode = jsonutil::text(skeleton, "errorCode");
            result.envelopeMessage = jsonutil::text(skeleton, "errorMessage");
            if (result.envelopeCode != spansapi::Succeeded) {
                const std::string meaning = spansapi::codeMeaning(result.envelopeCode);
                result.error = m_sourceName + QStringLiteral(": the spans API answered ")
                    + QString::fromStdString(result.envelopeCode)
                    + (meaning.empty() ? QString() : QStringLiteral(" (") + QString::fromStdString(meaning) + QStringLiteral(")"))
                    + (result.envelopeMessage.empty() ? QString() : QStringLiteral(": ") + QString::fromStdString(result.envelopeMessage));
                return result;
            }
        }
        for (const auto &[format, reader] : m_readers)
            if (reader)
                reader->finish(stream.skeletons(), m_builder);
        reportLeftovers(stream);
        if (m_builder.spanCount() == 0) {
            if (stream.documentCount() == 0)
                result.error = m_sourceName + QStringLiteral(": the file is empty");
            else if (m_envelope)
                result.error = m_sourceName + QStringLiteral(": the spans API answered %1 (query succeeded) but with no spans").arg(QLatin1String(spansapi::Succeeded.data(), qsizetype(spansapi::Succeeded.size())));
            else if (m_spansSeen > 0)
                result.error = m_sourceName + QStringLiteral(": none of the %1 spans could be read (see problems)").arg(m_spansSeen);
            else
                result.error = m_sourceName + QStringLiteral(": this JSON is not a trace: found ")
                    + QString::fromStdString(describe(stream.skeletons().front())) + QStringLiteral("; ")
                    + QString::fromUtf8(triedFormats);
            if (m_spansSeen > 0 && !m_builder.problems().empty())
                result.error += QStringLiteral("; first: ") + QString::fromStdString(m_builder.problems().front().message);
            return result;
        }
        std::string format = m_envelope ? std::string("spans-api") : std::string(spanFormatName(m_primary));
        if (stream.documentCount() > 1)
            format += "-ndjson";
        m_builder.setFormat(format);
        *m_spanCount = m_builder.spanCount();
        result.trace = m_builder.finish();
        result.readPath = LoadResult::ReadPath::General;
        return result;
    }

    TraceBuilder &builder() { return m_builder; }

    // The fast path for Zipkin span arrays and spans API envelopes held in memory; nothing when the input
    // has another shape (or a flaw the general reader must describe), and this loader must not be reused.
    std::optional<LoadResult> tryFast(std::string_view data, bool mappedFile = false)
    {
        FastLoadOptions o;
        o.releaseReadPages = mappedFile;
        // The fast path counts from the span; the array (and envelope object) around it count too. Deeper
        // spans go to the general reader, which reports the limit with line and column.
        o.maxDepth = std::min<std::size_t>(m_options.maxDepth, 66) - std::min<std::size_t>(m_options.maxDepth, 2);
        o.limits = m_options.limits;
        o.cancel = m_options.cancel;
        o.progress = m_options.progress;
        o.threads = m_options.threads;
        o.splitAboveBytes = m_options.splitAboveBytes;
        o.startThread = m_options.startThread;
        const FastLoadResult fast = fastLoadZipkin(data, m_builder, o);
        if (fast.outcome == FastLoadResult::Outcome::NotApplicable)
            return std::nullopt;
        LoadResult result;
        if (fast.outcome == FastLoadResult::Outcome::Cancelled) {
            result.cancelled = true;
            result.error = QStringLiteral("loading was cancelled");
            return result;
        }
        if (fast.envelope) {
            result.envelopeCode = fast.envelopeCode;
            result.envelopeMessage = fast.envelopeMessage;
        }
        m_builder.setFormat(fast.envelope ? std::string("spans-api") : std::string(spanFormatName(fast.primary)));
        *m_spanCount = m_builder.spanCount();
        result.trace = m_builder.finish();
        result.readPath = LoadResult::ReadPath::Fast;
        result.fastParts = fast.parts;
        return result;
    }

private:
    // Values that were neither spans nor envelope fields: say so instead of dropping them silently.
    void reportLeftovers(const JsonSpanStream &stream)
    {
        if (stream.sawByteOrderMark())
            m_builder.addProblem({Problem::Severity::Info, Problem::Kind::Other,
                                  "the file starts with a UTF-8 byte order mark; it was skipped", "byte 0", -1});
        for (const auto &skeleton : stream.skeletons()) {
            const json *list = &skeleton;
            std::string where = "top-level array";
            if (skeleton.is_object() && skeleton.contains("responseInfo")) {
                list = &skeleton.at("responseInfo");
                where = "/responseInfo";
            }
            if (!list->is_array() || list->empty())
                continue;
            std::string first;
            const json &v = list->front();
            if (v.is_string()) {
                const auto &text = v.get_ref<const std::string &>();
                if (loadlimits::nestedDeeperThan(text, m_options.maxDepth)) {
                    // Parsing it just to say so could take a DOM of millions of levels.
                    first = "JSON text nested deeper than " + std::to_string(m_options.maxDepth) + " levels";
                } else {
                    const auto parsed = json::parse(text, nullptr, false);
                    first = parsed.is_discarded() ? "text that is not valid JSON: \"" + text.substr(0, 40) + "\"" : "JSON that is not a span";
                }
            } else {
                first = describe(v);
            }
            m_builder.addProblem({Problem::Severity::Warning, Problem::Kind::SkippedSpan,
                                  std::to_string(list->size()) + (list->size() == 1 ? " value" : " values") + " in the "
                                      + where + " could not be read as spans and were left out (the first is " + first + ")",
                                  where, -1});
        }
    }

    void onSpan(const json &span, const SpanContext &ctx)
    {
        ++m_spansSeen;
        *m_spanCount = m_spansSeen;
        const auto format = detectSpanFormat(span, ctx);
        if (format == SpanFormat::Unknown) {
            m_builder.beginSpan();
            skipSpan(m_builder, ctx, "its format is not recognised");
            return;
        }
        if (m_primary == SpanFormat::Unknown)
            m_primary = format;
        auto &reader = m_readers[static_cast<std::size_t>(format)].second;
        if (!reader) {
            m_readers[static_cast<std::size_t>(format)].first = format;
            reader = FormatReader::create(format);
        }
        try {
            reader->readSpan(span, ctx, m_builder);
        } catch (const std::exception &e) {
            // A reader bug or an unexpected shape must cost one span, not the file.
            m_builder.discardSpan();
            m_builder.addProblem({Problem::Severity::Warning, Problem::Kind::SkippedSpan,
                                  std::string("span skipped: ") + e.what(), ctx.pointer, -1});
        }
    }

    LoadOptions m_options;
    TraceBuilder m_builder;
    QString m_sourceName;
    std::array<std::pair<SpanFormat, std::unique_ptr<FormatReader>>, 9> m_readers;
    SpanFormat m_primary = SpanFormat::Unknown;
    std::size_t m_spansSeen = 0;
    bool m_envelope = false;
    std::size_t m_ownCount = 0;
    std::size_t *m_spanCount = &m_ownCount; // spans read so far, for the out-of-memory message
};

// The load boundary: nothing a reader, the builder or a callback throws gets past it. Out of memory says
// how far the load got, so that the user knows the trace is too big for this machine rather than broken.
template <typename Load>
LoadResult guarded(const QString &sourceName, Load &&load)
{
    std::size_t spans = 0;
    try {
        return load(&spans);
    } catch (const std::bad_alloc &) {
        LoadResult result;
        result.error = sourceName + QStringLiteral(": not enough memory for %1 spans; close other traces or programs, or "
                                                   "open a smaller export of the trace").arg(spans);
        return result;
    } catch (const std::exception &e) {
        LoadResult result;
        result.error = sourceName + QStringLiteral(": the trace could not be read: ") + QString::fromUtf8(e.what());
        return result;
    } catch (...) {
        LoadResult result;
        result.error = sourceName + QStringLiteral(": the trace could not be read");
        return result;
    }
}

} // namespace

LoadResult loadTraceDevice(QIODevice *device, const QString &sourceName, std::uint64_t size, const LoadOptions &options)
{
    return guarded(sourceName, [&](std::size_t *spans) {
        Loader loader(sourceName, options);
        loader.countSpansInto(spans);
        loader.builder().setSource(sourceName, QString(), size);
        JsonSpanStream stream(loader.streamOptions());
        const bool ok = stream.parse(device, loader.callback());
        return loader.finish(stream, ok);
    });
}

LoadResult loadTraceFile(const QString &path, const LoadOptions &options)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.error = path + QStringLiteral(": cannot open: ") + file.errorString();
        return result;
    }
    if (options.fastPath && info.size() > 0) {
        // Mapped, the bytes are read in place (and by several threads) without copying the file.
        if (uchar *map = file.map(0, info.size())) {
            std::optional<LoadResult> result;
            bool shrank = false;
            LoadResult failed = guarded(info.fileName(), [&](std::size_t *spans) {
                Loader fast(info.fileName(), options);
                fast.countSpansInto(spans);
                fast.builder().setSource(info.fileName(), info.absoluteFilePath(), static_cast<std::uint64_t>(info.size()));
                const MappedFileGuard guard(map, static_cast<std::size_t>(info.size()));
                result = fast.tryFast(std::string_view(reinterpret_cast<const char *>(map), static_cast<std::size_t>(info.size())), true);
                shrank = guard.fileShrank();
                return LoadResult{};
            });
            file.unmap(map);
            if (shrank) {
                failed = LoadResult{};
                failed.error = path + QStringLiteral(": the file got shorter while it was being read (is something still "
                                                     "writing it?); nothing was loaded. Open it again once it is complete.");
                return failed;
            }
            if (!failed.error.isEmpty())
                return failed;
            if (result)
                return std::move(*result);
        }
    }
    return guarded(info.fileName(), [&](std::size_t *spans) {
        Loader loader(info.fileName(), options);
        loader.countSpansInto(spans);
        loader.builder().setSource(info.fileName(), info.absoluteFilePath(), static_cast<std::uint64_t>(info.size()));
        JsonSpanStream stream(loader.streamOptions());
        const bool ok = stream.parse(&file, loader.callback());
        return loader.finish(stream, ok);
    });
}

LoadResult loadTraceBytes(std::shared_ptr<const std::string> bytes, const QString &sourceName, const LoadOptions &options)
{
    if (!bytes)
        bytes = std::make_shared<const std::string>();
    return guarded(sourceName, [&](std::size_t *spans) {
        if (options.fastPath) {
            Loader fast(sourceName, options);
            fast.countSpansInto(spans);
            fast.builder().setSource(sourceName, QString(), bytes->size());
            fast.builder().setSourceBytes(bytes);
            if (auto result = fast.tryFast(*bytes))
                return std::move(*result);
        }
        Loader loader(sourceName, options);
        loader.countSpansInto(spans);
        loader.builder().setSource(sourceName, QString(), bytes->size());
        loader.builder().setSourceBytes(bytes);
        JsonSpanStream stream(loader.streamOptions());
        const bool ok = stream.parse(*bytes, loader.callback());
        return loader.finish(stream, ok);
    });
}

} // namespace td
