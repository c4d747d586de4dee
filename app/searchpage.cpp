#include "searchpage.h"

#include "searchresultsview.h"
#include "tokenstore.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

namespace td {

namespace {

// The time range choices: minutes back from now (0: custom).
struct RangeChoice
{
    const char *label;
    int minutes;
};
constexpr RangeChoice rangeChoices[] = {
    {QT_TRANSLATE_NOOP("td::SearchPage", "Last 15 minutes"), 15},
    {QT_TRANSLATE_NOOP("td::SearchPage", "Last hour"), 60},
    {QT_TRANSLATE_NOOP("td::SearchPage", "Last 6 hours"), 360},
    {QT_TRANSLATE_NOOP("td::SearchPage", "Last 24 hours"), 1440},
    {QT_TRANSLATE_NOOP("td::SearchPage", "Last 7 days"), 10080},
    {QT_TRANSLATE_NOOP("td::SearchPage", "Custom…"), 0},
};

} // namespace

SearchPage::SearchPage(TokenStore *tokens, QWidget *parent)
    : QWidget(parent)
    , m_tokens(tokens)
    , m_client(new TraceSearchClient(this))
    , m_profile(new QComboBox(this))
    , m_connectionsButton(new QPushButton(tr("Connections…"), this))
    , m_service(new QComboBox(this))
    , m_operation(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_traceQl(new QLineEdit(this))
    , m_minDuration(new QLineEdit(this))
    , m_maxDuration(new QLineEdit(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_limit(new QSpinBox(this))
    , m_searchButton(new QPushButton(tr("&Search"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
    , m_results(new SearchResultsView(this))
{
    setObjectName(QStringLiteral("searchPage"));
    m_profile->setObjectName(QStringLiteral("searchProfile"));
    m_profile->setToolTip(tr("The Zipkin, Jaeger or Tempo connection to search (File > Connections adds one)"));
    for (QComboBox *box : {m_service, m_operation}) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(18);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        box->completer()->setFilterMode(Qt::MatchContains);
    }
    m_service->lineEdit()->setPlaceholderText(tr("all services"));
    m_operation->lineEdit()->setPlaceholderText(tr("all operations"));
    m_tags->setPlaceholderText(tr("e.g. error=true http.status_code=500"));
    m_tags->setToolTip(tr("Tags that must match, key=value separated by spaces; quote values with spaces: "
                          "http.url=\"/api/cart items\""));
    m_tags->setCompleter(new QCompleter(new QStringListModel(m_tags), m_tags));
    m_traceQl->setPlaceholderText(tr("{ resource.service.name = \"frontend\" && status = error }"));
    m_traceQl->setToolTip(tr("Tempo only: a TraceQL query; when set, it replaces service, operation, tags and durations"));
    m_minDuration->setPlaceholderText(tr("e.g. 100ms"));
    m_maxDuration->setPlaceholderText(tr("e.g. 2s"));
    for (const RangeChoice &choice : rangeChoices)
        m_range->addItem(tr(choice.label), choice.minutes);
    m_range->setCurrentIndex(1);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    m_from->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    m_to->setDateTime(QDateTime::currentDateTime());
    m_limit->setRange(1, 1500);
    m_limit->setValue(20);
    m_searchButton->setDefault(true);
    m_cancelButton->setEnabled(false);
    m_status->setTextFormat(Qt::PlainText); // server messages are untrusted text
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("searchStatus"));

    auto *form = new QGridLayout;
    int row = 0;
    const auto addRow = [form, &row, this](const QString &label, QWidget *field, int column) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        form->addWidget(l, row, column * 2);
        form->addWidget(field, row, column * 2 + 1);
        if (column == 1)
            ++row;
    };
    auto *profileRow = new QWidget(this);
    auto *profileLayout = new QHBoxLayout(profileRow);
    profileLayout->setContentsMargins(0, 0, 0, 0);
    profileLayout->addWidget(m_profile, 1);
    profileLayout->addWidget(m_connectionsButton);
    addRow(tr("&Backend:"), profileRow, 0);
    addRow(tr("&Limit:"), m_limit, 1);
    addRow(tr("Se&rvice:"), m_service, 0);
    addRow(tr("&Operation:"), m_operation, 1);
    addRow(tr("&Tags:"), m_tags, 0);
    addRow(tr("Trace&QL:"), m_traceQl, 1);
    addRow(tr("&Min duration:"), m_minDuration, 0);
    addRow(tr("Ma&x duration:"), m_maxDuration, 1);
    auto *rangeRow = new QWidget(this);
    auto *rangeLayout = new QHBoxLayout(rangeRow);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(m_range);
    rangeLayout->addWidget(m_from);
    rangeLayout->addWidget(new QLabel(QStringLiteral("–"), this));
    rangeLayout->addWidget(m_to);
    rangeLayout->addStretch();
    addRow(tr("Ti&me:"), rangeRow, 0);
    auto *buttons = new QWidget(this);
    auto *buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addStretch();
    buttonLayout->addWidget(m_cancelButton);
    buttonLayout->addWidget(m_searchButton);
    form->addWidget(buttons, row, 2, 1, 2);
    form->setColumnStretch(1, 1);
    form->setColumnStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    connect(m_profile, &QComboBox::currentIndexChanged, this, &SearchPage::onProfileChanged);
    connect(m_connectionsButton, &QPushButton::clicked, this, &SearchPage::manageConnectionsRequested);
    connect(m_service, &QComboBox::currentTextChanged, this, &SearchPage::onServiceChanged);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_range->currentData().toInt() == 0;
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
    });
    connect(m_searchButton, &QPushButton::clicked, this, &SearchPage::search);
    connect(m_cancelButton, &QPushButton::clicked, this, &SearchPage::cancel);
    for (QLineEdit *edit : {m_tags, m_traceQl, m_minDuration, m_maxDuration, m_service->lineEdit(), m_operation->lineEdit()})
        connect(edit, &QLineEdit::returnPressed, this, &SearchPage::search);
    connect(m_results, &SearchResultsView::openRequested, this, [this](const QStringList &ids) {
        Q_EMIT openTracesRequested(currentProfile(), ids);
    });

    connect(m_client, &TraceSearchClient::servicesListed, this, [this](const SearchResult &r) {
        if (!r.ok()) {
            setStatus(tr("Could not list the services: %1").arg(r.describe()), true);
            return;
        }
        const QString typed = m_service->currentText();
        const QSignalBlocker blocker(m_service);
        m_service->clear();
        m_service->addItem(QString());
        m_service->addItems(r.names);
        m_service->setCurrentText(typed);
    });
    connect(m_client, &TraceSearchClient::operationsListed, this, [this](const SearchResult &r) {
        if (r.service != m_service->currentText().trimmed() && profile() && profile()->kind != BackendKind::Tempo)
            return; // an answer for a service no longer chosen
        if (!r.ok()) {
            setStatus(tr("Could not list the operations: %1").arg(r.describe()), true);
            return;
        }
        const QString typed = m_operation->currentText();
        m_operation->clear();
        m_operation->addItem(QString());
        m_operation->addItems(r.names);
        m_operation->setCurrentText(typed);
    });
    connect(m_client, &TraceSearchClient::tagNamesListed, this, [this](const SearchResult &r) {
        if (auto *model = qobject_cast<QStringListModel *>(m_tags->completer()->model())) {
            QStringList keys;
            for (const QString &n : r.names)
                keys << n + QLatin1Char('=');
            model->setStringList(keys);
        }
    });
    connect(m_client, &TraceSearchClient::searchFinished, this, [this](const SearchResult &r) {
        setSearching(false);
        if (r.ok()) {
            m_results->setHits(r.hits);
            setStatus(r.message, false);
        } else if (r.step == FetchStep::Cancelled) {
            setStatus(r.message, false); // the earlier results stay
        } else {
            setStatus(r.describe(), true); // the earlier results stay
        }
        Q_EMIT searchFinished(r);
    });
    reloadProfiles();
}

void SearchPage::reloadProfiles()
{
    QSettings settings;
    setProfiles(ConnectionProfiles::load(settings));
}

void SearchPage::setProfiles(const QList<ConnectionProfile> &profiles)
{
    const QString current = currentProfile();
    m_profiles.clear();
    for (const ConnectionProfile &p : profiles)
        if (backendCanSearch(p.kind))
            m_profiles.append(p);
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->clear();
        for (const ConnectionProfile &p : std::as_const(m_profiles))
            m_profile->addItem(tr("%1 (%2)").arg(p.name, backendKindTitle(p.kind)), p.name);
        const int index = m_profile->findData(current);
        m_profile->setCurrentIndex(index >= 0 ? index : (m_profiles.isEmpty() ? -1 : 0));
    }
    m_searchButton->setEnabled(!m_profiles.isEmpty());
    if (m_profiles.isEmpty())
        setStatus(tr("There is no Zipkin, Jaeger or Tempo connection yet. Add one with Connections… "
                     "(the demo server serves all three: see the README)."),
                  false);
    else if (currentProfile() != current)
        onProfileChanged();
}

QString SearchPage::currentProfile() const
{
    return m_profile->currentData().toString();
}

bool SearchPage::selectProfile(const QString &name)
{
    const int index = m_profile->findData(name);
    if (index < 0)
        return false;
    m_profile->setCurrentIndex(index);
    return true;
}

std::optional<ConnectionProfile> SearchPage::profile() const
{
    return ConnectionProfiles::find(m_profiles, currentProfile());
}

void SearchPage::withConnection(const std::function<void(const FetchRequest &)> &use)
{
    const auto p = profile();
    if (!p)
        return;
    const FetchRequest request = FetchRequest::fromProfile(*p, QString(), QString());
    if (p->authMode == AuthMode::None || !m_tokens) {
        use(request);
        return;
    }
    m_tokens->readToken(p->name, this, [request, use](const QString &token) {
        FetchRequest withToken = request;
        withToken.token = token;
        use(withToken);
    });
}

void SearchPage::onProfileChanged()
{
    const auto p = profile();
    m_traceQl->setEnabled(p && p->kind == BackendKind::Tempo);
    m_service->clear();
    m_operation->clear();
    if (!p)
        return;
    setStatus(QString(), false);
    withConnection([this](const FetchRequest &connection) {
        m_client->listServices(connection);
        m_client->listTagNames(connection);
        if (connection.kind == BackendKind::Tempo)
            m_client->listOperations(connection, QString()); // Tempo lists span names of all services
    });
}

void SearchPage::onServiceChanged()
{
    const auto p = profile();
    const QString service = m_service->currentText().trimmed();
    if (!p || p->kind == BackendKind::Tempo || service.isEmpty() || m_service->findText(service) < 0)
        return; // Tempo's names are for all services; an unknown (half-typed) service has no list
    withConnection([this, service](const FetchRequest &connection) { m_client->listOperations(connection, service); });
}

std::optional<TraceQuery> SearchPage::query(QString *error) const
{
    TraceQuery q;
    q.service = m_service->currentText().trimmed();
    q.operation = m_operation->currentText().trimmed();
    q.traceQl = m_traceQl->isEnabled() ? m_traceQl->text().trimmed() : QString();
    QString why;
    const auto tags = backendapi::parseTagList(m_tags->text(), &why);
    if (!tags) {
        *error = tr("Tags: %1").arg(why);
        return std::nullopt;
    }
    q.tags = *tags;
    const auto duration = [error](QLineEdit *edit, const QString &what, std::int64_t &out) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            return true;
        out = backendapi::parseDurationUs(text);
        if (out <= 0) {
            *error = tr("%1: \"%2\" is not a duration such as 100ms, 2s or 1m.").arg(what, text);
            return false;
        }
        return true;
    };
    if (!duration(m_minDuration, tr("Min duration"), q.minDurationUs) || !duration(m_maxDuration, tr("Max duration"), q.maxDurationUs))
        return std::nullopt;
    const int minutes = m_range->currentData().toInt();
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    if (minutes > 0) {
        q.endUs = now.toMSecsSinceEpoch() * 1000;
        q.startUs = q.endUs - std::int64_t(minutes) * 60 * 1000000;
    } else {
        q.startUs = m_from->dateTime().toMSecsSinceEpoch() * 1000;
        q.endUs = m_to->dateTime().toMSecsSinceEpoch() * 1000;
    }
    q.limit = m_limit->value();
    return q;
}

void SearchPage::search()
{
    const auto p = profile();
    if (!p) {
        setStatus(tr("Choose a Zipkin, Jaeger or Tempo connection first (Connections…)."), true);
        return;
    }
    QString error;
    const auto q = query(&error);
    if (!q) {
        setStatus(error, true);
        return;
    }
    const QString problem = TraceSearchClient::queryProblem(p->kind, *q);
    if (!problem.isEmpty()) {
        setStatus(problem, true);
        return;
    }
    setSearching(true);
    setStatus(tr("Searching %1…").arg(p->baseUrl.toString(QUrl::RemoveUserInfo)), false);
    const TraceQuery query = *q;
    withConnection([this, query](const FetchRequest &connection) { m_client->search(connection, query); });
}

void SearchPage::cancel()
{
    m_client->cancelSearch();
}

void SearchPage::setSearching(bool searching)
{
    m_searchButton->setEnabled(!searching && !m_profiles.isEmpty());
    m_cancelButton->setEnabled(searching);
}

void SearchPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_status->setPalette(pal);
}

} // namespace td
