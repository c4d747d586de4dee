#include "jsonstream.h"

#include "loadlimits.h"

#include <QIODevice>

#include <istream>
#include <streambuf>

namespace td {

using nlohmann::json;

// A streambuf that hands the parser the input in chunks, so progress and cancellation are checked once
// per chunk and the byte position is always known.
class JsonSpanStream::Source : public std::streambuf
{
public:
    Source(QIODevice *device, const Options &options)
        : m_device(device), m_options(options), m_buffer(options.chunkBytes)
    {
    }
    Source(const std::string &bytes, const Options &options)
        : m_bytes(&bytes), m_options(options)
    {
    }

    std::uint64_t consumed() const { return m_base + static_cast<std::uint64_t>(gptr() - eback()); }
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); }
    QString readError() const { return m_readError; }

protected:
    int_type underflow() override
    {
        if (gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        m_base += static_cast<std::uint64_t>(egptr() - eback());
        if (m_options.progress)
            m_options.progress(m_base);
        if (cancelled())
            return traits_type::eof();
        if (m_bytes) {
            if (m_base >= m_bytes->size())
                return traits_type::eof();
            const auto len = std::min<std::uint64_t>(m_options.chunkBytes, m_bytes->size() - m_base);
            char *begin = const_cast<char *>(m_bytes->data()) + m_base; // read only: we never write through it
            setg(begin, begin, begin + len);
        } else {
            const auto got = m_device->read(m_buffer.data(), static_cast<qint64>(m_buffer.size()));
            if (got < 0)
                m_readError = m_device->errorString();
            if (got <= 0)
                return traits_type::eof();
            setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + got);
        }
        return traits_type::to_int_type(*gptr());
    }

private:
    QIODevice *m_device = nullptr;
    const std::string *m_bytes = nullptr;
    const Options &m_options;
    std::vector<char> m_buffer;
    std::uint64_t m_base = 0;
    QString m_readError;
};

namespace {

bool hasAny(const json &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys)
        if (o.contains(k))
            return true;
    return false;
}

void appendPointerToken(std::string &out, std::string_view token)
{
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
}

} // namespace

bool JsonSpanStream::looksLikeSpan(const json &o)
{
    if (!o.is_object())
        return false;
    const bool trace = hasAny(o, {"traceId", "traceID", "trace_id"});
    const bool span = hasAny(o, {"id", "spanId", "spanID", "span_id"});
    if (trace && o.contains("trace_name") && o.contains("time"))
        return true; // a cloud audit (CTS) record
    if (!trace || !span)
        return false;
    return hasAny(o, {"name", "operationName", "timestamp", "startTime", "startTimeUnixNano", "start", "duration",
                      "kind", "localEndpoint", "annotations", "binaryAnnotations", "binary_annotations"});
}

// Builds the DOM of everything but the spans; spans go to the callback as they complete.
class JsonSpanStream::Handler
{
public:
    Handler(JsonSpanStream &stream, Source &source, const SpanCallback &onSpan, std::size_t document,
            std::uint64_t base)
        : m_stream(stream), m_source(source), m_onSpan(onSpan), m_document(document), m_base(base)
    {
    }

    json root;
    bool limitHit = false;
    std::string limitMessage;
    bool syntaxError = false;
    std::uint64_t errorPosition = 0; // chars read within this document when the error was seen
    std::string errorMessage;
    std::size_t values = 0;
    std::size_t spans = 0;

    bool null() { return value(json(nullptr)); }
    bool boolean(bool v) { return value(json(v)); }
    bool number_integer(json::number_integer_t v) { return value(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return value(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t &) { return value(json(v)); }
    bool binary(json::binary_t &v) { return value(json(std::move(v))); }

    bool string(json::string_t &v)
    {
        if (!m_stack.empty() && m_stack.back()->is_array() && looksLikeText(v)) {
            // JSON text inside a string gets the same nesting limit as the document around it.
            if (loadlimits::nestedDeeperThan(v, m_stream.m_options.maxDepth)) {
                limitHit = true;
                limitMessage = "JSON text in a string at " + pointer() + "/" + std::to_string(m_frames.back().count)
                    + " is nested deeper than " + std::to_string(m_stream.m_options.maxDepth) + " levels";
                return false;
            }
            auto inner = json::parse(v, nullptr, false);
            if (looksLikeSpan(inner)) {
                auto &frame = m_frames.back();
                ++frame.count;
                SpanContext ctx;
                ctx.pointer = pointer() + "/" + std::to_string(frame.count - 1);
                ctx.offset = m_base + m_lastEnd;
                const auto end = position();
                ctx.length = static_cast<std::uint32_t>(end - m_lastEnd);
                ctx.embedded = true;
                ctx.document = m_document;
                m_lastEnd = end;
                ++spans;
                m_onSpan(std::move(inner), ctx);
                return tick();
            }
        }
        return value(json(std::move(v)));
    }

    bool start_object(std::size_t)
    {
        if (!enter())
            return false;
        auto *v = insert(json(json::value_t::object));
        m_stack.push_back(v);
        m_frames.push_back(Frame{position() - 1, false, 0, {}});
        return true;
    }

    bool key(json::string_t &k)
    {
        m_frames.back().key = k;
        m_slot = &(*m_stack.back())[k];
        m_lastEnd = position();
        return true;
    }

    bool end_object()
    {
        json *obj = m_stack.back();
        const Frame frame = std::move(m_frames.back());
        m_stack.pop_back();
        m_frames.pop_back();
        const auto end = position();
        m_lastEnd = end;
        const bool element = m_stack.empty() || m_stack.back()->is_array();
        if (element && looksLikeSpan(*obj)) {
            SpanContext ctx;
            ctx.pointer = pointer();
            if (!m_frames.empty())
                ctx.pointer += "/" + std::to_string(m_frames.back().count - 1);
            ctx.offset = m_base + frame.start;
            ctx.length = static_cast<std::uint32_t>(end - frame.start);
            ctx.document = m_document;
            json span = std::move(*obj);
            if (m_stack.empty())
                root = json(json::value_t::discarded);
            else
                m_stack.back()->get_ref<json::array_t &>().pop_back();
            ++spans;
            m_onSpan(std::move(span), ctx);
        }
        return tick();
    }

    bool start_array(std::size_t)
    {
        if (!enter())
            return false;
        auto *v = insert(json(json::value_t::array));
        m_stack.push_back(v);
        m_frames.push_back(Frame{position() - 1, true, 0, {}});
        return true;
    }

    bool end_array()
    {
        m_stack.pop_back();
        m_frames.pop_back();
        m_lastEnd = position();
        return tick();
    }

    bool parse_error(std::size_t pos, const std::string &lastToken, const nlohmann::detail::exception &ex)
    {
        syntaxError = true;
        errorPosition = pos;
        std::string what = ex.what();
        // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix;
        // we give our own line and column, counted over the whole file.
        if (what.starts_with("[json.exception")) {
            if (const auto bracket = what.find("] "); bracket != std::string::npos)
                what = what.substr(bracket + 2);
            if (what.starts_with("parse error at line"))
                if (const auto colon = what.find(": "); colon != std::string::npos)
                    what = what.substr(colon + 2);
        }
        if (!lastToken.empty() && lastToken.size() < 40 && what.find("last read") == std::string::npos)
            what += " (last read: '" + lastToken + "')";
        errorMessage = what;
        return false;
    }

private:
    struct Frame
    {
        std::uint64_t start; // within this document
        bool isArray;
        std::size_t count;   // arrays: elements seen
        std::string key;     // objects: current key
    };

    std::uint64_t position() const { return m_source.consumed() - m_base; }

    static bool looksLikeText(const std::string &v)
    {
        for (char c : v) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                continue;
            return c == '{';
        }
        return false;
    }

    std::string pointer() const
    {
        std::string p;
        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            const auto &f = m_frames[i];
            if (i + 1 == m_frames.size() && f.isArray)
                break; // the last array's index is added by the caller
            if (f.isArray)
                p += "/" + std::to_string(f.count - 1);
            else
                appendPointerToken(p, f.key);
        }
        return p;
    }

    bool enter()
    {
        if (m_stack.size() >= m_stream.m_options.maxDepth) {
            limitHit = true;
            limitMessage = "JSON nested deeper than " + std::to_string(m_stream.m_options.maxDepth) + " levels";
            return false;
        }
        return true;
    }

    json *insert(json &&v)
    {
        ++values;
        if (m_stack.empty()) {
            root = std::move(v);
            return &root;
        }
        json *top = m_stack.back();
        if (top->is_array()) {
            ++m_frames.back().count;
            top->emplace_back(std::move(v));
            return &top->back();
        }
        *m_slot = std::move(v);
        return m_slot;
    }

    bool value(json &&v)
    {
        insert(std::move(v));
        m_lastEnd = position();
        return tick();
    }

    bool tick()
    {
        if (spans == 0 && values > m_stream.m_options.maxSkeletonValues) {
            limitHit = true;
            limitMessage = "no spans in the first " + std::to_string(values) + " JSON values; this does not look like a trace";
            return false;
        }
        return true;
    }

    JsonSpanStream &m_stream;
    Source &m_source;
    const SpanCallback &m_onSpan;
    std::size_t m_document;
    std::uint64_t m_base;
    std::vector<json *> m_stack;
    std::vector<Frame> m_frames;
    json *m_slot = nullptr;
    std::uint64_t m_lastEnd = 0;
};

JsonSpanStream::JsonSpanStream(Options options)
    : m_options(std::move(options))
{
}

JsonSpanStream::~JsonSpanStream() = default;

bool JsonSpanStream::parse(QIODevice *device, const SpanCallback &onSpan)
{
    Source source(device, m_options);
    const bool ok = run(source, onSpan);
    if (!ok && m_error.failed && !m_error.cancelled) {
        if (!source.readError().isEmpty()) {
            m_error.message = "reading failed: " + source.readError().toStdString();
        } else if (device->isSequential()) {
            m_error.line = m_error.column = 0;
        } else {
            const auto pos = device->pos();
            device->seek(0);
            locate(device, m_error.byteOffset, &m_error.line, &m_error.column);
            device->seek(pos);
        }
    }
    return ok;
}

bool JsonSpanStream::parse(const std::string &bytes, const SpanCallback &onSpan)
{
    Source source(bytes, m_options);
    const bool ok = run(source, onSpan);
    if (!ok && m_error.failed && !m_error.cancelled)
        locate(bytes, m_error.byteOffset, &m_error.line, &m_error.column);
    return ok;
}

bool JsonSpanStream::run(Source &source, const SpanCallback &onSpan)
{
    m_error = {};
    m_skeletons.clear();
    std::istream in(&source);
    for (std::size_t document = 0;; ++document) {
        // Skip white space between newline-delimited documents.
        int c = source.sgetc();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            c = source.snextc();
        if (c == std::char_traits<char>::eof())
            break;
        if (document == 0 && source.consumed() == 0 && static_cast<unsigned char>(c) == 0xEF)
            m_sawBom = true;
        const auto base = source.consumed();
        Handler handler(*this, source, onSpan, document, base);
        bool ok = false;
        try {
            ok = json::sax_parse(in, &handler, json::input_format_t::json, /*strict=*/false);
        } catch (const std::bad_alloc &) {
            throw; // the loader's boundary says the trace does not fit in memory (traceloader.cpp: guarded)
        } catch (const std::exception &e) {
            // The callback or the DOM ran out of something; report instead of letting it escape.
            m_error.failed = true;
            m_error.byteOffset = source.consumed();
            m_error.message = std::string("could not read the document: ") + e.what();
            m_bytesRead = source.consumed();
            return false;
        }
        in.clear();
        m_bytesRead = source.consumed();
        if (source.cancelled()) {
            m_error.failed = m_error.cancelled = true;
            m_error.message = "cancelled";
            return false;
        }
        if (!ok) {
            m_error.failed = true;
            if (handler.syntaxError) {
                m_error.byteOffset = base + (handler.errorPosition > 0 ? handler.errorPosition - 1 : 0);
                m_error.message = handler.errorMessage;
            } else {
                m_error.byteOffset = source.consumed() > 0 ? source.consumed() - 1 : 0;
                m_error.message = handler.limitHit ? handler.limitMessage : std::string("the reader stopped");
            }
            return false;
        }
        m_skeletons.push_back(std::move(handler.root));
    }
    if (m_options.progress)
        m_options.progress(source.consumed());
    return true;
}

namespace {

template<typename Feed>
void countLines(Feed &&feed, std::uint64_t offset, std::uint64_t *line, std::uint64_t *column)
{
    std::uint64_t l = 1, col = 1, pos = 0;
    feed([&](const char *data, std::size_t size) {
        for (std::size_t i = 0; i < size && pos < offset; ++i, ++pos) {
            const auto c = static_cast<unsigned char>(data[i]);
            if (c == '\n') {
                ++l;
                col = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++col; // count characters, not UTF-8 continuation bytes
            }
        }
        return pos < offset;
    });
    *line = l;
    *column = col;
}

} // namespace

void JsonSpanStream::locate(QIODevice *device, std::uint64_t offset, std::uint64_t *line, std::uint64_t *column)
{
    countLines([device](auto &&consume) {
        std::vector<char> buf(1 << 20);
        for (;;) {
            const auto got = device->read(buf.data(), static_cast<qint64>(buf.size()));
            if (got <= 0 || !consume(buf.data(), static_cast<std::size_t>(got)))
                break;
        }
    }, offset, line, column);
}

void JsonSpanStream::locate(const std::string &bytes, std::uint64_t offset, std::uint64_t *line, std::uint64_t *column)
{
    countLines([&bytes](auto &&consume) { consume(bytes.data(), bytes.size()); }, offset, line, column);
}

} // namespace td
