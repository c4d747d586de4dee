#include "tracesearchclient.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace td {

QString SearchResult::describe() const
{
    if (ok())
        return message;
    QString text = TraceSearchClient::tr("Searching failed while %1: %2").arg(fetchStepName(step), message);
    if (!hint.isEmpty())
        text += QLatin1Char('\n') + hint;
    return text;
}

TraceSearchClient::TraceSearchClient(QObject *parent)
    : QObject(parent)
    , m_searchClient(new SpansApiClient(this))
    , m_servicesClient(new SpansApiClient(this))
    , m_operationsClient(new SpansApiClient(this))
    , m_tagsClient(new SpansApiClient(this))
    , m_pool(new QThreadPool(this))
{
    qRegisterMetaType<td::SearchResult>();
    m_pool->setMaxThreadCount(1);
    connect(m_searchClient, &SpansApiClient::finished, this, &TraceSearchClient::onSearchDownloaded);
    const auto lister = [this](void (TraceSearchClient::*signal)(const SearchResult &), bool operations) {
        return [this, signal, operations](const FetchResult &fetch) {
            SearchResult result = fetch.ok() || (fetch.step == FetchStep::Succeeded && fetch.bytes) ? SearchResult() : fromFailedFetch(fetch);
            result.url = fetch.request.rawUrl;
            result.httpStatus = fetch.httpStatus;
            if (operations)
                result.service = m_operationsService;
            if (result.ok()) {
                const NameList list = backendapi::parseNameList(fetch.bytes ? *fetch.bytes : std::string());
                if (!list.ok()) {
                    result.step = list.serverError.isEmpty() ? FetchStep::NotJson : FetchStep::ApiError;
                    result.message = list.serverError.isEmpty() ? list.error : tr("The backend said: %1").arg(list.serverError);
                    result.hint = tr("Check that the base URL and the backend kind of the profile match.");
                } else {
                    result.names = list.names;
                }
            }
            Q_EMIT(this->*signal)(result);
        };
    };
    connect(m_servicesClient, &SpansApiClient::finished, this, lister(&TraceSearchClient::servicesListed, false));
    connect(m_operationsClient, &SpansApiClient::finished, this, lister(&TraceSearchClient::operationsListed, true));
    connect(m_tagsClient, &SpansApiClient::finished, this, lister(&TraceSearchClient::tagNamesListed, false));
}

TraceSearchClient::~TraceSearchClient()
{
    if (m_parseCancel)
        m_parseCancel->store(true);
    m_pool->waitForDone();
}

FetchRequest TraceSearchClient::rawRequest(const FetchRequest &connection, const QUrl &url)
{
    FetchRequest r = connection;
    r.rawUrl = url;
    r.traceId.clear();
    return r;
}

SearchResult TraceSearchClient::fromFailedFetch(const FetchResult &fetch)
{
    SearchResult r;
    r.step = fetch.step;
    r.message = fetch.message;
    r.hint = fetch.hint;
    r.httpStatus = fetch.httpStatus;
    return r;
}

QString TraceSearchClient::queryProblem(BackendKind kind, const TraceQuery &query)
{
    if (!backendCanSearch(kind))
        return tr("The spans API cannot search for traces; open a trace by its id instead.");
    if (kind == BackendKind::Jaeger && query.service.trimmed().isEmpty())
        return tr("Jaeger searches one service at a time: choose a service.");
    if (query.startUs > 0 && query.endUs > 0 && query.startUs >= query.endUs)
        return tr("The time range ends before it starts.");
    if (query.minDurationUs > 0 && query.maxDurationUs > 0 && query.minDurationUs > query.maxDurationUs)
        return tr("The minimum duration is larger than the maximum.");
    if (query.limit < 1)
        return tr("The limit must be at least 1.");
    if (!query.traceQl.trimmed().isEmpty() && kind != BackendKind::Tempo)
        return tr("TraceQL queries are for Tempo only.");
    for (const auto &tag : query.tags)
        if (tag.first.trimmed().isEmpty())
            return tr("A tag needs a key (key=value).");
    return {};
}

void TraceSearchClient::search(const FetchRequest &connection, const TraceQuery &query)
{
    ++m_generation;
    if (m_parseCancel)
        m_parseCancel->store(true);
    m_searching = true;
    m_searchKind = connection.kind;
    const QString problem = queryProblem(connection.kind, query);
    if (!problem.isEmpty()) {
        SearchResult r;
        r.step = FetchStep::Request;
        r.message = problem;
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(this, [this, r, generation] {
            if (generation == m_generation)
                finishSearch(r);
        }, Qt::QueuedConnection);
        return;
    }
    m_searchUrl = backendapi::searchUrl(connection.kind, connection.baseUrl, query);
    m_searchClient->fetch(rawRequest(connection, m_searchUrl));
}

void TraceSearchClient::cancelSearch()
{
    if (!m_searching)
        return;
    if (m_searchClient->isRunning()) {
        m_searchClient->cancel(); // reports through onSearchDownloaded
        return;
    }
    ++m_generation;
    if (m_parseCancel)
        m_parseCancel->store(true);
    SearchResult r;
    r.step = FetchStep::Cancelled;
    r.message = tr("The search was cancelled.");
    finishSearch(r);
}

void TraceSearchClient::onSearchDownloaded(const FetchResult &fetch)
{
    if (!fetch.ok() && !(fetch.step == FetchStep::Succeeded && fetch.bytes)) {
        SearchResult r = fromFailedFetch(fetch);
        if (fetch.step == FetchStep::Cancelled)
            r.message = tr("The search was cancelled.");
        r.url = m_searchUrl;
        finishSearch(r);
        return;
    }
    const quint64 generation = m_generation;
    const BackendKind kind = m_searchKind;
    auto bytes = fetch.bytes ? fetch.bytes : std::make_shared<const std::string>();
    m_parseCancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_parseCancel;
    const int status = fetch.httpStatus;
    auto *watcher = new QFutureWatcher<SearchAnswer>(this);
    connect(watcher, &QFutureWatcher<SearchAnswer>::finished, this, [this, watcher, generation, kind, status] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        SearchAnswer answer = watcher->result();
        SearchResult r;
        r.url = m_searchUrl;
        r.httpStatus = status;
        if (!answer.serverError.isEmpty()) {
            r.step = FetchStep::ApiError;
            r.message = tr("%1 said: %2").arg(backendKindTitle(kind), answer.serverError);
            r.hint = tr("Check the search fields.");
        } else if (!answer.error.isEmpty()) {
            r.step = FetchStep::NotTrace;
            r.message = answer.error;
            r.hint = tr("Check that the base URL points at %1 and that the profile's backend kind is right.").arg(backendKindTitle(kind));
        } else {
            r.hits = std::move(answer.hits);
            r.message = r.hits.empty() ? tr("No traces match the search.") : (r.hits.size() == 1 ? tr("1 trace found.") : tr("%1 traces found.").arg(r.hits.size()));
        }
        finishSearch(std::move(r));
    });
    watcher->setFuture(QtConcurrent::run(m_pool, [kind, bytes, cancel] {
        return backendapi::parseSearchAnswer(kind, *bytes, cancel.get());
    }));
}

void TraceSearchClient::finishSearch(SearchResult result)
{
    m_searching = false;
    Q_EMIT searchFinished(result);
}

void TraceSearchClient::listServices(const FetchRequest &connection)
{
    m_servicesClient->fetch(rawRequest(connection, backendapi::servicesUrl(connection.kind, connection.baseUrl)));
}

void TraceSearchClient::listOperations(const FetchRequest &connection, const QString &service)
{
    m_operationsService = service;
    m_operationsClient->fetch(rawRequest(connection, backendapi::operationsUrl(connection.kind, connection.baseUrl, service)));
}

void TraceSearchClient::listTagNames(const FetchRequest &connection)
{
    const QUrl url = backendapi::tagNamesUrl(connection.kind, connection.baseUrl);
    if (url.isEmpty()) {
        QMetaObject::invokeMethod(this, [this] { Q_EMIT tagNamesListed(SearchResult()); }, Qt::QueuedConnection);
        return;
    }
    m_tagsClient->fetch(rawRequest(connection, url));
}

SearchResult searchBlocking(const FetchRequest &connection, const TraceQuery &query)
{
    TraceSearchClient client;
    SearchResult result;
    QEventLoop loop;
    QObject::connect(&client, &TraceSearchClient::searchFinished, &loop, [&result, &loop](const SearchResult &r) {
        result = r;
        loop.quit();
    });
    client.search(connection, query);
    loop.exec();
    return result;
}

} // namespace td
