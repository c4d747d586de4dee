#include "connectionsdialog.h"

#include "tokenstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace td {

ConnectionsDialog::ConnectionsDialog(TokenStore *tokens, QWidget *parent)
    : QDialog(parent)
    , m_tokens(tokens)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_newerApi(new QCheckBox(tr("Use the newer trace API (Jaeger /api/v3, Tempo /api/v2)"), this))
    , m_projectId(new QLineEdit(this))
    , m_clusterId(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_tokenHeader(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_maxSize(new QSpinBox(this))
    , m_verifyTls(new QCheckBox(tr("Verify the server certificate"), this))
    , m_caBundle(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_tokenNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connections"));
    const std::pair<QWidget *, const char *> names[] = {
        {m_list, "profiles"}, {m_name, "name"}, {m_baseUrl, "baseUrl"}, {m_projectId, "projectId"},
        {m_clusterId, "clusterId"}, {m_namespace, "namespace"}, {m_tokenHeader, "tokenHeader"}, {m_timeout, "timeout"},
        {m_maxSize, "maxSize"}, {m_verifyTls, "verifyTls"}, {m_caBundle, "caBundle"}, {m_token, "token"}, {m_tokenNote, "tokenNote"},
        {m_error, "error"}, {m_kind, "kind"}, {m_auth, "auth"}, {m_username, "username"}, {m_newerApi, "newerApi"}};
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    QSettings settings;
    for (const ConnectionProfile &p : ConnectionProfiles::load(settings))
        m_rows.append({p, p.name, QString()});

    m_baseUrl->setPlaceholderText(tr("https://apm.example.com"));
    for (BackendKind kind : {BackendKind::SpansApi, BackendKind::Zipkin, BackendKind::Jaeger, BackendKind::Tempo})
        m_kind->addItem(backendKindTitle(kind), int(kind));
    m_kind->setToolTip(tr("Which API the base URL serves: the vendor spans API, Zipkin (port 9411), Jaeger query (16686) "
                          "or Grafana Tempo (3200)"));
    m_auth->addItem(tr("None"), int(AuthMode::None));
    m_auth->addItem(tr("Bearer token"), int(AuthMode::Bearer));
    m_auth->addItem(tr("Basic (user and password)"), int(AuthMode::Basic));
    m_auth->addItem(tr("Token in a header"), int(AuthMode::Header));
    m_username->setPlaceholderText(tr("user for basic authentication; the password goes in Token"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::updateKindRows);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::updateKindRows);
    m_clusterId->setPlaceholderText(tr("optional, sent as header clusterId"));
    m_namespace->setPlaceholderText(tr("optional, sent as header namespace"));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_maxSize->setRange(1, ConnectionProfile::maxMaxMegabytes);
    m_maxSize->setSuffix(tr(" MiB"));
    m_maxSize->setToolTip(tr("A larger answer is not downloaded: the fetch stops and says so."));
    m_caBundle->setPlaceholderText(tr("optional PEM file with your organisation's CA"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("leave empty to keep the stored token"));
    for (QLabel *label : {m_tokenNote, m_error}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_error->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: #b00020; padding: 4px;"));
    m_error->hide();
    m_tokenNote->setText(tr("Tokens are kept in the system keychain, never in the settings file."));

    auto *caRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("Browse..."), this);
    caRow->addWidget(m_caBundle);
    caRow->addWidget(browse);

    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    form->addRow(tr("A&uthentication:"), m_auth);
    form->addRow(tr("&User:"), m_username);
    form->addRow(QString(), m_newerApi);
    form->addRow(tr("&Project id:"), m_projectId);
    form->addRow(tr("&Cluster id:"), m_clusterId);
    form->addRow(tr("Na&mespace:"), m_namespace);
    form->addRow(tr("Token &header:"), m_tokenHeader);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), m_tokenNote);
    form->addRow(tr("T&imeout:"), m_timeout);
    form->addRow(tr("Si&ze limit:"), m_maxSize);
    form->addRow(QString(), m_verifyTls);
    auto *caLabel = new QLabel(tr("C&A bundle:"), this);
    caLabel->setBuddy(m_caBundle);
    form->addRow(caLabel, caRow);

    auto *add = new QPushButton(tr("&Add"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(form, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(add, &QPushButton::clicked, this, &ConnectionsDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ConnectionsDialog::removeProfile);
    connect(browse, &QPushButton::clicked, this, &ConnectionsDialog::browseCaBundle);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionsDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        showRow(row);
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (QListWidgetItem *item = m_list->item(m_current))
            item->setText(text);
    });
    if (m_tokens)
        connect(m_tokens, &TokenStore::keychainUnavailableDetected, this, [this](const QString &reason) {
            m_tokenNote->setText(tr("No system keychain answered (%1): tokens are kept in memory until TraceDesk quits.").arg(reason));
        });
    if (m_tokens && m_tokens->keychainUnavailable())
        m_tokenNote->setText(tr("No system keychain answered (%1): tokens are kept in memory until TraceDesk quits.")
                                 .arg(m_tokens->keychainProblem()));

    refreshList();
    if (m_rows.isEmpty())
        addProfile();
    else
        m_list->setCurrentRow(0);
}

void ConnectionsDialog::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Row &row : std::as_const(m_rows))
        m_list->addItem(row.profile.name);
}

void ConnectionsDialog::storeForm()
{
    if (m_current < 0 || m_current >= m_rows.size())
        return;
    Row &row = m_rows[m_current];
    ConnectionProfile &p = row.profile;
    p.name = m_name->text().trimmed();
    p.kind = static_cast<BackendKind>(m_kind->currentData().toInt());
    p.baseUrl = QUrl(m_baseUrl->text().trimmed(), QUrl::StrictMode);
    p.authMode = static_cast<AuthMode>(m_auth->currentData().toInt());
    p.username = m_username->text().trimmed();
    p.apiVersion = !m_newerApi->isChecked() ? 0 : p.kind == BackendKind::Jaeger ? 3 : p.kind == BackendKind::Tempo ? 2 : 0;
    p.projectId = m_projectId->text().trimmed();
    p.clusterId = m_clusterId->text().trimmed();
    p.namespaceName = m_namespace->text().trimmed();
    p.tokenHeader = m_tokenHeader->text().trimmed();
    p.timeoutSeconds = m_timeout->value();
    p.maxMegabytes = m_maxSize->value();
    p.verifyTls = m_verifyTls->isChecked();
    p.caBundleFile = m_caBundle->text().trimmed();
    if (!m_token->text().isEmpty())
        row.newToken = m_token->text();
}

void ConnectionsDialog::showRow(int row)
{
    m_current = row;
    const bool valid = row >= 0 && row < m_rows.size();
    const ConnectionProfile p = valid ? m_rows.at(row).profile : ConnectionProfile();
    m_name->setText(p.name);
    {
        const QSignalBlocker kindBlocker(m_kind);
        const QSignalBlocker authBlocker(m_auth);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(p.kind))));
        m_auth->setCurrentIndex(std::max(0, m_auth->findData(int(p.authMode))));
    }
    m_username->setText(p.username);
    m_newerApi->setChecked(p.apiVersion >= 2);
    m_baseUrl->setText(p.baseUrl.toString());
    m_projectId->setText(p.projectId);
    m_clusterId->setText(p.clusterId);
    m_namespace->setText(p.namespaceName);
    m_tokenHeader->setText(p.tokenHeader);
    m_timeout->setValue(p.timeoutSeconds);
    m_maxSize->setValue(p.maxMegabytes);
    m_verifyTls->setChecked(p.verifyTls);
    m_caBundle->setText(p.caBundleFile);
    m_token->clear();
    m_token->setPlaceholderText(valid && !m_rows.at(row).newToken.isEmpty() ? tr("new token entered")
                                                                            : tr("leave empty to keep the stored token"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_kind, m_baseUrl, m_auth, m_username, m_newerApi, m_projectId,
                                                       m_clusterId, m_namespace, m_tokenHeader, m_timeout, m_maxSize,
                                                       m_verifyTls, m_caBundle, m_token})
        w->setEnabled(valid);
    updateKindRows();
}

void ConnectionsDialog::updateKindRows()
{
    if (!m_form)
        return;
    const auto kind = static_cast<BackendKind>(m_kind->currentData().toInt());
    const auto auth = static_cast<AuthMode>(m_auth->currentData().toInt());
    const bool spans = kind == BackendKind::SpansApi;
    for (QWidget *w : std::initializer_list<QWidget *>{m_projectId, m_clusterId, m_namespace})
        m_form->setRowVisible(w, spans);
    m_form->setRowVisible(m_auth, !spans);
    m_form->setRowVisible(m_username, !spans && auth == AuthMode::Basic);
    m_form->setRowVisible(m_newerApi, kind == BackendKind::Jaeger || kind == BackendKind::Tempo);
    m_form->setRowVisible(m_tokenHeader, spans || auth == AuthMode::Header);
    m_form->setRowVisible(m_token, spans || auth != AuthMode::None);
    m_form->setRowVisible(m_tokenNote, spans || auth != AuthMode::None);
    m_baseUrl->setPlaceholderText(spans                          ? tr("https://apm.example.com")
                                  : kind == BackendKind::Zipkin ? tr("http://zipkin.example.com:9411")
                                  : kind == BackendKind::Jaeger ? tr("http://jaeger-query.example.com:16686")
                                                                : tr("http://tempo.example.com:3200"));
}

void ConnectionsDialog::addProfile()
{
    storeForm();
    Row row;
    QString name = tr("New connection");
    for (int n = 2; std::any_of(m_rows.cbegin(), m_rows.cend(), [&name](const Row &r) { return r.profile.name == name; }); ++n)
        name = tr("New connection %1").arg(n);
    row.profile.name = name;
    m_rows.append(row);
    refreshList();
    m_current = -1;
    m_list->setCurrentRow(static_cast<int>(m_rows.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionsDialog::removeProfile()
{
    if (m_current < 0 || m_current >= m_rows.size())
        return;
    if (!m_rows.at(m_current).originalName.isEmpty())
        m_removed << m_rows.at(m_current).originalName;
    m_rows.removeAt(m_current);
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(m_rows.isEmpty() ? -1 : 0);
    if (m_rows.isEmpty())
        showRow(-1);
}

void ConnectionsDialog::browseCaBundle()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA bundle"), m_caBundle->text(),
                                                      tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caBundle->setText(file);
}

void ConnectionsDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).profile.name == name)
            m_list->setCurrentRow(i);
}

QString ConnectionsDialog::selectedProfile() const
{
    return m_current >= 0 && m_current < m_rows.size() ? m_rows.at(m_current).profile.name : QString();
}

void ConnectionsDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ConnectionsDialog::accept()
{
    storeForm();
    QStringList names;
    for (int i = 0; i < m_rows.size(); ++i) {
        const ConnectionProfile &p = m_rows.at(i).profile;
        QString problem = p.validationError();
        if (problem.isEmpty() && names.contains(p.name))
            problem = tr("Two profiles are called \"%1\".").arg(p.name);
        if (!problem.isEmpty()) {
            m_list->setCurrentRow(i);
            showError(tr("%1: %2").arg(p.name.isEmpty() ? tr("(unnamed)") : p.name, problem));
            return;
        }
        names << p.name;
    }
    showError(QString());

    QSettings settings;
    QList<ConnectionProfile> profiles;
    for (const Row &row : std::as_const(m_rows))
        profiles << row.profile;
    ConnectionProfiles::save(settings, profiles);
    if (m_tokens)
        for (const QString &name : std::as_const(m_removed))
            if (!names.contains(name)) {
                m_tokens->forgetToken(name);
                ConnectionProfiles::clearRecentTraceIds(settings, name);
            }

    // Tokens: new ones are stored; a renamed profile takes its stored token along.
    m_buttons->setEnabled(false);
    m_pendingTokenWrites = 1; // released at the end of this function
    for (const Row &row : std::as_const(m_rows)) {
        if (!m_tokens)
            break;
        const QString name = row.profile.name;
        const auto stored = [this](TokenStore::Storage where, const QString &note) {
            if (where == TokenStore::Storage::SessionOnly && !m_tokenNotes.contains(note))
                m_tokenNotes << note;
            if (--m_pendingTokenWrites == 0)
                finishAccept();
        };
        if (!row.newToken.isEmpty()) {
            ++m_pendingTokenWrites;
            m_tokens->storeToken(name, row.newToken, this, stored);
        } else if (!row.originalName.isEmpty() && row.originalName != name) {
            ++m_pendingTokenWrites;
            const QString oldName = row.originalName;
            m_tokens->readToken(oldName, this, [this, name, oldName, stored](const QString &token) {
                if (token.isEmpty()) {
                    stored(TokenStore::Storage::Keychain, QString());
                    return;
                }
                m_tokens->storeToken(name, token, this, stored);
                m_tokens->forgetToken(oldName);
            });
        }
    }
    if (--m_pendingTokenWrites == 0)
        finishAccept();
}

void ConnectionsDialog::finishAccept()
{
    m_buttons->setEnabled(true);
    if (!m_tokenNotes.isEmpty()) {
        // Not modal: the dialog is closing, and nothing waits for this.
        auto *box = new QMessageBox(QMessageBox::Information, tr("Token kept for this session only"),
                                    m_tokenNotes.join(QLatin1Char('\n')), QMessageBox::Ok, parentWidget());
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    QDialog::accept();
}

} // namespace td
