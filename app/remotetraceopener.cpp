#include "remotetraceopener.h"

#include "connectionprofiles.h"
#include "connectionsdialog.h"
#include "opentraceiddialog.h"
#include "tokenstore.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>

namespace td {

RemoteTraceOpener::RemoteTraceOpener(TokenStore *tokens, QWidget *window)
    : QObject(window)
    , m_tokens(tokens)
    , m_window(window)
    , m_client(new SpansApiClient(this))
{
    connect(m_client, &SpansApiClient::finished, this, &RemoteTraceOpener::onFinished);
    connect(m_client, &SpansApiClient::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (!m_progress)
            return;
        if (total > 0) {
            m_progress->setMaximum(1000);
            m_progress->setValue(int(received * 1000 / total));
        } else {
            m_progress->setMaximum(0); // busy indicator
        }
        m_progress->setLabelText(tr("Downloading... %1 KiB").arg(received / 1024));
    });
    connect(m_client, &SpansApiClient::parsingStarted, this, [this](qint64 bytes) {
        if (m_progress) {
            m_progress->setMaximum(1000);
            m_progress->setValue(0);
            m_progress->setLabelText(tr("Reading %1 KiB...").arg(bytes / 1024));
        }
    });
    connect(m_client, &SpansApiClient::parseProgress, this, [this](qint64 read, qint64 total, qint64 spans) {
        if (m_progress && total > 0) {
            m_progress->setValue(int(read * 1000 / total));
            m_progress->setLabelText(tr("Reading... %n span(s)", nullptr, int(spans)));
        }
    });
}

void RemoteTraceOpener::openTraceIdDialog()
{
    if (isBusy())
        return;
    OpenTraceIdDialog dialog(m_tokens, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    fetchWithProfile(dialog.profileName(), dialog.traceId());
}

void RemoteTraceOpener::manageConnections()
{
    ConnectionsDialog dialog(m_tokens, m_window);
    dialog.exec();
}

void RemoteTraceOpener::fetchWithProfile(const QString &profileName, const QString &traceId)
{
    QSettings settings;
    const auto profile = ConnectionProfiles::find(ConnectionProfiles::load(settings), profileName);
    if (!profile) {
        QMessageBox::warning(m_window, tr("Open Trace ID"), tr("There is no connection profile called \"%1\".").arg(profileName));
        return;
    }
    withToken(FetchRequest::fromProfile(*profile, traceId, QString()), false);
}

void RemoteTraceOpener::fetch(const FetchRequest &request)
{
    if (request.token.isEmpty() && !request.profileName.isEmpty())
        withToken(request, false);
    else
        start(request);
}

void RemoteTraceOpener::withToken(const FetchRequest &request, bool askEvenIfStored)
{
    // Zipkin, Jaeger and Tempo profiles without authentication need no secret.
    if (request.kind != BackendKind::SpansApi && request.authMode == AuthMode::None) {
        start(request);
        return;
    }
    m_waitingForToken = true;
    Q_EMIT busyChanged(true);
    // Where the secret goes, for the prompt.
    const QString where = request.kind == BackendKind::SpansApi || request.authMode == AuthMode::Header
        ? tr("sent in the %1 header").arg(request.tokenHeader)
        : request.authMode == AuthMode::Basic ? tr("the password of user %1").arg(request.username)
                                              : tr("sent as a bearer token");
    const auto ask = [this, request, where](const QString &why) {
        bool ok = false;
        const QString token = QInputDialog::getText(m_window, tr("Token for %1").arg(request.profileName), why,
                                                    QLineEdit::Password, QString(), &ok);
        m_waitingForToken = false;
        if (!ok) {
            Q_EMIT busyChanged(false);
            return;
        }
        FetchRequest withNew = request;
        withNew.token = token.trimmed();
        m_tokens->storeToken(request.profileName, withNew.token, this,
                             [this](TokenStore::Storage where, const QString &note) {
                                 if (where == TokenStore::Storage::SessionOnly && !m_sessionNoteShown) {
                                     m_sessionNoteShown = true;
                                     auto *box = new QMessageBox(QMessageBox::Information, tr("Token kept for this session only"),
                                                                 note, QMessageBox::Ok, m_window);
                                     box->setTextFormat(Qt::PlainText);
                                     box->setAttribute(Qt::WA_DeleteOnClose);
                                     box->open();
                                 }
                             });
        start(withNew);
    };
    if (askEvenIfStored) {
        ask(tr("The server rejected the token of profile \"%1\". Enter a new token (%2):").arg(request.profileName, where));
        return;
    }
    m_tokens->readToken(request.profileName, this, [this, request, ask, where](const QString &stored) {
        if (!stored.isEmpty()) {
            m_waitingForToken = false;
            FetchRequest withStored = request;
            withStored.token = stored;
            start(withStored);
            return;
        }
        ask(tr("Enter the token for profile \"%1\" (%2):").arg(request.profileName, where));
    });
}

void RemoteTraceOpener::start(FetchRequest request)
{
    m_lastRequest = request;
    showProgress(request);
    Q_EMIT busyChanged(true);
    Q_EMIT fetchStarted(tr("Fetching trace %1 from %2").arg(request.traceId.trimmed(), request.sourceName()));
    m_client->fetch(request);
}

void RemoteTraceOpener::cancel()
{
    m_client->cancel();
}

void RemoteTraceOpener::showProgress(const FetchRequest &request)
{
    hideProgress();
    m_progress = new QProgressDialog(tr("Connecting to %1...").arg(request.baseUrl.host()), tr("Cancel"), 0, 0, m_window);
    m_progress->setWindowTitle(tr("Fetching trace %1").arg(request.traceId.trimmed()));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_client, &SpansApiClient::cancel);
}

void RemoteTraceOpener::hideProgress()
{
    if (m_progress) {
        m_progress->disconnect(this);
        m_progress->disconnect(m_client);
        m_progress->close();
        m_progress->deleteLater();
    }
}

void RemoteTraceOpener::onFinished(const FetchResult &result)
{
    hideProgress();
    Q_EMIT busyChanged(false);
    if (result.ok()) {
        Q_EMIT traceFetched(result);
        return;
    }
    if (result.step == FetchStep::Cancelled) {
        Q_EMIT fetchFailed(result);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Fetching trace %1 failed").arg(result.request.traceId),
                    result.hint.isEmpty() ? result.message : result.message + QStringLiteral("\n\n") + result.hint,
                    QMessageBox::Close, m_window);
    box.setTextFormat(Qt::PlainText); // server text is shown as given, never as markup
    QPushButton *newToken = nullptr;
    if (result.tokenRejected && !m_lastRequest.profileName.isEmpty())
        newToken = box.addButton(tr("Enter a New Token..."), QMessageBox::AcceptRole);
    QPushButton *retry = box.addButton(tr("Try Again"), QMessageBox::ActionRole);
    box.exec();
    if (newToken && box.clickedButton() == newToken) {
        withToken(m_lastRequest, true);
        return;
    }
    if (box.clickedButton() == retry) {
        start(m_lastRequest);
        return;
    }
    Q_EMIT fetchFailed(result);
}

} // namespace td
