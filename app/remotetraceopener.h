#pragma once

#include "spansapiclient.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace td {

class TokenStore;

// The "fetch a trace by id" flow for the main window: dialogs, token prompt, progress with cancel,
// failure messages, and "enter a new token" on 401/403. The window only handles traceFetched().
//
//   auto *opener = new RemoteTraceOpener(tokenStore, this);
//   connect(openTraceIdAction, &QAction::triggered, opener, &RemoteTraceOpener::openTraceIdDialog);
//   connect(opener, &RemoteTraceOpener::traceFetched, this, [this](const td::FetchResult &r) { show(r.load.trace); });
class RemoteTraceOpener : public QObject
{
    Q_OBJECT

public:
    // `window` parents the dialogs; `tokens` must outlive the opener.
    RemoteTraceOpener(TokenStore *tokens, QWidget *window);

    SpansApiClient *client() const { return m_client; }
    bool isBusy() const { return m_client->isRunning() || m_waitingForToken; }

public Q_SLOTS:
    // File > Open Trace ID...
    void openTraceIdDialog();
    // Settings > Connections...
    void manageConnections();
    // Fetch with a saved profile; the token comes from the TokenStore or is asked for.
    void fetchWithProfile(const QString &profileName, const QString &traceId);
    // Fetch exactly this request (the command line's --fetch without --summary/--output). When the token is
    // empty and request.profileName names a profile, the token is looked up as for fetchWithProfile.
    void fetch(const td::FetchRequest &request);
    void cancel();

Q_SIGNALS:
    void fetchStarted(const QString &description);
    // The trace is in result.load.trace (its sourceBytes() are the exact bytes received, for Save As);
    // result.warnings lists what to show next to it (e.g. spans of another trace id).
    void traceFetched(const td::FetchResult &result);
    // After the opener told the user (cancel is silent).
    void fetchFailed(const td::FetchResult &result);
    void busyChanged(bool busy);

private:
    void start(FetchRequest request);
    void withToken(const FetchRequest &request, bool askEvenIfStored);
    void onFinished(const FetchResult &result);
    void showProgress(const FetchRequest &request);
    void hideProgress();

    TokenStore *m_tokens;
    QPointer<QWidget> m_window;
    SpansApiClient *m_client;
    QPointer<QProgressDialog> m_progress;
    FetchRequest m_lastRequest; // token included, for the retry after a new token
    bool m_waitingForToken = false;
    bool m_sessionNoteShown = false;
};

} // namespace td
