#pragma once

#include "backendapi.h"
#include "spansapiclient.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

class QThreadPool;

namespace td {

// What a search (or a list of services or operations) came to.
struct SearchResult
{
    FetchStep step = FetchStep::Succeeded; // the step that failed, as for fetches
    QString message;
    QString hint;
    std::vector<TraceHit> hits;   // a search's results, in the backend's order
    QStringList names;            // a list's names (services, operations, tag names)
    QString service;              // the service an operations list is for
    QUrl url;                     // what was asked (no credentials in it)
    int httpStatus = 0;

    bool ok() const { return step == FetchStep::Succeeded; }
    // "Searching failed while <step>: <message>\n<hint>", plain text.
    QString describe() const;
};

// Searches Zipkin, Jaeger or Tempo and lists their services and operations, in the background.
// Each kind of request runs one at a time (a new search cancels the running one); the download uses
// SpansApiClient's network handling (TLS, redirects, size limit, timeout, authentication) and the answer
// is read on a worker thread.
class TraceSearchClient : public QObject
{
    Q_OBJECT

public:
    explicit TraceSearchClient(QObject *parent = nullptr);
    ~TraceSearchClient() override;

    // `connection` says where and how (kind, base URL, auth, token, limits); its traceId is not used.
    void search(const FetchRequest &connection, const TraceQuery &query);
    void listServices(const FetchRequest &connection);
    void listOperations(const FetchRequest &connection, const QString &service);
    void listTagNames(const FetchRequest &connection); // Tempo only; others finish with no names
    void cancelSearch();
    bool isSearching() const { return m_searching; }

    // Empty when the query can be sent to `kind`; else what to change.
    static QString queryProblem(BackendKind kind, const TraceQuery &query);

Q_SIGNALS:
    void searchFinished(const td::SearchResult &result);
    void servicesListed(const td::SearchResult &result);
    void operationsListed(const td::SearchResult &result);
    void tagNamesListed(const td::SearchResult &result);

private:
    static FetchRequest rawRequest(const FetchRequest &connection, const QUrl &url);
    static SearchResult fromFailedFetch(const FetchResult &fetch);
    void onSearchDownloaded(const FetchResult &fetch);
    void finishSearch(SearchResult result);

    SpansApiClient *m_searchClient;
    SpansApiClient *m_servicesClient;
    SpansApiClient *m_operationsClient;
    SpansApiClient *m_tagsClient;
    QThreadPool *m_pool;
    BackendKind m_searchKind = BackendKind::Zipkin;
    QUrl m_searchUrl;
    QString m_operationsService;
    bool m_searching = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_parseCancel;
};

// Runs one search to the end on a local event loop (the command line's --search).
SearchResult searchBlocking(const FetchRequest &connection, const TraceQuery &query);

} // namespace td

Q_DECLARE_METATYPE(td::SearchResult)
